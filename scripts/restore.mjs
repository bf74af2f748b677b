// `npm run restore -- <file>`: puts a backup made by `npm run backup` in place as the store of an
// empty DATA_DIR (stop the server first; start it again afterwards). It refuses a DATA_DIR that
// already holds a store, so a restore never overwrites live data by mistake: move the old folder
// aside or point DATA_DIR at a new one.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

const source = process.argv[2];
if (!source) {
  console.error('usage: npm run restore -- <file>   (into DATA_DIR, default ./data, which must hold no store)');
  process.exit(2);
}
const file = path.resolve(source);
const dataDir = path.resolve(process.env.DATA_DIR ?? './data');
const target = path.join(dataDir, 'malkart.sqlite');
for (const f of [target, `${target}-wal`, `${target}-shm`]) {
  if (existsSync(f)) {
    console.error(`${dataDir} already holds a store (${path.basename(f)}); restore into an empty DATA_DIR`);
    process.exit(1);
  }
}

let boards;
try {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const ok = db.pragma('integrity_check', { simple: true });
  if (ok !== 'ok') throw new Error(`integrity check: ${ok}`);
  boards = db.prepare('SELECT count(*) AS n FROM boards').get().n;
  db.close();
} catch (err) {
  console.error(`${file} is not a Målkart backup: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}

mkdirSync(dataDir, { recursive: true });
const partial = `${target}.restoring`;
copyFileSync(file, partial);
try {
  renameSync(partial, target);
} catch (err) {
  rmSync(partial, { force: true });
  throw err;
}
console.log(`restored ${boards} boards from ${file} into ${target}`);
