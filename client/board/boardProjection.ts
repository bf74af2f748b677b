// The Y.Doc projected to plain cards and links (BoardNode/BoardEdge). The maps are observed deeply;
// only the cards and links whose path changed are read again, batched per animation frame. Each
// batch tells the canvas model (boardStore) which ids changed, then bumps the change counter that
// the analysis and panels recompute from.
import * as Y from 'yjs';
import {
  boardMaps, readAllSeries, readEdgeFields, readMeta, readNodeFields, splitValueKey, valuesMap,
  type BoardEdge, type BoardGraph, type BoardMaps, type BoardNode, type Position,
} from '../../shared';

type Listener = () => void;

/** One applied batch: the cards and links read again or removed, and whether content (not only layout) changed. */
export interface ProjectionChange {
  nodes: string[];
  edges: string[];
  content: boolean;
}

export class BoardProjection {
  readonly maps: BoardMaps;
  private cards = new Map<string, BoardNode>();
  private links = new Map<string, BoardEdge>();
  private dirtyNodes = new Set<string>();
  private dirtyEdges = new Set<string>();
  private frame = 0;
  private graphListeners = new Set<Listener>();
  private disposers: (() => void)[] = [];
  private contentChanged = false;
  /** Bumped whenever document content changes; panels recompute from it. */
  graphVersion = 0;

  constructor(
    readonly doc: Y.Doc,
    private readonly onApply: (change: ProjectionChange) => void,
  ) {
    this.maps = boardMaps(doc);
    const { nodes, layout, edges } = this.maps;
    const onNodes = (events: Y.YEvent<any>[]) => {
      for (const ev of events) {
        if (ev.target === nodes) for (const k of (ev as Y.YMapEvent<unknown>).keysChanged) this.dirtyNodes.add(k);
        else if (typeof ev.path[0] === 'string') this.dirtyNodes.add(ev.path[0]);
      }
      this.schedule(true);
    };
    const onLayout = (ev: Y.YMapEvent<Position>) => {
      for (const k of ev.keysChanged) this.dirtyNodes.add(k);
      this.schedule(false);
    };
    const onEdges = (events: Y.YEvent<any>[]) => {
      for (const ev of events) {
        if (ev.target === edges) for (const k of (ev as Y.YMapEvent<unknown>).keysChanged) this.dirtyEdges.add(k);
        else if (typeof ev.path[0] === 'string') this.dirtyEdges.add(ev.path[0]);
      }
      this.schedule(true);
    };
    // An indicator's measured values live in their own root map; a changed value re-reads its card.
    const values = valuesMap(doc);
    const onValues: Parameters<typeof values.observe>[0] = (ev) => {
      // Only a card's values change the board (the bench's latency stamps share the root and are not cards).
      let cards = 0;
      for (const k of ev.keysChanged) {
        const id = splitValueKey(k)?.indicatorId;
        if (id && nodes.has(id)) {
          this.dirtyNodes.add(id);
          cards++;
        }
      }
      if (cards) this.schedule(true);
    };
    nodes.observeDeep(onNodes);
    layout.observe(onLayout);
    edges.observeDeep(onEdges);
    values.observe(onValues);
    this.disposers.push(
      () => nodes.unobserveDeep(onNodes),
      () => layout.unobserve(onLayout),
      () => edges.unobserveDeep(onEdges),
      () => values.unobserve(onValues),
    );
    nodes.forEach((_, id) => this.dirtyNodes.add(id));
    edges.forEach((_, id) => this.dirtyEdges.add(id));
  }

  destroy(): void {
    this.cancelFrame();
    for (const d of this.disposers) d();
    this.graphListeners.clear();
  }

  subscribeGraph = (fn: Listener) => {
    this.graphListeners.add(fn);
    return () => this.graphListeners.delete(fn);
  };
  /** The board's meta map (title …) changes rarely; subscribers hear of it directly, not per frame. */
  subscribeMeta = (fn: Listener) => {
    const onMeta = () => fn();
    this.maps.meta.observe(onMeta);
    return () => this.maps.meta.unobserve(onMeta);
  };
  getGraphVersion = () => this.graphVersion;

  card(id: string): BoardNode | undefined {
    return this.cards.get(id);
  }
  link(id: string): BoardEdge | undefined {
    return this.links.get(id);
  }
  allCards(): IterableIterator<BoardNode> {
    return this.cards.values();
  }
  allLinks(): IterableIterator<BoardEdge> {
    return this.links.values();
  }

  /** The projected board as the shared analysis takes it, in the doc's key order (as readGraph gives it). */
  graph(): BoardGraph {
    const nodes = new Map<string, BoardNode>();
    const edges = new Map<string, BoardEdge>();
    this.maps.nodes.forEach((_, id) => {
      const card = this.cards.get(id);
      if (card) nodes.set(id, card);
    });
    this.maps.edges.forEach((_, id) => {
      const link = this.links.get(id);
      if (link) edges.set(id, link);
    });
    return { meta: readMeta(this.maps), nodes, edges };
  }

  private schedule(content: boolean): void {
    if (content) this.contentChanged = true;
    if (this.frame) return;
    const run = () => {
      this.frame = 0;
      this.flush();
    };
    this.frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(run) : (setTimeout(run, 16) as unknown as number);
  }

  private cancelFrame(): void {
    if (!this.frame) return;
    if (typeof cancelAnimationFrame === 'function') cancelAnimationFrame(this.frame);
    else clearTimeout(this.frame);
    this.frame = 0;
  }

  /** Applies pending document changes now (also used by tests and right after local writes). */
  flush(): void {
    this.cancelFrame();
    if (!this.dirtyNodes.size && !this.dirtyEdges.size) return;
    const nodes: string[] = [];
    const edges: string[] = [];
    // One pass over the values for all the cards read again (not one per card).
    const series = this.dirtyNodes.size ? readAllSeries(this.doc, this.dirtyNodes) : new Map();
    for (const id of this.dirtyNodes) {
      const y = this.maps.nodes.get(id);
      if (!y) {
        if (this.cards.delete(id)) nodes.push(id);
        continue;
      }
      const values = series.get(id);
      this.cards.set(id, { id, ...readNodeFields(y), ...(values ? { series: values } : {}), position: { ...(this.maps.layout.get(id) ?? { x: 0, y: 0 }) } });
      nodes.push(id);
    }
    for (const id of this.dirtyEdges) {
      const y = this.maps.edges.get(id);
      if (!y) {
        this.links.delete(id);
        edges.push(id);
        continue;
      }
      this.links.set(id, { id, ...readEdgeFields(y) });
      edges.push(id);
    }
    this.dirtyNodes.clear();
    this.dirtyEdges.clear();
    const content = this.contentChanged;
    this.onApply({ nodes, edges, content });
    if (content) {
      this.contentChanged = false;
      this.graphVersion++;
      for (const fn of this.graphListeners) fn();
    }
  }
}
