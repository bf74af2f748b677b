// The map as on screen, as a standalone SVG: the three bands, the cards at their positions
// coloured by owner, and the links with their kind. No text measurement is available here
// (this runs in the browser and in Node alike), so titles are wrapped by character count.
import type { View } from '../readModels';
import type { BoardEdge, BoardNode } from '../types';
import type { BoardJson } from '../interchange/schema';
import {
  EDGE_KIND_LABELS, GOAL_LEVEL_LABELS, NODE_KIND_LABELS, OWNER_LABELS, OWNERS, TIER_LABELS, TIERS, type Owner, type Tier,
} from '../vocabulary';
import { BAND_TINT, CONFLICT_COLOUR, INK, LINK_COLOUR, MUTED_INK, OWNER_COLOURS as THEME_OWNER_COLOURS, cardColours } from '../theme';
import { formatNumber, viewGraph } from './format';
import { EXPORT_LABELS, type ExportLang } from './labels';
import { stripXmlIllegal, withoutXmlIllegal } from '../xmlText';
import { LIMITS } from '../fieldSchemas';

export const CARD_WIDTH = 240;
export const CARD_HEIGHT = 100;
// Liberation Sans first: metric-compatible with Arial (the chapter's font, so the map reads the
// same in Word and LibreOffice), and resvg shapes it about 7× faster than DejaVu Sans, whose large
// kerning tables it parses again for every text element (#19 §1: the PNG of 500 goals).
export const FONT_FAMILY = "'Liberation Sans', Arial, 'DejaVu Sans', sans-serif";

/** The board's own colours (shared/theme.ts), as fill and border. */
export const OWNER_COLOURS: Record<Owner, { fill: string; stroke: string }> = Object.fromEntries(
  OWNERS.map((o) => [o, { fill: THEME_OWNER_COLOURS[o].fill, stroke: THEME_OWNER_COLOURS[o].strong }]),
) as Record<Owner, { fill: string; stroke: string }>;
export const TEXT_COLOUR = INK;
export const MUTED_TEXT_COLOUR = MUTED_INK;
export const BAND_FILL = BAND_TINT;
const BAND_STROKE = '#cbd5e1';
const EDGE_COLOUR = LINK_COLOUR;
const PART_OF_COLOUR = '#1f2937';

const PAD = 40;
const BAND_LABEL_SPACE = 48;
const BAND_BOTTOM_PAD = 24;
const TITLE_SIZE = 13;
const TITLE_LEADING = 16;
/** Average advance of DejaVu Sans Bold in em, on the wide side (m and w): Liberation Sans is narrower, so lines rarely overflow the card with either. */
const CHAR_EM = 0.64;

// XML 1.0 forbids most control characters even when escaped; a stray one would make the file unreadable.
export function escapeXml(text: string): string {
  return stripXmlIllegal(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * Greedy word wrap; a word longer than a line is cut, and text past the last line ends in "…".
 * At least one character per line (a card narrower than its padding once looped here forever),
 * and it stops once the lines are full, so a very long title costs no more than a short one.
 */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  maxChars = Number.isFinite(maxChars) ? Math.max(1, Math.floor(maxChars)) : 1;
  maxLines = Number.isFinite(maxLines) ? Math.max(1, Math.floor(maxLines)) : 1;
  // One more line than is kept tells whether the text goes on (and needs the "…").
  const budget = maxLines + 1;
  // Only the start of the text can be shown: collapse the whitespace of that part, not of all of it.
  const room = budget * (maxChars + 1);
  let flat = text.slice(0, 8 * room).replace(/\s+/g, ' ').trim();
  if (flat.length <= room && text.length > 8 * room) flat = text.replace(/\s+/g, ' ').trim();
  const cut = flat.length > room;
  const words = (cut ? flat.slice(0, room) : flat).split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (let word of words) {
    if (lines.length >= budget) break;
    while (word.length > maxChars && lines.length < budget) {
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push(word.slice(0, maxChars));
      word = word.slice(maxChars);
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= maxChars) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line && lines.length < budget) lines.push(line);
  if (lines.length <= maxLines && !cut) return lines;
  if (lines.length <= maxLines) lines.push('');
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1]!;
  kept[maxLines - 1] = `${last.length >= maxChars ? last.slice(0, maxChars - 1) : last}…`;
  return kept;
}

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}
// Within the schema's bounds whatever the document holds (a board stored before the bounds, or a
// position no schema checked), so one stray card cannot make the picture gigantic.
const clamp = (v: number | undefined, min: number, max: number, fallback: number) =>
  typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : fallback;
const rectOf = (n: BoardNode): Rect => ({
  x: clamp(n.position?.x, -LIMITS.maxCoordinate, LIMITS.maxCoordinate, 0),
  y: clamp(n.position?.y, -LIMITS.maxCoordinate, LIMITS.maxCoordinate, 0),
  w: clamp(n.position?.width, LIMITS.minCardSize, LIMITS.maxCardSize, CARD_WIDTH),
  h: clamp(n.position?.height, LIMITS.minCardSize, LIMITS.maxCardSize, CARD_HEIGHT),
});
const centre = (r: Rect) => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });
const num = (v: number) => String(Math.round(v * 10) / 10);

/** Where the ray from the card's centre towards `to` leaves the card. */
function borderPoint(r: Rect, to: { x: number; y: number }) {
  const c = centre(r);
  const dx = to.x - c.x;
  const dy = to.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const t = Math.min(dx ? r.w / 2 / Math.abs(dx) : Infinity, dy ? r.h / 2 / Math.abs(dy) : Infinity);
  return { x: c.x + dx * t, y: c.y + dy * t };
}

export function describeMap(board: BoardJson, opts: { view: View; lang: ExportLang }): { title: string; description: string } {
  const graph = viewGraph(board, opts.view);
  const L = EXPORT_LABELS[opts.lang];
  const nodes = [...graph.nodes.values()];
  const tiers = TIERS.filter((t) => nodes.some((n) => n.tier === t)).map((t) => TIER_LABELS[t][opts.lang]);
  const bands = tiers.length > 1 ? `${tiers.slice(0, -1).join(', ')} og ${tiers[tiers.length - 1]}` : (tiers[0] ?? '–');
  const edges = [...graph.edges.values()];
  return {
    title: `${L.mapTitle}: ${board.meta.title}`,
    description: L.mapDescription({
      cards: nodes.length,
      links: edges.length,
      conflicts: edges.filter((e) => e.kind === 'conflictsWith').length,
      bands,
    }),
  };
}

function indicatorLine(n: BoardNode, lang: ExportLang): string {
  const v = (x: { value: number } | undefined) => (x ? formatNumber(x.value) : '–');
  let s = `${v(n.baseline)} → ${v(n.target)}${n.unit ? ` ${n.unit}` : ''}`;
  if (n.latest) s += ` (${EXPORT_LABELS[lang].latest} ${formatNumber(n.latest.value)})`;
  return s;
}

function cardSvg(n: BoardNode, lang: ExportLang): string {
  const r = rectOf(n);
  const c = cardColours(n.kind, n.owner);
  const colours = { fill: c.fill, stroke: c.strong };
  const meta = [NODE_KIND_LABELS[n.kind]?.[lang] ?? n.kind, n.level && (GOAL_LEVEL_LABELS[n.level]?.[lang] ?? n.level), OWNER_LABELS[n.owner]?.[lang] ?? n.owner]
    .filter(Boolean)
    .join(' · ');
  const inner = r.w - 20;
  const isIndicator = n.kind === 'indicator';
  const firstBaseline = r.y + 38;
  const lastBaseline = r.y + r.h - (isIndicator ? 28 : 10);
  const maxLines = Math.max(1, Math.floor((lastBaseline - firstBaseline) / TITLE_LEADING) + 1);
  const lines = wrapText(n.title, Math.max(4, Math.floor(inner / (TITLE_SIZE * CHAR_EM))), maxLines);
  const out = [
    `<g class="card" data-id="${escapeXml(n.id)}" data-owner="${escapeXml(n.owner)}">`,
    `<title>${escapeXml(`${meta}: ${n.title}`)}</title>`,
    `<rect x="${num(r.x)}" y="${num(r.y)}" width="${num(r.w)}" height="${num(r.h)}" rx="8" fill="${colours.fill}" stroke="${colours.stroke}" stroke-width="2"/>`,
    `<text x="${num(r.x + 10)}" y="${num(r.y + 18)}" font-size="11" fill="${MUTED_TEXT_COLOUR}">${escapeXml(wrapText(meta, Math.floor(inner / (11 * 0.58)), 1)[0] ?? '')}</text>`,
    ...lines.map(
      (l, i) =>
        `<text x="${num(r.x + 10)}" y="${num(firstBaseline + i * TITLE_LEADING)}" font-size="${TITLE_SIZE}" font-weight="bold" fill="${TEXT_COLOUR}">${escapeXml(l)}</text>`,
    ),
  ];
  if (isIndicator) {
    const line = wrapText(indicatorLine(n, lang), Math.floor(inner / (12 * 0.58)), 1)[0] ?? '';
    out.push(`<text x="${num(r.x + 10)}" y="${num(r.y + r.h - 12)}" font-size="12" fill="${TEXT_COLOUR}">${escapeXml(line)}</text>`);
  }
  out.push('</g>');
  return out.join('\n');
}

function edgeSvg(e: BoardEdge, from: BoardNode, to: BoardNode, lang: ExportLang): string {
  const a = rectOf(from);
  const b = rectOf(to);
  const ca = centre(a);
  const cb = centre(b);
  const dx = cb.x - ca.x;
  const dy = cb.y - ca.y;
  const len = Math.hypot(dx, dy);
  if (len === 0) return '';
  // Bend every link to its left, so a long link along a row arcs clear of the cards between its ends.
  const bend = Math.min(0.2 * len, 200);
  const c = { x: (ca.x + cb.x) / 2 + (dy / len) * bend, y: (ca.y + cb.y) / 2 - (dx / len) * bend };
  const p0 = borderPoint(a, c);
  const p2 = borderPoint(b, c);
  const mid = { x: 0.25 * p0.x + 0.5 * c.x + 0.25 * p2.x, y: 0.25 * p0.y + 0.5 * c.y + 0.25 * p2.y };
  const conflict = e.kind === 'conflictsWith';
  const colour = conflict ? CONFLICT_COLOUR : e.kind === 'partOf' ? PART_OF_COLOUR : EDGE_COLOUR;
  const stroke = conflict
    ? `stroke="${CONFLICT_COLOUR}" stroke-width="2.5" stroke-dasharray="8 5"`
    : `stroke="${colour}" stroke-width="${e.kind === 'partOf' ? 2 : 1.5}" marker-end="url(#arrow-${e.kind === 'partOf' ? 'strong' : 'plain'})"`;
  const label = EDGE_KIND_LABELS[e.kind]?.[lang] ?? e.kind;
  const labelWidth = label.length * 12 * 0.58 + 8;
  return [
    `<g class="edge" data-id="${escapeXml(e.id)}" data-kind="${escapeXml(e.kind)}">`,
    `<path d="M${num(p0.x)},${num(p0.y)} Q${num(c.x)},${num(c.y)} ${num(p2.x)},${num(p2.y)}" fill="none" ${stroke}/>`,
    `<rect x="${num(mid.x - labelWidth / 2)}" y="${num(mid.y - 10)}" width="${num(labelWidth)}" height="16" rx="3" fill="#ffffff" fill-opacity="0.9"/>`,
    `<text x="${num(mid.x)}" y="${num(mid.y + 2)}" font-size="12" text-anchor="middle" fill="${conflict ? CONFLICT_COLOUR : TEXT_COLOUR}">${escapeXml(label)}</text>`,
    '</g>',
  ].join('\n');
}

export function exportSvg(board: BoardJson, opts: { view: View; lang: 'nb' | 'nn' }): string {
  board = withoutXmlIllegal(board);
  const { lang } = opts;
  const graph = viewGraph(board, opts.view);
  const nodes = [...graph.nodes.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rects = nodes.map(rectOf);
  const minX = rects.length ? Math.min(...rects.map((r) => r.x)) : 0;
  const maxX = rects.length ? Math.max(...rects.map((r) => r.x + r.w)) : 600;
  const left = minX - PAD;
  const right = maxX + PAD;

  // A band spans the cards of its tier; a tier with no card in this view gets no band.
  const bands: { tier: Tier; top: number; bottom: number }[] = [];
  for (const tier of TIERS) {
    const rs = nodes.map((n, i) => (n.tier === tier ? rects[i]! : null)).filter((r): r is Rect => r !== null);
    if (!rs.length) continue;
    bands.push({
      tier,
      top: Math.min(...rs.map((r) => r.y)) - BAND_LABEL_SPACE,
      bottom: Math.max(...rs.map((r) => r.y + r.h)) + BAND_BOTTOM_PAD,
    });
  }
  const top = bands.length ? Math.min(...bands.map((b) => b.top)) : 0;
  const bottom = bands.length ? Math.max(...bands.map((b) => b.bottom)) : 100;
  const titleY = top - 24;
  const legendY = bottom + 36;
  const vb = { x: left - 16, y: titleY - 40, w: right - left + 32, h: legendY + 24 - (titleY - 40) };

  const { title, description } = describeMap(board, opts);
  const edgesSvg = [...graph.edges.values()]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((e) => {
      const from = graph.nodes.get(e.source);
      const to = graph.nodes.get(e.target);
      return from && to ? edgeSvg(e, from, to, lang) : '';
    })
    .filter(Boolean);

  const legend: string[] = [];
  let lx = left;
  for (const owner of ['stat', 'kommune', 'felles'] as const) {
    const c = OWNER_COLOURS[owner];
    const text = OWNER_LABELS[owner][lang];
    legend.push(
      `<rect x="${num(lx)}" y="${num(legendY - 14)}" width="28" height="18" rx="4" fill="${c.fill}" stroke="${c.stroke}" stroke-width="2"/>`,
      `<text x="${num(lx + 36)}" y="${num(legendY)}" font-size="14" fill="${TEXT_COLOUR}">${escapeXml(text)}</text>`,
    );
    lx += 36 + text.length * 14 * 0.58 + 32;
  }
  legend.push(
    `<path d="M${num(lx)},${num(legendY - 5)} H${num(lx + 40)}" stroke="${CONFLICT_COLOUR}" stroke-width="2.5" stroke-dasharray="8 5"/>`,
    `<text x="${num(lx + 48)}" y="${num(legendY)}" font-size="14" fill="${CONFLICT_COLOUR}">${escapeXml(EDGE_KIND_LABELS.conflictsWith[lang])}</text>`,
  );

  const marker = (id: string, colour: string) =>
    `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="${colour}"/></marker>`;

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${num(vb.w)}" height="${num(vb.h)}" viewBox="${num(vb.x)} ${num(vb.y)} ${num(vb.w)} ${num(vb.h)}" role="img" aria-labelledby="map-title map-desc" font-family="${escapeXml(FONT_FAMILY)}" lang="${lang}">`,
    `<title id="map-title">${escapeXml(title)}</title>`,
    `<desc id="map-desc">${escapeXml(description)}</desc>`,
    `<defs>${marker('arrow-plain', EDGE_COLOUR)}${marker('arrow-strong', PART_OF_COLOUR)}</defs>`,
    `<rect x="${num(vb.x)}" y="${num(vb.y)}" width="${num(vb.w)}" height="${num(vb.h)}" fill="#ffffff"/>`,
    `<text x="${num(left)}" y="${num(titleY)}" font-size="22" font-weight="bold" fill="${TEXT_COLOUR}">${escapeXml(board.meta.title)}</text>`,
    ...bands.flatMap((b) => [
      `<g class="band" data-tier="${b.tier}">`,
      `<rect x="${num(left)}" y="${num(b.top)}" width="${num(right - left)}" height="${num(b.bottom - b.top)}" rx="12" fill="${BAND_FILL}" stroke="${BAND_STROKE}"/>`,
      `<text x="${num(left + 16)}" y="${num(b.top + 30)}" font-size="18" font-weight="bold" fill="${TEXT_COLOUR}">${escapeXml(TIER_LABELS[b.tier][lang])}</text>`,
      '</g>',
    ]),
    ...edgesSvg,
    ...nodes.map((n) => cardSvg(n, lang)),
    ...legend,
    '</svg>',
    '',
  ].join('\n');
}
