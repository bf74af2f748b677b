// Auto-layout with elkjs (layered), keeping every card in its band: ELK orders the cards to
// reduce crossings, then each band's layers are merged into the rows that fit the band and each
// row is packed left to right, so cards never overlap.
import ELK from 'elkjs/lib/elk.bundled.js';
import { TIERS, type BoardEdge, type BoardNode, type Position, type Tier } from '../../shared';
import { BAND_HEIGHT, bandTop, CARD_WIDTH } from '../../shared';

const elk = new ELK();
const H_GAP = 50;
const V_GAP = 30;

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
    // ELK's layers, merged into as many rows as fit the band at full card height …
    const maxH = Math.max(...inTier.map((c) => sizeOf(c.id).height));
    const rowStep = maxH + V_GAP;
    const rowsFit = Math.max(1, Math.floor((BAND_HEIGHT - 60 + V_GAP) / rowStep));
    const layers = [...new Set(inTier.map((c) => Math.round(placed.get(c.id)?.y ?? 0)))].sort((a, b) => a - b);
    const rows: BoardNode[][] = Array.from({ length: Math.min(rowsFit, layers.length) }, () => []);
    for (const c of inTier) {
      const layer = layers.indexOf(Math.round(placed.get(c.id)?.y ?? 0));
      rows[Math.min(rows.length - 1, Math.floor((layer * rows.length) / layers.length))]!.push(c);
    }
    // … each row packed left to right in ELK's order, so no two cards overlap.
    rows.forEach((row, r) => {
      row.sort((a, b) => (placed.get(a.id)?.x ?? 0) - (placed.get(b.id)?.x ?? 0));
      let minX = -Infinity;
      for (const c of row) {
        const x = Math.max(Math.round(placed.get(c.id)?.x ?? 0), minX);
        result[c.id] = { x, y: Math.round(bandTop(tier as Tier) + 40 + r * rowStep) };
        minX = x + (sizeOf(c.id).width || CARD_WIDTH) + H_GAP;
      }
    });
  }
  return result;
}
