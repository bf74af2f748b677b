// Puts one live board together: connection, store, presence, actions and undo, then the layout
// (top bar, toolbar, canvas, side panels). Each part lives in its own module.
import { rememberTitle } from '../landing/recentBoards';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import type * as Y from 'yjs';
import type { AgreeingSide, Localized, NodeKind } from '../../shared';
import { useI18n } from '../i18n/I18nProvider';
import type { Role } from '../api';
import { useBoardConnection } from './useBoardConnection';
import { CLOSE_DELETED, CLOSE_REVOKED } from './ticketSocket';
import { CLOSE } from '../../shared';
import { BoardStore } from './boardStore';
import { BoardActions } from './boardActions';
import { Presence, colorFor } from './presence';
import { createUndoManager } from './undo';
import { BoardContext, type BoardContextValue } from './BoardContext';
import { TopBar } from './TopBar';
import { Toolbar } from './Toolbar';
import { Canvas } from './Canvas';
import { SidePanel } from './panels/SidePanel';
import { BoardAnalysis } from './useBoardAnalysis';
import { HelpDialog } from './HelpDialog';
import { SnapshotsDialog } from './SnapshotsDialog';
import { Toasts, useToasts } from '../ui/Toasts';
import { installTestHook } from './testHook';
import { useUndoState } from './useUndoState';
import { useSnapshotView } from '../snapshots/useSnapshotView';
import { SnapshotBanner } from '../snapshots/SnapshotBanner';
import { ComparePanel } from '../snapshots/ComparePanel';
import { takeSnapshotOpener } from '../snapshots/showSnapshot';
import { WorkshopProvider } from '../workshop/WorkshopProvider';
import { WorkshopBar } from '../workshop/WorkshopBar';
import { MeetingStart } from '../workshop/MeetingStart';
import { WorkshopDrawer } from '../workshop/WorkshopDrawer';
import { useIdentity } from '../workshop/identity';
import { OutlineView } from '../outline/OutlineView';
import { RemoteAnnouncer } from '../outline/RemoteAnnouncer';
import { RedThreadProvider } from '../redThread/RedThreadContext';
import { ContentLangProvider } from './contentLang';

interface Props {
  boardId: string;
  token: string;
  role: Role;
  /** The side the link is bound to (a stat or kommune link, #16). */
  side?: AgreeingSide | undefined;
  name: string;
  initialTitle: string;
  /** The server closed the board for good: deleted (4404) or this link rotated (4403). */
  onGone?(reason: 'deleted' | 'revoked' | 'removed' | 'signedOut'): void;
  /** The owner changed this member's role or side (4010): the page asks the server for them again. */
  onMemberChanged?(): void;
}

export function BoardView(props: Props) {
  const conn = useBoardConnection(props.boardId, props.token);
  const { t } = useI18n();
  const closeCode = conn?.closeCode;
  const onGoneRef = useRef(props.onGone);
  onGoneRef.current = props.onGone;
  useEffect(() => {
    if (closeCode === CLOSE_DELETED) onGoneRef.current?.('deleted');
    else if (closeCode === CLOSE_REVOKED) onGoneRef.current?.('revoked');
    else if (closeCode === CLOSE.memberRemoved.code) onGoneRef.current?.('removed');
    else if (closeCode === CLOSE.signedOut.code) onGoneRef.current?.('signedOut');
  }, [closeCode]);
  const onMemberChangedRef = useRef(props.onMemberChanged);
  onMemberChangedRef.current = props.onMemberChanged;
  const memberChanges = conn?.memberChanges ?? 0;
  useEffect(() => {
    if (memberChanges > 0) onMemberChangedRef.current?.();
  }, [memberChanges]);
  if (!conn) return <div className="mk-center-page">{t('loading')}</div>;
  return <LiveBoard {...props} conn={conn} />;
}

function LiveBoard({ boardId, token, role, side, name, initialTitle, conn }: Props & { conn: NonNullable<ReturnType<typeof useBoardConnection>> }) {
  const { pick } = useI18n();
  const { doc, awareness } = conn;
  // A closed connection (the link's token rotated, the board deleted) will never sync again: from
  // then on the board is read-only, and the inspector refreshes to say so rather than take edits that go nowhere.
  const accessLost = conn.state === 'closed';
  const readOnly = role === 'viewer' || accessLost;
  const toasts = useToasts();
  const pickRef = useRef(pick);
  pickRef.current = pick;
  const origin = useMemo(() => ({ local: true, clientID: doc.clientID }), [doc]);
  const store = useMemo(() => new BoardStore(doc), [doc]);
  const presence = useMemo(() => new Presence(awareness), [awareness]);
  const actions = useMemo(
    () => new BoardActions(doc, origin, readOnly, (m: Localized) => toasts.push(pickRef.current(m), 'error')),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [doc, origin, readOnly],
  );
  useEffect(() => () => store.destroy(), [store]);

  // Undo only after the first sync, so loading the board is never an undoable step.
  const [undo, setUndo] = useState<Y.UndoManager | null>(null);
  useEffect(() => {
    if (!conn.loaded || readOnly || undo) return;
    const um = createUndoManager(store.maps, origin);
    actions.undoManager = um;
    setUndo(um);
  }, [conn.loaded, readOnly, undo, store, origin, actions]);
  useEffect(() => () => undo?.destroy(), [undo]);
  const undoState = useUndoState(undo);

  const me = useIdentity();
  useEffect(() => {
    presence.setUser(name, colorFor(`${name}|${doc.clientID}`), role, { side: me.side, participantId: me.participantId });
  }, [presence, name, role, doc, me]);

  const connRef = useRef(conn);
  connRef.current = conn;
  const online = conn.state === 'online';
  // What the workshop needs to have the server write agreements and ballots (#16).
  const server = useMemo(() => ({ boardId, token, ...(side ? { side } : {}), online: () => online }), [boardId, token, side, online]);

  const title = useSyncExternalStore(store.subscribeMeta, () => String(store.maps.meta.get('title') ?? '')) || initialTitle;
  useEffect(() => {
    document.title = title ? `${title} – Målkart` : 'Målkart';
    // The recent-boards list shows the title the board has (the page opens without asking for it).
    rememberTitle(boardId, title);
  }, [title, boardId]);

  const [paletteKind, setPaletteKind] = useState<NodeKind>('goal');
  const [helpOpen, setHelpOpen] = useState(false);
  const [snapshotsOpen, setSnapshotsOpen] = useState(false);
  const [outline, setOutline] = useState<'off' | 'beside' | 'only'>('off');
  const ctx = useMemo<BoardContextValue>(() => ({ store, actions, presence, role, readOnly, accessLost }), [store, actions, presence, role, readOnly, accessLost]);
  // A snapshot named in the URL replaces the live board on the canvas, read-only (client/snapshots/).
  const snap = useSnapshotView(boardId, token, ctx);
  const shown = snap.status === 'ready' ? snap.ctx : ctx;
  const snapRef = useRef(snap);
  snapRef.current = snap;
  // Back on the live board from a snapshot: focus returns to the control that opened it.
  const wasSnapshot = useRef(false);
  useEffect(() => {
    const isSnapshot = snap.status !== 'off';
    if (wasSnapshot.current && !isSnapshot) {
      const opener = takeSnapshotOpener();
      if (opener) document.querySelector<HTMLElement>(opener)?.focus();
    }
    wasSnapshot.current = isSnapshot;
  }, [snap.status]);
  useEffect(
    () => installTestHook({ store: shown.store, presence, role, state: () => connRef.current.state, snapshot: () => snapRef.current }),
    [shown.store, presence, role],
  );

  return (
    <BoardContext.Provider value={shown}>
      <ReactFlowProvider key={snap.status === 'ready' ? `${snap.route.sid}|${snap.route.mode}|${snap.asOf.getTime()}` : 'live'}>
        <BoardAnalysis>
        <ContentLangProvider store={shown.store}>
        <RedThreadProvider>
        <WorkshopProvider notify={toasts.push} server={server}>
        <div className="mk-board" data-role={role} data-snapshot={snap.status === 'off' ? undefined : snap.route.mode}>
          <ErrorBoundary area="errorAreaTopBar">
            <TopBar title={title} state={conn.state} onHelp={() => setHelpOpen(true)} onSnapshots={() => setSnapshotsOpen(true)} boardId={boardId} token={token} outlineOpen={outline !== 'off'} onOutline={() => setOutline(outline === 'off' ? 'beside' : 'off')} />
          </ErrorBoundary>
          {snap.status === 'off' ? (
            <>
              <ErrorBoundary area="errorAreaToolbar">
                <Toolbar paletteKind={paletteKind} setPaletteKind={setPaletteKind} undo={undo} undoState={undoState} notify={toasts.push} />
              </ErrorBoundary>
              <ErrorBoundary area="errorAreaWorkshop">
                <WorkshopBar meeting={<MeetingStart boardId={boardId} token={token} />} />
              </ErrorBoundary>
            </>
          ) : (
            <SnapshotBanner view={snap} boardId={boardId} token={token} name={name} role={role} notify={toasts.push} />
          )}
          <main className={`mk-board-body${outline === 'off' ? '' : ' has-outline'}${outline === 'only' ? ' is-outline-only' : ''}`}>
            {outline !== 'off' && <OutlineView only={outline === 'only'} setOnly={(on) => setOutline(on ? 'only' : 'beside')} onClose={() => setOutline('off')} />}
            {snap.status === 'off' || snap.status === 'ready' ? (
              <ErrorBoundary area="errorAreaCanvas">
                <Canvas
                  paletteKind={paletteKind}
                  undo={snap.status === 'off' ? undo : null}
                  loaded={snap.status === 'ready' || conn.loaded}
                  onHelp={() => setHelpOpen(true)}
                  notify={toasts.push}
                />
              </ErrorBoundary>
            ) : (
              <div className="mk-canvas" />
            )}
            <ErrorBoundary area="errorAreaPanel">
              {snap.status === 'ready' && snap.diff && snap.now ? <ComparePanel diff={snap.diff} now={snap.now} /> : <SidePanel />}
            </ErrorBoundary>
            {snap.status === 'off' && (
              <ErrorBoundary area="errorAreaWorkshop">
                <WorkshopDrawer />
              </ErrorBoundary>
            )}
          </main>
          {conn.loaded && snap.status === 'off' && <RemoteAnnouncer />}
          {helpOpen && <HelpDialog onClose={() => setHelpOpen(false)} />}
          {snapshotsOpen && <SnapshotsDialog boardId={boardId} token={token} name={name} role={role} notify={toasts.push} onClose={() => setSnapshotsOpen(false)} />}
          <Toasts toasts={toasts.list} dismiss={toasts.dismiss} />
        </div>
        </WorkshopProvider>
        </RedThreadProvider>
        </ContentLangProvider>
        </BoardAnalysis>
      </ReactFlowProvider>
    </BoardContext.Provider>
  );
}
