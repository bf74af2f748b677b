// What changed between two versions of a board (two snapshots, or a snapshot and now).
// Content and layout are told apart: a card that only moved is "moved", not "changed".
import type { BoardEdge, BoardJson, BoardMeta, BoardNode } from './types';
import { EDGE_FIELDS, META_FIELDS, NODE_FIELDS } from './types';

export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}
export interface ChangedItem {
  id: string;
  title?: string;
  changes: FieldChange[];
}
export interface BoardDiff {
  meta: FieldChange[];
  nodes: { added: BoardNode[]; removed: BoardNode[]; changed: ChangedItem[]; moved: string[] };
  edges: { added: BoardEdge[]; removed: BoardEdge[]; changed: ChangedItem[] };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function fieldChanges<T extends object>(a: T, b: T, fields: readonly (keyof T)[]): FieldChange[] {
  const out: FieldChange[] = [];
  for (const f of fields) {
    if (!same(a[f], b[f])) out.push({ field: String(f), old: a[f] ?? null, new: b[f] ?? null });
  }
  return out;
}

export function diffBoards(before: BoardJson, after: BoardJson): BoardDiff {
  const oldNodes = new Map(before.nodes.map((n) => [n.id, n]));
  const newNodes = new Map(after.nodes.map((n) => [n.id, n]));
  const nodes: BoardDiff['nodes'] = { added: [], removed: [], changed: [], moved: [] };
  for (const n of after.nodes) {
    const o = oldNodes.get(n.id);
    if (!o) {
      nodes.added.push(n);
      continue;
    }
    const changes = fieldChanges(o, n, NODE_FIELDS);
    if (changes.length) nodes.changed.push({ id: n.id, title: n.title, changes });
    if (!same(o.position, n.position)) nodes.moved.push(n.id);
  }
  for (const o of before.nodes) if (!newNodes.has(o.id)) nodes.removed.push(o);

  const oldEdges = new Map(before.edges.map((e) => [e.id, e]));
  const newEdges = new Map(after.edges.map((e) => [e.id, e]));
  const edges: BoardDiff['edges'] = { added: [], removed: [], changed: [] };
  for (const e of after.edges) {
    const o = oldEdges.get(e.id);
    if (!o) edges.added.push(e);
    else {
      const changes = fieldChanges(o, e, EDGE_FIELDS);
      if (changes.length) edges.changed.push({ id: e.id, changes });
    }
  }
  for (const o of before.edges) if (!newEdges.has(o.id)) edges.removed.push(o);

  return { meta: fieldChanges<BoardMeta>(before.meta, after.meta, META_FIELDS), nodes, edges };
}
