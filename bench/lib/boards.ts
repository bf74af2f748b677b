// Board content for the bench: the example board as a Yjs update every client starts from, the
// edits a workshop makes (move a card, retitle it, link two), and generated large boards.
import * as Y from 'yjs';
import { VALUES_ROOT, applyBoardJson, boardMaps, link, moveNodes, parseBoardJson, updateNode, type BoardJson, type BoardNode, type BoardEdge } from '../../shared';
import { EXAMPLE_BOARD } from '../../shared/examples';
import { seeded } from '../../shared/seeded';

export const exampleBoard = (): BoardJson => {
  const r = parseBoardJson(EXAMPLE_BOARD);
  if (!r.ok) throw new Error('example board does not parse');
  return r.board;
};

/**
 * The example board as one update made by one fixed client id: applying it is idempotent, so
 * every client of the floor and Hocuspocus can start from it without duplicating anything.
 */
export function seedUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = 1;
  applyBoardJson(doc, exampleBoard(), 'seed');
  const u = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return u;
}

/**
 * Where an edit carries its send time: a measured value of an indicator named for the client
 * (`stamp-<client>/2026` in the board's `indicatorValues` root). It is board content the update
 * guard accepts, so ours is measured as it ships; a root of its own would be refused (4422).
 */
export const stampMap = (doc: Y.Doc): Y.Map<{ value: number }> => doc.getMap(VALUES_ROOT);
const STAMP_KEY = /^stamp-(.+)\/2026$/;
/** The client a stamp key belongs to, or null for another value. */
export const stampClient = (key: string): string | null => STAMP_KEY.exec(key)?.[1] ?? null;

/**
 * One edit as a participant makes it — 60 % moves, 30 % title changes, 10 % links — in one
 * transaction together with the send time under the client's stamp (`stampMap`), which is what
 * an observer reads to measure latency.
 */
export function benchEdit(doc: Y.Doc, key: string, rand: () => number, stamp: number): void {
  const maps = boardMaps(doc);
  const ids = [...maps.nodes.keys()];
  const pick = () => ids[Math.floor(rand() * ids.length)]!;
  doc.transact(() => {
    const r = rand();
    if (ids.length === 0) {
      /* nothing to edit yet: the stamp alone */
    } else if (r < 0.6) moveNodes(doc, { [pick()]: { x: Math.round(rand() * 3000), y: Math.round(rand() * 1500) } }, 'bench');
    else if (r < 0.9) updateNode(doc, pick(), { title: `Mål ${Math.floor(rand() * 1e6)}: flere i arbeid` }, 'bench');
    else link(doc, { kind: 'contributesTo', source: pick(), target: pick() }, 'bench');
    stampMap(doc).set(`stamp-${key}/2026`, { value: stamp });
  }, 'bench');
}


const TEXT = [
  'Flere i arbeid og aktivitet', 'Færre unge utenfor skole og arbeid', 'Bedre psykisk helse blant unge voksne', 'Lavere sykefravær i kommunen',
  'Flere fullfører videregående', 'Økt deltakelse i introduksjonsprogrammet', 'Redusert barnefattigdom', 'Flere i lærlingplass',
];

/**
 * A generated board with realistic fields and links: goals in a partOf tree under visions and
 * focus areas, indicators that measure goals, measures that contribute to them, directives and
 * instruments they are anchored in and governed through. `goals` of the cards are goals.
 */
export function generateBoard(total: number, opts: { goalsOnly?: boolean } = {}): BoardJson {
  const rand = seeded(42);
  const nodes: BoardNode[] = [];
  const edges: BoardEdge[] = [];
  const tiers = ['national', 'kommuneplan', 'nav_local'] as const;
  const owners = { national: 'stat', kommuneplan: 'kommune', nav_local: 'felles' } as const;
  const add = (kind: BoardNode['kind'], i: number, extra: Partial<BoardNode> = {}): string => {
    const tier = tiers[i % 3]!;
    const id = `${kind}-${i}`;
    nodes.push({
      id, kind, tier, owner: owners[tier], title: `${TEXT[i % TEXT.length]} (${i})`,
      description: `${TEXT[(i * 7) % TEXT.length]}. Tiltaket følges opp i partnerskapsmøtet hvert kvartal.`,
      position: { x: (i % 60) * 300, y: Math.floor(i / 60) * 160 + tiers.indexOf(tier) * 20 },
      ...extra,
    });
    return id;
  };
  let e = 0;
  const edge = (kind: BoardEdge['kind'], source: string, target: string) => edges.push({ id: `e${e++}`, kind, source, target });
  const share = opts.goalsOnly ? { vision: 0, directive: 0, instrument: 0, indicator: 0, measure: 0 } : { vision: 0.004, directive: 0.01, instrument: 0.01, indicator: 0.2, measure: 0.15 };
  const count = (f: number) => Math.max(f ? 1 : 0, Math.round(total * f));
  const visions = Array.from({ length: count(share.vision) }, (_, i) => add('vision', i));
  const directives = Array.from({ length: count(share.directive) }, (_, i) => add('directive', i, { planRef: `Prop. ${i} S (2024–2025)` }));
  const instruments = Array.from({ length: count(share.instrument) }, (_, i) => add('instrument', i));
  const nGoals = total - visions.length - directives.length - instruments.length - count(share.indicator) - count(share.measure);
  const goals: string[] = [];
  const levels = ['samfunnsmål', 'hovedmål', 'delmål', 'effektmål', 'resultatmål'] as const;
  for (let i = 0; i < nGoals; i++) {
    const id = add('goal', i, {
      level: levels[Math.min(levels.length - 1, Math.floor(Math.log2(i + 1) / 2))],
      period: { from: 2025, to: 2029 }, status: 'vedtatt', progress: 'pågår', responsible: `Enhet ${i % 12}`, sdg: ['8.5'],
    });
    // A tree: each goal is part of an earlier one (so no cycle); the first hang under a vision.
    if (i > 0) edge('partOf', id, goals[Math.floor(rand() * i)]!);
    else if (visions[0]) edge('partOf', id, visions[0]);
    if (directives.length && rand() < 0.1) edge('anchoredIn', id, directives[Math.floor(rand() * directives.length)]!);
    goals.push(id);
  }
  for (let i = 0; i < count(share.indicator); i++) {
    const id = add('indicator', i, {
      unit: '%', direction: 'higher', baseline: { value: 40 + (i % 20), year: 2024 }, target: { value: 55, year: 2028 },
      latest: { value: 47, year: 2025 }, dataSource: 'SSB / Nav statistikk',
    });
    edge('measuredBy', goals[Math.floor(rand() * goals.length)]!, id);
  }
  for (let i = 0; i < count(share.measure); i++) {
    const id = add('measure', i, { status: 'vedtatt', progress: 'i_rute', responsible: `Nav-kontoret, team ${i % 5}` });
    edge('contributesTo', id, goals[Math.floor(rand() * goals.length)]!);
    if (instruments.length) edge('governedThrough', id, instruments[Math.floor(rand() * instruments.length)]!);
  }
  return { format: 'malkart.board', version: 1, meta: { title: `Generert tavle, ${total} kort`, municipality: 'Lier', language: 'nb' }, nodes, edges };
}
