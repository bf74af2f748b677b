// Comment threads on cards and links. A thread is a Y.Map (so a resolve and a reply made at the
// same time both survive) holding its messages in a Y.Array (so concurrent replies all arrive, in
// the same order on every replica). Deleting a card leaves its threads: they are listed as orphaned.
import * as Y from 'yjs';
import { boardMaps, newId } from '../boardDoc';
import type { Localized } from '../vocabulary';
import {
  workshopMaps, type CommentMessage, type CommentTargetType, type CommentThread, type ParticipantRef, type WorkshopResult, type YThread,
} from './model';
import { checkRecord, notFound, refuse } from './refusals';
import { commentStampsOf, trustedMessage } from './commentStamps';
import { commentMessageSchema, commentThreadSchema, participantRefSchema, timestampSchema } from './schema';
import { z } from 'zod';

const THREAD: Localized = { nb: 'tråden', nn: 'tråden', en: 'Thread' };
const TARGET: Localized = { nb: 'kortet eller koblingen', nn: 'kortet eller koplinga', en: 'Card or link' };

const THREAD_SCALARS = ['id', 'targetId', 'targetType', 'createdAt', 'createdBy', 'resolved', 'resolvedBy', 'resolvedAt'] as const;

/** A thread as plain data; messages in the document's order (causal: a reply comes after what its author saw). */
export function readThread(y: YThread): CommentThread {
  const out: Record<string, unknown> = {};
  for (const f of THREAD_SCALARS) {
    const v = y.get(f);
    if (v !== undefined) out[f] = v;
  }
  const messages = y.get('messages');
  out.messages = messages instanceof Y.Array ? (messages.toArray() as CommentMessage[]) : [];
  out.resolved = out.resolved === true;
  // A reopen merged with a concurrent resolve can leave resolvedBy/At on an open thread: they mean nothing then.
  if (!out.resolved) {
    delete out.resolvedBy;
    delete out.resolvedAt;
  }
  return out as unknown as CommentThread;
}

/** Builds the Y.Map of a thread (used by the operations and by applyBoardJson). */
export function newYThread(thread: CommentThread): YThread {
  const y = new Y.Map<unknown>();
  for (const f of THREAD_SCALARS) if (thread[f] !== undefined) y.set(f, thread[f]);
  const messages = new Y.Array<CommentMessage>();
  messages.push(thread.messages.map((m) => ({ ...m, mentions: [...m.mentions] })));
  y.set('messages', messages);
  return y;
}

export interface ThreadView extends CommentThread {
  /** The card or link it was about is gone. */
  orphaned: boolean;
}

const byCreated = (a: { createdAt: string; id: string }, b: { createdAt: string; id: string }) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Every thread, oldest first by the server's stamp of its first message (the browser's claim until stamped). */
export function allThreads(doc: Y.Doc): ThreadView[] {
  const { nodes, edges } = boardMaps(doc);
  const stamps = commentStampsOf(doc);
  const out: { view: ThreadView; createdAt: string; id: string }[] = [];
  workshopMaps(doc).comments.forEach((y) => {
    const t = readThread(y);
    const first = t.messages[0];
    const createdAt = first ? trustedMessage(t.id, first, stamps).at : t.createdAt;
    out.push({ view: { ...t, orphaned: !(t.targetType === 'edge' ? edges.has(t.targetId) : nodes.has(t.targetId)) }, createdAt, id: t.id });
  });
  return out.sort(byCreated).map((x) => x.view);
}

export function threadsOf(doc: Y.Doc, targetId: string): ThreadView[] {
  return allThreads(doc).filter((t) => t.targetId === targetId);
}

/** Unresolved threads, oldest first, orphaned ones included: the panel of open threads. */
export function openThreads(doc: Y.Doc): ThreadView[] {
  return allThreads(doc).filter((t) => !t.resolved);
}

/** targetId → number of unresolved threads, for the badge on each card or link. */
export function openThreadCounts(doc: Y.Doc): Map<string, number> {
  const counts = new Map<string, number>();
  workshopMaps(doc).comments.forEach((y) => {
    if (y.get('resolved') === true) return;
    const id = y.get('targetId') as string;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  });
  return counts;
}

export interface MessageInput extends ParticipantRef {
  text: string;
  mentions?: readonly string[];
  /** ISO 8601 time. */
  at: string;
  /** Id of the new message; made up when left out. */
  messageId?: string;
}

function message(input: MessageInput): CommentMessage {
  return {
    id: input.messageId ?? newId('m'),
    participantId: input.participantId,
    name: input.name,
    text: input.text.trim(),
    at: input.at,
    mentions: [...new Set(input.mentions ?? [])],
  };
}

export interface StartThreadInput extends MessageInput {
  id?: string;
  targetId: string;
  targetType: CommentTargetType;
}

/** Starts a thread on a card or link with its first message. */
export function startThread(doc: Y.Doc, input: StartThreadInput, origin: unknown): WorkshopResult<{ id: string; messageId: string }> {
  const { nodes, edges } = boardMaps(doc);
  const exists = input.targetType === 'edge' ? edges.has(input.targetId) : input.targetType === 'node' && nodes.has(input.targetId);
  if (!exists) return notFound(TARGET, input.targetId);
  const { comments } = workshopMaps(doc);
  const first = message(input);
  const thread: CommentThread = {
    id: input.id ?? newId('t'),
    targetId: input.targetId,
    targetType: input.targetType,
    createdAt: input.at,
    createdBy: { participantId: input.participantId, name: input.name },
    resolved: false,
    messages: [first],
  };
  const bad = checkRecord(commentThreadSchema, thread);
  if (bad) return bad;
  if (comments.has(thread.id)) {
    return refuse('invalid_field', {
      nb: `Det finnes allerede en tråd med id «${thread.id}».`,
      nn: `Det finst allereie ein tråd med id «${thread.id}».`,
      en: `A thread with id "${thread.id}" already exists.`,
    }, 'id');
  }
  doc.transact(() => comments.set(thread.id, newYThread(thread)), origin);
  return { ok: true, id: thread.id, messageId: first.id };
}

/** Adds a reply. A reply to a resolved thread reopens it: someone still has something to say. */
export function reply(doc: Y.Doc, input: MessageInput & { threadId: string }, origin: unknown): WorkshopResult<{ id: string }> {
  const y = workshopMaps(doc).comments.get(input.threadId);
  if (!y) return notFound(THREAD, input.threadId);
  const m = message(input);
  const bad = checkRecord(commentMessageSchema, m);
  if (bad) return bad;
  doc.transact(() => {
    let messages = y.get('messages');
    if (!(messages instanceof Y.Array)) {
      messages = new Y.Array<CommentMessage>();
      y.set('messages', messages);
    }
    (messages as Y.Array<CommentMessage>).push([m]);
    if (y.get('resolved') === true) {
      y.set('resolved', false);
      y.delete('resolvedBy');
      y.delete('resolvedAt');
    }
  }, origin);
  return { ok: true, id: m.id };
}

const resolveSchema = z.strictObject({ by: participantRefSchema, at: timestampSchema });

export function resolveThread(doc: Y.Doc, input: ParticipantRef & { threadId: string; at: string }, origin: unknown): WorkshopResult {
  const y = workshopMaps(doc).comments.get(input.threadId);
  if (!y) return notFound(THREAD, input.threadId);
  const by: ParticipantRef = { participantId: input.participantId, name: input.name };
  const bad = checkRecord(resolveSchema, { by, at: input.at });
  if (bad) return bad;
  if (y.get('resolved') === true) return { ok: true };
  doc.transact(() => {
    y.set('resolved', true);
    y.set('resolvedBy', by);
    y.set('resolvedAt', input.at);
  }, origin);
  return { ok: true };
}

export function reopenThread(doc: Y.Doc, input: { threadId: string }, origin: unknown): WorkshopResult {
  const y = workshopMaps(doc).comments.get(input.threadId);
  if (!y) return notFound(THREAD, input.threadId);
  if (y.get('resolved') !== true) return { ok: true };
  doc.transact(() => {
    y.set('resolved', false);
    y.delete('resolvedBy');
    y.delete('resolvedAt');
  }, origin);
  return { ok: true };
}
