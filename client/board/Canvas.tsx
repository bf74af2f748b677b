// The React Flow canvas bound to the store: renders cards and links, turns gestures into board
// actions (move, link, create, delete), and shows presence. Selection, measured sizes and the
// in-flight drag stay local or in awareness; only the finished move is written to the document.
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import {
  Background, BackgroundVariant, ConnectionMode, Controls, ReactFlow, useReactFlow,
  type Connection, type EdgeChange, type FinalConnectionState, type NodeChange,
} from '@xyflow/react';
import type * as Y from 'yjs';
import { NODE_KINDS, isOneOf, type NodeKind, type Position } from '../../shared';
import { useI18n } from '../i18n/I18nProvider';
import type { StringKey } from '../i18n/strings';
import { useBoardContext } from './BoardContext';
import type { CardNode, LinkEdge } from './cardTypes';
import { nodeTypes } from './nodes/nodeTypes';
import { edgeTypes } from './edges/KindEdge';
import { Bands } from './Bands';
import { Cursors } from './Cursors';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { usePresenceSync } from './usePresenceSync';
import { useWheelZoom } from './useWheelZoom';
import { ZoomLevel } from './ZoomLevel';
import { linkChoice } from './linkChoice';
import { LinkKindMenu } from './LinkKindMenu';
import type { PendingLink } from './pendingLink';
import { LinkPicker } from './LinkPicker';
import { ConfirmDelete } from './ConfirmDelete';
import { useBoardShortcuts } from './useBoardShortcuts';
import { useCreateCard } from './useCreateCard';
import { OverviewMap } from './OverviewMap';
import type { Notify } from '../ui/Toasts';
import { focusCard } from '../ui/focusCard';
import { ParkingArea } from '../workshop/ParkingArea';
import { useFocusRescue } from './useFocusRescue';
import { useKeyboardDeselect } from './useKeyboardDeselect';
import { useAriaNames } from './nodes/useAriaNames';

export const PALETTE_MIME = 'application/x-malkart-kind';
const MIN_ZOOM = 0.05;
const MAX_ZOOM = 2;
/** Above this many cards the board opens on one corner rather than fitted whole. */
const LARGE_BOARD = 400;
/** React Flow announces a keyboard move with an English direction; we say it in the UI language. */
const DIRECTION_KEYS: Record<string, StringKey> = { left: 'dirLeft', right: 'dirRight', up: 'dirUp', down: 'dirDown' };

interface Props {
  paletteKind: NodeKind;
  undo: Y.UndoManager | null;
  loaded: boolean;
  onHelp(): void;
  notify: Notify;
}

/** The card at a screen point, other than `except`. */
function cardUnder(x: number, y: number, except: string): string | null {
  for (const el of document.elementsFromPoint(x, y)) {
    const node = (el as HTMLElement).closest<HTMLElement>('.react-flow__node');
    const id = node?.dataset.id;
    if (id && id !== except) return id;
  }
  return null;
}

/** The card nearest the first of `ids` that is not among them: where focus goes after deleting them. */
function nearestOther(store: { card(id: string): { position: Position } | undefined; allCards(): Iterable<{ id: string; position: Position }> }, ids: readonly string[]): string | null {
  const gone = new Set(ids);
  const at = ids[0] ? store.card(ids[0])?.position : undefined;
  let best: string | null = null;
  let d = Infinity;
  for (const c of store.allCards()) {
    if (gone.has(c.id)) continue;
    const dist = at ? Math.hypot(c.position.x - at.x, c.position.y - at.y) : 0;
    if (dist < d) (d = dist), (best = c.id);
  }
  return best;
}

/** Gives keyboard focus to a card after a gesture (a link, a delete), so it never falls to the page. */
function refocus(id: string | null): void {
  if (!id) return;
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
    if (el && (!document.activeElement || document.activeElement === document.body || !document.activeElement.isConnected)) el.focus({ preventScroll: true });
  });
}

export function Canvas({ paletteKind, undo, loaded, onHelp, notify }: Props) {
  const { t, lang } = useI18n();
  const { store, actions, presence, readOnly } = useBoardContext();
  const rf = useReactFlow<CardNode, LinkEdge>();
  const nodes = useSyncExternalStore(store.subscribe, store.getNodes);
  const edges = useSyncExternalStore(store.subscribe, store.getEdges);
  const wrapper = useRef<HTMLDivElement>(null);
  const [pendingLink, setPendingLink] = useState<PendingLink | null>(null);
  const [picking, setPicking] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<{ nodeIds: string[]; edgeIds: string[]; links: number } | null>(null);
  const lastPointer = useRef<{ x: number; y: number } | null>(null);

  usePresenceSync();
  useWheelZoom(wrapper, MIN_ZOOM, MAX_ZOOM);

  // Presentation mode hides the side panel and tool rows: show the whole board in the larger canvas.
  useEffect(() => {
    const root = document.documentElement;
    let was = root.dataset.presenting === 'true';
    const mo = new MutationObserver(() => {
      const now = root.dataset.presenting === 'true';
      if (now === was) return;
      was = now;
      if (now) requestAnimationFrame(() => requestAnimationFrame(() => void rf.fitView({ padding: 0.05, duration: 300 })));
    });
    mo.observe(root, { attributes: true, attributeFilter: ['data-presenting'] });
    return () => mo.disconnect();
  }, [rf]);
  useFocusRescue(store);
  useKeyboardDeselect(wrapper, store);
  useAriaNames();

  // Fit the board into view once its content has arrived.
  const fitted = useRef(false);
  useEffect(() => {
    if (fitted.current || !loaded) return;
    fitted.current = true;
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const all = store.getNodes();
        if (all.length <= LARGE_BOARD) return void rf.fitView({ padding: 0.08, maxZoom: 1 });
        // A large board fitted whole would put every card in view (and in the DOM) at an unreadable
        // zoom; open on its top-left corner at a working zoom instead. The overview map shows the rest.
        const first = [...all].sort((a, b) => a.position.y - b.position.y || a.position.x - b.position.x).slice(0, 40);
        void rf.fitView({ nodes: first.map((n) => ({ id: n.id })), padding: 0.1, minZoom: 0.5, maxZoom: 1 });
      }),
    );
  }, [loaded, rf, store]);

  const onNodesChange = useCallback(
    (changes: NodeChange<CardNode>[]) => {
      const moved = store.applyNodeChanges(changes);
      if (!readOnly && Object.keys(moved).length) {
        const heights: Record<string, number> = {};
        for (const id of Object.keys(moved)) heights[id] = rf.getInternalNode(id)?.measured.height ?? 110;
        actions.moveCards(moved, heights);
      }
    },
    [store, actions, readOnly, rf],
  );
  const onEdgesChange = useCallback((changes: EdgeChange<LinkEdge>[]) => store.applyEdgeChanges(changes), [store]);

  const tryLink = useCallback(
    (source: string, target: string, at: { x: number; y: number }) => {
      if (readOnly) return;
      const choice = linkChoice(store.maps, source, target);
      if (!choice.ok) {
        notify(choice.refusal.message[lang], 'error');
        return;
      }
      if (choice.kinds.length === 1) {
        actions.linkCards(source, target, choice.kinds[0]!);
        refocus(source);
      } else setPendingLink({ source, target, kinds: choice.kinds, at });
    },
    [store, actions, readOnly, notify, lang],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      const at = lastPointer.current ?? { x: 200, y: 200 };
      tryLink(c.source, c.target, at);
    },
    [tryLink],
  );

  // A link dragged from a handle and let go anywhere on another card (not only near its small
  // handle, which React Flow's connectionRadius covers) links to that card.
  const onConnectEnd = useCallback(
    (e: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid || !state.fromNode) return;
      const point = 'changedTouches' in e ? e.changedTouches[0] : e;
      if (!point) return;
      const under = cardUnder(point.clientX, point.clientY, state.fromNode.id);
      if (!under) return;
      // Dragged from the left (incoming) handle: the dropped-on card is the source.
      const fromTarget = state.fromHandle?.type === 'target';
      tryLink(fromTarget ? under : state.fromNode.id, fromTarget ? state.fromNode.id : under, { x: point.clientX, y: point.clientY });
    },
    [tryLink],
  );

  // Selection lives in the store (never in the document): tell the others.
  useEffect(() => {
    presence.setSelection(nodes.filter((n) => n.selected).map((n) => n.id).sort());
  }, [nodes, presence]);

  const onNodeDrag = useCallback(
    (_: unknown, __: CardNode, dragged: CardNode[]) => {
      const pos: Record<string, Position> = {};
      for (const n of dragged) pos[n.id] = { x: Math.round(n.position.x), y: Math.round(n.position.y) };
      presence.setDrag(pos);
    },
    [presence],
  );
  const onNodeDragStop = useCallback(() => {
    presence.setDrag(null);
    actions.endGesture();
  }, [presence, actions]);

  const create = useCreateCard();
  const createAt = useCallback((kind: NodeKind, screen: { x: number; y: number }) => create(kind, screen), [create]);

  const onDoubleClick = useCallback(
    (e: React.MouseEvent) => {
      if (readOnly) return;
      const target = e.target as HTMLElement;
      if (!target.classList.contains('react-flow__pane')) return;
      createAt(paletteKind, { x: e.clientX, y: e.clientY });
    },
    [readOnly, createAt, paletteKind],
  );

  const onDrop = useCallback(
    (e: React.DragEvent) => {
      const kind = e.dataTransfer.getData(PALETTE_MIME);
      if (readOnly || !isOneOf(NODE_KINDS, kind)) return;
      e.preventDefault();
      createAt(kind, { x: e.clientX, y: e.clientY });
    },
    [readOnly, createAt],
  );

  const requestDelete = useCallback(() => {
    if (readOnly) return;
    const nodeIds = store.selectedNodeIds();
    const edgeIds = store.selectedEdgeIds();
    if (!nodeIds.length && !edgeIds.length) return;
    const links = actions.linkCount(nodeIds);
    if (links > 0) setConfirm({ nodeIds, edgeIds, links });
    else {
      const next = nearestOther(store, nodeIds);
      actions.deleteLinks(edgeIds);
      actions.deleteCards(nodeIds);
      refocus(next);
    }
  }, [store, actions, readOnly]);

  useBoardShortcuts({
    undo,
    requestDelete,
    onHelp,
    notify,
    startLink: () => {
      const sel = store.selectedNodeIds();
      if (sel.length === 1 && !readOnly) setPicking(sel[0]!);
    },
    cancel: () => store.select([]),
    createHere: () => void create(paletteKind),
  });

  useEffect(() => {
    const on = (e: Event) => {
      const id = (e as CustomEvent<string>).detail;
      const sel = store.selectedNodeIds();
      if (!readOnly && id && sel.length === 1) setPicking(sel[0]!);
    };
    window.addEventListener('malkart:start-link', on);
    return () => window.removeEventListener('malkart:start-link', on);
  }, [store, readOnly]);

  // The inspector's «Slett kort» asks here (not with a synthetic Delete key, which the shortcuts ignore outside the canvas).
  useEffect(() => {
    window.addEventListener('malkart:request-delete', requestDelete);
    return () => window.removeEventListener('malkart:request-delete', requestDelete);
  }, [requestDelete]);

  const onPointerMove = useCallback(
    (e: React.PointerEvent) => {
      lastPointer.current = { x: e.clientX, y: e.clientY };
      const p = rf.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      presence.setCursor({ x: Math.round(p.x), y: Math.round(p.y) });
    },
    [rf, presence],
  );

  return (
    <div
      ref={wrapper}
      // Focusable, so focus has a place on the board when its card is gone, and shortcuts work from here.
      tabIndex={-1}
      className="mk-canvas"
      onDoubleClick={onDoubleClick}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes(PALETTE_MIME)) {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
        }
      }}
      onDrop={onDrop}
      onPointerMove={onPointerMove}
      onPointerLeave={() => presence.setCursor(null)}
      data-testid="canvas"
    >
      <ReactFlow<CardNode, LinkEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        onNodeDrag={onNodeDrag}
        onNodeDragStop={onNodeDragStop}
        connectionMode={ConnectionMode.Loose}
        connectionRadius={36}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        elementsSelectable
        deleteKeyCode={null}
        zoomOnDoubleClick={false}
        zoomOnScroll={false}
        onlyRenderVisibleElements
        minZoom={MIN_ZOOM}
        maxZoom={MAX_ZOOM}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Control', 'Meta']}
        proOptions={{ hideAttribution: true }}
        ariaLabelConfig={{
          'node.a11yDescription.default': t('a11yNode'),
          'node.a11yDescription.keyboardDisabled': t('a11yNode'),
          'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }: { direction: string; x: number; y: number }) =>
            t('a11yMoved', { direction: t(DIRECTION_KEYS[direction] ?? 'dirRight'), x: Math.round(x), y: Math.round(y) }),
          'edge.a11yDescription.default': t('a11yEdge'),
          'controls.ariaLabel': t('a11yControls'),
          'controls.zoomIn.ariaLabel': t('a11yZoomIn'),
          'controls.zoomOut.ariaLabel': t('a11yZoomOut'),
          'controls.fitView.ariaLabel': t('fit'),
          'controls.interactive.ariaLabel': t('a11yInteractive'),
          'minimap.ariaLabel': t('minimap'),
          'handle.ariaLabel': t('a11yHandle'),
        }}
      >
        <ZoomLevel target={wrapper} />
        <Bands />
        <Background variant={BackgroundVariant.Dots} gap={24} size={1} color="#c9ced6" />
        <ErrorBoundary area="errorAreaCursors">
          <Cursors />
        </ErrorBoundary>
        <ParkingArea />
        <OverviewMap />
        <Controls showInteractive={false} />
      </ReactFlow>
      {nodes.length === 0 && loaded && !readOnly && <div className="mk-empty-hint">{t('emptyBoard')}</div>}
      {picking && (
        <LinkPicker
          source={picking}
          onCancel={() => setPicking(null)}
          onPick={(target) => {
            const source = picking;
            setPicking(null);
            const r = document.querySelector(`.react-flow__node[data-id="${CSS.escape(target)}"]`)?.getBoundingClientRect();
            tryLink(source, target, r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : { x: 200, y: 200 });
          }}
        />
      )}
      {pendingLink && (
        <LinkKindMenu
          pending={pendingLink}
          onChoose={(kind) => {
            actions.linkCards(pendingLink.source, pendingLink.target, kind);
            setPendingLink(null);
            refocus(pendingLink.source);
          }}
          onCancel={() => {
            setPendingLink(null);
            refocus(pendingLink.source);
          }}
        />
      )}
      {confirm && (
        <ConfirmDelete
          cards={confirm.nodeIds.length}
          links={confirm.links}
          onConfirm={() => {
            const next = nearestOther(store, confirm.nodeIds);
            actions.deleteLinks(confirm.edgeIds);
            actions.deleteCards(confirm.nodeIds);
            setConfirm(null);
            // The dialog hands focus back to the deleted card; the nearest remaining card takes it instead.
            setTimeout(() => refocus(next), 0);
          }}
          onCancel={() => setConfirm(null)}
        />
      )}
    </div>
  );
}

export { focusCard };
