// Seeded rounds: three replicas run random workshop operations (and edits and moves of the cards
// they concern), then exchange their updates. Every replica must end with the same board, the
// merged board must export to a file that imports again, agreement states must follow from the
// fingerprints alone, and no ballot may hold more dots than its vote gives.
// A failing round names its seed: run it alone with `ROUND=<seed> npx vitest run shared/workshop/convergence.test.ts`.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { toBoardJson } from '../interchange/boardJson';
import { parseBoardJson } from '../interchange/parseBoardJson';
import { deleteNodes, moveNodes, updateNode } from '../operations';
import { agree, agreementOf, withdrawAgreement } from './agreements';
import { reopenThread, reply, resolveThread, startThread } from './comments';
import { contentFingerprint } from './fingerprint';
import { workshopMaps } from './model';
import { castDots, closeVote, startVote } from './votes';
import { GUEST, KOMMUNE, STAT, T0, T1, replicaOf, sync, workshopBoard } from './testing';
import { seeded } from '../seeded';

const ROUNDS = process.env.ROUND ? [Number(process.env.ROUND)] : Array.from({ length: 150 }, (_, i) => i + 1);
const CARDS = ['G1', 'G2', 'G3', 'I1', 'M1'];
const PEOPLE = [STAT, KOMMUNE, GUEST];


function randomOp(doc: Y.Doc, rnd: () => number, n: number): void {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const who = pick(PEOPLE);
  const card = pick(CARDS);
  const at = rnd() < 0.5 ? T0 : T1;
  const r = rnd();
  const threads = [...workshopMaps(doc).comments.keys()].sort();
  if (r < 0.25) agree(doc, { targetId: card, side: pick(['stat', 'kommune']), ...who, at }, 'op');
  else if (r < 0.3) withdrawAgreement(doc, { targetId: card, side: pick(['stat', 'kommune']) }, 'op');
  else if (r < 0.42) updateNode(doc, card, { title: pick(['A', 'B', 'Flere unge i arbeid']) }, 'op');
  else if (r < 0.48) updateNode(doc, card, { description: pick(['', 'x', 'y']) }, 'op');
  else if (r < 0.54) moveNodes(doc, { [card]: { x: n, y: n } }, 'op');
  else if (r < 0.56) deleteNodes(doc, [card], 'op');
  else if (r < 0.66) castDots(doc, { voteId: 'v1', ...who, dots: { [card]: Math.floor(rnd() * 3), [pick(CARDS)]: 1 }, at }, 'op');
  else if (r < 0.68) closeVote(doc, { voteId: 'v1', participantId: who.participantId, at: T1 }, 'op');
  else if (r < 0.74) startThread(doc, { targetId: card, targetType: 'node', ...who, text: `t${n}`, at }, 'op');
  else if (r < 0.84 && threads.length) reply(doc, { threadId: pick(threads), ...who, text: `r${n}`, at }, 'op');
  else if (r < 0.92 && threads.length) resolveThread(doc, { threadId: pick(threads), ...who, at: T1 }, 'op');
  else if (threads.length) reopenThread(doc, { threadId: pick(threads) }, 'op');
}

describe('workshop convergence', () => {
  it(`${ROUNDS.length} seeded rounds of three replicas merge alike, export validly and keep the agreement rule`, () => {
    for (const seed of ROUNDS) {
      const rnd = seeded(seed);
      const origin = workshopBoard();
      startVote(origin, { id: 'v1', title: 'x', targetIds: CARDS, dots: 3, createdBy: STAT, createdAt: T0 }, 'op');
      const replicas = [origin, replicaOf(origin), replicaOf(origin)];
      try {
        for (let step = 0; step < 3; step++) {
          for (const [i, d] of replicas.entries()) for (let k = 0; k < 4; k++) randomOp(d, rnd, step * 100 + i * 10 + k);
          if (rnd() < 0.5) sync(...replicas);
        }
        sync(...replicas);
        const boards = replicas.map((d) => JSON.stringify(toBoardJson(d)));
        expect(new Set(boards).size, `seed ${seed}: replicas differ`).toBe(1);
        const board = toBoardJson(origin);
        const parsed = parseBoardJson(JSON.parse(boards[0]!));
        expect(parsed.ok ? [] : parsed.errors, `seed ${seed}: merged board does not import`).toEqual([]);
        for (const node of board.nodes) {
          if (!CARDS.includes(node.id)) continue;
          const fp = contentFingerprint(node);
          const holds = (board.workshop?.agreements ?? []).filter((a) => a.targetId === node.id && a.fingerprint === fp).map((a) => a.side).sort();
          const want = holds.length === 2 ? 'avtalt' : holds.length === 1 ? holds[0] : 'open';
          for (const d of replicas) expect(agreementOf(d, node.id).state, `seed ${seed}: ${node.id}`).toBe(want);
        }
        for (const b of board.workshop?.votes[0]?.ballots ?? []) {
          expect(Object.values(b.dots).reduce((s, x) => s + x, 0), `seed ${seed}: ballot over 3 dots`).toBeLessThanOrEqual(3);
        }
      } finally {
        for (const d of replicas) d.destroy();
      }
    }
  }, 60_000); // CPU-bound (150 rounds, each exported): a loaded CI machine needs more than the 5 s default
});
