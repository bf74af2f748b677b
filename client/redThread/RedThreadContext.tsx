// Which card's rød tråd is shown (#20 §1), and the thread itself, recomputed as the board changes.
// The canvas highlights its cards and links and dims the rest (BoardStore.setThread); the side panel
// and the outline list it. Local to this tab: showing a thread never touches the document.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { redThread, type RedThread } from '../../shared';
import { useBoardContext } from '../board/BoardContext';

export interface RedThreadState {
  thread: RedThread | null;
  show(id: string): void;
  hide(): void;
  /** Shows the card's thread, or hides it when it is the one shown. */
  toggle(id: string): void;
}

const RedThreadContext = createContext<RedThreadState | null>(null);

export function RedThreadProvider({ children }: { children: ReactNode }) {
  const { store } = useBoardContext();
  const version = useSyncExternalStore(store.subscribeGraph, store.getGraphVersion);
  const [startId, setStartId] = useState<string | null>(null);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const thread = useMemo(() => (startId ? redThread(store.projection.graph(), startId) : null), [store, startId, version]);
  // The card was deleted (here or by someone else): nothing to show.
  useEffect(() => {
    if (startId && !thread) setStartId(null);
  }, [startId, thread]);
  useEffect(() => {
    store.setThread(thread ? { nodes: thread.nodeIds, edges: thread.edgeIds } : null);
  }, [store, thread]);
  useEffect(() => () => store.setThread(null), [store]);
  const show = useCallback((id: string) => setStartId(id), []);
  const hide = useCallback(() => setStartId(null), []);
  const toggle = useCallback((id: string) => setStartId((cur) => (cur === id ? null : id)), []);
  const value = useMemo<RedThreadState>(() => ({ thread, show, hide, toggle }), [thread, show, hide, toggle]);
  return <RedThreadContext.Provider value={value}>{children}</RedThreadContext.Provider>;
}

export function useRedThread(): RedThreadState | null {
  return useContext(RedThreadContext);
}
