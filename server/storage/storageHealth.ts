// What a storage failure means for the people using it (issue #12, finding 14): a full disk and a
// read-only one get their own clear answers (507 and 503) instead of a generic 500, and the store
// keeps a health record that /healthz reports and that clears by itself once a write succeeds again.

export type StorageStatus = 'ok' | 'full' | 'read_only' | 'failed';

export interface StorageHealth {
  status: StorageStatus;
  /** When the current status began (ISO time). */
  since: string;
  /** The last error's message while not ok. */
  error?: string;
}

/** The SQLite result code of an error, if it carries one (better-sqlite3 sets `code`, e.g. SQLITE_READONLY_DBMOVED). */
function sqliteCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

/**
 * PostgreSQL's answer (SQLSTATE) or a lost connection: disk full (53100), read-only (25006), and
 * every connection or server fault (class 08, 57, 58, XX; ECONNREFUSED and the like) as failing.
 */
function postgresStatus(err: unknown): Exclude<StorageStatus, 'ok'> | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return /Connection terminated|connection timeout/i.test(String((err as Error | null)?.message)) ? 'failed' : null;
  if (code === '53100') return 'full';
  if (code === '25006') return 'read_only';
  if (/^(08|57|58|XX|53)/.test(code) || /^E(CONNREFUSED|CONNRESET|HOSTUNREACH|TIMEDOUT|PIPE)$/.test(code)) return 'failed';
  return null;
}

/** The storage status an error means, or null when it is not a storage fault (a constraint, a bug). */
export function classifyStorageError(err: unknown): Exclude<StorageStatus, 'ok'> | null {
  const code = sqliteCode(err);
  if (!code) return postgresStatus(err);
  if (code === 'SQLITE_FULL' || (code === 'SQLITE_IOERR_WRITE' && /disk|space|full/i.test(String((err as Error).message)))) return 'full';
  if (code.startsWith('SQLITE_READONLY')) return 'read_only';
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'failed';
  return null;
}

/** The HTTP answer for a storage fault: status, error code and message. */
export function storageErrorResponse(status: Exclude<StorageStatus, 'ok'>): { status: number; code: string; message: string } {
  switch (status) {
    case 'full':
      return { status: 507, code: 'storage_full', message: 'The server\'s disk is full, so nothing can be saved right now. Nothing was changed; try again later, or tell the administrator.' };
    case 'read_only':
      return { status: 503, code: 'storage_read_only', message: 'The server\'s storage is read-only right now, so nothing can be saved. Nothing was changed; try again later.' };
    default:
      return { status: 503, code: 'storage_failed', message: 'The server could not reach its storage. Nothing was changed; try again later.' };
  }
}

/** Keeps the current health: every write reports how it went. */
export class HealthRecord {
  private current: StorageHealth = { status: 'ok', since: new Date().toISOString() };

  get(): StorageHealth {
    return { ...this.current };
  }

  /** A write succeeded: the store is healthy again. */
  ok(): void {
    if (this.current.status !== 'ok') this.current = { status: 'ok', since: new Date().toISOString() };
  }

  /** A write failed: records it when it is a storage fault. Returns the error unchanged. */
  failed(err: unknown): unknown {
    const status = classifyStorageError(err);
    if (status) {
      const message = err instanceof Error ? err.message : String(err);
      if (this.current.status !== status) this.current = { status, since: new Date().toISOString(), error: message };
      else this.current.error = message;
    }
    return err;
  }
}
