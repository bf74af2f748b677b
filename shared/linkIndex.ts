// Every link of a graph indexed once by its source and by its target, so a reader that asks
// "what links into this card" for every card costs O(cards + links), not O(cards × links).
import type { BoardGraph } from './boardDoc';
import type { BoardEdge } from './types';
import type { EdgeKind } from './vocabulary';

export interface LinkIndex {
  /** Links leaving `id`, in the graph's order; only those of `kinds` when given. */
  out(id: string, kinds?: readonly EdgeKind[]): BoardEdge[];
  /** Links arriving at `id`, likewise. */
  into(id: string, kinds?: readonly EdgeKind[]): BoardEdge[];
}

const NONE: BoardEdge[] = [];

export function indexLinks(graph: BoardGraph): LinkIndex {
  const bySource = new Map<string, BoardEdge[]>();
  const byTarget = new Map<string, BoardEdge[]>();
  for (const e of graph.edges.values()) {
    let s = bySource.get(e.source);
    if (!s) bySource.set(e.source, (s = []));
    s.push(e);
    let t = byTarget.get(e.target);
    if (!t) byTarget.set(e.target, (t = []));
    t.push(e);
  }
  const pick = (list: BoardEdge[] | undefined, kinds?: readonly EdgeKind[]) =>
    !list ? NONE : kinds ? list.filter((e) => kinds.includes(e.kind)) : list;
  return {
    out: (id, kinds) => pick(bySource.get(id), kinds),
    into: (id, kinds) => pick(byTarget.get(id), kinds),
  };
}
