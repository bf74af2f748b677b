// What the workshop's components share: its store, its actions, who I am, and the local view
// state (open panel, following the facilitator, presenting, brainstorm entry).
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Identity } from './identity';
import type { WorkshopStore, CardMarks } from './workshopStore';
import type { WorkshopActions } from './workshopActions';
import type { Notify } from '../ui/Toasts';
import type { AgreeingSide } from '../../shared';

export type PanelName = 'people' | 'agreement' | 'votes' | 'comments' | 'brainstorm';

export interface WorkshopContextValue {
  ws: WorkshopStore;
  wa: WorkshopActions;
  me: Identity;
  canEdit: boolean;
  isFacilitator: boolean;
  notify: Notify;
  panel: PanelName | null;
  setPanel(p: PanelName | null): void;
  following: boolean;
  setFollowing(on: boolean): void;
  presenting: boolean;
  setPresenting(on: boolean): void;
  /** Opens the comments of a card or link in the inspector. */
  openComments(targetId: string, targetType: 'node' | 'edge'): void;
  /** The side this board link is bound to (#16): only then can «Enig» be given, for that side. */
  boundSide: AgreeingSide | undefined;
  /** The connection is up, so the server can record agreements and ballots. */
  online: boolean;
}

export const WorkshopContext = createContext<WorkshopContextValue | null>(null);

/** What every card and link reads: changes only with identity or role, not with panels or following. */
export type WorkshopCore = Pick<WorkshopContextValue, 'ws' | 'wa' | 'me' | 'canEdit' | 'openComments' | 'boundSide' | 'online'>;
export const WorkshopCoreContext = createContext<WorkshopCore | null>(null);

export function useWorkshop(): WorkshopContextValue {
  const ctx = useContext(WorkshopContext);
  if (!ctx) throw new Error('useWorkshop outside a workshop');
  return ctx;
}

/** Re-renders on every change to the workshop's maps (for panels; cards use useCardMarks). */
export function useWorkshopVersion(): number {
  const { ws } = useWorkshop();
  return useSyncExternalStore(ws.subscribe, ws.getVersion);
}

const NO_MARKS: CardMarks = { openThreads: 0 };
const noop = () => () => undefined;

/** The workshop marks of one card; a card outside a workshop (tests, previews) gets none. */
export function useCardMarks(id: string): CardMarks {
  const ctx = useContext(WorkshopCoreContext);
  return useSyncExternalStore(ctx ? ctx.ws.subscribe : noop, ctx ? () => ctx.ws.cardMarks(id) : () => NO_MARKS);
}
