// How every connection to the SQLite file is set up — the main one (SqliteStorage) and the log
// writer's thread (LogWriter) — and the statement that appends to the update log, in one place.

export type Synchronous = 'FULL' | 'NORMAL';

/** The pragmas of every connection, in order. */
export function connectionPragmas(synchronous: Synchronous): string[] {
  return [
    'journal_mode = WAL',
    // FULL also survives power loss; NORMAL (WAL) survives a crash of the process.
    `synchronous = ${synchronous}`,
    'foreign_keys = ON',
    'busy_timeout = 5000',
    // Deleted boards and snapshots are overwritten with zeros, not left readable in the file (#12, finding 15).
    'secure_delete = ON',
  ];
}

/** Appends one update; its rowid is the update's sequence number. */
export const APPEND_UPDATE_SQL = 'INSERT INTO update_log (board_id, update_data) VALUES (?, ?)';

/** Sets up a better-sqlite3 connection (or anything with its `pragma`). */
export function setUpConnection(db: { pragma(source: string): unknown }, synchronous: Synchronous): void {
  for (const p of connectionPragmas(synchronous)) db.pragma(p);
}
