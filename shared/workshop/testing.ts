// Test helpers for shared/workshop: a small board and replicas that exchange their updates.
import * as Y from 'yjs';
import { afterEach } from 'vitest';
import { EXAMPLE_BOARD } from '../examples';
import { applyBoardJson } from '../interchange/boardJson';
import { createNode, deleteNodes, link, updateNode } from '../operations';
import type { BoardJson } from '../interchange/schema';
import { agree } from './agreements';
import { reply, resolveThread, startThread } from './comments';
import { takeFacilitator } from './session';
import { castDots, closeVote, startVote } from './votes';

export const ORIGIN = { user: 'test' };
export const STAT = { participantId: 'p-stat', name: 'Siri Stat' };
export const KOMMUNE = { participantId: 'p-kom', name: 'Kari Kommune' };
export const GUEST = { participantId: 'p-guest', name: 'Gunnar Gjest' };
export const FACILITATOR = { participantId: 'p-fac', name: 'Frida Fasilitator' };
export const T0 = '2025-03-12T09:00:00.000Z';
export const T1 = '2025-03-12T09:05:00.000Z';
export const T2 = '2025-03-12T09:10:00.000Z';

/** Goals G1, G2, G3, an indicator I1, a measure M1, a note N1 and a link G1 → I1. */
export function workshopBoard(): Y.Doc {
  const doc = new Y.Doc();
  const mk = (id: string, kind: 'goal' | 'indicator' | 'measure' | 'note', title: string) => {
    const r = createNode(doc, { id, kind, tier: 'nav_local', title, position: { x: 0, y: 0 } }, ORIGIN);
    if (!r.ok) throw new Error(r.message.en);
  };
  mk('G1', 'goal', 'Flere unge i arbeid');
  mk('G2', 'goal', 'Færre i lavinntekt');
  mk('G3', 'goal', 'Bedre oppfølging');
  mk('I1', 'indicator', 'Andel unge i arbeid');
  mk('M1', 'measure', 'Jobbspesialister');
  mk('N1', 'note', 'En lapp');
  const e = link(doc, { id: 'E1', kind: 'measuredBy', source: 'G1', target: 'I1' }, ORIGIN);
  if (!e.ok) throw new Error(e.message.en);
  return doc;
}

/** For a test file: `board()` makes a `workshopBoard()`; it and every doc passed to `track` are destroyed after each test. */
export function useWorkshopBoards(): { board: () => Y.Doc; track: (...docs: Y.Doc[]) => void } {
  const docs: Y.Doc[] = [];
  afterEach(() => {
    for (const d of docs.splice(0)) d.destroy();
  });
  const track = (...more: Y.Doc[]) => void docs.push(...more);
  const board = () => {
    const d = workshopBoard();
    track(d);
    return d;
  };
  return { board, track };
}

/** A second replica holding what `doc` holds now. */
export function replicaOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** Exchanges all updates both ways, as after a reconnect. */
export function sync(...docs: Y.Doc[]): void {
  for (const a of docs) for (const b of docs) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

/**
 * The Lier example with a workshop held on it: K2 avtalt, K3 agreed by stat only, L1 agreed by
 * both and then edited (cleared), T1 agreed by kommune; a closed vote and an open one; an open
 * thread with a reply on K2, a resolved one on link e1, and one on a card since deleted.
 */
export function lierWithWorkshop(): Y.Doc {
  const doc = new Y.Doc();
  applyBoardJson(doc, structuredClone(EXAMPLE_BOARD) as BoardJson, ORIGIN);
  const ok = (r: { ok: boolean; message?: { en: string } }) => {
    if (!r.ok) throw new Error(r.message?.en);
  };
  for (const [id, who, side, at] of [
    ['K2', STAT, 'stat', T0], ['K2', KOMMUNE, 'kommune', T1], ['K3', STAT, 'stat', T1],
    ['L1', STAT, 'stat', T0], ['L1', KOMMUNE, 'kommune', T0], ['T1', KOMMUNE, 'kommune', T2],
  ] as const) ok(agree(doc, { targetId: id, side, ...who, at }, ORIGIN));
  ok(updateNode(doc, 'L1', { title: 'Arbeidsrettet oppfølging innen fire uker' }, ORIGIN));

  ok(takeFacilitator(doc, { ...FACILITATOR, at: T0 }, ORIGIN));
  ok(startVote(doc, { id: 'v1', title: 'Hva er viktigst?', targetIds: ['K2', 'K3', 'K4'], dots: 3, createdBy: FACILITATOR, createdAt: T0 }, ORIGIN));
  ok(castDots(doc, { voteId: 'v1', ...STAT, dots: { K2: 2, K4: 1 }, at: T1 }, ORIGIN));
  ok(castDots(doc, { voteId: 'v1', ...KOMMUNE, dots: { K2: 1, K3: 2 }, at: T1 }, ORIGIN));
  ok(closeVote(doc, { voteId: 'v1', participantId: FACILITATOR.participantId, at: T2 }, ORIGIN));
  ok(startVote(doc, { id: 'v2', title: 'Neste steg', targetIds: ['L1', 'L2'], dots: 2, createdBy: FACILITATOR, createdAt: T2 }, ORIGIN));
  ok(castDots(doc, { voteId: 'v2', ...GUEST, dots: { L2: 2 }, at: T2 }, ORIGIN));

  ok(startThread(doc, { id: 'th1', targetId: 'K2', targetType: 'node', ...STAT, text: 'Er 2027 realistisk?', mentions: [KOMMUNE.name], at: T0, messageId: 'm1' }, ORIGIN));
  ok(reply(doc, { threadId: 'th1', ...KOMMUNE, text: 'Ja, med IPS i ungdomsteamet.', at: T1, messageId: 'm2' }, ORIGIN));
  ok(startThread(doc, { id: 'th2', targetId: 'e1', targetType: 'edge', ...GUEST, text: 'Hører dette under livskvalitet?', at: T0, messageId: 'm3' }, ORIGIN));
  ok(resolveThread(doc, { threadId: 'th2', ...FACILITATOR, at: T2 }, ORIGIN));
  ok(startThread(doc, { id: 'th3', targetId: 'C2', targetType: 'node', ...GUEST, text: 'Gjelder dette fortsatt?', at: T1, messageId: 'm4' }, ORIGIN));
  deleteNodes(doc, ['C2'], ORIGIN);
  return doc;
}
