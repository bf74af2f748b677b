// Boards for the exporters' tests: the demo board and small hand-made ones.
import lier from '../examples/lier.json';
import type { BoardEdge, BoardNode } from '../types';
import type { BoardJson } from '../interchange/schema';

export const LIER = lier as unknown as BoardJson;

let seq = 0;
export function node(fields: Partial<BoardNode> & Pick<BoardNode, 'id'>): BoardNode {
  seq += 1;
  return { kind: 'goal', tier: 'kommuneplan', owner: 'kommune', title: fields.id, description: '', position: { x: seq * 300, y: 0 }, ...fields };
}
export function edge(id: string, kind: BoardEdge['kind'], source: string, target: string, extra: Partial<BoardEdge> = {}): BoardEdge {
  return { id, kind, source, target, ...extra };
}
export function board(nodes: BoardNode[], edges: BoardEdge[] = [], title = 'Testkart'): BoardJson {
  return { format: 'malkart.board', version: 1, meta: { title }, nodes, edges };
}

export const SERIES_INDICATOR = 'Andel sosialhjelpsmottakere 18–24 år';
/** The example board with a measured series on the youth-benefit indicator (lower is better; 4,1 % in 2023, target 3 % in 2028). */
export function lierWithSeries(): BoardJson {
  const b = structuredClone(LIER);
  const i = b.nodes.find((n) => n.title === SERIES_INDICATOR)!;
  i.series = [
    { period: '2024', value: 3.9, source: 'KOSTRA' },
    { period: '2025', value: 3.6, source: 'NAV Lier, egen telling', comment: 'foreløpig' },
  ];
  return b;
}
