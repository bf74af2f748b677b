// The rød tråd (issue #20 §1): the unbroken thread from national goals and føringer through the
// kommuneplan to the NAV office's goals, measures and indicators. A pure read model over a board.
//
// The thread runs along five link kinds, each read as "lower card → upper card":
//   bidrar til, operasjonaliserer, forankret i, delmål av: source → target
//   måles med: the indicator → the goal or measure it measures (an indicator sits below what it measures)
// Up from a card are the goals and føringer it answers to; down are the goals, strategies, measures
// and indicators that carry it out. Other kinds (styres gjennom, påvirket av, i konflikt med) are not
// part of the thread.
//
// Every walk is a breadth-first search that visits a card once and a link once, so cycles (a merge
// can make them) and cards with several parents cost nothing extra: one chain is linear in links,
// and the board-wide breaks are three multi-source searches, linear too (the links are sorted by
// id once, so every replica lists the same first parent; the result is sorted in board order).
import type { BoardGraph } from './boardDoc';
import type { BoardEdge, BoardNode } from './types';
import { boardOrder } from './readModels';
import type { EdgeKind, Localized } from './vocabulary';

/** Link kinds whose source answers to their target. */
export const THREAD_UP_KINDS: readonly EdgeKind[] = ['contributesTo', 'operationalises', 'anchoredIn', 'partOf'];
/** Every link kind the thread follows. */
export const THREAD_KINDS: readonly EdgeKind[] = [...THREAD_UP_KINDS, 'measuredBy'];

export const THREAD_BREAK_KINDS = ['localGoalUnanchored', 'planGoalNoMeasure', 'planGoalNoIndicator', 'indicatorNoTarget'] as const;
export type ThreadBreakKind = (typeof THREAD_BREAK_KINDS)[number];

const l = (nb: string, nn: string, en: string): Localized => ({ nb, nn, en });
/** What a break is called, one line per card («Lokalt mål som ikke når noe kommuneplanmål»). */
export const THREAD_BREAK_LABELS: Record<ThreadBreakKind, Localized> = {
  localGoalUnanchored: l('Lokalt mål som ikke når noe kommuneplanmål', 'Lokalt mål som ikkje når noko kommuneplanmål', 'Local goal that reaches no municipal plan goal'),
  planGoalNoMeasure: l('Kommuneplanmål uten tiltak', 'Kommuneplanmål utan tiltak', 'Municipal plan goal with no measure'),
  planGoalNoIndicator: l('Kommuneplanmål uten indikator', 'Kommuneplanmål utan indikator', 'Municipal plan goal with no indicator'),
  indicatorNoTarget: l('Indikator uten målverdi', 'Indikator utan målverdi', 'Indicator with no target'),
};

export interface ThreadBreak {
  kind: ThreadBreakKind;
  node: BoardNode;
}

export interface ThreadStep {
  node: BoardNode;
  /** Steps from the start card: negative above it, 0 the card itself, positive below. */
  depth: number;
  /** The links that reached this card from the card one step nearer the start (first is the one the walk took). */
  via: BoardEdge[];
}

export interface RedThread {
  start: BoardNode;
  /** The ordered path: the furthest card above first, the start card, then down level by level (board order within a level). */
  path: ThreadStep[];
  /** Every card of the chain, the start included. */
  nodeIds: Set<string>;
  /** Every thread link between two cards of the chain that the walks followed. */
  edgeIds: Set<string>;
  /** The breaks among the chain's cards, in path order. */
  breaks: ThreadBreak[];
}

interface Step {
  edge: BoardEdge;
  node: string;
}

/** The thread's links indexed once by their lower and their upper card; links to missing cards are left out. */
interface ThreadIndex {
  up: Map<string, Step[]>;
  down: Map<string, Step[]>;
}

const UP = new Set<string>(THREAD_UP_KINDS);

function indexThread(graph: BoardGraph): ThreadIndex {
  const up = new Map<string, Step[]>();
  const down = new Map<string, Step[]>();
  const push = (m: Map<string, Step[]>, k: string, s: Step) => {
    const list = m.get(k);
    if (list) list.push(s);
    else m.set(k, [s]);
  };
  const edges = [...graph.edges.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const e of edges) {
    let lower: string;
    let upper: string;
    if (UP.has(e.kind)) [lower, upper] = [e.source, e.target];
    else if (e.kind === 'measuredBy') [lower, upper] = [e.target, e.source];
    else continue;
    if (lower === upper || !graph.nodes.has(lower) || !graph.nodes.has(upper)) continue;
    push(up, lower, { edge: e, node: upper });
    push(down, upper, { edge: e, node: lower });
  }
  return { up, down };
}

/** Every card reachable from `starts` along `dir` (the starts themselves only when reached by a link). */
function reach(dir: Map<string, Step[]>, starts: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const queue = [...starts];
  for (let i = 0; i < queue.length; i++) {
    for (const s of dir.get(queue[i]!) ?? []) {
      if (seen.has(s.node)) continue;
      seen.add(s.node);
      queue.push(s.node);
    }
  }
  return seen;
}

const isPlanGoal = (n: BoardNode) => n.kind === 'goal' && n.tier === 'kommuneplan';

function breaksOf(graph: BoardGraph, index: ThreadIndex): ThreadBreak[] {
  const nodes = [...graph.nodes.values()];
  const ids = (pred: (n: BoardNode) => boolean) => nodes.filter(pred).map((n) => n.id);
  // A card reaches a kommuneplan goal exactly when it lies below one.
  const belowPlanGoal = reach(index.down, ids(isPlanGoal));
  // A goal has a measure (an indicator) exactly when it lies above one.
  const aboveMeasure = reach(index.up, ids((n) => n.kind === 'measure'));
  const aboveIndicator = reach(index.up, ids((n) => n.kind === 'indicator'));
  const out: ThreadBreak[] = [];
  for (const node of [...nodes].sort(boardOrder)) {
    if (node.kind === 'goal' && node.tier === 'nav_local' && !belowPlanGoal.has(node.id)) out.push({ kind: 'localGoalUnanchored', node });
    if (isPlanGoal(node) && !aboveMeasure.has(node.id)) out.push({ kind: 'planGoalNoMeasure', node });
    if (isPlanGoal(node) && !aboveIndicator.has(node.id)) out.push({ kind: 'planGoalNoIndicator', node });
    if (node.kind === 'indicator' && !node.target) out.push({ kind: 'indicatorNoTarget', node });
  }
  return out;
}

/** The rød tråd of a board: the board-wide breaks, and the chain of any card, from one index of its links. */
export interface RedThreadModel {
  /** Every break on the board, in board order. */
  breaks: ThreadBreak[];
  /** The chain through a card; null when there is no such card. */
  chain(id: string): RedThread | null;
}

export function redThreadModel(graph: BoardGraph): RedThreadModel {
  const index = indexThread(graph);
  const breaks = breaksOf(graph, index);
  const breaksByNode = new Map<string, ThreadBreak[]>();
  for (const b of breaks) {
    const list = breaksByNode.get(b.node.id);
    if (list) list.push(b);
    else breaksByNode.set(b.node.id, [b]);
  }
  return {
    breaks,
    chain(id) {
      const start = graph.nodes.get(id);
      if (!start) return null;
      const steps = new Map<string, ThreadStep>([[id, { node: start, depth: 0, via: [] }]]);
      const edgeIds = new Set<string>();
      // Up first, then down; each walk visits a card once.
      for (const [dir, sign] of [[index.up, -1], [index.down, 1]] as const) {
        const queue = [id];
        const levelOf = new Map<string, number>([[id, 0]]);
        for (let i = 0; i < queue.length; i++) {
          const from = queue[i]!;
          const depth = levelOf.get(from)! + 1;
          for (const s of dir.get(from) ?? []) {
            edgeIds.add(s.edge.id);
            if (levelOf.has(s.node)) {
              // Another parent on the same level: listed once, reached by both links.
              const known = steps.get(s.node)!;
              if (known.depth === sign * depth) known.via.push(s.edge);
              continue;
            }
            levelOf.set(s.node, depth);
            queue.push(s.node);
            // A card the walk up already placed (a cycle) keeps its place but is walked down through.
            if (!steps.has(s.node)) steps.set(s.node, { node: graph.nodes.get(s.node)!, depth: sign * depth, via: [s.edge] });
          }
        }
      }
      const path = [...steps.values()].sort((a, b) => a.depth - b.depth || boardOrder(a.node, b.node));
      return {
        start,
        path,
        nodeIds: new Set(steps.keys()),
        edgeIds,
        breaks: path.flatMap((s) => breaksByNode.get(s.node.id) ?? []),
      };
    },
  };
}

/** The chain through one card (see redThreadModel to ask for several). */
export function redThread(graph: BoardGraph, id: string): RedThread | null {
  return redThreadModel(graph).chain(id);
}

/** Every break of the rød tråd on a board. */
export function redThreadBreaks(graph: BoardGraph): ThreadBreak[] {
  return breaksOf(graph, indexThread(graph));
}
