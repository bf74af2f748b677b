// Who last wrote a key of a Y.Map: Yjs keeps the writer's client id on the item that holds the
// value, and a person's awareness state is keyed by the same id, so presence gives the name.
import type * as Y from 'yjs';
import type { Presence } from '../presence';

interface MapItem {
  id: { client: number };
  deleted: boolean;
}

export function lastWriterId(ymap: Y.Map<unknown> | undefined, key: string): number | null {
  // `_map` is Yjs's key → item table (the same one Y.Map.get reads).
  const item = (ymap as unknown as { _map?: Map<string, MapItem> } | undefined)?._map?.get(key);
  return item && !item.deleted ? item.id.client : null;
}

export interface Writer {
  /** This tab wrote it (its own edit coming back, perhaps formatted: "12,5" stored as 12.5). */
  self: boolean;
  /** The other person's name, if they are here. */
  name: string | null;
}

/** Who last wrote `key`; `null` when it cannot be told (the key was removed). */
export function lastWriter(ymap: Y.Map<unknown> | undefined, key: string, presence: Presence): Writer | null {
  const id = lastWriterId(ymap, key);
  if (id === null || !ymap) return null;
  if (id === ymap.doc?.clientID) return { self: true, name: null };
  return { self: false, name: presence.peers().find((p) => p.clientId === id && !p.self)?.name ?? null };
}
