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

export function WorkshopProvider({ notify, children }: { notify: Notify; children: ReactNode }) {
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
  const wa = useMemo(
    () => new WorkshopActions(actions.doc, actions.origin, readOnly, getIdentity, (m: Localized) => notify(pickRef.current(m), 'error')),
    [actions.doc, actions.origin, readOnly, notify],
  );
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
    }),
    [ws, wa, me, readOnly, isFacilitator, notify, panel, following, presenting, openComments],
  );
  const core = useMemo<WorkshopCore>(() => ({ ws, wa, me, canEdit: !readOnly, openComments }), [ws, wa, me, readOnly, openComments]);
  return (
    <WorkshopCoreContext.Provider value={core}>
      <WorkshopContext.Provider value={value}>{children}</WorkshopContext.Provider>
    </WorkshopCoreContext.Provider>
  );
}
