// The people on the board, for cursors, the top bar and the workshop panels.
import { useSyncExternalStore } from 'react';
import { useBoardContext } from '../board/BoardContext';
import type { Peer, Presence } from '../board/presence';

// One list per presence, read again once per awareness change however many components show it.
// Its invalidating listener is added on first read, before any component subscribes, so it runs first.
const peerCache = new WeakMap<Presence, Peer[] | null>();

function peersOf(presence: Presence): Peer[] {
  if (!peerCache.has(presence)) presence.subscribe(() => peerCache.set(presence, null));
  const cached = peerCache.get(presence);
  if (cached) return cached;
  const peers = presence.peers();
  peerCache.set(presence, peers);
  return peers;
}

/** The people on the board (self first), re-read when awareness changes. */
export function usePeers(): Peer[] {
  const { presence } = useBoardContext();
  return useSyncExternalStore(
    (fn) => presence.subscribe(fn),
    () => peersOf(presence),
  );
}
