// Boards this browser has created or opened, with every share link it holds for each (owner links
// included), kept in localStorage only, so a board is never orphaned by closing a panel or a tab.
import type { Role } from '../api';

export type HeldLinks = Partial<Record<Role, string>>;

export interface RecentBoard {
  id: string;
  title: string;
  /** The strongest role this browser holds a link for, and that link's token. */
  role: Role;
  token: string;
  /** Every link this browser holds for the board, by role. */
  tokens: HeldLinks;
  openedAt: number;
}

const KEY = 'malkart.recent';
/** Far more than anyone opens; past it the oldest boards without an owner link go first. */
const MAX = 300;
const ROLES: Role[] = ['owner', 'editor', 'viewer'];

function isRole(r: unknown): r is Role {
  return r === 'owner' || r === 'editor' || r === 'viewer';
}

/** Strongest role and token of a set of links, or null when there are none. */
function strongest(tokens: HeldLinks): { role: Role; token: string } | null {
  for (const role of ROLES) if (tokens[role]) return { role, token: tokens[role]! };
  return null;
}

/** Entries written before links were kept by role (one `role` and `token`) are read as such. */
function normalise(raw: unknown): RecentBoard | null {
  const b = raw as Partial<RecentBoard> | null;
  if (!b || typeof b.id !== 'string') return null;
  const tokens: HeldLinks = {};
  if (b.tokens && typeof b.tokens === 'object') {
    for (const role of ROLES) if (typeof b.tokens[role] === 'string' && b.tokens[role]) tokens[role] = b.tokens[role];
  }
  if (isRole(b.role) && typeof b.token === 'string' && b.token && !tokens[b.role]) tokens[b.role] = b.token;
  const top = strongest(tokens);
  if (!top) return null;
  return { id: b.id, title: typeof b.title === 'string' ? b.title : '', ...top, tokens, openedAt: typeof b.openedAt === 'number' ? b.openedAt : 0 };
}

export function listRecent(): RecentBoard[] {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    if (!Array.isArray(list)) return [];
    return list.map(normalise).filter((b): b is RecentBoard => b !== null).sort((a, b) => b.openedAt - a.openedAt);
  } catch {
    return [];
  }
}

function save(list: RecentBoard[]): void {
  let kept = list;
  if (kept.length > MAX) {
    const owners = kept.filter((b) => b.tokens.owner);
    const others = kept.filter((b) => !b.tokens.owner);
    const keep = new Set([...owners, ...others].slice(0, MAX));
    kept = kept.filter((b) => keep.has(b));
  }
  try {
    localStorage.setItem(KEY, JSON.stringify(kept));
  } catch {
    /* storage full or disabled: nothing more to do */
  }
  window.dispatchEvent(new Event('malkart-recent'));
}

/**
 * Remembers links for a board: each given role's token replaces the one held for that role (a
 * rotation), the others are kept. `touch` moves the board to the top as just opened.
 */
export function rememberLinks(id: string, links: HeldLinks, opts: { title?: string; touch?: boolean } = {}): void {
  const list = listRecent();
  const prev = list.find((b) => b.id === id);
  const tokens: HeldLinks = { ...prev?.tokens };
  for (const role of ROLES) if (links[role]) tokens[role] = links[role];
  const top = strongest(tokens);
  if (!top) return;
  const next: RecentBoard = {
    id,
    title: opts.title || prev?.title || '',
    ...top,
    tokens,
    openedAt: opts.touch === false && prev ? prev.openedAt : Date.now(),
  };
  save([next, ...list.filter((b) => b.id !== id)]);
}

/** Remembers the link a board was opened with (keeps the other links held for it). */
export function rememberBoard(entry: { id: string; title: string; role: Role; token: string }): void {
  rememberLinks(entry.id, { [entry.role]: entry.token }, { title: entry.title });
}

/** The board's title as the board itself now has it, for a board already in the list (others are not added). */
export function rememberTitle(id: string, title: string): void {
  const list = listRecent();
  const prev = list.find((b) => b.id === id);
  if (!prev || !title || prev.title === title) return;
  save(list.map((b) => (b.id === id ? { ...b, title } : b)));
}

export function forgetBoard(id: string): void {
  save(listRecent().filter((b) => b.id !== id));
}

/**
 * Forgets one link that no longer works (rotated). Returns true when it was the last link this
 * browser held for the board, which is then forgotten as a whole.
 */
export function forgetLink(id: string, token: string): boolean {
  const list = listRecent();
  const prev = list.find((b) => b.id === id);
  if (!prev) return true;
  const tokens: HeldLinks = {};
  for (const role of ROLES) if (prev.tokens[role] && prev.tokens[role] !== token) tokens[role] = prev.tokens[role];
  const top = strongest(tokens);
  if (!top) {
    save(list.filter((b) => b.id !== id));
    return true;
  }
  save(list.map((b) => (b.id === id ? { ...prev, ...top, tokens } : b)));
  return false;
}

/** The strongest link this browser holds for a board. */
export function recentToken(id: string): string | undefined {
  return listRecent().find((b) => b.id === id)?.token;
}

export function heldLinks(id: string): HeldLinks {
  return listRecent().find((b) => b.id === id)?.tokens ?? {};
}
