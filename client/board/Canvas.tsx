// The React Flow canvas bound to the store: renders cards and links, turns gestures into board
// actions (move, link, create, delete), and shows presence. Selection, measured sizes and the
// in-flight drag stay local or in awareness; only the finished move is written to the document.
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import {
  Background, BackgroundVariant, ConnectionMode, Controls, ReactFlow, useReactFlow,
  type Connection, type EdgeChange, type NodeChange,
} from '@xyflow/react';
import type * as Y from 'yjs';
import { NODE_KINDS, isOneOf, type EdgeKind, type NodeKind, type Position } from '../../shared';
import { useI18n } from '../i18n/I18nProvider';
import type { StringKey } from '../i18n/strings';
import { useBoardContext } from './BoardContext';
import type { CardNode, LinkEdge } from './cardTypes';
import { nodeTypes } from './nodes/nodeTypes';
import { edgeTypes } from './edges/KindEdge';
import { Bands } from './Bands';
import { Cursors } from './Cursors';
import { ErrorBoundary } from './ErrorBoundary';
import { usePresenceSync } from './usePresenceSync';
import { linkChoice } from './linkChoice';
import { LinkKindMenu } from './LinkKindMenu';
import { ConfirmDelete } from './ConfirmDelete';
import { useBoardShortcuts } from './useBoardShortcuts';
import { newCardTitle } from './newCardTitle';
import { OverviewMap } from './OverviewMap';
import type { Notify } from './Toasts';
import { CARD_WIDTH } from './bands';
import { focusCard } from './focusCard';
import { ParkingArea } from '../workshop/ParkingArea';
import { useAriaNames } from './nodes/useAriaNames';

export const PALETTE_MIME = 'application/x-malkart-kind';
/** Above this many cards the board opens on one corner rather than fitted whole. */
const LARGE_BOARD = 400;
/** React Flow names the direction of a keyboard move in English; we say it in the UI language. */
const DIRECTIONS: Record<string, StringKey> = { up: 'dirUp', down: 'dirDown', left: 'dirLeft', right: 'dirRight' };

interface Props {
  paletteKind: NodeKind;
  undo: Y.UndoManager | null;
  loaded: boolean;
  onHelp(): void;
  notify: Notify;
}

export interface PendingLink {
  source: string;
  target: string;
  kinds: EdgeKind[];
  at: { x: number; y: number };
}

export function Canvas({ paletteKind, undo, loaded, onHelp, notify }: Props) {
  const { t, lang } = useI18n();
  const { store, actions, presence, readOnly } = useBoardContext();
  const rf = useReactFlow<CardNode, LinkEdge>();
  const nodes = useSyncExternalStore(store.subscribe, store.getNodes);
  const edges = useSyncExternalStore(store.subscribe, store.getEdges);
  const wrapper = useRef<HTMLDivElement>(null);
  const [pendingLink, setPendingLink] = useState<PendingLink | null>(null);
  const [linkFrom, setLinkFrom] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<{ nodeIds: string[]; edgeIds: string[]; links: number } | null>(null);
  const lastPointer = useRef<{ x: number; y: number } | null>(null);

  usePresenceSync();
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
      if (choice.kinds.length === 1) actions.linkCards(source, target, choice.kinds[0]!);
      else setPendingLink({ source, target, kinds: choice.kinds, at });
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

  // Selection lives in the store (never in the document): tell the others, and finish a link
  // started with L (the target chosen by click or by Tab + Enter).
  useEffect(() => {
    const ids = nodes.filter((n) => n.selected).map((n) => n.id).sort();
    presence.setSelection(ids);
    if (linkFrom && ids.length === 1 && ids[0] !== linkFrom) {
      const target = ids[0]!;
      const el = document.querySelector(`.react-flow__node[data-id="${CSS.escape(target)}"]`);
      const r = el?.getBoundingClientRect();
      setLinkFrom(null);
      tryLink(linkFrom, target, r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : { x: 200, y: 200 });
    }
  }, [nodes, presence, linkFrom, tryLink]);

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

  const createAt = useCallback(
    (kind: NodeKind, flowPos: Position) => {
      const id = actions.createCard(kind, { x: flowPos.x - CARD_WIDTH / 2, y: flowPos.y - 40 }, newCardTitle(kind, lang));
      if (id) {
        store.flush();
        store.select([id]);
        requestAnimationFrame(() => document.querySelector<HTMLInputElement>('#mk-field-title')?.select());
      }
      return id;
    },
    [actions, store, lang],
  );

  const onDoubleClick = useCallback(
    (e: React.MouseEvent) => {
      if (readOnly) return;
      const target = e.target as HTMLElement;
      if (!target.classList.contains('react-flow__pane')) return;
      createAt(paletteKind, rf.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
    },
    [readOnly, createAt, paletteKind, rf],
  );

  const onDrop = useCallback(
    (e: React.DragEvent) => {
      const kind = e.dataTransfer.getData(PALETTE_MIME);
      if (readOnly || !isOneOf(NODE_KINDS, kind)) return;
      e.preventDefault();
      createAt(kind, rf.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
    },
    [readOnly, createAt, rf],
  );

  const requestDelete = useCallback(() => {
    if (readOnly) return;
    const nodeIds = store.selectedNodeIds();
    const edgeIds = store.selectedEdgeIds();
    if (!nodeIds.length && !edgeIds.length) return;
    const links = actions.linkCount(nodeIds);
    if (links > 0) setConfirm({ nodeIds, edgeIds, links });
    else {
      actions.deleteLinks(edgeIds);
      actions.deleteCards(nodeIds);
    }
  }, [store, actions, readOnly]);

  useBoardShortcuts({
    undo,
    requestDelete,
    onHelp,
    notify,
    startLink: () => {
      const sel = store.selectedNodeIds();
      if (sel.length === 1 && !readOnly) setLinkFrom(sel[0]!);
    },
    cancel: () => {
      if (linkFrom) setLinkFrom(null);
      else store.select([]);
    },
    createHere: () => {
      const r = wrapper.current?.getBoundingClientRect();
      if (!r) return;
      createAt(paletteKind, rf.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 }));
    },
  });

  useEffect(() => {
    const on = (e: Event) => {
      const id = (e as CustomEvent<string>).detail;
      const sel = store.selectedNodeIds();
      if (!readOnly && id && sel.length === 1) setLinkFrom(sel[0]!);
    };
    window.addEventListener('malkart:start-link', on);
    return () => window.removeEventListener('malkart:start-link', on);
  }, [store, readOnly]);

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
      className={`mk-canvas${linkFrom ? ' is-linking' : ''}`}
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
        onNodeDrag={onNodeDrag}
        onNodeDragStop={onNodeDragStop}
        connectionMode={ConnectionMode.Loose}
        connectionRadius={36}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        elementsSelectable
        deleteKeyCode={null}
        zoomOnDoubleClick={false}
        onlyRenderVisibleElements
        minZoom={0.05}
        maxZoom={2}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Control', 'Meta']}
        proOptions={{ hideAttribution: true }}
        ariaLabelConfig={{
          'node.a11yDescription.default': t('a11yNode'),
          'node.a11yDescription.keyboardDisabled': t('a11yNode'),
          'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }: { direction: string; x: number; y: number }) =>
            t('a11yMoved', { direction: t(DIRECTIONS[direction] ?? 'dirUp'), x: Math.round(x), y: Math.round(y) }),
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
      {linkFrom && <div className="mk-link-banner" role="status">{t('linkModeHint')}</div>}
      {pendingLink && (
        <LinkKindMenu
          pending={pendingLink}
          onChoose={(kind) => {
            actions.linkCards(pendingLink.source, pendingLink.target, kind);
            setPendingLink(null);
          }}
          onCancel={() => setPendingLink(null)}
        />
      )}
      {confirm && (
        <ConfirmDelete
          cards={confirm.nodeIds.length}
          links={confirm.links}
          onConfirm={() => {
            actions.deleteLinks(confirm.edgeIds);
            actions.deleteCards(confirm.nodeIds);
            setConfirm(null);
          }}
          onCancel={() => setConfirm(null)}
        />
      )}
    </div>
  );
}

export { focusCard };
