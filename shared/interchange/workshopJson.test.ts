import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { EXAMPLE_BOARD } from '../examples';
import { applyBoardJson, toBoardJson } from './boardJson';
import { parseBoardJson, parseBoardJsonText } from './parseBoardJson';
import { deleteNodes } from '../operations';
import type { BoardJson } from './schema';
import { agreementOf, agreementSummary } from '../workshop/agreements';
import { allThreads, reply } from '../workshop/comments';
import { workshopMaps } from '../workshop/model';
import { voteResults } from '../workshop/votes';
import { KOMMUNE, ORIGIN, T2, lierWithWorkshop } from '../workshop/testing';

const docs: Y.Doc[] = [];
const track = (d: Y.Doc) => (docs.push(d), d);
afterEach(() => {
  for (const d of docs.splice(0)) d.destroy();
});

function reparse(text: string): BoardJson {
  const r = parseBoardJsonText(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.board;
}

describe('the workshop section of interchange v1', () => {
  it('is left out when a board holds no workshop data', () => {
    const doc = track(new Y.Doc());
    applyBoardJson(doc, structuredClone(EXAMPLE_BOARD) as BoardJson, ORIGIN);
    expect('workshop' in toBoardJson(doc)).toBe(false);
  });

  it('round-trips byte-exact through a file, and the read models agree afterwards', () => {
    const doc = track(lierWithWorkshop());
    const out = toBoardJson(doc);
    const text = JSON.stringify(out);
    const fresh = track(new Y.Doc());
    applyBoardJson(fresh, reparse(text), 'import');
    expect(JSON.stringify(toBoardJson(fresh))).toBe(text);

    const w = out.workshop!;
    expect(w.agreements.map((a) => `${a.targetId}|${a.side}`)).toEqual(['K2|kommune', 'K2|stat', 'K3|stat', 'L1|kommune', 'L1|stat', 'T1|kommune']);
    expect(w.votes.map((v) => [v.id, v.status, v.ballots.length])).toEqual([['v1', 'closed', 2], ['v2', 'open', 1]]);
    expect(w.votes[0]!.ballots[0]).toEqual({ participantId: 'p-kom', name: KOMMUNE.name, dots: { K2: 1, K3: 2 }, at: '2025-03-12T09:05:00.000Z' });
    expect(w.comments.map((t) => [t.id, t.resolved, t.messages.length])).toEqual([['th1', false, 2], ['th2', true, 1], ['th3', false, 1]]);

    for (const id of ['K2', 'K3', 'L1', 'T1', 'K4']) expect(agreementOf(fresh, id)).toEqual(agreementOf(doc, id));
    expect(agreementOf(fresh, 'L1')).toMatchObject({ state: 'open', cleared: [{ side: 'kommune' }, { side: 'stat' }] });
    expect(agreementSummary(fresh)).toEqual(agreementSummary(doc));
    expect(voteResults(fresh, 'v1')).toEqual(voteResults(doc, 'v1'));
    expect(voteResults(fresh, 'v2')).toBeNull();
    expect(allThreads(fresh)).toEqual(allThreads(doc));
    expect(allThreads(fresh).find((t) => t.id === 'th3')!.orphaned).toBe(true);
  });

  it('does not carry the live session (facilitator, timer)', () => {
    const doc = track(lierWithWorkshop());
    expect(workshopMaps(doc).session.get('facilitator')).toBeDefined();
    const fresh = track(new Y.Doc());
    applyBoardJson(fresh, toBoardJson(doc), 'import');
    expect(workshopMaps(fresh).session.size).toBe(0);
    const text = JSON.stringify(toBoardJson(doc));
    for (const key of ['"session"', '"facilitator"', '"timer"', '"summon"']) expect(text).not.toContain(key);
  });

  it('leaves out agreements on cards that are gone; their threads stay', () => {
    const doc = track(lierWithWorkshop());
    deleteNodes(doc, ['K3'], ORIGIN);
    const w = toBoardJson(doc).workshop!;
    expect(w.agreements.some((a) => a.targetId === 'K3')).toBe(false);
    expect(w.comments.some((t) => t.targetId === 'C2')).toBe(true);
  });

  it('a restore touches only what differs, and one undo brings back what it replaced', () => {
    const doc = track(lierWithWorkshop());
    const snapshot = toBoardJson(doc);
    const sv = Y.encodeStateVector(doc);
    applyBoardJson(doc, reparse(JSON.stringify(snapshot)), 'restore');
    expect(Y.encodeStateVector(doc)).toEqual(sv);

    reply(doc, { threadId: 'th1', ...KOMMUNE, text: 'Etter øyeblikksbildet', at: T2 }, ORIGIN);
    const later = toBoardJson(doc);
    const m = workshopMaps(doc);
    const um = new Y.UndoManager([m.agreements, m.votes, m.ballots, m.comments], { trackedOrigins: new Set(['restore']), captureTimeout: 0 });
    let agreementEvents = 0;
    m.agreements.observe(() => agreementEvents++);
    applyBoardJson(doc, snapshot, 'restore');
    expect(toBoardJson(doc)).toEqual(snapshot);
    expect(agreementEvents).toBe(0);
    um.undo();
    expect(toBoardJson(doc)).toEqual(later);
    um.destroy();
  });

  it('a board without a workshop section restored onto one with it leaves none', () => {
    const doc = track(lierWithWorkshop());
    applyBoardJson(doc, structuredClone(EXAMPLE_BOARD) as BoardJson, 'restore');
    expect(toBoardJson(doc).workshop).toBeUndefined();
  });
});

describe('bad workshop sections get path-precise messages', () => {
  const base = () => JSON.parse(JSON.stringify(toBoardJson(track(lierWithWorkshop()))));
  const errors = (raw: unknown) => {
    const r = parseBoardJson(raw);
    expect(r.ok).toBe(false);
    return r.ok ? [] : r.errors;
  };

  it('unknown fields, wrong values and a side that cannot agree', () => {
    const raw = base();
    raw.workshop.agreements[0].extra = 1;
    raw.workshop.agreements[1].side = 'gjest';
    raw.workshop.votes[0].dots = 0;
    raw.workshop.comments[0].messages[1].text = '';
    raw.workshop.colour = 'blue';
    expect(errors(raw).map((e) => e.path).sort()).toEqual([
      'workshop',
      'workshop.agreements[0]',
      'workshop.agreements[1].side',
      'workshop.comments[0].messages[1].text',
      'workshop.votes[0].dots',
    ]);
  });

  it('references and counts a schema cannot check', () => {
    const raw = base();
    raw.workshop.agreements.push({ ...raw.workshop.agreements[0] });
    raw.workshop.agreements[2].targetId = 'nope';
    raw.workshop.agreements[3].targetId = 'K0'; // the vision
    raw.workshop.votes[0].ballots[0].dots = { K2: 3, K4: 1 };
    raw.workshop.votes[0].ballots[1].dots = { L1: 1 };
    raw.workshop.votes[1].closedAt = '2025-03-12T10:00:00.000Z';
    raw.workshop.comments[1].id = 'th1';
    expect(errors(raw)).toEqual([
      { path: 'workshop.agreements[2].targetId', message: 'no node with id "nope"' },
      { path: 'workshop.agreements[3].targetId', message: '"K0" is a vision; only goals, indicators and measures can be agreed' },
      { path: 'workshop.agreements[6]', message: 'a second agreement by kommune to "K2" (first at workshop.agreements[0])' },
      { path: 'workshop.votes[0].ballots[0].dots', message: '4 dots placed; the vote gives 3' },
      { path: 'workshop.votes[0].ballots[1].dots.L1', message: '"L1" is not one of the vote\'s targetIds' },
      { path: 'workshop.votes[1].closedAt', message: 'an open vote has no closedAt' },
      { path: 'workshop.comments[1].id', message: 'duplicate id "th1" (first used at workshop.comments[0])' },
    ]);
  });

  it('a hand-written section may leave lists out', () => {
    const raw = structuredClone(EXAMPLE_BOARD) as any;
    raw.workshop = { agreements: [{ targetId: 'K2', side: 'stat', participantId: 'p1', name: 'Siri', at: '2025-03-12T09:00:00Z', fingerprint: 'abc' }] };
    const r = parseBoardJson(raw);
    expect(r.ok && r.board.workshop).toMatchObject({ votes: [], comments: [] });
  });
});
