import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { updateNode } from '../operations';
import { takeFacilitator } from './session';
import { ballotOf, castDots, checkBallot, closeVote, closeVoteWithTally, dotsLeft, setVoted, startVote, tallyVote, voteOf, voteResults, voterCount, votesOf } from './votes';
import { FACILITATOR, GUEST, KOMMUNE, ORIGIN, STAT, T0, T1, T2, replicaOf, sync, useWorkshopBoards } from './testing';

const { board, track } = useWorkshopBoards();

function openVote(doc: Y.Doc, targetIds = ['G1', 'G2', 'G3'], dots = 3): string {
  const r = startVote(doc, { id: 'v1', title: 'Viktigste mål', targetIds, dots, createdBy: FACILITATOR, createdAt: T0 }, ORIGIN);
  if (!r.ok) throw new Error(r.message.en);
  return r.id;
}
const cast = (doc: Y.Doc, who: typeof STAT, dots: Record<string, number>, voteId = 'v1') =>
  castDots(doc, { voteId, ...who, dots, at: T1 }, ORIGIN);
const close = (doc: Y.Doc, by = FACILITATOR) => closeVote(doc, { voteId: 'v1', participantId: by.participantId, at: T2 }, ORIGIN);

describe('dot-voting', () => {
  it('hides results while open, then ranks by dots with voters counted', () => {
    const doc = board();
    openVote(doc);
    expect(cast(doc, STAT, { G2: 2, G1: 1 })).toEqual({ ok: true });
    expect(cast(doc, KOMMUNE, { G2: 1, G3: 2 })).toEqual({ ok: true });
    expect(cast(doc, GUEST, { G2: 3 })).toEqual({ ok: true });
    expect(voteResults(doc, 'v1')).toBeNull();
    expect(voterCount(doc, 'v1')).toBe(3);
    expect(close(doc)).toEqual({ ok: true });
    expect(voteResults(doc, 'v1')).toEqual([
      { targetId: 'G2', title: 'Færre i lavinntekt', dots: 6, voters: 3, rank: 1 },
      { targetId: 'G3', title: 'Bedre oppfølging', dots: 2, voters: 1, rank: 2 },
      { targetId: 'G1', title: 'Flere unge i arbeid', dots: 1, voters: 1, rank: 3 },
    ]);
    expect(votesOf(doc)[0]).toMatchObject({ status: 'closed', closedAt: T2 });
  });

  it('ties share a rank and are ordered by title, then id; cards without dots are listed last', () => {
    const doc = board();
    updateNode(doc, 'G3', { title: 'Færre i lavinntekt' }, ORIGIN); // same title as G2
    openVote(doc, ['G3', 'G2', 'G1', 'M1']);
    cast(doc, STAT, { G3: 1, G2: 1, G1: 1 });
    cast(doc, KOMMUNE, { G1: 1 });
    close(doc);
    expect(voteResults(doc, 'v1')!.map((r) => [r.targetId, r.dots, r.rank])).toEqual([
      ['G1', 2, 1],
      ['G2', 1, 2],
      ['G3', 1, 2],
      ['M1', 0, 4],
    ]);
  });

  it('refuses more dots than given, cards outside the vote, bad counts, and a closed vote', () => {
    const doc = board();
    openVote(doc);
    expect(cast(doc, STAT, { G1: 2, G2: 2 })).toMatchObject({ ok: false, code: 'too_many_dots', field: 'dots' });
    expect(cast(doc, STAT, { M1: 1 })).toMatchObject({ ok: false, code: 'not_in_vote' });
    expect(cast(doc, STAT, { G1: 1.5 })).toMatchObject({ ok: false, code: 'invalid_field' });
    expect(cast(doc, STAT, { G1: -1, G2: 4 })).toMatchObject({ ok: false, code: 'invalid_field' });
    expect(ballotOf(doc, 'v1', STAT.participantId)).toBeUndefined();
    expect(cast(doc, STAT, { G1: 3 })).toEqual({ ok: true });
    expect(dotsLeft(doc, 'v1', STAT.participantId)).toBe(0);
    // A ballot replaces the last one: dots can be moved.
    expect(cast(doc, STAT, { G1: 1, G2: 1 })).toEqual({ ok: true });
    expect(ballotOf(doc, 'v1', STAT.participantId)?.dots).toEqual({ G1: 1, G2: 1 });
    expect(dotsLeft(doc, 'v1', STAT.participantId)).toBe(1);
    close(doc);
    const late = cast(doc, KOMMUNE, { G1: 1 });
    expect(late).toMatchObject({ ok: false, code: 'vote_closed' });
    if (!late.ok) expect(late.message.nb).toMatch(/avsluttet/);
    expect(voteResults(doc, 'v1')!.find((r) => r.targetId === 'G1')!.dots).toBe(1);
  });

  it('taking all dots back removes the ballot', () => {
    const doc = board();
    openVote(doc);
    cast(doc, STAT, { G1: 2 });
    cast(doc, STAT, { G1: 0 });
    expect(voterCount(doc, 'v1')).toBe(0);
  });

  it('refuses a vote over missing cards, zero dots or no cards, and votes run by someone else than the facilitator', () => {
    const doc = board();
    const base = { title: 'x', dots: 3, createdBy: STAT, createdAt: T0 };
    expect(startVote(doc, { ...base, targetIds: ['G1', 'gone'] }, ORIGIN)).toMatchObject({ ok: false, code: 'not_found' });
    expect(startVote(doc, { ...base, targetIds: [] }, ORIGIN)).toMatchObject({ ok: false, code: 'invalid_field', field: 'targetIds' });
    expect(startVote(doc, { ...base, targetIds: ['G1'], dots: 0 }, ORIGIN)).toMatchObject({ ok: false, code: 'invalid_field', field: 'dots' });
    // Without a facilitator anyone may run a vote; with one, only they.
    expect(startVote(doc, { ...base, id: 'free', targetIds: ['G1'] }, ORIGIN).ok).toBe(true);
    takeFacilitator(doc, { ...FACILITATOR, at: T0 }, ORIGIN);
    expect(startVote(doc, { ...base, targetIds: ['G1'] }, ORIGIN)).toMatchObject({ ok: false, code: 'not_facilitator' });
    expect(closeVote(doc, { voteId: 'free', participantId: STAT.participantId, at: T1 }, ORIGIN)).toMatchObject({ ok: false, code: 'not_facilitator' });
    expect(closeVote(doc, { voteId: 'free', participantId: FACILITATOR.participantId, at: T1 }, ORIGIN)).toEqual({ ok: true });
    expect(startVote(doc, { ...base, id: 'free', targetIds: ['G1'], createdBy: FACILITATOR }, ORIGIN)).toMatchObject({ ok: false, field: 'id' });
  });

  it('ballots cast on three replicas at once all count after they sync', () => {
    const a = board();
    openVote(a);
    const b = replicaOf(a);
    const c = replicaOf(a);
    track(b, c);
    cast(a, STAT, { G1: 3 });
    cast(b, KOMMUNE, { G1: 1, G2: 2 });
    cast(c, GUEST, { G3: 3 });
    close(a);
    sync(a, b, c);
    const expected = [
      { targetId: 'G1', title: 'Flere unge i arbeid', dots: 4, voters: 2, rank: 1 },
      { targetId: 'G3', title: 'Bedre oppfølging', dots: 3, voters: 1, rank: 2 },
      { targetId: 'G2', title: 'Færre i lavinntekt', dots: 2, voters: 1, rank: 3 },
    ];
    for (const d of [a, b, c]) expect(voteResults(d, 'v1')).toEqual(expected);
  });

  it('tallyVote ignores ballots of other votes and cards outside the vote', () => {
    const vote = { id: 'v', title: '', targetIds: ['A'], dots: 2, status: 'closed' as const, createdBy: STAT, createdAt: T0 };
    const rows = tallyVote(vote, [
      { voteId: 'v', ...STAT, dots: { A: 1, B: 1 }, at: T1 },
      { voteId: 'w', ...KOMMUNE, dots: { A: 2 }, at: T1 },
    ], () => undefined);
    expect(rows).toEqual([{ targetId: 'A', title: '', dots: 1, voters: 1, rank: 1 }]);
  });
});

describe('votes the server keeps (#16)', () => {
  it('checkBallot refuses a closed or unknown vote, cards outside it, bad numbers and too many dots; drops zeros', () => {
    const doc = board();
    openVote(doc);
    const vote = voteOf(doc, 'v1');
    expect(checkBallot(vote, 'v1', { G1: 2, G2: 0 })).toEqual({ ok: true, dots: { G1: 2 }, total: 2 });
    expect(checkBallot(undefined, 'v9', {})).toMatchObject({ ok: false, code: 'not_found' });
    expect(checkBallot(vote, 'v1', { G9: 1 })).toMatchObject({ ok: false, code: 'not_in_vote' });
    expect(checkBallot(vote, 'v1', { G1: 1.5 })).toMatchObject({ ok: false, code: 'invalid_field' });
    expect(checkBallot(vote, 'v1', { G1: '2' })).toMatchObject({ ok: false, code: 'invalid_field' });
    expect(checkBallot(vote, 'v1', { G1: 2, G2: 2 })).toMatchObject({ ok: false, code: 'too_many_dots' });
    expect(checkBallot({ ...vote!, status: 'closed' }, 'v1', { G1: 1 })).toMatchObject({ ok: false, code: 'vote_closed' });
  });

  it('an open vote shows only the count the server wrote; closing writes tallies that rank like tallyVote, on every replica', () => {
    const doc = board();
    const other = replicaOf(doc);
    openVote(doc);
    setVoted(doc, 'v1', 2, ORIGIN);
    sync(doc, other);
    expect(voterCount(other, 'v1')).toBe(2);
    expect(voteResults(other, 'v1')).toBeNull();
    const ballots: { dots: Record<string, number> }[] = [{ dots: { G2: 2, G1: 1 } }, { dots: { G2: 1, G3: 2 } }];
    const r = closeVoteWithTally(doc, { voteId: 'v1', at: T2, ballots }, ORIGIN);
    expect(r).toMatchObject({ ok: true, vote: { status: 'closed', closedAt: T2, voted: 2 } });
    sync(doc, other);
    const expected = tallyVote(voteOf(doc, 'v1')!, ballots.map((b, i) => ({ voteId: 'v1', participantId: `p${i}`, name: 'x', at: T1, ...b })), (id) => ({ G1: 'Flere i arbeid', G2: 'Færre i lavinntekt', G3: 'Alle unge i skole eller jobb' })[id]);
    expect(voteResults(other, 'v1')!.map((x) => [x.targetId, x.dots, x.voters, x.rank])).toEqual(expected.map((x) => [x.targetId, x.dots, x.voters, x.rank]));
    expect(voterCount(other, 'v1')).toBe(2);
    // Closing again changes nothing.
    expect(closeVoteWithTally(doc, { voteId: 'v1', at: T1, ballots: [] }, ORIGIN)).toMatchObject({ ok: true, vote: { closedAt: T2 } });
  });
});
