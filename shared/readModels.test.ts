import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { readGraph, type BoardGraph } from './boardDoc';
import { applyBoardJson } from './interchange/boardJson';
import { parseBoardJson } from './interchange/parseBoardJson';
import { createNode, link } from './operations';
import { boardOrder, coverage, divergences, filterView, flattenTree, graphFromJson, partOfTree, type TreeEntry } from './readModels';
import type { BoardEdge, BoardNode } from './types';
import type { BoardJson } from './interchange/schema';
import type { EdgeKind, NodeKind, Owner, Tier } from './vocabulary';

function exampleBoard(): BoardJson {
  const r = parseBoardJson(JSON.parse(readFileSync(new URL('./examples/lier.json', import.meta.url), 'utf8')));
  if (!r.ok) throw new Error('example does not parse');
  return r.board;
}
const exampleGraph = () => graphFromJson(exampleBoard());

/** id → heading number, over the whole tree. */
const numbers = (tree: TreeEntry[]) => Object.fromEntries(flattenTree(tree).map((e) => [e.node.id, e.number]));
const ids = (nodes: { id: string }[]) => nodes.map((n) => n.id);

/** A tiny seeded PRNG (mulberry32) for reproducible shuffles. */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function shuffle<T>(list: T[], rnd: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A hand-made board. */
function board(
  nodes: { id: string; kind: NodeKind; tier?: Tier; owner?: Owner; x?: number; y?: number; target?: boolean }[],
  edges: [string, EdgeKind, string, string, Partial<BoardEdge>?][],
): BoardGraph {
  const ns: BoardNode[] = nodes.map((n) => ({
    id: n.id, kind: n.kind, tier: n.tier ?? 'kommuneplan', owner: n.owner ?? 'felles', title: n.id.toUpperCase(), description: '',
    position: { x: n.x ?? 0, y: n.y ?? 0 }, ...(n.target ? { target: { value: 1, year: 2030 } } : {}),
  }));
  const es: BoardEdge[] = edges.map(([id, kind, source, target, extra]) => ({ id, kind, source, target, ...extra }));
  return graphFromJson({ meta: { title: 'T' }, nodes: ns, edges: es });
}

describe('partOfTree', () => {
  it('numbers the example board', () => {
    // Roots: visions, focus areas and goals with no partOf parent. In the example only K1–K5 have
    // parents (e1–e5), so the roots are the national goals N2, N3, N4, N6, the vision K0, the goal
    // K8 and the local goals L1, L2, L3. Board order sorts band by band (national, kommuneplan,
    // nav_local), then by kind (vision before goal), then by x: N2 (x 300), N3 (600), N4 (900),
    // N6 (1500); K0 (vision) before K8 (goal); L1 (0), L2 (300), L3 (600).
    // Below K0: K1 (e1); below K1: K2 (x 600) and K3 (x 900); below K2: K4; below K4 the strategy K5.
    const expected = {
      N2: '1', N3: '2', N4: '3', N6: '4',
      K0: '5', K1: '5.1', K2: '5.1.1', K4: '5.1.1.1', K5: '5.1.1.1.1', K3: '5.1.2',
      K8: '6',
      L1: '7', L2: '8', L3: '9',
    };
    const tree = partOfTree(exampleGraph());
    expect(numbers(tree)).toEqual(expected);
    // Headings come depth first, in number order.
    expect(flattenTree(tree).map((e) => e.node.id)).toEqual(['N2', 'N3', 'N4', 'N6', 'K0', 'K1', 'K2', 'K4', 'K5', 'K3', 'K8', 'L1', 'L2', 'L3']);
    const depth = Object.fromEntries(flattenTree(tree).map((e) => [e.node.id, e.depth]));
    expect(depth).toMatchObject({ N2: 1, K0: 1, K1: 2, K2: 3, K4: 4, K5: 5, K3: 3 });
    // Cards that are not goals, visions or focus areas and hang in no tree are not headings.
    for (const id of ['N1', 'N5', 'K6', 'T1', 'S1', 'C1']) expect(numbers(tree)).not.toHaveProperty(id);
  });

  it('is the same from the live document as from the file', () => {
    const doc = new Y.Doc();
    applyBoardJson(doc, exampleBoard(), 'import');
    expect(numbers(partOfTree(readGraph(doc)))).toEqual(numbers(partOfTree(exampleGraph())));
  });

  it('does not depend on the order cards and links were added in', () => {
    const b = exampleBoard();
    const reference = numbers(partOfTree(graphFromJson(b)));
    const rnd = mulberry32(7);
    for (let round = 0; round < 8; round++) {
      const doc = new Y.Doc();
      for (const n of shuffle(b.nodes, rnd)) {
        const { id, position, ...fields } = n;
        expect(createNode(doc, { ...fields, id, position }, 'x').ok).toBe(true);
      }
      for (const e of shuffle(b.edges, rnd)) expect(link(doc, e, 'x').ok).toBe(true);
      expect(numbers(partOfTree(readGraph(doc)))).toEqual(reference);
    }
  });

  it('orders siblings by band, then kind, then x, then y, then id', () => {
    const g = board(
      [
        { id: 'p', kind: 'focus' },
        { id: 's1', kind: 'strategy', x: 0 },
        { id: 'g2', kind: 'goal', x: 500 },
        { id: 'g1', kind: 'goal', x: 100, y: 0 },
        { id: 'ga', kind: 'goal', x: 100, y: -50 },
        { id: 'g3', kind: 'goal', x: 100, y: -50 },
        { id: 'n1', kind: 'goal', tier: 'national', x: 9999 },
        { id: 'l1', kind: 'goal', tier: 'nav_local', x: -9999 },
      ],
      [
        ['e1', 'partOf', 's1', 'p'], ['e2', 'partOf', 'g2', 'p'], ['e3', 'partOf', 'g1', 'p'], ['e4', 'partOf', 'ga', 'p'],
        ['e5', 'partOf', 'g3', 'p'], ['e6', 'partOf', 'n1', 'p'], ['e7', 'partOf', 'l1', 'p'],
      ],
    );
    const tree = partOfTree(g);
    expect(tree).toHaveLength(1);
    expect(tree[0]!.children.map((c) => `${c.number} ${c.node.id}`)).toEqual([
      '1.1 n1', '1.2 g3', '1.3 ga', '1.4 g1', '1.5 g2', '1.6 s1', '1.7 l1',
    ]);
  });

  it('places a card with two parents once, under the parent of the first edge by id', () => {
    const g = board(
      [{ id: 'a', kind: 'goal', x: 0 }, { id: 'b', kind: 'goal', x: 1 }, { id: 'c', kind: 'goal', x: 2 }],
      [['e2', 'partOf', 'c', 'a'], ['e1', 'partOf', 'c', 'b']],
    );
    const flat = flattenTree(partOfTree(g));
    expect(flat.filter((e) => e.node.id === 'c')).toHaveLength(1);
    expect(numbers(partOfTree(g))).toEqual({ a: '1', b: '2', c: '2.1' });
  });

  it('leaves out cards caught in a partOf cycle, and treats a link to a missing card as none', () => {
    const g = board(
      [{ id: 'x', kind: 'goal' }, { id: 'y', kind: 'goal' }, { id: 'r', kind: 'goal', x: 5 }, { id: 'lone', kind: 'strategy' }],
      [['e1', 'partOf', 'x', 'y'], ['e2', 'partOf', 'y', 'x'], ['e3', 'partOf', 'r', 'gone']],
    );
    expect(numbers(partOfTree(g))).toEqual({ r: '1' });
  });

  it('boardOrder is a total order', () => {
    const ns = exampleBoard().nodes;
    const sorted = [...ns].sort(boardOrder);
    for (let i = 1; i < sorted.length; i++) expect(boardOrder(sorted[i - 1]!, sorted[i]!)).toBeLessThan(0);
  });
});

describe('coverage', () => {
  it('on the example board', () => {
    const c = coverage(exampleGraph());
    // National goals N2, N3, N4, N6; operationalised from outside the national band: N4 (e8 by L1,
    // e11 by L3) and N3 (e10 by L2). Left: N2 and N6.
    expect(ids(c.nationalGoalsNotOperationalised)).toEqual(['N2', 'N6']);
    // L1, L2, L3 all operationalise something (e7, e9, e11).
    expect(c.localGoalsUnanchored).toEqual([]);
    // measuredBy starts at K2, K3, L2, L3, N4; the other goals, in board order.
    expect(ids(c.goalsWithoutIndicator)).toEqual(['N2', 'N3', 'N6', 'K4', 'K8', 'L1']);
    // Every indicator (N5, K6, K7, L4, L5) has a target.
    expect(c.indicatorsWithoutTarget).toEqual([]);
  });

  it('national goals not operationalised: only from outside the national band, and only by a card that exists', () => {
    const g = board(
      [
        { id: 'n1', kind: 'goal', tier: 'national', owner: 'stat', x: 1 },
        { id: 'n2', kind: 'goal', tier: 'national', owner: 'stat', x: 2 },
        { id: 'n3', kind: 'goal', tier: 'national', owner: 'stat', x: 3 },
        { id: 'n4', kind: 'goal', tier: 'national', owner: 'stat', x: 4 },
        { id: 'nf', kind: 'goal', tier: 'national', owner: 'felles' },
        { id: 'm', kind: 'measure', tier: 'nav_local' },
        { id: 'k', kind: 'goal', tier: 'kommuneplan', owner: 'kommune' },
        { id: 'd', kind: 'directive', tier: 'national', owner: 'stat' },
      ],
      [
        ['e1', 'operationalises', 'nf', 'n1'], // from a national goal: does not count
        ['e2', 'operationalises', 'm', 'n2'], // a local measure: counts
        ['e3', 'operationalises', 'gone', 'n3'], // from a deleted card: does not count
        ['e4', 'contributesTo', 'k', 'n4'], // another kind: does not count
        ['e5', 'operationalises', 'k', 'd'], // a directive is no goal
      ],
    );
    expect(ids(coverage(g).nationalGoalsNotOperationalised)).toEqual(['nf', 'n1', 'n3', 'n4']);
  });

  it('local goals anchored in nothing', () => {
    const g = board(
      [
        { id: 'a', kind: 'goal', tier: 'nav_local', x: 1 }, // anchoredIn
        { id: 'b', kind: 'goal', tier: 'nav_local', x: 2 }, // partOf
        { id: 'c', kind: 'goal', tier: 'nav_local', x: 3 }, // contributesTo
        { id: 'd', kind: 'goal', tier: 'nav_local', x: 4 }, // operationalises
        { id: 'e', kind: 'goal', tier: 'nav_local', x: 5 }, // only measured and operationalised by others
        { id: 'f', kind: 'goal', tier: 'nav_local', x: 6 }, // anchored in a deleted card
        { id: 'm', kind: 'measure', tier: 'nav_local' }, // not a goal
        { id: 'k', kind: 'goal', tier: 'kommuneplan', owner: 'kommune' }, // not local
        { id: 'dir', kind: 'directive', tier: 'national', owner: 'stat' },
        { id: 'i', kind: 'indicator', tier: 'nav_local' },
      ],
      [
        ['e1', 'anchoredIn', 'a', 'dir'], ['e2', 'partOf', 'b', 'k'], ['e3', 'contributesTo', 'c', 'k'], ['e4', 'operationalises', 'd', 'k'],
        ['e5', 'measuredBy', 'e', 'i'], ['e6', 'operationalises', 'm', 'e'], ['e7', 'anchoredIn', 'f', 'gone'],
      ],
    );
    expect(ids(coverage(g).localGoalsUnanchored)).toEqual(['e', 'f']);
  });

  it('goals without an indicator and indicators without a target', () => {
    const g = board(
      [
        { id: 'g1', kind: 'goal', x: 1 },
        { id: 'g2', kind: 'goal', x: 2 },
        { id: 'g3', kind: 'goal', x: 3 },
        { id: 'm', kind: 'measure' },
        { id: 'i1', kind: 'indicator', x: 1, target: true },
        { id: 'i2', kind: 'indicator', x: 2 },
        { id: 'i3', kind: 'indicator', x: 3 },
      ],
      [['e1', 'measuredBy', 'g1', 'i1'], ['e2', 'measuredBy', 'g2', 'gone'], ['e3', 'measuredBy', 'm', 'i2']],
    );
    const c = coverage(g);
    expect(ids(c.goalsWithoutIndicator)).toEqual(['g2', 'g3']);
    expect(ids(c.indicatorsWithoutTarget)).toEqual(['i2', 'i3']);
  });
});

describe('divergences', () => {
  it('on the example board, the most severe first', () => {
    const d = divergences(exampleGraph());
    // e29 (K8 ↔ K3) is high, e28 (N6 ↔ L2) medium.
    expect(d.map((x) => [x.edge.id, x.source.id, x.target.id])).toEqual([['e29', 'K8', 'K3'], ['e28', 'N6', 'L2']]);
    expect(d[0]!.edge.note).toBe('Lavere sosialhjelpsutgifter mot mindre barnefattigdom');
  });

  it('orders by severity (none counts as low), then by edge id, and skips conflicts with a deleted goal', () => {
    const g = board(
      [{ id: 'a', kind: 'goal' }, { id: 'b', kind: 'goal' }, { id: 'c', kind: 'goal' }],
      [
        ['k5', 'conflictsWith', 'a', 'b', { severity: 'low' }],
        ['k4', 'conflictsWith', 'a', 'c'],
        ['k3', 'conflictsWith', 'b', 'c', { severity: 'high' }],
        ['k2', 'conflictsWith', 'c', 'a', { severity: 'medium', note: 'hvorfor' }],
        ['k1', 'conflictsWith', 'a', 'gone', { severity: 'high' }],
        ['x1', 'contributesTo', 'a', 'b'],
      ],
    );
    expect(divergences(g).map((d) => d.edge.id)).toEqual(['k3', 'k2', 'k4', 'k5']);
  });
});

describe('filterView', () => {
  const felles = ['L1', 'L2', 'L3', 'L4', 'L5', 'T1', 'T3', 'S1', 'S2'];
  it("'stat' keeps stat and felles cards and the links between them", () => {
    const v = filterView(exampleGraph(), 'stat');
    expect([...v.nodes.keys()].sort()).toEqual(['N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'C1', ...felles].sort());
    // Links with a kommune card at either end (K*, T2, C2) go.
    expect([...v.edges.keys()].sort()).toEqual(
      ['e8', 'e10', 'e11', 'e12', 'e16', 'e17', 'e18', 'e19', 'e21', 'e22', 'e23', 'e24', 'e25', 'e28'].sort(),
    );
  });

  it("'kommune' keeps kommune and felles cards and the links between them", () => {
    const v = filterView(exampleGraph(), 'kommune');
    expect([...v.nodes.keys()].sort()).toEqual(
      ['K0', 'K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7', 'K8', 'T2', 'C2', ...felles].sort(),
    );
    // Links with a stat card at either end (N*, C1) go: e6, e8, e10, e11, e12, e18, e26, e28.
    const gone = ['e6', 'e8', 'e10', 'e11', 'e12', 'e18', 'e26', 'e28'];
    const expected = Array.from({ length: 29 }, (_, i) => `e${i + 1}`).filter((id) => !gone.includes(id));
    expect([...v.edges.keys()].sort()).toEqual(expected.sort());
  });

  it("'all' keeps everything, and no view changes the graph it filters", () => {
    const g = exampleGraph();
    const before = { nodes: [...g.nodes.keys()], edges: [...g.edges.keys()] };
    expect(filterView(g, 'all')).toBe(g);
    filterView(g, 'stat');
    filterView(g, 'kommune');
    expect({ nodes: [...g.nodes.keys()], edges: [...g.edges.keys()] }).toEqual(before);
    expect(filterView(g, 'stat').meta).toEqual(g.meta);
  });

  it('a view works with the other read models: the stat view has no kommune heading', () => {
    const tree = partOfTree(filterView(exampleGraph(), 'stat'));
    expect(Object.keys(numbers(tree)).sort()).toEqual(['L1', 'L2', 'L3', 'N2', 'N3', 'N4', 'N6']);
  });
});
