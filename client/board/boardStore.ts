// The canvas model: React Flow's node and edge arrays built from the doc's projection
// (boardProjection). Only the cards and links a batch changed are rebuilt, and every other object is
// kept identical so memoised components skip it. Local, never-persisted state (selection, measured
// size, an in-flight drag, decorations, the filter, diff marks, accessible names) is merged in here
// and never written to the doc.
import type * as Y from 'yjs';
import { applyEdgeChanges, applyNodeChanges, MarkerType, Position as HandleSide, type EdgeChange, type NodeChange } from '@xyflow/react';
import { CARD_HEIGHT_ESTIMATE, CARD_WIDTH, isOneOf, NODE_KINDS, type BoardEdge, type BoardMaps, type BoardNode, type Position } from '../../shared';
import { BoardProjection, type ProjectionChange } from './boardProjection';
import type { CardNode, LinkEdge, ThreadMark } from './cardTypes';
import { edgeColor } from './edges/edgeStyle';
import type { DiffMark } from '../snapshots/diffMarks';

type Listener = () => void;
export type CardFilter = ((card: BoardNode) => boolean) | null;
/** Accessible names of cards and links in the UI language (client/board/nodes/ariaNames.ts). */
export interface AriaLabeler {
  node(card: BoardNode): string;
  edge(link: BoardEdge, source: BoardNode | undefined, target: BoardNode | undefined): string;
  /** What a card and a link are called (React Flow says "node" and "edge" in English). */
  roles: { node: string; edge: string };
}

export class BoardStore {
  readonly maps: BoardMaps;
  /** Cards and links as plain data, and the change counter the analysis reads. */
  readonly projection: BoardProjection;
  private rfNodes = new Map<string, CardNode>();
  private rfEdges = new Map<string, LinkEdge>();
  private nodeList: CardNode[] = [];
  private edgeList: LinkEdge[] = [];
  private listeners = new Set<Listener>();
  private rings = new Map<string, { color: string; name: string }>();
  private remoteDrag = new Map<string, Position>();
  private invalidNodes = new Set<string>();
  private invalidEdges = new Set<string>();
  private matches = new Set<string>();
  private filter: CardFilter = null;
  private nodeDiff = new Map<string, DiffMark>();
  private edgeDiff = new Map<string, DiffMark>();
  /** The rød tråd being shown: its cards and links stand out, everything else dims (null: none shown). */
  private thread: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> } | null = null;
  private labeler: AriaLabeler | null = null;

  constructor(readonly doc: Y.Doc) {
    this.projection = new BoardProjection(doc, (change) => this.apply(change));
    this.maps = this.projection.maps;
    this.flush();
  }

  destroy(): void {
    this.projection.destroy();
    this.listeners.clear();
  }

  // ---- subscription (useSyncExternalStore) ----
  subscribe = (fn: Listener) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };
  subscribeGraph = (fn: Listener) => this.projection.subscribeGraph(fn);
  /** The board's meta map (title …) changes rarely; subscribers hear of it directly, not per frame. */
  subscribeMeta = (fn: Listener) => this.projection.subscribeMeta(fn);
  getNodes = () => this.nodeList;
  getEdges = () => this.edgeList;
  getGraphVersion = () => this.projection.graphVersion;
  /** Bumped whenever document content changes; panels recompute from it. */
  get graphVersion(): number {
    return this.projection.graphVersion;
  }

  card(id: string): BoardNode | undefined {
    return this.projection.card(id);
  }
  link(id: string): BoardEdge | undefined {
    return this.projection.link(id);
  }
  allCards(): IterableIterator<BoardNode> {
    return this.projection.allCards();
  }
  allLinks(): IterableIterator<BoardEdge> {
    return this.projection.allLinks();
  }
  selectedNodeIds(): string[] {
    return this.nodeList.filter((n) => n.selected).map((n) => n.id);
  }
  selectedEdgeIds(): string[] {
    return this.edgeList.filter((e) => e.selected).map((e) => e.id);
  }

  /** Applies pending document changes now (also used by tests and right after local writes). */
  flush(): void {
    this.projection.flush();
  }

  /** Rebuilds what a projected batch changed, before the projection tells the panels. */
  private apply({ nodes, edges, content }: ProjectionChange): void {
    let nodesChanged = false;
    let edgesChanged = false;
    for (const id of nodes) {
      if (!this.card(id)) {
        this.rfNodes.delete(id);
        nodesChanged = true;
        continue;
      }
      this.rebuildNode(id);
      nodesChanged = true;
    }
    for (const id of edges) {
      if (!this.link(id)) {
        if (this.rfEdges.delete(id)) edgesChanged = true;
        continue;
      }
      this.rebuildEdge(id);
      edgesChanged = true;
    }
    // An edit can move a card in or out of the filter (say, a new owner): its links follow.
    if (nodesChanged && this.filter) {
      for (const id of this.edgesToReveal()) {
        this.rebuildEdge(id);
        edgesChanged = true;
      }
    }
    // A new title renames the links that name it.
    if (content && this.labeler) edgesChanged = this.relabelEdges() || edgesChanged;
    if (nodesChanged) this.nodeList = [...this.rfNodes.values()];
    if (edgesChanged) this.edgeList = [...this.rfEdges.values()];
    if (nodesChanged || edgesChanged) this.emit();
  }

  private emit(): void {
    for (const fn of this.listeners) fn();
  }

  private rebuildNode(id: string): void {
    const card = this.card(id);
    if (!card) return;
    const prev = this.rfNodes.get(id);
    const kind = isOneOf(NODE_KINDS, card.kind) ? card.kind : 'note';
    // A card being dragged here keeps its local position; one dragged elsewhere shows theirs.
    const position = prev?.dragging ? prev.position : (this.remoteDrag.get(id) ?? card.position);
    const node: CardNode = {
      id,
      type: kind,
      position,
      data: {
        card, ring: this.rings.get(id), invalid: this.invalidNodes.has(id), match: this.matches.has(id), diff: this.nodeDiff.get(id),
        thread: this.threadMark(id, this.thread?.nodes),
      },
      selected: prev?.selected ?? false,
      hidden: this.filter ? !this.filter(card) : false,
      ariaLabel: this.labeler ? this.labeler.node(card) : card.title,
      domAttributes: this.labeler ? { 'aria-roledescription': this.labeler.roles.node } : undefined,
    };
    if (prev?.measured) {
      node.measured = prev.measured;
      if (prev.handles) node.handles = prev.handles;
    } else Object.assign(node, UNMEASURED);
    if (prev?.dragging) node.dragging = true;
    this.rfNodes.set(id, node);
  }

  private rebuildEdge(id: string): void {
    const link = this.link(id);
    if (!link) return;
    const prev = this.rfEdges.get(id);
    const hidden = this.edgeHidden(link);
    const edge: LinkEdge = {
      id,
      type: link.kind,
      source: link.source,
      target: link.target,
      data: { edge: link, invalid: this.invalidEdges.has(id), diff: this.edgeDiff.get(id), thread: this.threadMark(id, this.thread?.edges) },
      className: edgeClass(this.edgeDiff.get(id), this.threadMark(id, this.thread?.edges)),
      selected: prev?.selected ?? false,
      hidden,
      ariaLabel: this.labeler?.edge(link, this.card(link.source), this.card(link.target)),
      domAttributes: this.labeler ? { 'aria-roledescription': this.labeler.roles.edge } : undefined,
      markerEnd: link.kind === 'conflictsWith' ? undefined : { type: MarkerType.ArrowClosed, color: edgeColor(link.kind), width: 16, height: 16 },
    };
    this.rfEdges.set(id, edge);
  }

  /** A filtered-out card hides its links. */
  private edgeHidden(link: { source: string; target: string }): boolean {
    return !!this.filter && (this.rfNodes.get(link.source)?.hidden !== false || this.rfNodes.get(link.target)?.hidden !== false);
  }

  /** Links whose hidden flag no longer matches their cards' (after a filter change or a card edit). */
  private edgesToReveal(): string[] {
    const out: string[] = [];
    for (const [id, e] of this.rfEdges) if (!!e.hidden !== this.edgeHidden(e)) out.push(id);
    return out;
  }

  private refreshNodes(ids: Iterable<string>): void {
    let changed = false;
    for (const id of ids) {
      if (this.rfNodes.has(id)) {
        this.rebuildNode(id);
        changed = true;
      }
    }
    if (changed) {
      this.nodeList = [...this.rfNodes.values()];
      this.emit();
    }
  }

  private refreshEdges(ids: Iterable<string>): void {
    let changed = false;
    for (const id of ids) {
      if (this.rfEdges.has(id)) {
        this.rebuildEdge(id);
        changed = true;
      }
    }
    if (changed) {
      this.edgeList = [...this.rfEdges.values()];
      this.emit();
    }
  }

  // ---- accessible names ----
  /** Sets how cards and links are named (the UI language changed) and renames those that differ. */
  setLabeler(labeler: AriaLabeler | null): void {
    const rolesChanged = this.labeler?.roles.node !== labeler?.roles.node || this.labeler?.roles.edge !== labeler?.roles.edge;
    this.labeler = labeler;
    if (!rolesChanged) return this.relabel();
    // Another language: every card and link is renamed.
    this.refreshNodes([...this.rfNodes.keys()]);
    this.refreshEdges([...this.rfEdges.keys()]);
  }

  /** Rebuilds only the cards and links whose accessible name changed (say, an agreement was made). */
  relabel(): void {
    const cards: string[] = [];
    for (const [id, n] of this.rfNodes) {
      const card = this.card(id);
      if (card && n.ariaLabel !== (this.labeler ? this.labeler.node(card) : card.title)) cards.push(id);
    }
    this.refreshNodes(cards);
    if (this.relabelEdges()) {
      this.edgeList = [...this.rfEdges.values()];
      this.emit();
    }
  }

  private relabelEdges(): boolean {
    let changed = false;
    for (const [id, e] of this.rfEdges) {
      const link = this.link(id);
      if (!link) continue;
      const name = this.labeler?.edge(link, this.card(link.source), this.card(link.target));
      if (e.ariaLabel !== name) {
        this.rfEdges.set(id, { ...e, ariaLabel: name });
        changed = true;
      }
    }
    return changed;
  }

  // ---- local UI changes from React Flow ----
  /** Applies selection, measurement and drag changes; returns the positions a finished move set. */
  applyNodeChanges(changes: NodeChange<CardNode>[]): Record<string, Position> {
    const kept = changes.filter((c) => c.type === 'position' || c.type === 'select' || c.type === 'dimensions');
    const moved: Record<string, Position> = {};
    for (const c of kept) {
      if (c.type === 'position' && c.position && c.dragging === false) moved[c.id] = { x: c.position.x, y: c.position.y };
    }
    if (!kept.length) return moved;
    let next = applyNodeChanges(kept, this.nodeList);
    // Measured in the page: React Flow now holds the drawn handles; the estimated ones must not replace them.
    const measured = new Set(kept.filter((c) => c.type === 'dimensions').map((c) => c.id));
    if (measured.size) next = next.map((n) => (measured.has(n.id) && n.handles ? withoutHandles(n) : n));
    this.nodeList = next;
    this.rfNodes = new Map(next.map((n) => [n.id, n]));
    this.emit();
    return moved;
  }

  applyEdgeChanges(changes: EdgeChange<LinkEdge>[]): void {
    const kept = changes.filter((c) => c.type === 'select');
    if (!kept.length) return;
    this.edgeList = applyEdgeChanges(kept, this.edgeList);
    this.rfEdges = new Map(this.edgeList.map((e) => [e.id, e]));
    this.emit();
  }

  /** Selects exactly these cards (and no links). */
  select(nodeIds: readonly string[], edgeIds: readonly string[] = []): void {
    const want = new Set(nodeIds);
    const wantE = new Set(edgeIds);
    let changed = false;
    for (const [id, n] of this.rfNodes) {
      if (!!n.selected !== want.has(id)) {
        this.rfNodes.set(id, { ...n, selected: want.has(id) });
        changed = true;
      }
    }
    for (const [id, e] of this.rfEdges) {
      if (!!e.selected !== wantE.has(id)) {
        this.rfEdges.set(id, { ...e, selected: wantE.has(id) });
        changed = true;
      }
    }
    if (changed) {
      this.nodeList = [...this.rfNodes.values()];
      this.edgeList = [...this.rfEdges.values()];
      this.emit();
    }
  }

  // ---- decorations ----
  setRings(next: Map<string, { color: string; name: string }>): void {
    const changed = diffKeys(this.rings, next, (a, b) => a.color === b.color && a.name === b.name);
    this.rings = next;
    this.refreshNodes(changed);
  }

  setRemoteDrag(next: Map<string, Position>): void {
    const changed = diffKeys(this.remoteDrag, next, (a, b) => a.x === b.x && a.y === b.y);
    this.remoteDrag = next;
    this.refreshNodes(changed);
  }

  setInvalid(nodes: Set<string>, edges: Set<string>): void {
    const cn = diffSets(this.invalidNodes, nodes);
    const ce = diffSets(this.invalidEdges, edges);
    this.invalidNodes = nodes;
    this.invalidEdges = edges;
    this.refreshNodes(cn);
    this.refreshEdges(ce);
  }

  setMatches(ids: Set<string>): void {
    const changed = diffSets(this.matches, ids);
    this.matches = ids;
    this.refreshNodes(changed);
  }

  /** Comparison marks (snapshot → now) on cards and links. */
  setDiffMarks(nodes: Map<string, DiffMark>, edges: Map<string, DiffMark>): void {
    const cn = diffKeys(this.nodeDiff, nodes, (a, b) => a === b);
    const ce = diffKeys(this.edgeDiff, edges, (a, b) => a === b);
    this.nodeDiff = nodes;
    this.edgeDiff = edges;
    this.refreshNodes(cn);
    this.refreshEdges(ce);
  }

  diffMarks(): Record<string, DiffMark> {
    return Object.fromEntries([...this.nodeDiff].filter(([id]) => this.rfNodes.has(id)));
  }

  /** Shows a rød tråd (its cards and links; the rest dims), or none. Only what changes mark is rebuilt. */
  setThread(next: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> } | null): void {
    const before = this.thread;
    this.thread = next;
    const changed = (ids: Iterable<string>, set: (t: typeof next) => ReadonlySet<string> | undefined) =>
      [...ids].filter((id) => this.threadMark(id, set(before) , before) !== this.threadMark(id, set(next), next));
    this.refreshNodes(changed(this.rfNodes.keys(), (t) => t?.nodes));
    this.refreshEdges(changed(this.rfEdges.keys(), (t) => t?.edges));
  }

  private threadMark(id: string, members: ReadonlySet<string> | undefined, thread = this.thread): ThreadMark | undefined {
    if (!thread) return undefined;
    return members?.has(id) ? 'on' : 'dim';
  }

  setFilter(filter: CardFilter): void {
    this.filter = filter;
    const changedNodes: string[] = [];
    for (const [id, n] of this.rfNodes) {
      const card = this.card(id);
      const hidden = filter && card ? !filter(card) : false;
      if (!!n.hidden !== hidden) changedNodes.push(id);
    }
    this.refreshNodes(changedNodes);
    // Only the links that appear or disappear get new objects; the others keep theirs (and their memo).
    this.refreshEdges(this.edgesToReveal());
  }
}

/**
 * A card React Flow has not drawn yet gets an estimated size and handles. React Flow draws every
 * node without handle bounds once to measure it, even with onlyRenderVisibleElements, so on a
 * 2,000-card board the first render built, laid out and threw away 2,000 cards (#19 §1); with an
 * estimate only the cards in view are drawn, and those are measured as usual. The handles sit as
 * CardShell's CSS puts them (12 px, centred on the left and right borders; 7 px left border).
 */
const HANDLE = 12;
const UNMEASURED: Pick<CardNode, 'measured' | 'handles'> = {
  measured: { width: CARD_WIDTH, height: CARD_HEIGHT_ESTIMATE },
  handles: [
    { type: 'target', position: HandleSide.Left, x: 1, y: CARD_HEIGHT_ESTIMATE / 2 - HANDLE / 2, width: HANDLE, height: HANDLE },
    { type: 'source', position: HandleSide.Right, x: CARD_WIDTH - 8, y: CARD_HEIGHT_ESTIMATE / 2 - HANDLE / 2, width: HANDLE, height: HANDLE },
  ],
};

function withoutHandles(n: CardNode): CardNode {
  const { handles: _estimate, ...rest } = n;
  return rest;
}

function edgeClass(diff: DiffMark | undefined, thread: ThreadMark | undefined): string | undefined {
  const out = [diff && `mk-diff-edge mk-diff-${diff}`, thread && `mk-thread-${thread}`].filter(Boolean).join(' ');
  return out || undefined;
}

function diffKeys<V>(a: Map<string, V>, b: Map<string, V>, same: (x: V, y: V) => boolean): string[] {
  const out: string[] = [];
  for (const [k, v] of a) {
    const w = b.get(k);
    if (w === undefined || !same(v, w)) out.push(k);
  }
  for (const k of b.keys()) if (!a.has(k)) out.push(k);
  return out;
}

function diffSets(a: Set<string>, b: Set<string>): string[] {
  const out: string[] = [];
  for (const k of a) if (!b.has(k)) out.push(k);
  for (const k of b) if (!a.has(k)) out.push(k);
  return out;
}
