// Converts between the Y.Doc and the interchange format v1.
import * as Y from 'yjs';
import type { BoardEdge, BoardNode, IndicatorValue, Position } from '../types';
import { EDGE_FIELDS, META_FIELDS, NODE_FIELDS } from '../types';
import { boardMaps, byId, newYEdge, newYNode, readEdgeFields, readMeta, readNodeFields, sameValue, writeNodeField } from '../boardDoc';
import { readWorkshopJson, writeWorkshopJson } from './workshopJson';
import { readAllSeries, writeAllSeries } from '../indicators/seriesDoc';
import { LIMITS, edgeFieldSchemas, nodeFieldSchemas, positionSchema } from '../fieldSchemas';
import type { BoardJson } from './schema';

// What the interchange file must not hold even when the document does (written before the server
// checked edits, #12): optional fields the schema refuses are left out, so a snapshot restores.
const REQUIRED_NODE_FIELDS = new Set(['kind', 'tier', 'owner', 'title', 'description']);
const REQUIRED_EDGE_FIELDS = new Set(['kind', 'source', 'target']);
type FieldSchemas = Record<string, { safeParse(v: unknown): { success: boolean } }>;
// The readers already cut text fields to their bounds; enum values repeat, so their verdict is
// remembered: a 5,000-card board is read in tens of milliseconds, not hundreds, on every export.
const STRING_FIELDS = new Set(['title', 'description', 'planRef', 'responsible', 'unit', 'dataSource', 'note', 'resolution']);
const verdicts = new Map<string, boolean>();
function allowed(schemas: FieldSchemas, f: string, v: unknown): boolean {
  if (STRING_FIELDS.has(f)) return typeof v === 'string';
  if (typeof v !== 'string') return !!schemas[f]?.safeParse(v).success;
  const key = `${f}\u0000${v}`;
  let ok = verdicts.get(key);
  if (ok === undefined) {
    ok = !!schemas[f]?.safeParse(v).success;
    if (verdicts.size > 10_000) verdicts.clear();
    verdicts.set(key, ok);
  }
  return ok;
}
function withoutInvalidOptional<T extends object>(fields: T, schemas: FieldSchemas, required: Set<string>): T {
  for (const [f, v] of Object.entries(fields)) {
    if (!required.has(f) && !allowed(schemas, f, v)) delete (fields as Record<string, unknown>)[f];
  }
  return fields;
}
function positionOf(raw: unknown): Position {
  const r = (raw ?? {}) as Record<string, unknown>;
  if (positionSchema.safeParse(raw).success) return { ...(r as unknown as Position) };
  const clamp = (v: unknown, min: number, max: number) => (typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : undefined);
  const out: Position = { x: clamp(r.x, -LIMITS.maxCoordinate, LIMITS.maxCoordinate) ?? 0, y: clamp(r.y, -LIMITS.maxCoordinate, LIMITS.maxCoordinate) ?? 0 };
  const width = clamp(r.width, LIMITS.minCardSize, LIMITS.maxCardSize);
  const height = clamp(r.height, LIMITS.minCardSize, LIMITS.maxCardSize);
  if (width !== undefined) out.width = width;
  if (height !== undefined) out.height = height;
  return out;
}

/** The board as interchange JSON, nodes and edges in id order so every replica writes the same file. */
export function toBoardJson(doc: Y.Doc): BoardJson {
  const maps = boardMaps(doc);
  const nodes: BoardNode[] = [];
  const series = readAllSeries(doc);
  maps.nodes.forEach((y, id) => {
    if (!(y instanceof Y.Map)) return;
    const values = series.get(id);
    // The series goes just before the position, and only when there is one: files without stay byte for byte the same.
    nodes.push({
      id,
      ...withoutInvalidOptional(readNodeFields(y), nodeFieldSchemas, REQUIRED_NODE_FIELDS),
      ...(values?.length ? { series: values } : {}),
      position: positionOf(maps.layout.get(id)),
    });
  });
  const edges: BoardEdge[] = [];
  maps.edges.forEach((y, id) => {
    if (y instanceof Y.Map) edges.push({ id, ...withoutInvalidOptional(readEdgeFields(y), edgeFieldSchemas, REQUIRED_EDGE_FIELDS) });
  });
  const board: BoardJson = { format: 'malkart.board', version: 1, meta: readMeta(maps), nodes: nodes.sort(byId), edges: edges.sort(byId) };
  const workshop = readWorkshopJson(doc, board.nodes);
  if (workshop) board.workshop = workshop;
  return board;
}

function samePosition(a: Position | undefined, b: Position): boolean {
  return !!a && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

/**
 * Makes the document hold exactly `board`, in one transaction, touching only what differs:
 * an import into an empty board and a restore onto a live one are the same operation, and an
 * undo of it brings back precisely what it replaced.
 */
export function applyBoardJson(doc: Y.Doc, board: BoardJson, origin: unknown): void {
  const maps = boardMaps(doc);
  doc.transact(() => {
    for (const f of META_FIELDS) {
      const v = board.meta[f];
      if (v === undefined) maps.meta.delete(f);
      else if (!sameValue(maps.meta.get(f), v)) maps.meta.set(f, v);
    }

    const wantedEdges = new Set(board.edges.map((e) => e.id));
    maps.edges.forEach((_, id) => {
      if (!wantedEdges.has(id)) maps.edges.delete(id);
    });
    const wantedNodes = new Set(board.nodes.map((n) => n.id));
    maps.nodes.forEach((_, id) => {
      if (!wantedNodes.has(id)) maps.nodes.delete(id);
    });
    maps.layout.forEach((_, id) => {
      if (!wantedNodes.has(id)) maps.layout.delete(id);
    });

    const wantedSeries = new Map<string, IndicatorValue[]>();
    for (const node of board.nodes) {
      const { id, position, series, ...fields } = node;
      if (series?.length) wantedSeries.set(id, series);
      const existing = maps.nodes.get(id);
      if (!existing) {
        maps.nodes.set(id, newYNode(fields));
      } else {
        for (const f of NODE_FIELDS) writeNodeField(existing, f, fields[f]);
      }
      if (!samePosition(maps.layout.get(id), position)) maps.layout.set(id, { ...position });
    }
    for (const edge of board.edges) {
      const { id, ...fields } = edge;
      const existing = maps.edges.get(id);
      if (!existing) {
        maps.edges.set(id, newYEdge(fields));
      } else {
        for (const f of EDGE_FIELDS) {
          const v = fields[f];
          if (v === undefined) existing.delete(f);
          else if (existing.get(f) !== v) existing.set(f, v);
        }
      }
    }
    writeAllSeries(doc, wantedSeries);
    writeWorkshopJson(doc, board.workshop);
  }, origin);
}
