// What changed between two versions of a board (two snapshots, or a snapshot and now).
// Content and layout are told apart: a card that only moved is "moved", not "changed".
import type { BoardEdge, BoardMeta, BoardNode } from './types';
import type { BoardJson } from './interchange/schema';
import { EDGE_FIELDS, META_FIELDS, NODE_FIELDS } from './types';
import type { IndicatorValue } from './types';
import { evaluateAgreement, isAgreeableKind, type AgreementState, type AgreementStatus } from './workshop/agreements';
import type { AgreementRecord } from './workshop/model';
import { AGREEING_SIDES, type AgreeingSide } from './workshop/sides';

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
  /** Cards whose two-party agreement changed (cards in both versions; a removed card is listed under nodes). */
  agreements: AgreementChange[];
  /** Indicators (in both versions) whose measured series changed, by period. */
  series: SeriesChange[];
}

export interface SeriesChange {
  id: string;
  title: string;
  added: IndicatorValue[];
  /** Same period, another value, source or comment. */
  changed: { period: string; old: IndicatorValue; new: IndicatorValue }[];
  removed: IndicatorValue[];
}

export interface AgreementSideChange {
  side: AgreeingSide;
  /** agreed: now agrees (anew); withdrawn: taken back; cleared: the card changed after it was given. */
  change: 'agreed' | 'withdrawn' | 'cleared';
  /** The agreement that was given (agreed) or that no longer holds (withdrawn, cleared). */
  record: AgreementRecord;
}
export interface AgreementChange {
  id: string;
  title: string;
  before: AgreementState;
  after: AgreementState;
  sides: AgreementSideChange[];
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

  return {
    meta: fieldChanges<BoardMeta>(before.meta, after.meta, META_FIELDS),
    nodes,
    edges,
    agreements: agreementChanges(before, after, oldNodes),
    series: seriesChanges(after, oldNodes),
  };
}

/** Value by value, for cards in both versions (an added or removed card brings its series along). */
function seriesChanges(after: BoardJson, oldNodes: Map<string, BoardNode>): SeriesChange[] {
  const out: SeriesChange[] = [];
  for (const n of after.nodes) {
    const o = oldNodes.get(n.id);
    if (!o || (!o.series?.length && !n.series?.length)) continue;
    const was = new Map((o.series ?? []).map((v) => [v.period, v]));
    const is = new Map((n.series ?? []).map((v) => [v.period, v]));
    const c: SeriesChange = { id: n.id, title: n.title, added: [], changed: [], removed: [] };
    for (const [period, v] of is) {
      const old = was.get(period);
      if (!old) c.added.push(v);
      else if (!same(old, v)) c.changed.push({ period, old, new: v });
    }
    for (const [period, v] of was) if (!is.has(period)) c.removed.push(v);
    if (c.added.length || c.changed.length || c.removed.length) out.push(c);
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function agreementsByTarget(board: BoardJson): Map<string, AgreementRecord[]> {
  const out = new Map<string, AgreementRecord[]>();
  for (const r of board.workshop?.agreements ?? []) out.set(r.targetId, [...(out.get(r.targetId) ?? []), r]);
  return out;
}

function agreementChanges(before: BoardJson, after: BoardJson, oldNodes: Map<string, BoardNode>): AgreementChange[] {
  const oldRecords = agreementsByTarget(before);
  const newRecords = agreementsByTarget(after);
  const statusOf = (node: BoardNode, records: Map<string, AgreementRecord[]>): AgreementStatus =>
    isAgreeableKind(node.kind) ? evaluateAgreement(node, records.get(node.id) ?? []) : { state: 'open' };
  const out: AgreementChange[] = [];
  for (const n of after.nodes) {
    const o = oldNodes.get(n.id);
    if (!o) continue;
    const was = statusOf(o, oldRecords);
    const is = statusOf(n, newRecords);
    const sides: AgreementSideChange[] = [];
    for (const side of AGREEING_SIDES) {
      const given = was[side];
      const holds = is[side];
      if (holds && !same(given, holds)) sides.push({ side, change: 'agreed', record: holds });
      else if (given && !holds) {
        const stillThere = (newRecords.get(n.id) ?? []).some((r) => r.side === side);
        sides.push({ side, change: stillThere || !isAgreeableKind(n.kind) ? 'cleared' : 'withdrawn', record: given });
      }
    }
    if (sides.length) out.push({ id: n.id, title: n.title, before: was.state, after: is.state, sides });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
