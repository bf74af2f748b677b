// The workshop section of interchange v1: read from the Y.Doc in a stable order, written back
// touching only what differs, and checked for what the schema cannot say (duplicates, references).
import * as Y from 'yjs';
import type { BoardNode } from '../types';
import type { BoardJson } from './schema';
import { isAgreeableKind } from '../workshop/agreements';
import { newYThread, readThread } from '../workshop/comments';
import { withStamps, type StampSource } from '../workshop/commentStamps';
import { canonicalJson } from '../workshop/fingerprint';
import {
  agreementKey, ballotKey, workshopMaps,
  type AgreementRecord, type BallotJson, type BallotRecord, type CommentMessage, type CommentThread, type VoteJson, type VoteRecord, type WorkshopJson, type YThread,
} from '../workshop/model';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sameJson = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

// Records are rebuilt field by field, in one order, so every replica writes the same file.
const agreementOut = (r: AgreementRecord): AgreementRecord => ({
  targetId: r.targetId, side: r.side, participantId: r.participantId, name: r.name, at: r.at, fingerprint: r.fingerprint,
  ...(r.verified !== undefined ? { verified: r.verified } : {}),
});
const sortedDots = (dots: Record<string, number>) =>
  Object.fromEntries(Object.entries(dots).sort(([a], [b]) => cmp(a, b)));
const ballotOut = (b: BallotRecord | BallotJson): BallotJson => ({ participantId: b.participantId, name: b.name, dots: sortedDots(b.dots), at: b.at });
function voteOut(v: VoteRecord): VoteRecord {
  const out: VoteRecord = {
    id: v.id, title: v.title, targetIds: [...v.targetIds], dots: v.dots, status: v.status,
    createdBy: { participantId: v.createdBy.participantId, name: v.createdBy.name }, createdAt: v.createdAt,
  };
  if (v.closedAt !== undefined) out.closedAt = v.closedAt;
  if (v.voted !== undefined) out.voted = v.voted;
  if (v.results !== undefined) out.results = v.results.map((r) => ({ targetId: r.targetId, dots: r.dots, voters: r.voters }));
  return out;
}
const messageOut = (m: CommentMessage): CommentMessage => ({
  id: m.id, participantId: m.participantId, name: m.name, text: m.text, at: m.at, mentions: [...m.mentions],
});
function threadOut(t: CommentThread): CommentThread {
  return {
    id: t.id, targetId: t.targetId, targetType: t.targetType, createdAt: t.createdAt,
    createdBy: { participantId: t.createdBy.participantId, name: t.createdBy.name }, resolved: t.resolved,
    ...(t.resolvedBy ? { resolvedBy: { participantId: t.resolvedBy.participantId, name: t.resolvedBy.name } } : {}),
    ...(t.resolvedAt !== undefined ? { resolvedAt: t.resolvedAt } : {}),
    messages: t.messages.map(messageOut),
  };
}
const byCreated = <T extends { id: string; createdAt: string }>(a: T, b: T) => cmp(a.createdAt, b.createdAt) || cmp(a.id, b.id);

/**
 * The workshop section of a board, or undefined when it holds nothing. Agreements of cards no
 * longer on the board are left out (they mean nothing without the card); comment threads stay.
 */
export function readWorkshopJson(doc: Y.Doc, nodes: readonly BoardNode[]): WorkshopJson | undefined {
  const maps = workshopMaps(doc);
  const agreeable = new Set(nodes.filter((n) => isAgreeableKind(n.kind)).map((n) => n.id));
  const agreements: AgreementRecord[] = [];
  maps.agreements.forEach((r) => {
    if (agreeable.has(r.targetId)) agreements.push(agreementOut(r));
  });
  agreements.sort((a, b) => cmp(a.targetId, b.targetId) || cmp(a.side, b.side));

  const ballotsByVote = new Map<string, BallotJson[]>();
  maps.ballots.forEach((b) => {
    const list = ballotsByVote.get(b.voteId) ?? [];
    list.push(ballotOut(b));
    ballotsByVote.set(b.voteId, list);
  });
  const votes: VoteJson[] = [];
  maps.votes.forEach((v) => {
    const ballots = (ballotsByVote.get(v.id) ?? []).sort((a, b) => cmp(a.participantId, b.participantId));
    votes.push({ ...voteOut(v), ballots });
  });
  votes.sort(byCreated);

  const comments: CommentThread[] = [];
  maps.comments.forEach((y) => comments.push(threadOut(readThread(y))));
  comments.sort(byCreated);

  if (!agreements.length && !votes.length && !comments.length) return undefined;
  return { agreements, votes, comments };
}

/** Sets `map` to hold exactly `wanted`, writing only keys whose value differs. */
function syncPlainMap<T>(map: Y.Map<T>, wanted: Map<string, T>): void {
  for (const key of [...map.keys()]) if (!wanted.has(key)) map.delete(key);
  for (const [key, value] of wanted) if (!map.has(key) || !sameJson(map.get(key), value)) map.set(key, value);
}

const THREAD_FIELDS = ['targetId', 'targetType', 'createdAt', 'createdBy', 'resolved', 'resolvedBy', 'resolvedAt'] as const;

function syncThread(y: YThread, t: CommentThread): void {
  for (const f of THREAD_FIELDS) {
    const v = t[f];
    if (v === undefined) {
      if (y.has(f)) y.delete(f);
    } else if (!sameJson(y.get(f), v)) y.set(f, v);
  }
  let messages = y.get('messages');
  if (!(messages instanceof Y.Array)) {
    messages = new Y.Array<CommentMessage>();
    y.set('messages', messages);
  }
  const arr = messages as Y.Array<CommentMessage>;
  const have = arr.toArray();
  const keep = have.length <= t.messages.length && have.every((m, i) => sameJson(m, t.messages[i]));
  if (keep) {
    if (t.messages.length > have.length) arr.push(t.messages.slice(have.length).map(messageOut));
  } else {
    arr.delete(0, arr.length);
    arr.push(t.messages.map(messageOut));
  }
}

/** Makes the workshop maps hold exactly `workshop` (none when undefined). Call inside the caller's transaction. */
export function writeWorkshopJson(doc: Y.Doc, workshop: WorkshopJson | undefined): void {
  const maps = workshopMaps(doc);
  const w = workshop ?? { agreements: [], votes: [], comments: [] };
  syncPlainMap(maps.agreements, new Map(w.agreements.map((r) => [agreementKey(r.targetId, r.side), agreementOut(r)])));
  syncPlainMap(maps.votes, new Map(w.votes.map((v) => [v.id, voteOut(v)])));
  const ballots = new Map<string, BallotRecord>();
  for (const v of w.votes) for (const b of v.ballots) ballots.set(ballotKey(v.id, b.participantId), { voteId: v.id, ...ballotOut(b) });
  syncPlainMap(maps.ballots, ballots);

  const wantedThreads = new Map(w.comments.map((t) => [t.id, t]));
  for (const id of [...maps.comments.keys()]) if (!wantedThreads.has(id)) maps.comments.delete(id);
  for (const [id, t] of wantedThreads) {
    const existing = maps.comments.get(id);
    if (existing instanceof Y.Map) syncThread(existing, t);
    else maps.comments.set(id, newYThread(threadOut(t)));
  }
}

export interface WorkshopImportError {
  path: string;
  message: string;
}

/** What the schema cannot check: duplicates, agreements on cards that are not there or cannot be agreed, ballots that do not fit their vote. */
export function checkWorkshopJson(board: BoardJson): WorkshopImportError[] {
  const w = board.workshop;
  if (!w) return [];
  const errors: WorkshopImportError[] = [];
  const kinds = new Map(board.nodes.map((n) => [n.id, n.kind]));
  const seenAgreements = new Map<string, number>();
  w.agreements.forEach((r, i) => {
    const key = agreementKey(r.targetId, r.side);
    const first = seenAgreements.get(key);
    if (first !== undefined) errors.push({ path: `workshop.agreements[${i}]`, message: `a second agreement by ${r.side} to "${r.targetId}" (first at workshop.agreements[${first}])` });
    else seenAgreements.set(key, i);
    const kind = kinds.get(r.targetId);
    if (kind === undefined) errors.push({ path: `workshop.agreements[${i}].targetId`, message: `no node with id "${r.targetId}"` });
    else if (!isAgreeableKind(kind)) errors.push({ path: `workshop.agreements[${i}].targetId`, message: `"${r.targetId}" is a ${kind}; only goals, indicators and measures can be agreed` });
  });

  const seenVotes = new Map<string, number>();
  w.votes.forEach((v, i) => {
    const first = seenVotes.get(v.id);
    if (first !== undefined) errors.push({ path: `workshop.votes[${i}].id`, message: `duplicate id "${v.id}" (first used at workshop.votes[${first}])` });
    else seenVotes.set(v.id, i);
    if (v.status === 'closed' && v.closedAt === undefined) errors.push({ path: `workshop.votes[${i}].closedAt`, message: 'a closed vote needs closedAt' });
    if (v.status === 'open' && v.closedAt !== undefined) errors.push({ path: `workshop.votes[${i}].closedAt`, message: 'an open vote has no closedAt' });
    const voters = new Map<string, number>();
    v.ballots.forEach((b, j) => {
      const path = `workshop.votes[${i}].ballots[${j}]`;
      const firstBallot = voters.get(b.participantId);
      if (firstBallot !== undefined) errors.push({ path: `${path}.participantId`, message: `a second ballot by "${b.participantId}" (first at ballots[${firstBallot}])` });
      else voters.set(b.participantId, j);
      let total = 0;
      for (const [target, n] of Object.entries(b.dots)) {
        total += n;
        if (!v.targetIds.includes(target)) errors.push({ path: `${path}.dots.${target}`, message: `"${target}" is not one of the vote's targetIds` });
      }
      if (total > v.dots) errors.push({ path: `${path}.dots`, message: `${total} dots placed; the vote gives ${v.dots}` });
    });
  });

  const seenThreads = new Map<string, number>();
  w.comments.forEach((t, i) => {
    const first = seenThreads.get(t.id);
    if (first !== undefined) errors.push({ path: `workshop.comments[${i}].id`, message: `duplicate id "${t.id}" (first used at workshop.comments[${first}])` });
    else seenThreads.set(t.id, i);
    if (!t.resolved && (t.resolvedBy || t.resolvedAt)) errors.push({ path: `workshop.comments[${i}].resolved`, message: 'an open thread has no resolvedBy or resolvedAt' });
    const ids = new Set<string>();
    t.messages.forEach((m, j) => {
      if (ids.has(m.id)) errors.push({ path: `workshop.comments[${i}].messages[${j}].id`, message: `duplicate message id "${m.id}"` });
      ids.add(m.id);
    });
  });
  return errors;
}

/**
 * The workshop section cut to a part of the board (an export of one view): agreements and threads
 * on cards and links outside it are left out, so the cut file imports on its own. Votes stay whole
 * (a vote may name cards that are not there; only ids, no content).
 */
export function restrictWorkshop(workshop: WorkshopJson | undefined, nodeIds: ReadonlySet<string>, edgeIds: ReadonlySet<string>): WorkshopJson | undefined {
  if (!workshop) return undefined;
  const agreements = workshop.agreements.filter((a) => nodeIds.has(a.targetId));
  const comments = workshop.comments.filter((t) => (t.targetType === 'edge' ? edgeIds : nodeIds).has(t.targetId));
  const votes = workshop.votes;
  return agreements.length || votes.length || comments.length ? { agreements, votes, comments } : undefined;
}

/**
 * The board with its comment threads as the server vouches for them (`withStamps`): what documents
 * for people (chapter appendix, referat) show. The board's own data (the interchange file, a
 * restore) keeps what was written.
 */
export function withCommentStamps(board: BoardJson, stamps: StampSource): BoardJson {
  if (!board.workshop?.comments.length) return board;
  // In the order of the stamped times: a browser's clock does not move its thread up or down.
  const comments = board.workshop.comments.map((t) => withStamps(t, stamps)).sort(byCreated);
  return { ...board, workshop: { ...board.workshop, comments } };
}
