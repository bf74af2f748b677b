// Every edit the UI makes, each one transaction with this tab's origin (so undo takes back exactly
// this user's steps), through the typed operations of shared/. A viewer can call none of them.
import * as Y from 'yjs';
import {
  createNode, deleteNodes, link, moveNodes, setMeta, unlink, updateEdge, updateNode, DEFAULT_OWNER_FOR_TIER, newId,
  type BoardMaps, type EdgeKind, type EdgePatch, type Localized, type NodeKind, type NodePatch, type OpResult, type Owner, type Position, type Tier,
} from '../../shared';
import { boardMaps, nodeText, readEdgeFields, readNodeFields, type TextField } from '../../shared';
import { CARD_HEIGHT_ESTIMATE, CARD_WIDTH, clampIntoBand, tierOfCardAt } from '../../shared';
import { freeSpot, type Box } from './placement';

export interface Clip {
  nodes: { id: string; fields: ReturnType<typeof readNodeFields>; position: Position }[];
  edges: { kind: EdgeKind; source: string; target: string; note?: string; severity?: 'low' | 'medium' | 'high'; resolution?: string }[];
}

export class BoardActions {
  readonly maps: BoardMaps;
  undoManager: Y.UndoManager | null = null;

  constructor(
    readonly doc: Y.Doc,
    readonly origin: object,
    readonly readOnly: boolean,
    private readonly refused: (message: Localized) => void,
  ) {
    this.maps = boardMaps(doc);
  }

  private report<T extends object>(r: OpResult<T>): OpResult<T> {
    if (!r.ok) this.refused(r.message);
    return r;
  }

  /** Ends the current gesture: the next change is a separate undo step. */
  endGesture(): void {
    this.undoManager?.stopCapturing();
  }

  /** Adds a card at `at` (its top-left corner, kept inside the band it falls in), owned by `owner` or by the band's usual owner. */
  createCard(kind: NodeKind, at: Position, title: string, owner?: Owner): string | null {
    if (this.readOnly) return null;
    const tier = tierOfCardAt(at.y);
    owner ??= kind === 'directive' ? 'stat' : DEFAULT_OWNER_FOR_TIER[tier];
    const position = { x: Math.round(at.x), y: Math.round(clampIntoBand(tier, at.y)) };
    this.endGesture();
    const r = this.report(createNode(this.doc, { kind, tier, owner, title, position }, this.origin));
    this.endGesture();
    return r.ok ? r.id : null;
  }

  updateCard(id: string, patch: NodePatch): OpResult {
    if (this.readOnly) return { ok: true };
    return updateNode(this.doc, id, patch, this.origin);
  }

  /**
   * Sets a card's tier from the inspector and moves the card into that band (nearest its current
   * height), so the band it is drawn in and the tier it has never disagree. One undo step.
   */
  setTier(id: string, tier: Tier, height = CARD_HEIGHT_ESTIMATE, taken: readonly Box[] = []): OpResult {
    if (this.readOnly) return { ok: true };
    const pos = this.maps.layout.get(id);
    this.endGesture();
    let r: OpResult = { ok: true };
    this.doc.transact(() => {
      r = updateNode(this.doc, id, { tier }, this.origin);
      if (!r.ok || !pos || tierOfCardAt(pos.y, height) === tier) return;
      const want = { x: pos.x, y: Math.round(clampIntoBand(tier, pos.y, height)) };
      moveNodes(this.doc, { [id]: freeSpot(taken, want, CARD_WIDTH, height) }, this.origin, { [id]: height });
    }, this.origin);
    this.endGesture();
    return this.report(r);
  }

  /**
   * A card's title or description as a Y.Text to bind a field to. A title still stored as a plain
   * string (an older board not yet converted by the server, say from the offline cache) is turned
   * into one first; that is not an undo step of its own.
   */
  cardText(id: string, field: TextField): Y.Text | null {
    const ynode = this.maps.nodes.get(id);
    if (!ynode) return null;
    const v = ynode.get(field);
    if (v instanceof Y.Text) return v;
    if (this.readOnly) return null;
    let text: Y.Text | null = null;
    this.doc.transact(() => (text = nodeText(ynode, field)), 'migrate-texts');
    return text;
  }

  renameBoard(title: string): OpResult {
    if (this.readOnly) return { ok: true };
    this.endGesture();
    const r = this.report(setMeta(this.doc, { title }, this.origin));
    this.endGesture();
    return r;
  }

  updateLink(id: string, patch: EdgePatch): OpResult {
    if (this.readOnly) return { ok: true };
    return updateEdge(this.doc, id, patch, this.origin);
  }

  /** Writes final positions once (end of a drag or a keyboard move); a card dropped in another band takes its tier (`moveNodes`). */
  moveCards(positions: Record<string, Position>, heights: Record<string, number> = {}): void {
    if (this.readOnly || !Object.keys(positions).length) return;
    const rounded: Record<string, Position> = {};
    for (const [id, p] of Object.entries(positions)) rounded[id] = { x: Math.round(p.x), y: Math.round(p.y) };
    const r = moveNodes(this.doc, rounded, this.origin, heights);
    // A card someone else deleted mid-drag is no news; a refused tier change is.
    if (!r.ok && r.code !== 'not_found') this.report(r);
  }

  linkCards(source: string, target: string, kind: EdgeKind): boolean {
    if (this.readOnly) return false;
    this.endGesture();
    const r = this.report(link(this.doc, { kind, source, target }, this.origin));
    this.endGesture();
    return r.ok;
  }

  linkCount(ids: readonly string[]): number {
    const set = new Set(ids);
    let n = 0;
    this.maps.edges.forEach((y) => {
      if (set.has(y.get('source') as string) || set.has(y.get('target') as string)) n++;
    });
    return n;
  }

  deleteCards(ids: readonly string[]): void {
    if (this.readOnly || !ids.length) return;
    this.endGesture();
    deleteNodes(this.doc, ids, this.origin);
    this.endGesture();
  }

  deleteLinks(ids: readonly string[]): void {
    if (this.readOnly || !ids.length) return;
    this.endGesture();
    unlink(this.doc, ids, this.origin);
    this.endGesture();
  }

  /** Turns a card into another kind (a sticky note into a goal, say); the rules may refuse. */
  changeKind(id: string, kind: NodeKind): boolean {
    const patch: NodePatch = { kind };
    if (kind !== 'goal') patch.level = null;
    if (kind !== 'indicator') Object.assign(patch, { unit: null, direction: null, baseline: null, target: null, latest: null, dataSource: null });
    this.endGesture();
    const r = this.report(this.updateCard(id, patch));
    this.endGesture();
    return r.ok;
  }

  copy(ids: readonly string[]): Clip {
    const set = new Set(ids);
    const nodes: Clip['nodes'] = [];
    for (const id of ids) {
      const y = this.maps.nodes.get(id);
      if (y) nodes.push({ id, fields: readNodeFields(y), position: { ...(this.maps.layout.get(id) ?? { x: 0, y: 0 }) } });
    }
    const edges: Clip['edges'] = [];
    this.maps.edges.forEach((y) => {
      const e = readEdgeFields(y);
      if (set.has(e.source) && set.has(e.target)) edges.push(e);
    });
    return { nodes, edges };
  }

  /** Pastes copies with new ids, offset, with the links between them, as one undo step. */
  paste(clip: Clip, offset: Position = { x: 40, y: 40 }): string[] {
    if (this.readOnly || !clip.nodes.length) return [];
    const ids = new Map<string, string>();
    this.endGesture();
    this.doc.transact(() => {
      for (const n of clip.nodes) {
        const id = newId('n');
        ids.set(n.id, id);
        const r = createNode(
          this.doc,
          { ...n.fields, id, position: { x: n.position.x + offset.x, y: n.position.y + offset.y } },
          this.origin,
        );
        if (!r.ok) ids.delete(n.id);
      }
      for (const e of clip.edges) {
        const source = ids.get(e.source);
        const target = ids.get(e.target);
        if (source && target) link(this.doc, { ...e, source, target }, this.origin);
      }
    }, this.origin);
    this.endGesture();
    return [...ids.values()];
  }

  /** Sets many positions (and the tiers they imply) as one undo step: auto-layout. */
  arrange(positions: Record<string, Position>): void {
    this.endGesture();
    this.moveCards(positions);
    this.endGesture();
  }
}
