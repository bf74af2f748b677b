// Test helpers for shared/workshop: a small board and replicas that exchange their updates.
import * as Y from 'yjs';
import { createNode, link } from '../operations';

export const ORIGIN = { user: 'test' };
export const STAT = { participantId: 'p-stat', name: 'Siri Stat' };
export const KOMMUNE = { participantId: 'p-kom', name: 'Kari Kommune' };
export const GUEST = { participantId: 'p-guest', name: 'Gunnar Gjest' };
export const FACILITATOR = { participantId: 'p-fac', name: 'Frida Fasilitator' };
export const T0 = '2025-03-12T09:00:00.000Z';
export const T1 = '2025-03-12T09:05:00.000Z';
export const T2 = '2025-03-12T09:10:00.000Z';

/** Goals G1, G2, G3, an indicator I1, a measure M1, a note N1 and a link G1 → I1. */
export function workshopBoard(): Y.Doc {
  const doc = new Y.Doc();
  const mk = (id: string, kind: 'goal' | 'indicator' | 'measure' | 'note', title: string) => {
    const r = createNode(doc, { id, kind, tier: 'nav_local', title, position: { x: 0, y: 0 } }, ORIGIN);
    if (!r.ok) throw new Error(r.message.en);
  };
  mk('G1', 'goal', 'Flere unge i arbeid');
  mk('G2', 'goal', 'Færre i lavinntekt');
  mk('G3', 'goal', 'Bedre oppfølging');
  mk('I1', 'indicator', 'Andel unge i arbeid');
  mk('M1', 'measure', 'Jobbspesialister');
  mk('N1', 'note', 'En lapp');
  const e = link(doc, { id: 'E1', kind: 'measuredBy', source: 'G1', target: 'I1' }, ORIGIN);
  if (!e.ok) throw new Error(e.message.en);
  return doc;
}

/** A second replica holding what `doc` holds now. */
export function replicaOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** Exchanges all updates both ways, as after a reconnect. */
export function sync(...docs: Y.Doc[]): void {
  for (const a of docs) for (const b of docs) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}
