// Sets the workshop up inside a live board: its store over the document, its actions, who I am,
// follow-me, presentation mode, and the test probes. Components below read it with useWorkshop().
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import type { Localized } from '../../shared';
import { useI18n } from '../i18n/I18nProvider';
import { useBoardContext } from '../board/BoardContext';
import { testProbes } from '../board/testHook';
import type { Notify } from '../ui/Toasts';
import { getIdentity, useIdentity } from './identity';
import { WorkshopStore } from './workshopStore';
import { WorkshopActions } from './workshopActions';
import { WorkshopContext, WorkshopCoreContext, type PanelName, type WorkshopContextValue, type WorkshopCore } from './WorkshopContext';
import { useFollowMe } from './useFollowMe';
import { usePresentationMode } from './usePresentationMode';
import './workshop.css';
import { syncServerClock } from './serverClock';
import { useMentionNotices } from './useMentionNotices';
import { ServerRecords, type ServerLink } from './serverRecords';

export function WorkshopProvider({ notify, server, children }: { notify: Notify; server: ServerLink; children: ReactNode }) {
  const { actions, presence, readOnly, store } = useBoardContext();
  const { pick } = useI18n();
  const rf = useReactFlow();
  const rfStore = useStoreApi();
  const me = useIdentity();
  const pickRef = useRef(pick);
  pickRef.current = pick;
  const ws = useMemo(() => new WorkshopStore(actions.doc, getIdentity), [actions.doc]);
  useEffect(() => () => ws.destroy(), [ws]);
  useEffect(() => void syncServerClock(), []);
  // The server link changes only with the board or the link; whether it is online is read when asked.
  const serverRef = useRef(server);
  serverRef.current = server;
  const records = useMemo(
    () => new ServerRecords({ boardId: server.boardId, token: server.token, ...(server.side ? { side: server.side } : {}), online: () => serverRef.current.online() }),
    [server.boardId, server.token, server.side],
  );
  const wa = useMemo(
    () =>
      new WorkshopActions(actions.doc, actions.origin, readOnly, getIdentity, (m: Localized) => notify(pickRef.current(m), 'error'), records, (voteId, dots) =>
        ws.setMyDots(voteId, dots),
      ),
    [actions.doc, actions.origin, readOnly, notify, records, ws],
  );
  // After a reload my ballot in an open vote comes back from the server (the board holds none).
  const openVoteId = useSyncExternalStore(ws.subscribe, () => ws.openVote()?.id ?? null);
  useEffect(() => {
    if (!openVoteId || readOnly) return;
    let live = true;
    void records.myDots(openVoteId).then((dots) => live && Object.keys(dots).length > 0 && ws.setMyDots(openVoteId, dots));
    return () => {
      live = false;
    };
  }, [openVoteId, readOnly, records, ws]);
  useEffect(() => ws.touch(), [ws, me]);

  // A primitive: the provider re-renders when the facilitator changes, not on every workshop change.
  const facilitatorId = useSyncExternalStore(ws.subscribe, () => ws.facilitator()?.participantId ?? null);
  const isFacilitator = facilitatorId === me.participantId;

  const [panel, setPanel] = useState<PanelName | null>(null);
  const [following, setFollowing] = useState(true);
  const [presenting, setPresenting] = useState(false);
  // Someone newly made facilitator starts everyone following afresh.
  useEffect(() => setFollowing(true), [facilitatorId]);

  useFollowMe({ ws, presence, participantId: me.participantId, facilitatorId, following, setFollowing });
  usePresentationMode(presenting, setPresenting);
  useMentionNotices(ws, store, me.participantId, notify);

  const openComments = useCallback(
    (targetId: string, targetType: 'node' | 'edge') => {
      if (targetType === 'node') store.select([targetId]);
      else store.select([], [targetId]);
      requestAnimationFrame(() => document.querySelector<HTMLElement>('#mk-comments')?.scrollIntoView({ block: 'nearest' }));
    },
    [store],
  );

  // Test probes: the viewport and what this tab knows of the workshop (an open vote's counts never).
  const state = useRef({ following, presenting, facilitatorId });
  state.current = { following, presenting, facilitatorId };
  useEffect(() => {
    testProbes.viewport = () => {
      const { width, height } = rfStore.getState();
      return { ...rf.getViewport(), width, height };
    };
    testProbes.workshop = () => {
      const open = ws.openVote();
      return {
        ...state.current,
        openVote: open ? { id: open.id, title: open.title, targetIds: open.targetIds, dots: open.dots, mine: ws.myDots(open.id) } : null,
        shownResults: ws.shownResultsVote()?.id ?? null,
      };
    };
    return () => {
      delete testProbes.viewport;
      delete testProbes.workshop;
    };
  }, [rf, rfStore, ws]);

  const value = useMemo<WorkshopContextValue>(
    () => ({
      ws, wa, me, canEdit: !readOnly, isFacilitator, notify, panel, setPanel, following, setFollowing, presenting, setPresenting, openComments,
      boundSide: server.side, online: server.online(),
    }),
    [ws, wa, me, readOnly, isFacilitator, notify, panel, following, presenting, openComments, server],
  );
  const online = server.online();
  const core = useMemo<WorkshopCore>(
    () => ({ ws, wa, me, canEdit: !readOnly, openComments, boundSide: server.side, online }),
    [ws, wa, me, readOnly, openComments, server.side, online],
  );
  return (
    <WorkshopCoreContext.Provider value={core}>
      <WorkshopContext.Provider value={value}>{children}</WorkshopContext.Provider>
    </WorkshopCoreContext.Provider>
  );
}
