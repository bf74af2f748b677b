// The Y.Doc layout of a board (docs/design.md "The board document"). Other tools read boards through
// these names: `meta`, `nodes` (a Y.Map per node), `layout` (id → position), `edges` (a Y.Map per edge).
import * as Y from 'yjs';
import type { BoardEdge, BoardMeta, BoardNode, EdgeFields, NodeFields, Position } from './types';
import { EDGE_FIELDS, META_FIELDS, NODE_FIELDS } from './types';

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

/** A field's plain value: Y.Text (the description) reads as a string. */
export function plainValue(v: unknown): unknown {
  return v instanceof Y.Text ? v.toString() : v;
}

/** Reads a node's content fields. Values are returned as stored, unknown values included (validateBoard judges them). */
export function readNodeFields(ynode: YNode): NodeFields {
  const out: Record<string, unknown> = {};
  for (const f of NODE_FIELDS) {
    const v = plainValue(ynode.get(f));
    if (v !== undefined) out[f] = v;
  }
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
  return out as unknown as EdgeFields;
}

export function readMeta(maps: BoardMaps): BoardMeta {
  const out: Record<string, unknown> = {};
  for (const f of META_FIELDS) {
    const v = maps.meta.get(f);
    if (v !== undefined) out[f] = v;
  }
  if (typeof out.title !== 'string') out.title = '';
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
