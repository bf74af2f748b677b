// What the board's components share: the store, the edit actions, presence and the role.
import { createContext, useContext } from 'react';
import type { Role } from '../api';
import type { BoardStore } from './boardStore';
import type { BoardActions } from './boardActions';
import type { Presence } from './presence';

export interface BoardContextValue {
  store: BoardStore;
  actions: BoardActions;
  presence: Presence;
  role: Role;
  readOnly: boolean;
  /** The connection was closed for good (token rotated, board deleted): read-only from now on. */
  accessLost?: boolean;
}

export const BoardContext = createContext<BoardContextValue | null>(null);

export function useBoardContext(): BoardContextValue {
  const ctx = useContext(BoardContext);
  if (!ctx) throw new Error('useBoardContext outside a board');
  return ctx;
}
