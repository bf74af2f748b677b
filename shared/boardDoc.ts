// The Y.Doc layout of a board (docs/design.md "The board document"). Other tools read boards through
// these names: `meta`, `nodes` (a Y.Map per node), `layout` (id → position), `edges` (a Y.Map per edge).
// Its readers and its writers (newYNode, newYEdge, writeNodeField) are here; operations and the
// interchange both go through them.
import * as Y from 'yjs';
import type { BoardEdge, BoardMeta, BoardNode, EdgeFields, NodeFields, Position } from './types';
import { EDGE_FIELDS, META_FIELDS, NODE_FIELDS } from './types';
import { LIMITS, periodSchema } from './fieldSchemas';
import { setText } from './yText';

export type YNode = Y.Map<unknown>;
export type YEdge = Y.Map<unknown>;

export interface BoardMaps {
  meta: Y.Map<unknown>;
  nodes: Y.Map<YNode>;
  layout: Y.Map<Position>;
  edges: Y.Map<YEdge>;
}

export function boardMaps(doc: Y.Doc): BoardMaps {
  return {
    meta: doc.getMap('meta'),
    nodes: doc.getMap('nodes') as Y.Map<YNode>,
    layout: doc.getMap('layout') as Y.Map<Position>,
    edges: doc.getMap('edges') as Y.Map<YEdge>,
  };
}

/**
 * A field's plain value: Y.Text (the description) reads as a string; any other shared type (a
 * nested Y.Map no client writes, #12) reads as absent, since no reader can use it.
 */
export function plainValue(v: unknown): unknown {
  if (v instanceof Y.Text) return v.toString();
  // A code list (LIST_FIELDS): two people adding at once can both push the same code.
  if (v instanceof Y.Array) return [...new Set(v.toArray())];
  return v instanceof Y.AbstractType ? undefined : v;
}

/** Fields that hold text: anything else there reads as absent, and overlong text is cut to its bound. */
const TEXT_BOUNDS: Record<string, number> = {
  title: LIMITS.maxTitleLength, description: LIMITS.maxTextLength, planRef: LIMITS.maxTitleLength, responsible: LIMITS.maxTitleLength,
  unit: LIMITS.maxTitleLength, dataSource: LIMITS.maxTitleLength, note: LIMITS.maxTextLength, resolution: LIMITS.maxTextLength,
  municipality: LIMITS.maxTitleLength,
};
function coerceText(out: Record<string, unknown>): void {
  for (const f in out) {
    const max = TEXT_BOUNDS[f];
    if (max === undefined) continue;
    const v = out[f];
    if (typeof v !== 'string') delete out[f];
    else if (v.length > max) out[f] = v.slice(0, max);
  }
}

/**
 * Reads a node's content fields. Values are returned as stored, unknown values included
 * (validateBoard judges them), except what no reader can use: shared types and non-text in text fields.
 */
export function readNodeFields(ynode: YNode): NodeFields {
  const out: Record<string, unknown> = {};
  for (const f of NODE_FIELDS) {
    const v = plainValue(ynode.get(f));
    if (v !== undefined) out[f] = v;
  }
  coerceText(out);
  if (typeof out.description !== 'string') out.description = '';
  if (typeof out.title !== 'string') out.title = '';
  return out as unknown as NodeFields;
}

export function readNode(maps: BoardMaps, id: string): BoardNode | undefined {
  const y = maps.nodes.get(id);
  if (!y) return undefined;
  return { id, ...readNodeFields(y), position: maps.layout.get(id) ?? { x: 0, y: 0 } };
}

export function readEdgeFields(yedge: YEdge): EdgeFields {
  const out: Record<string, unknown> = {};
  for (const f of EDGE_FIELDS) {
    const v = plainValue(yedge.get(f));
    if (v !== undefined) out[f] = v;
  }
  coerceText(out);
  return out as unknown as EdgeFields;
}

/** The board's meta fields, each one it holds only if the schema allows it (a bad language once broke every export). */
export function readMeta(maps: BoardMaps): BoardMeta {
  const out: Record<string, unknown> = {};
  for (const f of META_FIELDS) {
    const v = plainValue(maps.meta.get(f));
    if (v !== undefined) out[f] = v;
  }
  coerceText(out);
  if (typeof out.title !== 'string') out.title = '';
  if (out.language !== 'nb' && out.language !== 'nn') delete out.language;
  if (out.period !== undefined && !periodSchema.safeParse(out.period).success) delete out.period;
  return out as unknown as BoardMeta;
}

/** A plain, read-only picture of the whole board, for rules and read models. */
export interface BoardGraph {
  meta: BoardMeta;
  nodes: Map<string, BoardNode>;
  edges: Map<string, BoardEdge>;
}

export function readGraph(doc: Y.Doc): BoardGraph {
  const maps = boardMaps(doc);
  const nodes = new Map<string, BoardNode>();
  maps.nodes.forEach((y, id) => {
    nodes.set(id, { id, ...readNodeFields(y), position: maps.layout.get(id) ?? { x: 0, y: 0 } });
  });
  const edges = new Map<string, BoardEdge>();
  maps.edges.forEach((y, id) => edges.set(id, { id, ...readEdgeFields(y) }));
  return { meta: readMeta(maps), nodes, edges };
}

/** Stable order for anything listed from a Y.Map (whose own order differs between replicas). */
export function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A short random id. crypto.getRandomValues exists in browsers and in Node ≥ 19. */
export function newId(prefix: string): string {
  const bytes = new Uint8Array(9);
  crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += (b % 36).toString(36);
  return `${prefix}${s}`;
}

// --- writers ---

/** Deep equality of two plain field values (JSON-shaped). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The fields held as a Y.Text, so that two people typing in them at once both keep their words.
 * A board made before the title was one holds it as a plain string: every reader goes through
 * `plainValue`, and the first write (or `migrateNodeTexts`) turns it into a Y.Text.
 */
export const TEXT_FIELDS = ['title', 'description'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export const isTextField = (f: string): f is TextField => f === 'title' || f === 'description';

/** The field's Y.Text, made from its plain value first if it is still a string (an older board). */
export function nodeText(ynode: YNode, field: TextField): Y.Text {
  const v = ynode.get(field);
  if (v instanceof Y.Text) return v;
  const text = new Y.Text(typeof v === 'string' ? v : '');
  ynode.set(field, text);
  return text;
}

/**
 * The fields that are a set of codes (the card's SDGs), held as a Y.Array so that two people who
 * add or remove different codes at once both keep their change; a plain array would be one value,
 * and the later write would drop the other person's code. Older boards hold a plain array: readers
 * accept both, the first write (or the server's migration on load) turns it into a Y.Array.
 */
export const LIST_FIELDS = ['sdg'] as const;
export type ListField = (typeof LIST_FIELDS)[number];
export const isListField = (f: string): f is ListField => f === 'sdg';

/** Changes a code list to hold exactly `codes`: removes what is not wanted, appends what is missing. */
function writeList(ynode: YNode, field: ListField, codes: readonly string[]): void {
  const v = ynode.get(field);
  if (!(v instanceof Y.Array)) {
    ynode.set(field, Y.Array.from([...new Set(codes)]));
    return;
  }
  const list = v as Y.Array<unknown>;
  const wanted = new Set(codes);
  const seen = new Set<unknown>();
  // From the end, so the indexes still to visit stay valid; a duplicate (two people added the same code) goes too.
  const items = list.toArray();
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (!wanted.has(item as string) || items.indexOf(item) !== i) list.delete(i, 1);
    else seen.add(item);
  }
  const missing = [...wanted].filter((c) => !seen.has(c));
  if (missing.length) list.push(missing);
}

/** Writes one content field of a node; a text field is changed by a minimal edit of its Y.Text, a code list item by item. */
export function writeNodeField(ynode: YNode, field: keyof NodeFields, value: unknown): void {
  if (isTextField(field)) {
    const next = typeof value === 'string' ? value : '';
    const v = ynode.get(field);
    // An older board's plain title that already says this stays as it is (no write on restore or import).
    if (typeof v === 'string' && v === next) return;
    setText(nodeText(ynode, field), next);
    return;
  }
  if (value === undefined || value === null) {
    if (ynode.has(field)) ynode.delete(field);
  } else if (isListField(field) && Array.isArray(value)) {
    // The same codes already there stay as they are (no write on restore or import), even as a plain array.
    if (!sameValue(plainValue(ynode.get(field)), [...new Set(value)])) writeList(ynode, field, value as string[]);
  } else if (!sameValue(ynode.get(field), value)) {
    ynode.set(field, value);
  }
}

export function newYNode(fields: NodeFields): YNode {
  const ynode = new Y.Map<unknown>();
  for (const f of NODE_FIELDS) {
    const v = fields[f];
    if (isTextField(f)) ynode.set(f, new Y.Text(typeof v === 'string' ? v : ''));
    else if (isListField(f) && Array.isArray(v)) ynode.set(f, Y.Array.from([...new Set(v)]));
    else if (v !== undefined) ynode.set(f, v);
  }
  return ynode;
}

export function newYEdge(fields: EdgeFields): Y.Map<unknown> {
  const yedge = new Y.Map<unknown>();
  for (const f of EDGE_FIELDS) if (fields[f] !== undefined) yedge.set(f, fields[f]);
  return yedge;
}
