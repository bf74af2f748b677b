import { describe, expect, it } from 'vitest';
import { graphFromJson } from './readModels';
import { redThread, redThreadBreaks, redThreadModel, THREAD_UP_KINDS, type RedThread } from './redThread';
import { seeded } from './seeded';
import { board, edge, LIER, node } from './export/testBoards';
import type { BoardGraph } from './boardDoc';
import type { BoardEdge, BoardNode } from './types';
import type { EdgeKind, NodeKind, Tier } from './vocabulary';

const lier = () => graphFromJson(LIER);
const pathOf = (t: RedThread | null) => t!.path.map((s) => `${s.node.id}@${s.depth}`);
const breakList = (graph: BoardGraph) => redThreadBreaks(graph).map((b) => `${b.node.id}:${b.kind}`);

describe('the rød tråd on the example board', () => {
  it('runs from a kommuneplan delmål up to the vision and the føring, and down to its strategy, the NAV goal and its indicator', () => {
    const t = redThread(lier(), 'K4');
    // N1 and K1 are both two steps up: the national band comes first.
    expect(pathOf(t)).toEqual(['K0@-3', 'N1@-2', 'K1@-2', 'K2@-1', 'K4@0', 'K5@1', 'L2@1', 'L4@2']);
    // L2 also operationalises a national goal (N3), but that is L2's own thread, not K4's.
    expect(t!.nodeIds.has('N3')).toBe(false);
    expect([...t!.edgeIds].sort()).toEqual(['e1', 'e16', 'e2', 'e4', 'e5', 'e6', 'e9']);
    expect(t!.path.find((s) => s.node.id === 'L2')!.via.map((e) => e.kind)).toEqual(['operationalises']);
    expect(t!.breaks.map((b) => `${b.node.id}:${b.kind}`)).toEqual(['K4:planGoalNoMeasure']);
  });

  it('from a measure climbs through the local goal to both the kommuneplan and the national goals it answers to', () => {
    const t = redThread(lier(), 'T1');
    expect(pathOf(t)).toEqual(['K0@-4', 'N1@-3', 'N2@-3', 'K1@-3', 'N4@-2', 'K2@-2', 'L1@-1', 'T1@0']);
    expect(t!.breaks).toEqual([]);
  });

  it('from an indicator climbs through the goal it measures', () => {
    expect(pathOf(redThread(lier(), 'K7'))).toEqual(['K0@-3', 'K1@-2', 'K3@-1', 'K7@0']);
  });

  it('leaves out conflicts, instruments and trends', () => {
    const t = redThread(lier(), 'L1')!;
    expect(t.nodeIds.has('S1')).toBe(false);
    expect(t.nodeIds.has('C1')).toBe(false);
    expect(redThread(lier(), 'K8')!.path.map((s) => s.node.id)).toEqual(['K8']);
  });

  it('names every break on the board: a delmål with no measure, a resultatmål with neither', () => {
    expect(breakList(lier())).toEqual(['K4:planGoalNoMeasure', 'K8:planGoalNoMeasure', 'K8:planGoalNoIndicator']);
  });

  it('names a local goal cut loose, an indicator with no target, and heals when the link is made', () => {
    const b = structuredClone(LIER);
    b.edges = b.edges.filter((e) => e.id !== 'e9' && e.id !== 'e10'); // L2 no longer answers to K4 or N3
    delete b.nodes.find((n) => n.id === 'L4')!.target;
    const g = graphFromJson(b);
    expect(breakList(g)).toEqual([
      'K4:planGoalNoMeasure', 'K4:planGoalNoIndicator', 'K8:planGoalNoMeasure', 'K8:planGoalNoIndicator', 'L2:localGoalUnanchored', 'L4:indicatorNoTarget',
    ]);
    // A local goal that answers to a national goal only still reaches no kommuneplan goal.
    b.edges.push(edge('x1', 'operationalises', 'L2', 'N3'));
    expect(breakList(graphFromJson(b))).toContain('L2:localGoalUnanchored');
    b.edges.push(edge('x2', 'contributesTo', 'L2', 'L1'));
    expect(breakList(graphFromJson(b))).not.toContain('L2:localGoalUnanchored');
  });

  it('is null for a card that is not there, and ignores links to deleted cards', () => {
    const b = structuredClone(LIER);
    b.edges.push(edge('dangling', 'contributesTo', 'K8', 'gone'));
    const g = graphFromJson(b);
    expect(redThread(g, 'gone')).toBeNull();
    expect(pathOf(redThread(g, 'K8'))).toEqual(['K8@0']);
  });
});

describe('cycles and several parents', () => {
  it('a card with two parents is listed once, reached by both links; a cycle ends', () => {
    const g = graphFromJson(
      board(
        [node({ id: 'A' }), node({ id: 'B' }), node({ id: 'C' }), node({ id: 'D', kind: 'measure' })],
        [
          edge('e1', 'contributesTo', 'D', 'B'),
          edge('e2', 'contributesTo', 'D', 'C'),
          edge('e3', 'partOf', 'B', 'A'),
          edge('e4', 'partOf', 'C', 'A'),
          edge('e5', 'contributesTo', 'A', 'D' as string), // a merge made a cycle: A → D → B → A
        ],
      ),
    );
    const t = redThread(g, 'D')!;
    expect(pathOf(t)).toEqual(['A@-2', 'B@-1', 'C@-1', 'D@0']);
    expect(t.path[0]!.via.map((e) => e.id)).toEqual(['e3', 'e4']);
    expect(t.edgeIds).toEqual(new Set(['e1', 'e2', 'e3', 'e4', 'e5']));
  });

  it('a chain 20,000 cards long is walked without recursion', () => {
    const nodes = Array.from({ length: 20_000 }, (_, i) => node({ id: `g${i}` }));
    const edges = nodes.slice(1).map((n, i) => edge(`e${i}`, 'partOf', n.id, `g${i}`));
    const t = redThreadModel(graphFromJson(board(nodes, edges))).chain('g10000')!;
    expect(t.path).toHaveLength(20_000);
    expect(t.path[0]!.node.id).toBe('g0');
    expect(t.path.at(-1)!.depth).toBe(9_999);
  });

  it('reads the links once for the breaks and every chain asked of it, not once per card', () => {
    const nodes = Array.from({ length: 2000 }, (_, i) => node({ id: `c${i}`, kind: i % 4 === 0 ? 'measure' : 'goal' }));
    const edges = nodes.slice(1).map((n, i) => edge(`e${i}`, i % 2 ? 'contributesTo' : 'partOf', n.id, `c${Math.floor(i / 3)}`));
    const g = graphFromJson(board(nodes, edges));
    let passes = 0;
    class Counting extends Map<string, BoardEdge> {
      override values() {
        passes += 1;
        return super.values();
      }
      override [Symbol.iterator]() {
        passes += 1;
        return super[Symbol.iterator]();
      }
    }
    const counted: BoardGraph = { ...g, edges: new Counting(g.edges) };
    passes = 0;
    const model = redThreadModel(counted);
    for (const n of nodes) model.chain(n.id);
    expect(passes).toBe(1);
  });

  // The model against the plain definition (a search per card) on random boards: no link rules,
  // so they have cycles, several parents, self links and links to missing cards.
  it('agrees with a search per card on 200 random boards', () => {
    const kinds: NodeKind[] = ['goal', 'goal', 'goal', 'strategy', 'measure', 'indicator', 'directive', 'instrument'];
    const tiers: Tier[] = ['national', 'kommuneplan', 'nav_local'];
    const linkKinds: EdgeKind[] = [...THREAD_UP_KINDS, 'measuredBy', 'governedThrough', 'conflictsWith'];
    for (let seed = 1; seed <= 200; seed++) {
      const rnd = seeded(seed);
      const pick = <T,>(l: readonly T[]) => l[Math.floor(rnd() * l.length)]!;
      const n = 2 + Math.floor(rnd() * 14);
      const nodes: BoardNode[] = Array.from({ length: n }, (_, i) =>
        node({ id: `n${i}`, kind: pick(kinds), tier: pick(tiers), target: rnd() < 0.5 ? { value: 1, year: 2030 } : undefined }),
      );
      const edges: BoardEdge[] = Array.from({ length: Math.floor(rnd() * n * 2) }, (_, i) =>
        edge(`e${i}`, pick(linkKinds), `n${Math.floor(rnd() * (n + 1))}`, `n${Math.floor(rnd() * n)}`),
      );
      const g = graphFromJson(board(nodes, edges));
      const model = redThreadModel(g);
      const ref = reference(g);
      expect(model.breaks.map((b) => `${b.node.id}:${b.kind}`).sort(), `seed ${seed}`).toEqual(ref.breaks.sort());
      for (const c of nodes) {
        const t = model.chain(c.id)!;
        const want = new Set([c.id, ...ref.above(c.id).keys(), ...ref.below(c.id).keys()]);
        expect(t.nodeIds, `seed ${seed} card ${c.id}`).toEqual(want);
        // Depth is the shortest distance, up taking precedence where a cycle puts a card both ways.
        for (const s of t.path) {
          const up = ref.above(c.id).get(s.node.id);
          const expected = s.depth === 0 ? 0 : up !== undefined ? -up : ref.below(c.id).get(s.node.id)!;
          expect(s.depth, `seed ${seed} ${c.id}→${s.node.id}`).toBe(expected);
        }
      }
    }
  });
});

/** The definition, spelled out: a breadth-first search per card and per question. */
function reference(g: BoardGraph) {
  const up = (id: string) =>
    [...g.edges.values()].flatMap((e) =>
      e.source === e.target || !g.nodes.has(e.source) || !g.nodes.has(e.target)
        ? []
        : THREAD_UP_KINDS.includes(e.kind) && e.source === id
          ? [e.target]
          : e.kind === 'measuredBy' && e.target === id
            ? [e.source]
            : [],
    );
  const down = (id: string) =>
    [...g.edges.values()].flatMap((e) =>
      e.source === e.target || !g.nodes.has(e.source) || !g.nodes.has(e.target)
        ? []
        : THREAD_UP_KINDS.includes(e.kind) && e.target === id
          ? [e.source]
          : e.kind === 'measuredBy' && e.source === id
            ? [e.target]
            : [],
    );
  const bfs = (start: string, next: (id: string) => string[]) => {
    const dist = new Map<string, number>();
    const queue = [start];
    const d = new Map([[start, 0]]);
    while (queue.length) {
      const id = queue.shift()!;
      for (const m of next(id)) {
        if (m === start || d.has(m)) continue;
        d.set(m, d.get(id)! + 1);
        dist.set(m, d.get(id)! + 1);
        queue.push(m);
      }
    }
    return dist;
  };
  const above = (id: string) => bfs(id, up);
  const below = (id: string) => {
    const a = above(id);
    return new Map([...bfs(id, down)].filter(([k]) => !a.has(k)));
  };
  const breaks: string[] = [];
  for (const n of g.nodes.values()) {
    const kindsBelow = new Set([...bfs(n.id, down).keys()].map((k) => g.nodes.get(k)!.kind));
    const planAbove = [...bfs(n.id, up).keys()].some((k) => g.nodes.get(k)!.kind === 'goal' && g.nodes.get(k)!.tier === 'kommuneplan');
    if (n.kind === 'goal' && n.tier === 'nav_local' && !planAbove) breaks.push(`${n.id}:localGoalUnanchored`);
    if (n.kind === 'goal' && n.tier === 'kommuneplan' && !kindsBelow.has('measure')) breaks.push(`${n.id}:planGoalNoMeasure`);
    if (n.kind === 'goal' && n.tier === 'kommuneplan' && !kindsBelow.has('indicator')) breaks.push(`${n.id}:planGoalNoIndicator`);
    if (n.kind === 'indicator' && !n.target) breaks.push(`${n.id}:indicatorNoTarget`);
  }
  return { above, below, breaks };
}
