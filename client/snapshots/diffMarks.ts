// Turns a server diff (snapshot → now) into what the comparison view draws: a mark per card and
// link, the board to draw (now, plus the removed cards and links as ghosts from the snapshot),
// and the list of changes beside it. Pure, so it is unit-tested without a browser.
import type { BoardDiff, BoardJson, FieldChange, IndicatorValue, Localized } from '../../shared';
import {
  DIRECTION_LABELS, EDGE_KIND_LABELS, GOAL_LEVEL_LABELS, NODE_KIND_LABELS, OWNER_LABELS, PROGRESS_LABELS, SEVERITY_LABELS,
  STATUS_LABELS, TIER_LABELS, comparePeriods,
} from '../../shared';

export type DiffMark = 'added' | 'removed' | 'changed' | 'moved';
export const DIFF_MARKS: readonly DiffMark[] = ['added', 'removed', 'changed', 'moved'];

export interface DiffMarks {
  nodes: Map<string, DiffMark>;
  edges: Map<string, DiffMark>;
}

/** One mark per id; a card that changed and also moved counts as changed. */
export function diffMarks(diff: BoardDiff): DiffMarks {
  const nodes = new Map<string, DiffMark>();
  for (const id of diff.nodes.moved) nodes.set(id, 'moved');
  for (const c of diff.nodes.changed) nodes.set(c.id, 'changed');
  // New or corrected measured values change the indicator, though not a field of the card.
  for (const c of diff.series) nodes.set(c.id, 'changed');
  for (const n of diff.nodes.added) nodes.set(n.id, 'added');
  for (const n of diff.nodes.removed) nodes.set(n.id, 'removed');
  const edges = new Map<string, DiffMark>();
  for (const c of diff.edges.changed) edges.set(c.id, 'changed');
  for (const e of diff.edges.added) edges.set(e.id, 'added');
  for (const e of diff.edges.removed) edges.set(e.id, 'removed');
  return { nodes, edges };
}

/**
 * The board the comparison draws: the board as it is now, plus every removed card as it was in
 * the snapshot (a ghost), plus removed links whose two ends are on the drawn board.
 */
export function compareBoard(now: BoardJson, diff: BoardDiff): BoardJson {
  const nodeIds = new Set(now.nodes.map((n) => n.id));
  const ghosts = diff.nodes.removed.filter((n) => !nodeIds.has(n.id));
  for (const g of ghosts) nodeIds.add(g.id);
  const edgeIds = new Set(now.edges.map((e) => e.id));
  const ghostEdges = diff.edges.removed.filter((e) => !edgeIds.has(e.id) && nodeIds.has(e.source) && nodeIds.has(e.target));
  return { ...now, nodes: [...now.nodes, ...ghosts], edges: [...now.edges, ...ghostEdges] };
}

export interface ChangeEntry {
  /** Card or link id; `meta` for the board's own fields. */
  id: string;
  target: 'node' | 'edge' | 'meta';
  mark: DiffMark;
  /** The card's title, or "source → target" titles for a link. */
  title: string;
  /** For a link, the card to jump to (its source). */
  focusId: string | null;
  fields: FieldChange[];
  /** An indicator's measured values that changed, oldest period first (null: none in that version). */
  values?: ValueChange[];
}
export interface ValueChange {
  period: string;
  old: IndicatorValue | null;
  new: IndicatorValue | null;
}

function valueChanges(c: BoardDiff['series'][number]): ValueChange[] {
  const out: ValueChange[] = [
    ...c.removed.map((v) => ({ period: v.period, old: v, new: null })),
    ...c.changed.map((x) => ({ period: x.period, old: x.old, new: x.new })),
    ...c.added.map((v) => ({ period: v.period, old: null, new: v })),
  ];
  return out.sort((a, b) => comparePeriods(a.period, b.period));
}

/** The list beside the canvas: cards first (added, removed, changed, moved), then links, then the board's title etc. */
export function changeEntries(diff: BoardDiff, now: BoardJson): ChangeEntry[] {
  const titles = new Map<string, string>();
  for (const n of diff.nodes.removed) titles.set(n.id, n.title);
  for (const n of now.nodes) titles.set(n.id, n.title);
  const title = (id: string) => titles.get(id) ?? id;
  const byTitle = (a: ChangeEntry, b: ChangeEntry) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id);
  const series = new Map(diff.series.map((c) => [c.id, valueChanges(c)]));
  const withValues = (id: string) => (series.has(id) ? { values: series.get(id)! } : {});
  const changedIds = new Set(diff.nodes.changed.map((c) => c.id));
  const cards: ChangeEntry[][] = [
    diff.nodes.added.map((n) => ({ id: n.id, target: 'node', mark: 'added', title: n.title, focusId: n.id, fields: [] })),
    diff.nodes.removed.map((n) => ({ id: n.id, target: 'node', mark: 'removed', title: n.title, focusId: n.id, fields: [] })),
    [
      ...diff.nodes.changed.map((c): ChangeEntry => ({ id: c.id, target: 'node', mark: 'changed', title: title(c.id), focusId: c.id, fields: c.changes, ...withValues(c.id) })),
      ...diff.series
        .filter((c) => !changedIds.has(c.id))
        .map((c): ChangeEntry => ({ id: c.id, target: 'node', mark: 'changed', title: title(c.id), focusId: c.id, fields: [], ...withValues(c.id) })),
    ],
    diff.nodes.moved
      .filter((id) => !changedIds.has(id) && !series.has(id))
      .map((id) => ({ id, target: 'node', mark: 'moved', title: title(id), focusId: id, fields: [] })),
  ];
  const edgeTitle = (source: string, target: string) => `${title(source)} → ${title(target)}`;
  const nowEdges = new Map(now.edges.map((e) => [e.id, e]));
  const links: ChangeEntry[][] = [
    diff.edges.added.map((e) => ({ id: e.id, target: 'edge', mark: 'added', title: edgeTitle(e.source, e.target), focusId: e.source, fields: [] })),
    diff.edges.removed.map((e) => ({ id: e.id, target: 'edge', mark: 'removed', title: edgeTitle(e.source, e.target), focusId: e.source, fields: [] })),
    diff.edges.changed.map((c) => {
      const e = nowEdges.get(c.id);
      return { id: c.id, target: 'edge', mark: 'changed', title: e ? edgeTitle(e.source, e.target) : c.id, focusId: e?.source ?? null, fields: c.changes };
    }),
  ];
  const meta: ChangeEntry[] = diff.meta.length ? [{ id: 'meta', target: 'meta', mark: 'changed', title: '', focusId: null, fields: diff.meta }] : [];
  return [...cards.flatMap((g) => [...g].sort(byTitle)), ...links.flatMap((g) => [...g].sort(byTitle)), ...meta];
}

export function countChanges(diff: BoardDiff): Record<DiffMark, number> {
  const m = diffMarks(diff).nodes;
  const out: Record<DiffMark, number> = { added: 0, removed: 0, changed: 0, moved: 0 };
  for (const v of m.values()) out[v]++;
  return out;
}

const VALUE_LABELS: Record<string, Record<string, Localized>> = {
  kind: { ...NODE_KIND_LABELS, ...EDGE_KIND_LABELS },
  tier: TIER_LABELS,
  owner: OWNER_LABELS,
  level: GOAL_LEVEL_LABELS,
  status: STATUS_LABELS,
  progress: PROGRESS_LABELS,
  direction: DIRECTION_LABELS,
  severity: SEVERITY_LABELS,
};
const MAX_TEXT = 120;

/** A field value as one line of text in the UI language ("–" for none). */
export function formatFieldValue(field: string, value: unknown, pick: (l: Localized) => string): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'string') {
    const label = VALUE_LABELS[field]?.[value];
    if (label) return pick(label);
    return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length ? value.map(String).join(', ') : '–';
  const o = value as Record<string, unknown>;
  if ('value' in o && 'year' in o) return `${String(o.value)} (${String(o.year)})`;
  if ('from' in o || 'to' in o) return `${String(o.from ?? '')}–${String(o.to ?? '')}`;
  if ('doc' in o || 'section' in o || 'url' in o) return [o.doc, o.section, o.url].filter(Boolean).map(String).join(' – ') || '–';
  return JSON.stringify(value);
}
