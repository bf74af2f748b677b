// Feeds other people's presence into the store: a ring on cards they have selected, and the live
// position of cards they are dragging.
import { useEffect } from 'react';
import type { Position } from '../../shared';
import { useBoardContext } from './BoardContext';

export function usePresenceSync(): void {
  const { presence, store } = useBoardContext();
  useEffect(() => {
    const update = () => {
      const rings = new Map<string, { color: string; name: string }>();
      const drags = new Map<string, Position>();
      for (const p of presence.peers()) {
        if (p.self) continue;
        for (const id of p.sel ?? []) if (!rings.has(id)) rings.set(id, { color: p.color, name: p.name });
        // A viewer cannot move cards: a drag from one would show a move that never happens.
        if (p.role !== 'viewer') for (const [id, pos] of Object.entries(p.drag ?? {})) drags.set(id, pos);
      }
      store.setRings(rings);
      store.setRemoteDrag(drags);
    };
    update();
    return presence.subscribe(update);
  }, [presence, store]);
}
