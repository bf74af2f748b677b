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
  if (conn.member?.name) return { name: conn.member.name, verified: true, side: conn.member.side };
  const typed = typeof claimed === 'string' ? claimed.trim().slice(0, MAX_NAME) : '';
  // A member whose provider gave no name: their side is known, the name only typed.
  if (conn.member) return { name: typed || 'member', verified: false, side: conn.member.side };
  const link = conn.link ?? conn.role;
  return { name: typed || `${link} link`, verified: false, link, ...(isSideLink(link) ? { side: link } : {}) };
}

const isThreadKey = (key: string) => idSchema.safeParse(key).success;

export class CommentStamper {
  private pending: Act[] = [];
  private scheduled = false;
  /** The board's stamps alone, where new ones are written (see stampsMirror); built at the first act. */
  private mirror: Y.Doc | null = null;
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
    // Which resolves still hold is read from the live board, now; the stamps are written in the mirror.
    const threads = workshopMaps(this.log.doc).comments;
    const live = acts.filter((a) => a.kind === 'message' || threads.get(a.threadId)?.get('resolved') === true);
    const mirror = this.mirror ?? (this.mirror = stampsMirror(this.log.doc));
    let update: Uint8Array | null = null;
    const capture = (u: Uint8Array) => (update = u);
    mirror.on('update', capture);
    mirror.transact(() => writeStamps(commentStampsOf(mirror), live, at), STAMP_ORIGIN);
    mirror.off('update', capture);
    if (!update) return;
    this.log.storeThenApply(update, STAMP_ORIGIN).catch((err: unknown) => {
      // Not stored, so not on the board: the mirror holds what the board does not and is built again.
      this.mirror?.destroy();
      this.mirror = null;
      console.error(`board ${this.log.boardId}: comment stamps could not be stored`, err);
    });
  }

  /** Stops observing and drops the mirror (the room is unloading). */
  destroy(): void {
    this.stop();
    this.mirror?.destroy();
    this.mirror = null;
  }
}

/**
 * A small document holding only the board's stamps, with their item ids: a stamp is written there
 * and its update stored and applied to the board like any other, without copying the whole board
 * for each comment (a 2,000-card board took hundreds of ms per copy). Only this class writes
 * `commentStamps` (the update guard refuses it from clients; restore and import leave it alone), so
 * the clients that wrote its items wrote nothing else: the board's update for just those clients is
 * the stamps.
 */
function stampsMirror(live: Y.Doc): Y.Doc {
  const mirror = new Y.Doc();
  const writers = new Set<number>();
  for (const item of (commentStampsOf(live) as unknown as { _map: Map<string, Y.Item> })._map.values()) {
    for (let it: Y.Item | null = item; it; it = it.left as Y.Item | null) writers.add(it.id.client);
  }
  if (writers.size) {
    const others = Y.decodeStateVector(Y.encodeStateVector(live));
    for (const client of writers) others.delete(client);
    Y.applyUpdate(mirror, Y.encodeStateAsUpdate(live, Y.encodeStateVector(new Map(others))));
  }
  return mirror;
}

/** Writes the stamps of `acts` (received at `at`): a message's first stamp holds; a resolve is stamped anew. */
function writeStamps(stamps: Y.Map<CommentStamp>, acts: readonly Act[], at: string): void {
  for (const act of acts) {
    if (act.kind === 'message') {
      const key = messageStampKey(act.messageId);
      if (!stamps.has(key)) stamps.set(key, { at, by: act.by, of: act.of } satisfies CommentStamp);
    } else {
      stamps.set(resolveStampKey(act.threadId), { at, by: act.by } satisfies CommentStamp);
    }
  }
}

/** The key a thread's Y.Map is held under in `comments` (its id). */
function keyOf(type: { _item: Y.Item | null }): string | null {
  const key = type._item?.parentSub;
  return typeof key === 'string' ? key : null;
}
