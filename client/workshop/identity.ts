// Who this browser is in a workshop: a stable random participantId (made once), a display name
// and a side. Kept in localStorage, not in the board; a small store so the name and side can be
// changed at any time and every part of the page follows.
import { useSyncExternalStore } from 'react';
import { SIDES, isOneOf, newId, type Side } from '../../shared';

const NAME_KEY = 'malkart.name';
const SIDE_KEY = 'malkart.side';
const ID_KEY = 'malkart.participantId';

export interface Identity {
  participantId: string;
  name: string;
  /** null until the person has chosen one. */
  side: Side | null;
}

function read(key: string): string {
  try {
    return localStorage.getItem(key) ?? '';
  } catch {
    return '';
  }
}
function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* storage may be blocked: the identity then lasts for this page only */
  }
}

function load(): Identity {
  let participantId = read(ID_KEY);
  if (!participantId) {
    participantId = newId('p');
    write(ID_KEY, participantId);
  }
  const side = read(SIDE_KEY);
  return { participantId, name: read(NAME_KEY).trim(), side: isOneOf(SIDES, side) ? side : null };
}

let current: Identity | null = null;
const listeners = new Set<() => void>();

export function getIdentity(): Identity {
  current ??= load();
  return current;
}

export function saveIdentity(name: string, side: Side): void {
  const v = name.trim();
  if (!v) return;
  write(NAME_KEY, v);
  write(SIDE_KEY, side);
  current = { ...getIdentity(), name: v, side };
  for (const fn of listeners) fn();
}

/** True once both the name and the side have been chosen. */
export const isComplete = (id: Identity): id is Identity & { side: Side } => !!id.name && !!id.side;

export function useIdentity(): Identity {
  return useSyncExternalStore(
    (fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    getIdentity,
  );
}
