// The board's audit log (#16): what happened to the records parties rely on, written by the
// server with its own clock and its own idea of who acted (the link used, or a typed name it marks
// unverified). Append-only, in the board store; kept after the board is deleted for
// AUDIT_RETENTION_DAYS, then purged.
import type { AuditAction, AuditActor, AuditEntry } from '../../shared';
import type { BoardStorage, StoredAuditEntry } from '../storage/BoardStorage';
import type { BoardAccess } from '../http/boardAccess';

export const AUDIT_PAGE_MAX = 200;

/**
 * Who acted: a signed-in member by the name their identity provider gave (verified, whatever was
 * typed); otherwise a name typed on the link (unverified), else the link itself.
 */
export function actorOf(access: Pick<BoardAccess, 'link'> & { identity?: BoardAccess['identity'] }, typedName?: string): AuditActor {
  if (access.identity?.verified && access.identity.name !== null) return { name: access.identity.name, verified: true };
  return { name: typedName ?? `${access.link} link`, verified: false };
}

export class AuditLog {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly storage: BoardStorage,
    /** How long the log of a deleted board is kept; 0 keeps it for ever. */
    private readonly retentionMs: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async record(boardId: string, action: AuditAction, actor: AuditActor, extra: { target?: string; details?: AuditEntry['details'] } = {}): Promise<AuditEntry> {
    const entry: AuditEntry = { at: this.now().toISOString(), action, actor, ...extra };
    await this.storage.appendAudit(boardId, entry);
    return entry;
  }

  /** One page, newest first; `next` is the cursor of the page after it (absent on the last). */
  async page(boardId: string, before: number | undefined, limit: number): Promise<{ entries: StoredAuditEntry[]; next?: number }> {
    const n = Math.max(1, Math.min(AUDIT_PAGE_MAX, limit));
    const rows = await this.storage.listAudit(boardId, { ...(before !== undefined ? { before } : {}), limit: n + 1 });
    const entries = rows.slice(0, n);
    return rows.length > n ? { entries, next: entries.at(-1)!.seq } : { entries };
  }

  /** Every entry of a board, newest first (the CSV download). */
  async all(boardId: string): Promise<StoredAuditEntry[]> {
    const out: StoredAuditEntry[] = [];
    let before: number | undefined;
    for (;;) {
      const rows = await this.storage.listAudit(boardId, { ...(before !== undefined ? { before } : {}), limit: 1000 });
      out.push(...rows);
      if (rows.length < 1000) return out;
      before = rows.at(-1)!.seq;
    }
  }

  /** Removes the logs of boards deleted longer ago than the retention. */
  purge(): Promise<number> {
    if (this.retentionMs <= 0) return Promise.resolve(0);
    return this.storage.purgeAudit(new Date(this.now().getTime() - this.retentionMs).toISOString());
  }

  startTimer(intervalMs = 3_600_000): void {
    if (this.retentionMs <= 0) return;
    this.timer = setInterval(() => void this.purge().catch((err: unknown) => console.error('audit purge failed', err)), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
