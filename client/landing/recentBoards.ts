// Boards this browser has opened, kept in localStorage so the landing page can list them.
import type { Role } from '../api';

export interface RecentBoard {
  id: string;
  title: string;
  role: Role;
  token: string;
  openedAt: number;
}

const KEY = 'malkart.recent';
const MAX = 30;

export function listRecent(): RecentBoard[] {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) ?? '[]') as RecentBoard[];
    return Array.isArray(list) ? list.sort((a, b) => b.openedAt - a.openedAt) : [];
  } catch {
    return [];
  }
}

function save(list: RecentBoard[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(list.slice(0, MAX)));
  } catch {
    /* ignore */
  }
}

/** Remembers a board; a stronger role already remembered for it is kept. */
export function rememberBoard(entry: Omit<RecentBoard, 'openedAt'>): void {
  const rank: Record<Role, number> = { owner: 3, editor: 2, viewer: 1 };
  const list = listRecent();
  const prev = list.find((b) => b.id === entry.id);
  const keepPrev = prev && rank[prev.role] > rank[entry.role];
  const next: RecentBoard = {
    ...entry,
    role: keepPrev ? prev.role : entry.role,
    token: keepPrev ? prev.token : entry.token,
    title: entry.title || prev?.title || '',
    openedAt: Date.now(),
  };
  save([next, ...list.filter((b) => b.id !== entry.id)]);
}

export function forgetBoard(id: string): void {
  save(listRecent().filter((b) => b.id !== id));
}

export function recentToken(id: string): string | undefined {
  return listRecent().find((b) => b.id === id)?.token;
}
