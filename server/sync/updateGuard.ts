// Checks what an edit writes against the board's schema before the edit is stored or relayed
// (#12 finding 8): a nested Y.Map where a plain value belongs, garbage in meta.language or a
// 2,000,000-character title once made exports, snapshots and restores of the board fail.
//
// Cost per update: the update is applied to a shadow copy of the room's document, which is
// always the live document plus the updates accepted but not yet stored; the transaction tells
// which entries changed, and only those are checked. The shadow is built on the first edit (one
// copy of the board) and rebuilt only after a refusal, as a refused update cannot be taken out.
import * as Y from 'yjs';
import {
  CLOSE, COMMENT_STAMPS_ROOT, LIMITS, PERIOD_PATTERN, VALUES_ROOT, edgeFieldSchemas, idSchema, isListField, metaFieldSchemas, nodeFieldSchemas, plainValue, positionSchema,
  splitValueKey, storedIndicatorValueSchema,
} from '../../shared';

/** The update breaks the schema; `message` says where (it becomes the close reason). */
export class UpdateRefusedError extends Error {
  /** The close code and reason the connection gets (the schema's 4422 unless a rule says otherwise). */
  readonly close: { code: number; reason: string } = CLOSE.updateRefused;
}

/** The update writes what only the server writes (#16): agreements, votes, ballots, comment stamps. Closed with 4423. */
export class ServerWrittenError extends UpdateRefusedError {
  override readonly close = CLOSE.serverWritten;
}

/** Parts of the document the board and workshop mode use; anything else is refused. */
const BOARD_ROOTS = new Set(['meta', 'nodes', 'layout', 'edges', VALUES_ROOT]);
// Workshop records (issue #7) are checked by their own operations on the client; not yet here.
const WORKSHOP_ROOTS = new Set(['session', 'comments']);
/** Records parties rely on, written by the server alone (#16): a client update touching them is refused. */
const SERVER_ROOTS = new Set(['agreements', 'votes', 'ballots', COMMENT_STAMPS_ROOT]);
/** Fields that may be a Y.Text (so concurrent typing merges), with their longest length. */
const NODE_TEXT_FIELDS: Record<string, number> = { title: LIMITS.maxTitleLength, description: LIMITS.maxTextLength };
const META_TEXT_FIELDS: Record<string, number> = { title: LIMITS.maxTitleLength };

type Schema = { safeParse(v: unknown): { success: boolean } };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any shared type, whatever its events
type AnyType = Y.AbstractType<any>;

function checkValue(where: string, value: unknown, schema: Schema | undefined, textMax?: number, list = false): void {
  if (value === undefined) return; // a deletion
  if (!schema) throw new UpdateRefusedError(`${where} is not a field`);
  if (value instanceof Y.Text && textMax !== undefined) {
    if (value.length > textMax) throw new UpdateRefusedError(`${where} is longer than ${textMax} characters`);
    return;
  }
  if (value instanceof Y.Array && list) return checkList(where, value);
  if (value instanceof Y.AbstractType) throw new UpdateRefusedError(`${where} must be a plain value, not a nested structure`);
  if (!schema.safeParse(value).success) throw new UpdateRefusedError(`${where} has a value the schema does not allow`);
}

/** Most codes a card's list holds (all 169 SDG targets). */
const MAX_LIST_ITEMS = 169;

/** A code list (the SDGs): its codes, duplicates aside, as the schema says; duplicates bounded too. */
function checkList(where: string, list: Y.Array<unknown>): void {
  const schema = (nodeFieldSchemas as Record<string, Schema>)[where.slice(where.lastIndexOf('.') + 1)];
  if (list.length > 2 * MAX_LIST_ITEMS) throw new UpdateRefusedError(`${where} holds more than ${MAX_LIST_ITEMS} codes`);
  if (!schema?.safeParse(plainValue(list)).success) throw new UpdateRefusedError(`${where} has a value the schema does not allow`);
}

function checkId(where: string, id: string): void {
  if (!idSchema.safeParse(id).success) throw new UpdateRefusedError(`${where}: "${id.slice(0, 40)}" is not an id`);
}

function checkNodeField(id: string, field: string, value: unknown): void {
  checkValue(`nodes.${id}.${field}`, value, (nodeFieldSchemas as Record<string, Schema>)[field], NODE_TEXT_FIELDS[field], isListField(field));
}
function checkEdgeField(id: string, field: string, value: unknown): void {
  checkValue(`edges.${id}.${field}`, value, (edgeFieldSchemas as Record<string, Schema>)[field]);
}

/** A whole card or link, as when it is added: every field it holds. */
function checkRecord(root: 'nodes' | 'edges', id: string, value: unknown): void {
  if (value === undefined) return;
  if (!(value instanceof Y.Map)) throw new UpdateRefusedError(`${root}.${id} must be a Y.Map`);
  const check = root === 'nodes' ? checkNodeField : checkEdgeField;
  value.forEach((v, field) => check(id, field, v));
}

/** Root name and keys from the document down to `type`, or null for a type no longer in the document. */
function pathOf(doc: Y.Doc, type: AnyType): string[] | null {
  const path: string[] = [];
  let t = type;
  while (t._item) {
    const item = t._item;
    if (item.deleted) return null;
    path.unshift(item.parentSub ?? '[]');
    t = item.parent as AnyType;
  }
  for (const [name, root] of doc.share) if (root === t) return [name, ...path];
  return null;
}

/** Checks one changed entry: `key` of the type at `path` (key null: the content of a Y.Text or array). */
function checkChange(path: string[], type: AnyType, key: string | null): void {
  const [root, ...rest] = path;
  if (SERVER_ROOTS.has(root!)) throw new ServerWrittenError(`${root} are written by the server only`);
  if (WORKSHOP_ROOTS.has(root!)) return;
  if (!BOARD_ROOTS.has(root!)) throw new UpdateRefusedError(`"${root!.slice(0, 40)}" is not a part of a board`);
  const map = type instanceof Y.Map ? (type as Y.Map<unknown>) : null;
  if (rest.length === 0) {
    if (!map || key === null) throw new UpdateRefusedError(`${root} must be a map`);
    const value = map.get(key);
    if (root === 'meta') {
      checkValue(`meta.${key}`, value, (metaFieldSchemas as Record<string, Schema>)[key], META_TEXT_FIELDS[key]);
    } else if (root === 'layout') {
      checkId('layout', key);
      checkValue(`layout.${key}`, value, positionSchema);
    } else if (root === VALUES_ROOT) {
      // An indicator's measured value (#14 §4): key "<id>/<period>", a plain { value, source?, comment? }.
      const k = splitValueKey(key);
      if (!k || !PERIOD_PATTERN.test(k.period)) throw new UpdateRefusedError(`${root}: "${key.slice(0, 40)}" is not "<id>/<period>"`);
      checkId(root, k.indicatorId);
      checkValue(`${root}.${key}`, value, storedIndicatorValueSchema);
    } else {
      checkId(root!, key);
      checkRecord(root as 'nodes' | 'edges', key, value);
    }
    return;
  }
  const [id, field, ...deeper] = rest;
  if ((root === 'nodes' || root === 'edges') && rest.length === 1 && map && key !== null) {
    return root === 'nodes' ? checkNodeField(id!, key, map.get(key)) : checkEdgeField(id!, key, map.get(key));
  }
  // Adding or removing a code in a code list: the list as a whole must still be valid.
  if (root === 'nodes' && type instanceof Y.Array && rest.length === 2 && isListField(field!)) return checkList(path.join('.'), type);
  // Typing in a Y.Text field: only its length can go wrong.
  const max = root === 'nodes' ? NODE_TEXT_FIELDS[field!] : root === 'meta' && rest.length === 1 ? META_TEXT_FIELDS[id!] : undefined;
  if (type instanceof Y.Text && !deeper.length && max !== undefined && (root === 'nodes' ? rest.length === 2 : true)) {
    if (type.length > max) throw new UpdateRefusedError(`${path.join('.')} is longer than ${max} characters`);
    return;
  }
  throw new UpdateRefusedError(`${path.join('.').slice(0, 80)} is not a place a board holds anything`);
}

export class UpdateGuard {
  private shadow: Y.Doc | null = null;
  /** Updates accepted (in the shadow) that the live document may not have yet: they are being stored. */
  private accepted: { update: Uint8Array; needs: Map<number, number> }[] = [];

  constructor(
    private readonly live: Y.Doc,
    /** The live document's whole state as one update (the board's owner may have it already encoded). */
    private readonly encodeLive: () => Uint8Array = () => Y.encodeStateAsUpdate(live),
  ) {
    // Whatever reaches the live document also reaches the shadow (the server's own changes, such
    // as a restore); an update the shadow already holds costs a decode and nothing else.
    live.on('update', (update: Uint8Array) => {
      if (this.shadow) Y.applyUpdate(this.shadow, update);
    });
  }

  /** Throws UpdateRefusedError if `update` writes what the schema forbids; otherwise remembers it as accepted. */
  check(update: Uint8Array): void {
    const shadow = this.shadow ?? this.rebuild();
    let refused: Error | null = null;
    const inspect = (tr: Y.Transaction) => {
      try {
        for (const [type, keys] of tr.changed) {
          const path = pathOf(shadow, type);
          if (!path) continue;
          for (const key of keys) checkChange(path, type, key);
        }
      } catch (err) {
        refused = err as Error;
      }
    };
    const pendingBefore = [shadow.store.pendingStructs?.update, shadow.store.pendingDs];
    shadow.on('afterTransaction', inspect);
    try {
      Y.applyUpdate(shadow, update);
    } finally {
      shadow.off('afterTransaction', inspect);
    }
    // Content that waits for something the server does not have could arrive unchecked later.
    const pendingAfter = [shadow.store.pendingStructs?.update, shadow.store.pendingDs];
    if (!refused && pendingAfter.some((p, i) => p && p !== pendingBefore[i])) {
      refused = new UpdateRefusedError('the update depends on changes the server does not have');
    }
    if (refused) {
      shadow.destroy();
      this.shadow = null;
      throw refused;
    }
    this.remember(update);
  }

  private remember(update: Uint8Array): void {
    this.accepted.push({ update, needs: Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update)) });
    // Those the live document holds are no longer needed for a rebuild.
    if (this.accepted.length > 64) this.accepted = this.accepted.filter((a) => !this.liveHas(a.needs));
  }

  private liveHas(needs: Map<number, number>): boolean {
    for (const [client, clock] of needs) if (Y.getState(this.live.store, client) < clock) return false;
    return true;
  }

  private rebuild(): Y.Doc {
    const shadow = new Y.Doc();
    // Typed before any content arrives: a root an update creates is otherwise a bare AbstractType.
    for (const name of [...BOARD_ROOTS, ...WORKSHOP_ROOTS, ...SERVER_ROOTS]) shadow.getMap(name);
    Y.applyUpdate(shadow, this.encodeLive());
    this.accepted = this.accepted.filter((a) => !this.liveHas(a.needs));
    for (const a of this.accepted) Y.applyUpdate(shadow, a.update);
    this.shadow = shadow;
    return shadow;
  }
}
