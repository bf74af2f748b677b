// Stamps comment acts with the server's time and the sender's identity (#16 §4). Threads, replies
// and resolves are written by the browser into the board (so they work offline) with its own clock
// and a name it claims. When a client's update that adds a message or resolves a thread has been
// stored and applied, the stamper writes — as a server change, stored like any other — a stamp per
// act into `commentStamps` (shared/workshop/commentStamps.ts): the time it received it and who
// sent it as the connection knows them (a signed-in member's verified name and side; else the link
// and the name typed on it, unverified). A message written offline is stamped when it arrives.
// A stamp is never replaced (the first one for a message id holds); a resolve is stamped anew
// each time someone resolves the thread.
import * as Y from 'yjs';
import {
  commentStampsOf, idSchema, isSideLink, messageFingerprint, messageStampKey, resolveStampKey, workshopMaps,
  type CommentStamp, type StampedAuthor,
} from '../../shared';
import type { BoardLog } from '../sync/BoardLog';
import { Connection } from '../sync/Connection';

/** Origin of the stamps' server change. */
export const STAMP_ORIGIN = 'server-comment-stamps';

type Act = { kind: 'message'; threadId: string; messageId: string; of: string; by: StampedAuthor } | { kind: 'resolve'; threadId: string; by: StampedAuthor };

const MAX_NAME = 200;

/** Who the server knows is behind `conn`; `claimed` is the name the act itself gives (used, unverified, for a link). */
export function authorOf(conn: Connection, claimed: unknown): StampedAuthor {
  if (conn.member) return { name: conn.member.name, verified: true, side: conn.member.side };
  const typed = typeof claimed === 'string' ? claimed.trim().slice(0, MAX_NAME) : '';
  const link = conn.link ?? conn.role;
  return { name: typed || `${link} link`, verified: false, link, ...(isSideLink(link) ? { side: link } : {}) };
}

const isThreadKey = (key: string) => idSchema.safeParse(key).success;

export class CommentStamper {
  private pending: Act[] = [];
  private scheduled = false;
  private readonly comments: Y.Map<unknown>;

  constructor(
    private readonly log: BoardLog,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.comments = workshopMaps(log.doc).comments as Y.Map<unknown>;
    this.comments.observeDeep(this.onComments);
  }

  stop(): void {
    this.comments.unobserveDeep(this.onComments);
  }

  private onComments = (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction): void => {
    const conn = tr.origin;
    if (!(conn instanceof Connection)) return; // the server's own changes (restore, import) are not acts
    for (const event of events) {
      const target = event.target;
      if (target === this.comments) {
        // A thread added (or put in place of another): its messages, and its resolve if it came resolved.
        event.changes.keys.forEach((change, key) => {
          if (change.action !== 'delete') this.threadArrived(conn, key, this.comments.get(key));
        });
      } else if (target instanceof Y.Map && target.parent === this.comments) {
        const threadId = keyOf(target);
        if (!threadId) continue;
        if (event.changes.keys.has('resolved') && target.get('resolved') === true) this.resolved(conn, threadId, target);
        if (event.changes.keys.has('messages')) this.messagesArrived(conn, threadId, target.get('messages'));
      } else if (target instanceof Y.Array && target.parent instanceof Y.Map && target.parent.parent === this.comments) {
        const threadId = keyOf(target.parent);
        if (!threadId) continue;
        for (const item of event.changes.added) for (const m of item.content.getContent()) this.messageArrived(conn, threadId, m);
      }
    }
    if (this.pending.length && !this.scheduled) {
      this.scheduled = true;
      // After the client's update has been applied and sent on: the stamps follow as their own change.
      queueMicrotask(() => this.flush());
    }
  };

  private threadArrived(conn: Connection, threadId: string, y: unknown): void {
    if (!(y instanceof Y.Map) || !isThreadKey(threadId)) return;
    this.messagesArrived(conn, threadId, y.get('messages'));
    if (y.get('resolved') === true) this.resolved(conn, threadId, y);
  }

  private messagesArrived(conn: Connection, threadId: string, messages: unknown): void {
    if (messages instanceof Y.Array) for (const m of messages.toArray()) this.messageArrived(conn, threadId, m);
  }

  private messageArrived(conn: Connection, threadId: string, m: unknown): void {
    if (!isThreadKey(threadId) || m === null || typeof m !== 'object') return;
    const { id, text, mentions, name } = m as Record<string, unknown>;
    if (typeof id !== 'string' || !idSchema.safeParse(id).success) return;
    this.pending.push({ kind: 'message', threadId, messageId: id, of: messageFingerprint(threadId, { text: text as string, mentions: mentions as string[] }), by: authorOf(conn, name) });
  }

  private resolved(conn: Connection, threadId: string, y: Y.Map<unknown>): void {
    if (!isThreadKey(threadId)) return;
    const by = y.get('resolvedBy') as { name?: unknown } | undefined;
    this.pending.push({ kind: 'resolve', threadId, by: authorOf(conn, by && typeof by === 'object' ? by.name : undefined) });
  }

  private flush(): void {
    this.scheduled = false;
    const acts = this.pending;
    this.pending = [];
    if (!acts.length || this.log.isFenced) return;
    const at = this.now().toISOString();
    this.log
      .applyServerChange((doc) => writeStamps(doc, acts, at), STAMP_ORIGIN)
      .catch((err: unknown) => console.error(`board ${this.log.boardId}: comment stamps could not be stored`, err));
  }
}

/** Writes the stamps of `acts` (received at `at`) into `doc`: a message's first stamp holds; a resolve is stamped if the thread is still resolved. */
function writeStamps(doc: Y.Doc, acts: readonly Act[], at: string): void {
  const stamps = commentStampsOf(doc);
  const threads = workshopMaps(doc).comments;
  for (const act of acts) {
    if (act.kind === 'message') {
      const key = messageStampKey(act.messageId);
      if (!stamps.has(key)) stamps.set(key, { at, by: act.by, of: act.of } satisfies CommentStamp);
    } else if (threads.get(act.threadId)?.get('resolved') === true) {
      stamps.set(resolveStampKey(act.threadId), { at, by: act.by } satisfies CommentStamp);
    }
  }
}

/** The key a thread's Y.Map is held under in `comments` (its id). */
function keyOf(type: { _item: Y.Item | null }): string | null {
  const key = type._item?.parentSub;
  return typeof key === 'string' ? key : null;
}
