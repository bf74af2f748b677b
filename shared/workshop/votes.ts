// Dot-voting. A vote lists the cards voted on and the dots each participant has; every
// participant writes only their own ballot key, so people voting at the same moment never
// overwrite each other. Results are given only once the vote is closed.
// Since #16 ballots are cast through the server and kept there (server/trust/BallotBox.ts): the
// board holds only how many have voted while a vote is open (`voted`) and, once closed, the
// tallies (`results`). Boards from before keep their ballots in the `ballots` map, read as before.
import type * as Y from 'yjs';
import { boardMaps, newId, plainValue } from '../boardDoc';
import type { Localized } from '../vocabulary';
import {
  ballotKey, workshopMaps, type BallotRecord, type ParticipantRef, type VoteRecord, type VoteTally, type WorkshopRefusal, type WorkshopResult,
} from './model';
import { checkRecord, notFound, refuse } from './refusals';
import { ballotRecordSchema, voteRecordSchema } from './schema';
import { facilitatorOf } from './session';

const VOTE: Localized = { nb: 'avstemningen', nn: 'avstemminga', en: 'Vote' };
const CARD: Localized = { nb: 'kortet', nn: 'kortet', en: 'Card' };

const byTimeThenId = <T extends { id: string; createdAt: string }>(a: T, b: T) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** While someone holds the facilitator role, only they run votes; without one, anyone may. */
export function facilitatorCheck(doc: Y.Doc, participantId: string): WorkshopRefusal | null {
  const f = facilitatorOf(doc);
  if (!f || f.participantId === participantId) return null;
  return refuse('not_facilitator', {
    nb: `Bare fasilitatoren (${f.name}) kan starte og avslutte avstemninger.`,
    nn: `Berre fasilitatoren (${f.name}) kan starte og avslutte avstemmingar.`,
    en: `Only the facilitator (${f.name}) can start and close votes.`,
  });
}

export function votesOf(doc: Y.Doc): VoteRecord[] {
  return [...workshopMaps(doc).votes.values()].sort(byTimeThenId);
}
export function voteOf(doc: Y.Doc, voteId: string): VoteRecord | undefined {
  return workshopMaps(doc).votes.get(voteId);
}
export function openVotes(doc: Y.Doc): VoteRecord[] {
  return votesOf(doc).filter((v) => v.status === 'open');
}

export function ballotsOf(doc: Y.Doc, voteId: string): BallotRecord[] {
  const out: BallotRecord[] = [];
  workshopMaps(doc).ballots.forEach((b) => {
    if (b.voteId === voteId) out.push(b);
  });
  return out.sort((a, b) => (a.participantId < b.participantId ? -1 : a.participantId > b.participantId ? 1 : 0));
}

/** One participant's own ballot: what they may see of a running vote. */
export function ballotOf(doc: Y.Doc, voteId: string, participantId: string): BallotRecord | undefined {
  return workshopMaps(doc).ballots.get(ballotKey(voteId, participantId));
}

/** Dots a participant has left to place in a vote. */
export function dotsLeft(doc: Y.Doc, voteId: string, participantId: string): number {
  const vote = voteOf(doc, voteId);
  if (!vote) return 0;
  const used = Object.values(ballotOf(doc, voteId, participantId)?.dots ?? {}).reduce((s, n) => s + n, 0);
  return Math.max(0, vote.dots - used);
}

/** How many have voted: safe to show while the vote is open, it says nothing about the cards. */
export function voterCount(doc: Y.Doc, voteId: string): number {
  const voted = voteOf(doc, voteId)?.voted;
  return voted ?? ballotsOf(doc, voteId).length;
}

export interface StartVoteInput {
  id?: string;
  title: string;
  targetIds: readonly string[];
  dots: number;
  createdBy: ParticipantRef;
  /** ISO 8601 time. */
  createdAt: string;
}

/** Opens a vote over some cards (a selection, a kind or a band: the caller lists them) with `dots` per participant. */
export function startVote(doc: Y.Doc, input: StartVoteInput, origin: unknown): WorkshopResult<{ id: string }> {
  const notAllowed = facilitatorCheck(doc, input.createdBy.participantId);
  if (notAllowed) return notAllowed;
  const { nodes } = boardMaps(doc);
  const { votes } = workshopMaps(doc);
  for (const id of input.targetIds) if (!nodes.has(id)) return notFound(CARD, id);
  const vote: VoteRecord = {
    id: input.id ?? newId('v'),
    title: input.title,
    targetIds: [...input.targetIds],
    dots: input.dots,
    status: 'open',
    createdBy: { participantId: input.createdBy.participantId, name: input.createdBy.name },
    createdAt: input.createdAt,
  };
  const bad = checkRecord(voteRecordSchema, vote);
  if (bad) return bad;
  if (votes.has(vote.id)) {
    return refuse('invalid_field', {
      nb: `Det finnes allerede en avstemning med id «${vote.id}».`,
      nn: `Det finst allereie ei avstemming med id «${vote.id}».`,
      en: `A vote with id "${vote.id}" already exists.`,
    }, 'id');
  }
  doc.transact(() => votes.set(vote.id, vote), origin);
  return { ok: true, id: vote.id };
}

export interface CastDotsInput extends ParticipantRef {
  voteId: string;
  /** The participant's whole ballot: targetId → dots. Replaces what they placed before. */
  dots: Readonly<Record<string, number>>;
  at: string;
}

/**
 * Checks a whole ballot against its vote: open, only the vote's cards, whole non-negative numbers,
 * no more dots than the vote gives. Answers the dots to store (zeros left out). Pure: the server
 * checks ballots with it (#16), castDots for boards that still hold them.
 */
export function checkBallot(vote: VoteRecord | undefined, voteId: string, given: Readonly<Record<string, unknown>>): WorkshopResult<{ dots: Record<string, number>; total: number }> {
  if (!vote) return notFound(VOTE, voteId);
  if (vote.status !== 'open') {
    return refuse('vote_closed', {
      nb: 'Avstemningen er avsluttet. Prikkene ble ikke lagret.',
      nn: 'Avstemminga er avslutta. Prikkane vart ikkje lagra.',
      en: 'The vote is closed. Your dots were not saved.',
    });
  }
  const dots: Record<string, number> = {};
  let total = 0;
  for (const [targetId, n] of Object.entries(given)) {
    if (!vote.targetIds.includes(targetId)) {
      return refuse('not_in_vote', {
        nb: `Kortet «${targetId}» er ikke med i avstemningen.`,
        nn: `Kortet «${targetId}» er ikkje med i avstemminga.`,
        en: `Card "${targetId}" is not part of this vote.`,
      }, `dots.${targetId}`);
    }
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
      return refuse('invalid_field', {
        nb: 'Antall prikker må være et helt tall, 0 eller mer.',
        nn: 'Talet på prikkar må vere eit heilt tal, 0 eller meir.',
        en: 'The number of dots must be a whole number, 0 or more.',
      }, `dots.${targetId}`);
    }
    if (n > 0) dots[targetId] = n;
    total += n;
  }
  if (total > vote.dots) {
    return refuse('too_many_dots', {
      nb: `Du har ${vote.dots} prikker i denne avstemningen, ikke ${total}. Fjern noen først.`,
      nn: `Du har ${vote.dots} prikkar i denne avstemminga, ikkje ${total}. Fjern nokre først.`,
      en: `You have ${vote.dots} dots in this vote, not ${total}. Remove some first.`,
    }, 'dots');
  }
  return { ok: true, dots, total };
}

/** Places (or moves) a participant's dots in the document (boards before #16, and tests of the model). */
export function castDots(doc: Y.Doc, input: CastDotsInput, origin: unknown): WorkshopResult {
  const checked = checkBallot(voteOf(doc, input.voteId), input.voteId, input.dots);
  if (!checked.ok) return checked;
  const { dots, total } = checked;
  const { ballots } = workshopMaps(doc);
  const key = ballotKey(input.voteId, input.participantId);
  if (total === 0) {
    if (ballots.has(key)) doc.transact(() => ballots.delete(key), origin);
    return { ok: true };
  }
  const ballot: BallotRecord = { voteId: input.voteId, participantId: input.participantId, name: input.name, dots, at: input.at };
  const bad = checkRecord(ballotRecordSchema, ballot);
  if (bad) return bad;
  doc.transact(() => ballots.set(key, ballot), origin);
  return { ok: true };
}

/** The server's count of ballots cast in an open vote (#16): all an open vote shows. */
export function setVoted(doc: Y.Doc, voteId: string, voted: number, origin: unknown): void {
  const vote = voteOf(doc, voteId);
  if (!vote || vote.status !== 'open' || vote.voted === voted) return;
  doc.transact(() => workshopMaps(doc).votes.set(voteId, { ...vote, voted }), origin);
}

/**
 * The server closes a vote (#16): it writes the tallies of the ballots it kept and how many voted,
 * so every replica shows the same results without any ballot entering the board.
 */
export function closeVoteWithTally(
  doc: Y.Doc, input: { voteId: string; at: string; ballots: Iterable<Pick<BallotRecord, 'dots'>> }, origin: unknown,
): WorkshopResult<{ vote: VoteRecord }> {
  const vote = voteOf(doc, input.voteId);
  if (!vote) return notFound(VOTE, input.voteId);
  if (vote.status === 'closed') return { ok: true, vote };
  const list = [...input.ballots];
  const rows = tallyVote(vote, list.map((b, i) => ({ voteId: vote.id, participantId: `b${i}`, name: '-', at: input.at, dots: b.dots })), () => undefined);
  const byTarget = new Map(rows.map((r) => [r.targetId, r]));
  const results = vote.targetIds.map((targetId) => ({ targetId, dots: byTarget.get(targetId)!.dots, voters: byTarget.get(targetId)!.voters }));
  const closed: VoteRecord = { ...vote, status: 'closed', closedAt: input.at, voted: list.length, results };
  const bad = checkRecord(voteRecordSchema, closed);
  if (bad) return bad;
  doc.transact(() => workshopMaps(doc).votes.set(vote.id, closed), origin);
  return { ok: true, vote: closed };
}

/** Closes a vote: no more dots, and the results become visible. */
export function closeVote(doc: Y.Doc, input: { voteId: string; participantId: string; at: string }, origin: unknown): WorkshopResult {
  const vote = voteOf(doc, input.voteId);
  if (!vote) return notFound(VOTE, input.voteId);
  const notAllowed = facilitatorCheck(doc, input.participantId);
  if (notAllowed) return notAllowed;
  if (vote.status === 'closed') return { ok: true };
  const closed: VoteRecord = { ...vote, status: 'closed', closedAt: input.at };
  const bad = checkRecord(voteRecordSchema, closed);
  if (bad) return bad;
  doc.transact(() => workshopMaps(doc).votes.set(vote.id, closed), origin);
  return { ok: true };
}

export interface VoteResultRow {
  targetId: string;
  title: string;
  dots: number;
  /** Participants who placed at least one dot here. */
  voters: number;
  /** 1 for the most dots; cards with equal dots share a rank (1, 1, 3). */
  rank: number;
}

/**
 * Tallies ballots into a ranked list over every card of the vote: most dots first, ties by title
 * and then id so every replica lists them alike. Pure, for the doc and for interchange JSON.
 * Ballots from replicas that had not yet seen the close still count: they were cast while the
 * vote was open for their author, and every replica ends with the same set.
 */
export function tallyVote(vote: VoteRecord, ballots: Iterable<BallotRecord>, titleOf: (id: string) => string | undefined): VoteResultRow[] {
  const dots = new Map<string, number>(vote.targetIds.map((id) => [id, 0]));
  const voters = new Map<string, number>(vote.targetIds.map((id) => [id, 0]));
  for (const b of ballots) {
    if (b.voteId !== vote.id) continue;
    for (const [id, n] of Object.entries(b.dots)) {
      if (!dots.has(id) || !(n > 0)) continue;
      dots.set(id, dots.get(id)! + n);
      voters.set(id, voters.get(id)! + 1);
    }
  }
  const rows = vote.targetIds.map((targetId) => ({
    targetId,
    title: titleOf(targetId) ?? '',
    dots: dots.get(targetId)!,
    voters: voters.get(targetId)!,
    rank: 0,
  }));
  rows.sort(
    (a, b) =>
      b.dots - a.dots ||
      (a.title < b.title ? -1 : a.title > b.title ? 1 : 0) ||
      (a.targetId < b.targetId ? -1 : a.targetId > b.targetId ? 1 : 0),
  );
  rows.forEach((row, i) => (row.rank = i > 0 && rows[i - 1]!.dots === row.dots ? rows[i - 1]!.rank : i + 1));
  return rows;
}

/** The ranked results of a closed vote; `null` while it is open (or when there is no such vote), so no screen can leak counts. */
export function voteResults(doc: Y.Doc, voteId: string): VoteResultRow[] | null {
  const vote = voteOf(doc, voteId);
  if (!vote || vote.status !== 'closed') return null;
  const { nodes } = boardMaps(doc);
  const titleOf = (id: string) => {
    const t = plainValue(nodes.get(id)?.get('title'));
    return typeof t === 'string' ? t : undefined;
  };
  return vote.results ? rankTallies(vote.results, titleOf) : tallyVote(vote, ballotsOf(doc, voteId), titleOf);
}

/** The server's tallies (#16) as the ranked list tallyVote gives. */
export function rankTallies(tallies: readonly VoteTally[], titleOf: (id: string) => string | undefined): VoteResultRow[] {
  const rows = tallies.map((t) => ({ targetId: t.targetId, title: titleOf(t.targetId) ?? '', dots: t.dots, voters: t.voters, rank: 0 }));
  rows.sort(
    (a, b) =>
      b.dots - a.dots ||
      (a.title < b.title ? -1 : a.title > b.title ? 1 : 0) ||
      (a.targetId < b.targetId ? -1 : a.targetId > b.targetId ? 1 : 0),
  );
  rows.forEach((row, i) => (row.rank = i > 0 && rows[i - 1]!.dots === row.dots ? rows[i - 1]!.rank : i + 1));
  return rows;
}
