// `npm run backup -- <file>`: a consistent copy of the store (DATA_DIR/malkart.sqlite) while the
// server runs and edits flow. SQLite's VACUUM INTO reads the whole database inside one read
// transaction, so the copy is the database as it was at one instant (every update stored by then,
// none half), and in WAL mode that read never blocks the server's writes. Never copy the file
// itself: with WAL, the file alone may miss committed updates or be caught mid-checkpoint.
// The copy is written beside <file> and renamed into place only when complete.
import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

const target = process.argv[2];
if (!target) {
  console.error('usage: npm run backup -- <file>   (DATA_DIR names the data folder, default ./data)');
  process.exit(2);
}
const source = path.resolve(process.env.DATA_DIR ?? './data', 'malkart.sqlite');
if (!existsSync(source)) {
  console.error(`no store at ${source} (set DATA_DIR to the server's data folder)`);
  process.exit(1);
}
const file = path.resolve(target);
if (existsSync(file)) {
  console.error(`${file} exists already; choose a new file name`);
  process.exit(1);
}
const partial = `${file}.partial`;
rmSync(partial, { force: true });

const started = performance.now();
const db = new Database(source, { fileMustExist: true });
try {
  db.pragma('busy_timeout = 10000');
  db.prepare('VACUUM INTO ?').run(partial);
} finally {
  db.close();
}
const check = new Database(partial, { readonly: true });
const boards = check.prepare('SELECT count(*) AS n FROM boards').get().n;
const ok = check.pragma('quick_check', { simple: true });
check.close();
if (ok !== 'ok') {
  rmSync(partial, { force: true });
  console.error(`the copy failed its check: ${ok}`);
  process.exit(1);
}
renameSync(partial, file);
console.log(`backup of ${boards} boards written to ${file} in ${Math.round(performance.now() - started)} ms`);
