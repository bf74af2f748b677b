// What users get out of the map (docs/domain.md): the numbered partOf tree, coverage and divergences.
// Pure functions of a BoardGraph, shared by the client's panels and every exporter.
import type { BoardGraph } from './boardDoc';
import type { BoardEdge, BoardNode } from './types';
import { indexLinks } from './linkIndex';
import { NODE_KINDS, TIERS, type EdgeKind } from './vocabulary';

export interface TreeEntry {
  node: BoardNode;
  /** "1", "1.2", "1.2.3" */
  number: string;
  depth: number;
  children: TreeEntry[];
}

const TREE_ROOT_KINDS = new Set(['vision', 'focus', 'goal']);

/**
 * Board order: band by band (national, kommuneplan, local), then the kinds from vision down,
 * then left to right and top to bottom as the cards stand, with the id as the last word.
 */
export function boardOrder(a: BoardNode, b: BoardNode): number {
  return (
    TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier) ||
    NODE_KINDS.indexOf(a.kind) - NODE_KINDS.indexOf(b.kind) ||
    a.position.x - b.position.x ||
    a.position.y - b.position.y ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * The partOf tree numbered for headings. Roots are visions, focus areas and goals without a
 * parent. A card with several parents (a merge can do that) is placed under the first by edge id;
 * cards caught in a partOf cycle have no root and are left out (validateBoard reports them).
 */
export function partOfTree(graph: BoardGraph): TreeEntry[] {
  const children = new Map<string, BoardNode[]>();
  const hasParent = new Set<string>();
  const edges = [...graph.edges.values()].filter((e) => e.kind === 'partOf').sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const e of edges) {
    const child = graph.nodes.get(e.source);
    if (!child || !graph.nodes.has(e.target) || hasParent.has(e.source)) continue;
    hasParent.add(e.source);
    const list = children.get(e.target) ?? [];
    list.push(child);
    children.set(e.target, list);
  }
  const roots = [...graph.nodes.values()].filter((n) => !hasParent.has(n.id) && TREE_ROOT_KINDS.has(n.kind)).sort(boardOrder);
  const placed = new Set<string>();
  const build = (node: BoardNode, number: string, depth: number): TreeEntry => {
    placed.add(node.id);
    const kids = (children.get(node.id) ?? []).filter((c) => !placed.has(c.id)).sort(boardOrder);
    return { node, number, depth, children: kids.map((c, i) => build(c, `${number}.${i + 1}`, depth + 1)) };
  };
  return roots.map((r, i) => build(r, String(i + 1), 1));
}

export function flattenTree(tree: TreeEntry[]): TreeEntry[] {
  const out: TreeEntry[] = [];
  const walk = (list: TreeEntry[]) => {
    for (const e of list) {
      out.push(e);
      walk(e.children);
    }
  };
  walk(tree);
  return out;
}

export interface Coverage {
  /** National goals that no goal or measure outside the national band operationalises. */
  nationalGoalsNotOperationalised: BoardNode[];
  /** Local NAV goals that are anchored in, operationalise, contribute to or are part of nothing. */
  localGoalsUnanchored: BoardNode[];
  goalsWithoutIndicator: BoardNode[];
  indicatorsWithoutTarget: BoardNode[];
}

export function coverage(graph: BoardGraph): Coverage {
  const links = indexLinks(graph);
  const goals = [...graph.nodes.values()].filter((n) => n.kind === 'goal').sort(boardOrder);
  const outgoing = (id: string, kinds: EdgeKind[]) => links.out(id, kinds).some((e) => graph.nodes.has(e.target));
  return {
    nationalGoalsNotOperationalised: goals.filter(
      (g) =>
        g.tier === 'national' &&
        !links.into(g.id, ['operationalises']).some((e) => graph.nodes.get(e.source) && graph.nodes.get(e.source)!.tier !== 'national'),
    ),
    localGoalsUnanchored: goals.filter(
      (g) => g.tier === 'nav_local' && !outgoing(g.id, ['operationalises', 'anchoredIn', 'contributesTo', 'partOf']),
    ),
    goalsWithoutIndicator: goals.filter((g) => !outgoing(g.id, ['measuredBy'])),
    indicatorsWithoutTarget: [...graph.nodes.values()].filter((n) => n.kind === 'indicator' && !n.target).sort(boardOrder),
  };
}

export interface Divergence {
  edge: BoardEdge;
  source: BoardNode;
  target: BoardNode;
}

/** Every conflictsWith edge with its two goals, the most severe first. */
export function divergences(graph: BoardGraph): Divergence[] {
  const rank = { high: 0, medium: 1, low: 2 } as const;
  const out: Divergence[] = [];
  for (const edge of graph.edges.values()) {
    if (edge.kind !== 'conflictsWith') continue;
    const source = graph.nodes.get(edge.source);
    const target = graph.nodes.get(edge.target);
    if (source && target) out.push({ edge, source, target });
  }
  return out.sort(
    (a, b) => (rank[a.edge.severity ?? 'low'] ?? 3) - (rank[b.edge.severity ?? 'low'] ?? 3) || (a.edge.id < b.edge.id ? -1 : 1),
  );
}

/** Keeps the cards of one reporting line: `stat` keeps stat and felles, `kommune` keeps kommune and felles. */
export type View = 'all' | 'stat' | 'kommune';
export function filterView(graph: BoardGraph, view: View): BoardGraph {
  if (view === 'all') return graph;
  const nodes = new Map([...graph.nodes].filter(([, n]) => n.owner === view || n.owner === 'felles'));
  const edges = new Map([...graph.edges].filter(([, e]) => nodes.has(e.source) && nodes.has(e.target)));
  return { meta: graph.meta, nodes, edges };
}

/** A graph read from interchange JSON rather than a live document. */
export function graphFromJson(board: { meta: BoardGraph['meta']; nodes: BoardNode[]; edges: BoardEdge[] }): BoardGraph {
  return { meta: board.meta, nodes: new Map(board.nodes.map((n) => [n.id, n])), edges: new Map(board.edges.map((e) => [e.id, e])) };
}
