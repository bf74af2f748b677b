// The server's stamps on comment threads (#16 §4). Messages, replies and resolves are written by
// the browser (so they work offline), with the browser's clock and the name it claims. When the
// server receives one it writes a stamp into a root of its own, `commentStamps`, that no client
// may write (the update guard refuses it): the time it received the act and who it knows sent it
// (the signed-in person, or the link and the name typed on it).
//   `m|<messageId>`  → stamp of a message (a thread's first message stamps the thread's creation)
//   `r|<threadId>`   → stamp of the thread's latest resolve
// A message's stamp holds a fingerprint of what it vouches for (thread, text, mentions): a copy of
// the id with other content is not covered. Reading a message's trusted author and time is
// `trustedMessage`; `withStamps` gives a thread as the server vouches for it (for exports).
import type * as Y from 'yjs';
import { valueFingerprint } from './fingerprint';
import type { CommentMessage, CommentThread, ParticipantRef } from './model';
import type { Side } from './sides';

export const COMMENT_STAMPS_ROOT = 'commentStamps';

/** Who the server knows sent an act. */
export interface StampedAuthor {
  /** The signed-in person's verified name, else the name typed on the link (unverified). */
  name: string;
  verified: boolean;
  /** The share link it came through, a LinkKind of shared/trust.ts (absent for a signed-in member). */
  link?: string;
  side?: Side;
}

export interface CommentStamp {
  /** ISO 8601, the server's clock when it received the act. */
  at: string;
  by: StampedAuthor;
  /** For a message: valueFingerprint of what it stamped (messageFingerprint). */
  of?: string;
}

/** Anything stamps can be looked up in: the Y.Map itself, a Map, or `stampLookup` over a plain record. */
export interface StampSource {
  get(key: string): CommentStamp | undefined;
}

export const messageStampKey = (messageId: string) => `m|${messageId}`;
export const resolveStampKey = (threadId: string) => `r|${threadId}`;

export function commentStampsOf(doc: Y.Doc): Y.Map<CommentStamp> {
  return doc.getMap(COMMENT_STAMPS_ROOT) as Y.Map<CommentStamp>;
}

/** The stamps as a plain record (to pass to a worker or keep with a file). */
export function commentStampsRecord(doc: Y.Doc): Record<string, CommentStamp> {
  return commentStampsOf(doc).toJSON() as Record<string, CommentStamp>;
}

export const stampLookup = (record: Readonly<Record<string, CommentStamp>>): StampSource => ({
  get: (key) => (Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined),
});

/** What a message stamp vouches for: the thread it is in and what it says. */
export function messageFingerprint(threadId: string, m: Pick<CommentMessage, 'text' | 'mentions'>): string {
  return valueFingerprint({ thread: threadId, text: m.text, mentions: m.mentions });
}

/** A message as the reader should trust it. */
export interface TrustedMessage {
  /** The server's name for the author when stamped, else the name the browser claimed. */
  name: string;
  /** The server's time when stamped, else the browser's. */
  at: string;
  /** True once the server has stamped it (until then, e.g. offline, time and name are the browser's claim). */
  stamped: boolean;
  /** True when the name is a signed-in person's verified name. */
  verified: boolean;
  link?: string;
  side?: Side;
}

/** The one rule for reading a message's author and time: the server's stamp when it has one for exactly this message. */
export function trustedMessage(threadId: string, m: CommentMessage, stamps: StampSource): TrustedMessage {
  const s = stamps.get(messageStampKey(m.id));
  if (!s || s.of !== messageFingerprint(threadId, m)) return { name: m.name, at: m.at, stamped: false, verified: false };
  return { name: s.by.name, at: s.at, stamped: true, verified: s.by.verified, ...(s.by.link ? { link: s.by.link } : {}), ...(s.by.side ? { side: s.by.side } : {}) };
}

/** Who resolved a thread and when, as the server saw it (the claim while not yet stamped); undefined for an open thread. */
export function trustedResolve(thread: Pick<CommentThread, 'id' | 'resolved' | 'resolvedBy' | 'resolvedAt'>, stamps: StampSource): { name: string; at?: string; stamped: boolean; verified: boolean } | undefined {
  if (!thread.resolved) return undefined;
  const s = stamps.get(resolveStampKey(thread.id));
  if (s) return { name: s.by.name, at: s.at, stamped: true, verified: s.by.verified };
  return thread.resolvedBy ? { name: thread.resolvedBy.name, ...(thread.resolvedAt ? { at: thread.resolvedAt } : {}), stamped: false, verified: false } : undefined;
}

/**
 * A thread as the server vouches for it: every stamped message with the server's time and name,
 * the creation as its first message's, the resolve as its stamp's. Unstamped parts stay as written.
 */
export function withStamps(thread: CommentThread, stamps: StampSource): CommentThread {
  const messages = thread.messages.map((m) => {
    const t = trustedMessage(thread.id, m, stamps);
    return t.stamped ? { ...m, name: t.name, at: t.at } : m;
  });
  const out: CommentThread = { ...thread, messages };
  const first = thread.messages[0];
  if (first && messages[0] !== first) out.createdAt = messages[0]!.at;
  if (first && messages[0] !== first && first.participantId === thread.createdBy.participantId) {
    out.createdBy = { participantId: thread.createdBy.participantId, name: messages[0]!.name };
  }
  const resolved = thread.resolved ? stamps.get(resolveStampKey(thread.id)) : undefined;
  if (resolved) {
    out.resolvedAt = resolved.at;
    out.resolvedBy = { participantId: thread.resolvedBy?.participantId ?? 'server', name: resolved.by.name } satisfies ParticipantRef;
  }
  return out;
}
