// The only ways the board changes. Each is one Yjs transaction with the caller's origin, so a
// Y.UndoManager tracking that origin undoes exactly one user's own actions. Operations check
// their input and the rules of docs/domain.md, and answer with a result rather than throwing.
import type * as Y from 'yjs';
import type { BoardMeta, EdgeFields, NodeFields, Position } from './types';
import { EDGE_FIELDS, META_FIELDS, NODE_FIELDS } from './types';
import { boardMaps, newId, newYEdge, newYNode, plainValue, readEdgeFields, readNodeFields, writeNodeField, type BoardMaps, type YNode } from './boardDoc';
import { tierOfCardAt } from './bands';
import { DEFAULT_OWNER, EDGE_KINDS, isOneOf, type Localized, type NodeKind, type Owner, type Tier } from './vocabulary';
import { checkLink, linkFit, type LinkRefusal, type RuleView } from './linkRules';
import { edgeFieldSchemas, idSchema, metaFieldSchemas, nodeFieldSchemas, positionSchema } from './fieldSchemas';
import { dropValuesOf } from './indicators/seriesDoc';

export type OpRefusalCode = LinkRefusal['code'] | 'invalid_field' | 'not_found' | 'kind_breaks_links';
export interface OpRefusal {
  ok: false;
  code: OpRefusalCode;
  message: Localized;
  field?: string;
}
export type OpResult<T = object> = ({ ok: true } & T) | OpRefusal;

const refuse = (code: OpRefusalCode, message: Localized, field?: string): OpRefusal => ({ ok: false, code, message, field });

const notFound = (id: string): OpRefusal =>
  refuse('not_found', {
    nb: `Finner ikke «${id}» på tavla.`,
    nn: `Finn ikkje «${id}» på tavla.`,
    en: `"${id}" is not on the board.`,
  });

function invalidField(field: string, detail: string): OpRefusal {
  return refuse(
    'invalid_field',
    { nb: `Ugyldig verdi for «${field}»: ${detail}`, nn: `Ugyldig verdi for «${field}»: ${detail}`, en: `Invalid value for "${field}": ${detail}` },
    field,
  );
}

function checkFields(schemas: Record<string, { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } }>, patch: object): OpRefusal | null {
  for (const [field, value] of Object.entries(patch)) {
    const schema = schemas[field];
    if (!schema) return invalidField(field, 'unknown field');
    if (value === undefined || value === null) continue;
    const r = schema.safeParse(value);
    if (!r.success) return invalidField(field, r.error?.issues[0]?.message ?? 'invalid');
  }
  return null;
}

/** A new card or link needs an id the interchange file accepts and no one on the board holds yet. */
function checkId(id: string, existing: { has(id: string): boolean }): OpRefusal | null {
  const r = idSchema.safeParse(id);
  if (!r.success) return invalidField('id', r.error.issues[0]?.message ?? 'invalid');
  if (existing.has(id)) return invalidField('id', `"${id}" is already on the board`);
  return null;
}

export function ruleViewOf(maps: BoardMaps): RuleView {
  return {
    node(id) {
      const y = maps.nodes.get(id);
      if (!y) return undefined;
      return { kind: y.get('kind') as NodeKind, owner: y.get('owner') as never, title: String(plainValue(y.get('title')) ?? '') };
    },
    *edges() {
      for (const [id, y] of maps.edges.entries()) yield { id, ...readEdgeFields(y) };
    },
  };
}

export interface NewNode extends Partial<NodeFields> {
  kind: NodeKind;
  tier: Tier;
  id?: string;
  position?: Position;
}

/** Adds a card. Owner defaults to the kind's usual owner, title and description to empty. */
export function createNode(doc: Y.Doc, input: NewNode, origin: unknown): OpResult<{ id: string }> {
  const { id = newId('n'), position = { x: 0, y: 0 }, ...rest } = input;
  const fields: NodeFields = { owner: DEFAULT_OWNER[input.kind], title: '', description: '', ...rest };
  const bad = checkFields(nodeFieldSchemas, fields) ?? checkFields({ position: positionSchema }, { position });
  if (bad) return bad;
  for (const required of ['kind', 'tier', 'owner', 'title'] as const) {
    if (fields[required] == null) return invalidField(required, 'required');
  }
  const maps = boardMaps(doc);
  const badId = checkId(id, maps.nodes);
  if (badId) return badId;
  doc.transact(() => {
    maps.nodes.set(id, newYNode(fields));
    maps.layout.set(id, { ...position });
  }, origin);
  return { ok: true, id };
}

export type NodePatch = { [K in keyof NodeFields]?: NodeFields[K] | null };

/** Whether a change of a card's content fields may be made: valid values, and no link of the card broken. */
function checkNodePatch(maps: BoardMaps, id: string, ynode: YNode, patch: NodePatch): OpRefusal | null {
  const bad = checkFields(nodeFieldSchemas, patch);
  if (bad) return bad;
  for (const required of ['kind', 'tier', 'owner', 'title'] as const) {
    if (required in patch && patch[required] == null) return invalidField(required, 'required');
  }
  if (patch.kind !== undefined || patch.owner !== undefined) {
    const current = readNodeFields(ynode);
    const kind = patch.kind ?? current.kind;
    const owner = patch.owner ?? current.owner;
    for (const [, yedge] of maps.edges) {
      const e = readEdgeFields(yedge);
      if (e.source !== id && e.target !== id) continue;
      const other = maps.nodes.get(e.source === id ? e.target : e.source);
      if (!other) continue;
      const otherEnd = { kind: other.get('kind') as NodeKind, owner: other.get('owner') as Owner };
      const self = { kind, owner };
      const ok = isOneOf(EDGE_KINDS, e.kind) && linkFit(e.kind, e.source === id ? self : otherEnd, e.target === id ? self : otherEnd) === 'ok';
      if (!ok) {
        return refuse('kind_breaks_links', {
          nb: 'Endringen passer ikke med koblingene kortet har. Fjern de koblingene først.',
          nn: 'Endringa passar ikkje med koplingane kortet har. Fjern dei koplingane først.',
          en: "The change does not fit the card's links. Remove those links first.",
        });
      }
    }
  }
  return null;
}

/**
 * Changes content fields of one card; `null` clears an optional field. A change of kind or
 * owner that would break one of the card's links is refused, naming the rule.
 */
export function updateNode(doc: Y.Doc, id: string, patch: NodePatch, origin: unknown): OpResult {
  const maps = boardMaps(doc);
  const ynode = maps.nodes.get(id);
  if (!ynode) return notFound(id);
  const refusal = checkNodePatch(maps, id, ynode, patch);
  if (refusal) return refusal;
  doc.transact(() => {
    for (const f of NODE_FIELDS) if (f in patch) writeNodeField(ynode, f, patch[f]);
  }, origin);
  return { ok: true };
}

/** Removes cards together with their links and layout entries, in one transaction. */
export function deleteNodes(doc: Y.Doc, ids: readonly string[], origin: unknown): void {
  const maps = boardMaps(doc);
  const gone = new Set(ids);
  doc.transact(() => {
    for (const [edgeId, yedge] of [...maps.edges.entries()]) {
      if (gone.has(yedge.get('source') as string) || gone.has(yedge.get('target') as string)) maps.edges.delete(edgeId);
    }
    for (const id of gone) {
      maps.nodes.delete(id);
      maps.layout.delete(id);
    }
    dropValuesOf(doc, gone);
  }, origin);
}

export const deleteNode = (doc: Y.Doc, id: string, origin: unknown) => deleteNodes(doc, [id], origin);

export interface NewEdge extends EdgeFields {
  id?: string;
}

/** Links two cards if the rules of docs/domain.md allow it; otherwise says which rule and why. */
export function link(doc: Y.Doc, input: NewEdge, origin: unknown): OpResult<{ id: string }> {
  const maps = boardMaps(doc);
  const { id = newId('e'), ...fields } = input;
  const badId = checkId(id, maps.edges);
  if (badId) return badId;
  const refusal = checkLink(ruleViewOf(maps), fields.kind, fields.source, fields.target);
  if (refusal) return { ok: false, ...refusal };
  const bad = checkFields(edgeFieldSchemas, fields);
  if (bad) return bad;
  if (fields.kind !== 'conflictsWith' && (fields.note !== undefined || fields.severity !== undefined || fields.resolution !== undefined)) {
    return invalidField('note', 'only a conflict carries a note, severity and resolution');
  }
  doc.transact(() => maps.edges.set(id, newYEdge(fields)), origin);
  return { ok: true, id };
}

export function unlink(doc: Y.Doc, edgeIds: string | readonly string[], origin: unknown): void {
  const maps = boardMaps(doc);
  doc.transact(() => {
    for (const id of typeof edgeIds === 'string' ? [edgeIds] : edgeIds) maps.edges.delete(id);
  }, origin);
}

export type EdgePatch = { note?: string | null; severity?: EdgeFields['severity'] | null; resolution?: string | null };

/** Changes the note, severity or resolution of a conflict. Kind and endpoints are fixed: unlink and link again. */
export function updateEdge(doc: Y.Doc, id: string, patch: EdgePatch, origin: unknown): OpResult {
  const maps = boardMaps(doc);
  const yedge = maps.edges.get(id);
  if (!yedge) return notFound(id);
  const allowed: Record<string, unknown> = { note: edgeFieldSchemas.note, severity: edgeFieldSchemas.severity, resolution: edgeFieldSchemas.resolution };
  const bad = checkFields(allowed as never, patch);
  if (bad) return bad;
  if (yedge.get('kind') !== 'conflictsWith') return invalidField('note', 'only a conflict carries a note, severity and resolution');
  doc.transact(() => {
    for (const f of EDGE_FIELDS) {
      if (!(f in patch)) continue;
      const v = patch[f as keyof EdgePatch];
      if (v == null) yedge.delete(f);
      else if (yedge.get(f) !== v) yedge.set(f, v);
    }
  }, origin);
  return { ok: true };
}

/**
 * Moves cards. Positions are layout, kept apart from content: a move is not an edit of a goal —
 * except that a card whose centre lands in another band takes that band's tier (shared/bands.ts),
 * in the same transaction, so the band a card is drawn in and its tier never disagree. `heights`
 * are the cards' drawn heights where the caller knows them (else CARD_HEIGHT_ESTIMATE). A tier
 * change the rules refuse refuses the whole move; `retiered` lists the cards whose tier changed.
 */
export function moveNodes(
  doc: Y.Doc,
  positions: Readonly<Record<string, Position>>,
  origin: unknown,
  heights: Readonly<Record<string, number>> = {},
): OpResult<{ retiered: string[] }> {
  const maps = boardMaps(doc);
  const tiers: [string, Tier][] = [];
  for (const [id, pos] of Object.entries(positions)) {
    const ynode = maps.nodes.get(id);
    if (!ynode) return notFound(id);
    const r = positionSchema.safeParse(pos);
    if (!r.success) return invalidField('position', r.error.issues[0]?.message ?? 'invalid');
    const tier = tierOfCardAt(pos.y, heights[id]);
    if (ynode.get('tier') === tier) continue;
    const refusal = checkNodePatch(maps, id, ynode, { tier });
    if (refusal) return refusal;
    tiers.push([id, tier]);
  }
  doc.transact(() => {
    for (const [id, pos] of Object.entries(positions)) {
      const prev = maps.layout.get(id);
      const next = { ...prev, ...pos };
      if (!prev || prev.x !== next.x || prev.y !== next.y || prev.width !== next.width || prev.height !== next.height) {
        maps.layout.set(id, next);
      }
    }
    for (const [id, tier] of tiers) writeNodeField(maps.nodes.get(id)!, 'tier', tier);
  }, origin);
  return { ok: true, retiered: tiers.map(([id]) => id) };
}

export type MetaPatch = { [K in keyof BoardMeta]?: BoardMeta[K] | null };

export function setMeta(doc: Y.Doc, patch: MetaPatch, origin: unknown): OpResult {
  const bad = checkFields(metaFieldSchemas, patch);
  if (bad) return bad;
  if ('title' in patch && patch.title == null) return invalidField('title', 'required');
  const maps = boardMaps(doc);
  doc.transact(() => {
    for (const f of META_FIELDS) {
      if (!(f in patch)) continue;
      const v = patch[f];
      if (v == null) maps.meta.delete(f);
      else if (JSON.stringify(maps.meta.get(f)) !== JSON.stringify(v)) maps.meta.set(f, v);
    }
  }, origin);
  return { ok: true };
}
