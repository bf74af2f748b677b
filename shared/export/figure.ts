// One band of the map as a figure for the printed chapter: the band's cards in a grid that fits
// the page's text width (16 cm) with every text at least 8 pt at that size, in the board's own
// colours (shared/theme.ts), with the links inside the band. The board's own layout is too wide
// to print legibly, so cards keep their reading order (top to bottom, left to right) instead.
// Units are CSS pixels at 96 dpi: 1 unit = 0.75 pt when the figure is placed at FIGURE_WIDTH.
import type { BoardGraph } from '../boardDoc';
import type { BoardNode } from '../types';
import { CONFLICT_COLOUR, INK, LINK_COLOUR, MUTED_INK, cardColours } from '../theme';
import { EDGE_KIND_LABELS, GOAL_LEVEL_LABELS, NODE_KIND_LABELS, type Tier } from '../vocabulary';
import { formatNumber } from './format';
import type { ExportLang } from './labels';
import type { PlanFigure } from './planChapter';
import { escapeXml, wrapText } from './svg';

/** Page text width of A4 with 2.5 cm margins, in px at 96 dpi (16 cm). */
export const FIGURE_WIDTH = 604;
export const FIGURE_FONT = "'Liberation Sans', Arial, 'DejaVu Sans', sans-serif";
const COLS = 3;
const PAD = 6;
const GAP_X = 22;
const GAP_Y = 34;
const CARD_W = Math.floor((FIGURE_WIDTH - 2 * PAD - (COLS - 1) * GAP_X) / COLS);
const TITLE = 12; // 9 pt
const SMALL = 11; // 8.25 pt
const LEADING = 14.5;
const MAX_LINES = 5;
/** Average advance of Liberation Sans Bold in em, on the wide side, so lines rarely overflow. */
const CHAR_EM = 0.54;
const n1 = (v: number) => String(Math.round(v * 10) / 10);

interface Placed {
  node: BoardNode;
  x: number;
  y: number;
  h: number;
  row: number;
  lines: string[];
  meta: string;
  extra?: string;
}

/** Layers of the band: what others hang under comes first (vision, føring, focus area, goal, sub-goal,
 *  strategy and measure), indicators and trends last; so most links run between neighbouring rows. */
function layers(graph: BoardGraph, nodes: BoardNode[]): Map<string, number> {
  const ids = new Set(nodes.map((n) => n.id));
  const parents = new Map<string, string[]>();
  for (const e of graph.edges.values()) {
    if (!ids.has(e.source) || !ids.has(e.target) || !UPWARD.has(e.kind)) continue;
    const list = parents.get(e.source);
    if (list) list.push(e.target);
    else parents.set(e.source, [e.target]);
  }
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0; // a cycle (validateBoard reports it): cut here
    visiting.add(id);
    const d = Math.max(-1, ...(parents.get(id) ?? []).map(depthOf)) + 1;
    visiting.delete(id);
    depth.set(id, d);
    return d;
  };
  const flow = nodes.filter((n) => n.kind !== 'indicator' && n.kind !== 'context' && n.kind !== 'note');
  const max = Math.max(-1, ...flow.map((n) => depthOf(n.id)));
  const out = new Map<string, number>();
  for (const n of nodes) out.set(n.id, n.kind === 'indicator' ? max + 1 : n.kind === 'context' || n.kind === 'note' ? max + 2 : depthOf(n.id));
  return out;
}
const UPWARD: ReadonlySet<string> = new Set(['partOf', 'contributesTo', 'operationalises', 'anchoredIn']);

export function bandFigureSvg(graph: BoardGraph, tier: Tier, lang: ExportLang, figure: Pick<PlanFigure, 'title' | 'description'>): string {
  const inBand = [...graph.nodes.values()].filter((n) => n.tier === tier);
  const layer = layers(graph, inBand);
  const nodes = inBand.sort(
    (a, b) => layer.get(a.id)! - layer.get(b.id)! || a.position.x - b.position.x || a.position.y - b.position.y || (a.id < b.id ? -1 : 1),
  );
  const chars = Math.floor((CARD_W - 16) / (TITLE * CHAR_EM));
  const smallChars = Math.floor((CARD_W - 16) / (SMALL * 0.55));
  const placed: Placed[] = nodes.map((node) => {
    const meta = [NODE_KIND_LABELS[node.kind]?.[lang] ?? node.kind, node.level && GOAL_LEVEL_LABELS[node.level]?.[lang]]
      .filter(Boolean)
      .join(' · ');
    const extra = node.kind === 'indicator' && (node.baseline || node.target)
      ? `${node.baseline ? formatNumber(node.baseline.value) : '–'} → ${node.target ? formatNumber(node.target.value) : '–'}${node.unit ? ` ${node.unit}` : ''}`
      : undefined;
    return { node, x: 0, y: 0, h: 0, row: 0, lines: wrapText(node.title, chars, MAX_LINES), meta: wrapText(meta, smallChars, 1)[0] ?? '', extra };
  });
  // Rows: one layer after the other, each wrapped at COLS cards.
  const rows: Placed[][] = [];
  for (const p of placed) {
    const last = rows.at(-1);
    if (last && last.length < COLS && layer.get(last[0]!.node.id) === layer.get(p.node.id)) last.push(p);
    else rows.push([p]);
  }
  let y = PAD;
  rows.forEach((row, r) => {
    const h = Math.max(...row.map((p) => 30 + p.lines.length * LEADING + (p.extra ? LEADING : 0)));
    // A short row is centred, so links to the row above stay short.
    const left = PAD + ((COLS - row.length) * (CARD_W + GAP_X)) / 2;
    row.forEach((p, i) => {
      p.x = left + i * (CARD_W + GAP_X);
      p.y = y;
      p.h = h;
      p.row = r;
    });
    y += h + GAP_Y;
  });
  const height = Math.max(y - GAP_Y + PAD, 2 * PAD);
  const at = new Map(placed.map((p) => [p.node.id, p]));

  const edges: string[] = [];
  for (const e of graph.edges.values()) {
    const a = at.get(e.source);
    const b = at.get(e.target);
    if (!a || !b || a === b) continue;
    edges.push(edgeSvg(a, b, e.kind === 'conflictsWith', EDGE_KIND_LABELS[e.kind]?.[lang] ?? e.kind));
  }

  const cards = placed.map((p) => {
    const c = cardColours(p.node.kind, p.node.owner);
    return [
      `<g class="card" data-id="${escapeXml(p.node.id)}">`,
      `<rect x="${n1(p.x)}" y="${n1(p.y)}" width="${CARD_W}" height="${n1(p.h)}" rx="6" fill="${c.fill}" stroke="${c.strong}" stroke-width="2"/>`,
      `<text x="${n1(p.x + 8)}" y="${n1(p.y + 16)}" font-size="${SMALL}" font-weight="bold" fill="${c.strong}">${escapeXml(p.meta)}</text>`,
      ...p.lines.map(
        (l, i) => `<text x="${n1(p.x + 8)}" y="${n1(p.y + 33 + i * LEADING)}" font-size="${TITLE}" font-weight="bold" fill="${INK}">${escapeXml(l)}</text>`,
      ),
      ...(p.extra
        ? [`<text x="${n1(p.x + 8)}" y="${n1(p.y + 33 + p.lines.length * LEADING)}" font-size="${SMALL}" fill="${MUTED_INK}">${escapeXml(p.extra)}</text>`]
        : []),
      '</g>',
    ].join('');
  });

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${FIGURE_WIDTH}" height="${n1(height)}" viewBox="0 0 ${FIGURE_WIDTH} ${n1(height)}" role="img" aria-labelledby="fig-${tier}-title fig-${tier}-desc" font-family="${escapeXml(FIGURE_FONT)}">`,
    `<title id="fig-${tier}-title">${escapeXml(figure.title)}</title>`,
    `<desc id="fig-${tier}-desc">${escapeXml(figure.description)}</desc>`,
    `<defs><marker id="fig-${tier}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="${LINK_COLOUR}"/></marker></defs>`,
    `<rect width="${FIGURE_WIDTH}" height="${n1(height)}" fill="#ffffff"/>`,
    ...edges.map((s) => s.replaceAll('ARROW', `fig-${tier}-arrow`)),
    ...cards,
    ...placeLabels(edges.map(labelOf).filter((l): l is Label => !!l)).map(labelSvg),
    '</svg>',
  ].join('\n');
}

/** Where the ray from the card's centre towards `to` leaves it. */
function border(p: Placed, to: { x: number; y: number }) {
  const c = { x: p.x + CARD_W / 2, y: p.y + p.h / 2 };
  const dx = to.x - c.x;
  const dy = to.y - c.y;
  if (!dx && !dy) return c;
  const t = Math.min(dx ? CARD_W / 2 / Math.abs(dx) : Infinity, dy ? p.h / 2 / Math.abs(dy) : Infinity);
  return { x: c.x + dx * t, y: c.y + dy * t };
}

// Each link's path, then (drawn over the cards) its label; the label is kept in a data attribute
// of the path so the two stay together.
function edgeSvg(a: Placed, b: Placed, conflict: boolean, label: string): string {
  const ca = { x: a.x + CARD_W / 2, y: a.y + a.h / 2 };
  const cb = { x: b.x + CARD_W / 2, y: b.y + b.h / 2 };
  let d: string;
  let mid: { x: number; y: number };
  if (a.row === b.row) {
    // Side by side: an arc through the gap under the row, labelled at its lowest point.
    const low = a.y + a.h + GAP_Y / 2;
    const p0 = { x: ca.x, y: a.y + a.h };
    const p2 = { x: cb.x, y: b.y + b.h };
    const c = { x: (p0.x + p2.x) / 2, y: 2 * low - (p0.y + p2.y) / 2 };
    d = `M${n1(p0.x)},${n1(p0.y)} Q${n1(c.x)},${n1(c.y)} ${n1(p2.x)},${n1(p2.y)}`;
    mid = { x: c.x, y: low };
  } else {
    // Between rows: from border to border, labelled in the gap next to the target. A link that
    // skips rows in one column bows out into the gap between the columns, so it does not run
    // through the cards it passes (links are drawn under the cards, labels over them).
    const p0 = border(a, cb);
    const p2 = border(b, ca);
    const skips = Math.abs(a.row - b.row) > 1 && Math.abs(cb.x - ca.x) < CARD_W / 2;
    const c = { x: (p0.x + p2.x) / 2 + (skips ? CARD_W + GAP_X : 0), y: (p0.y + p2.y) / 2 };
    d = skips
      ? `M${n1(p0.x)},${n1(p0.y)} Q${n1(c.x)},${n1(c.y)} ${n1(p2.x)},${n1(p2.y)}`
      : `M${n1(p0.x)},${n1(p0.y)} L${n1(p2.x)},${n1(p2.y)}`;
    const gapY = a.row < b.row ? b.y - GAP_Y / 2 : b.y + b.h + GAP_Y / 2;
    // With the control point halfway down, y is linear in t along the curve.
    const t = Math.min(1, Math.max(0, (gapY - p0.y) / (p2.y - p0.y || 1)));
    mid = { x: (1 - t) ** 2 * p0.x + 2 * t * (1 - t) * c.x + t ** 2 * p2.x, y: gapY };
  }
  const stroke = conflict
    ? `stroke="${CONFLICT_COLOUR}" stroke-width="2" stroke-dasharray="6 4"`
    : `stroke="${LINK_COLOUR}" stroke-width="1.4" marker-end="url(#ARROW)"`;
  return `<path d="${d}" fill="none" ${stroke} data-label="${escapeXml(label)}" data-mx="${n1(mid.x)}" data-my="${n1(mid.y)}" data-conflict="${conflict ? 1 : 0}"/>`;
}

interface Label {
  text: string;
  x: number;
  y: number;
  w: number;
  conflict: boolean;
}
const LABEL_H = 15;

function labelOf(path: string): Label | null {
  const text = /data-label="([^"]*)"/.exec(path)?.[1] ?? '';
  if (!text) return null;
  return {
    text,
    x: Number(/data-mx="([^"]*)"/.exec(path)?.[1]),
    y: Number(/data-my="([^"]*)"/.exec(path)?.[1]),
    w: text.length * SMALL * 0.55 + 8,
    conflict: /data-conflict="1"/.test(path),
  };
}

/**
 * Labels that would cover each other are moved apart: links of one kind meeting in the same gap
 * share one label (three «styres gjennom» side by side say nothing more than one); another label
 * slides sideways along its gap, or up or down within it, to the nearest free place inside the figure.
 */
function placeLabels(all: Label[]): Label[] {
  const placed: Label[] = [];
  const hits = (a: Label, b: Label, margin = 2) =>
    Math.abs(a.x - b.x) < (a.w + b.w) / 2 + margin && Math.abs(a.y - b.y) < LABEL_H + margin;
  const inside = (l: Label) => ({ ...l, x: Math.min(FIGURE_WIDTH - PAD - l.w / 2, Math.max(PAD + l.w / 2, l.x)) });
  for (const label of [...all].sort((a, b) => a.y - b.y || a.x - b.x)) {
    const want = inside(label);
    if (placed.some((p) => p.text === want.text && p.conflict === want.conflict && hits(p, want))) continue;
    let best = want;
    search: for (let k = 0; k <= 40; k++) {
      for (const dy of [0, -8, 8]) {
        for (const dx of k ? [k * 6, -k * 6] : [0]) {
          const at = inside({ ...want, x: want.x + dx, y: want.y + dy });
          if (!placed.some((p) => hits(p, at))) {
            best = at;
            break search;
          }
        }
      }
    }
    placed.push(best);
  }
  return placed;
}

function labelSvg(l: Label): string {
  return (
    `<rect x="${n1(l.x - l.w / 2)}" y="${n1(l.y - 9)}" width="${n1(l.w)}" height="${LABEL_H}" rx="3" fill="#ffffff" fill-opacity="0.92"/>` +
    `<text x="${n1(l.x)}" y="${n1(l.y + 2.5)}" font-size="${SMALL}" text-anchor="middle" fill="${l.conflict ? CONFLICT_COLOUR : INK}">${l.text}</text>`
  );
}
