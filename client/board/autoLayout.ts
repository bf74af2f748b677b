// Auto-layout with elkjs (layered), keeping every card in its band: ELK orders the cards to
// reduce crossings, then each band's layers are packed into rows inside that band.
import ELK from 'elkjs/lib/elk.bundled.js';
import { TIERS, type BoardEdge, type BoardNode, type Position, type Tier } from '../../shared';
import { BAND_HEIGHT, bandTop, CARD_WIDTH } from './bands';

const elk = new ELK();
const H_GAP = 50;

export async function computeLayout(
  cards: BoardNode[],
  links: BoardEdge[],
  sizeOf: (id: string) => { width: number; height: number },
): Promise<Record<string, Position>> {
  const ids = new Set(cards.map((c) => c.id));
  const graph = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.partitioning.activate': 'true',
      'elk.layered.spacing.nodeNodeBetweenLayers': '60',
      'elk.spacing.nodeNode': String(H_GAP),
      'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    },
    children: cards.map((c) => ({
      id: c.id,
      ...sizeOf(c.id),
      layoutOptions: { 'elk.partitioning.partition': String(TIERS.indexOf(c.tier as Tier)) },
    })),
    // Links point upward (local → national); reverse them so ELK's layers run top-down with the bands.
    edges: links
      .filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target && e.kind !== 'conflictsWith')
      .map((e) => ({ id: e.id, sources: [e.target], targets: [e.source] })),
  };
  const out = await elk.layout(graph);
  const placed = new Map((out.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));

  const result: Record<string, Position> = {};
  for (const tier of TIERS) {
    const inTier = cards.filter((c) => c.tier === tier);
    if (!inTier.length) continue;
    // Group into ELK's rows (distinct y), then stack those rows evenly inside the band.
    const rows = [...new Set(inTier.map((c) => Math.round(placed.get(c.id)?.y ?? 0)))].sort((a, b) => a - b);
    const maxH = Math.max(...inTier.map((c) => sizeOf(c.id).height));
    const usable = BAND_HEIGHT - 60 - maxH;
    const step = rows.length > 1 ? Math.min(maxH + 30, usable / (rows.length - 1)) : 0;
    for (const c of inTier) {
      const p = placed.get(c.id) ?? { x: 0, y: 0 };
      const row = rows.indexOf(Math.round(p.y));
      result[c.id] = { x: Math.round(p.x), y: Math.round(bandTop(tier) + 40 + row * step) };
    }
  }
  // Rows squeezed into a band may overlap horizontally; nudge cards in the same row apart.
  const byRow = new Map<string, string[]>();
  for (const [id, p] of Object.entries(result)) {
    const key = String(p.y);
    byRow.set(key, [...(byRow.get(key) ?? []), id]);
  }
  for (const idsInRow of byRow.values()) {
    idsInRow.sort((a, b) => result[a]!.x - result[b]!.x);
    let minX = -Infinity;
    for (const id of idsInRow) {
      const p = result[id]!;
      if (p.x < minX) p.x = minX;
      minX = p.x + (sizeOf(id).width || CARD_WIDTH) + H_GAP;
    }
  }
  return result;
}
