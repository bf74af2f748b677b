// Every connection to the SQLite file is set up alike: WAL, the chosen fsync level, foreign keys, zeroed deletes.
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setUpConnection } from './sqliteSetup';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('setUpConnection', () => {
  it('sets WAL, the synchronous level, foreign keys, a busy timeout and secure delete', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'malkart-setup-'));
    dirs.push(dir);
    for (const [level, code] of [['FULL', 2], ['NORMAL', 1]] as const) {
      const db = new Database(path.join(dir, `${level}.sqlite`));
      setUpConnection(db, level);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(code);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(db.pragma('secure_delete', { simple: true })).toBe(1);
      db.close();
    }
  });
});
