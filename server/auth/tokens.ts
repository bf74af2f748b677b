// Share-link tokens: random, shown once, stored only as hashes. Besides the three links by role a
// board has two editor links bound to a side (#16): `stat` and `kommune`.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { BoardRecord, TokenHashes } from '../storage/BoardStorage';
import { LINK_KINDS, isSideLink, type AgreeingSide, type LinkKind, type Role } from '../../shared';

export const newToken = (): string => randomBytes(24).toString('base64url');
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export function newTokens(): { tokens: Record<LinkKind, string>; hashes: Required<TokenHashes> } {
  const tokens = { owner: newToken(), editor: newToken(), viewer: newToken(), stat: newToken(), kommune: newToken() };
  const hashes = Object.fromEntries(LINK_KINDS.map((k) => [k, hashToken(tokens[k])])) as Required<TokenHashes>;
  return { tokens, hashes };
}

/** What a link gives: its kind, the role it edits with, and the side it is bound to (stat and kommune links). */
export interface LinkGrant {
  link: LinkKind;
  role: Role;
  side?: AgreeingSide;
}

export const grantOf = (link: LinkKind): LinkGrant => (isSideLink(link) ? { link, role: 'editor', side: link } : { link, role: link });

/** The link a token is on a board, or null. Compared in constant time. */
export function linkForToken(board: BoardRecord, token: string): LinkGrant | null {
  const given = Buffer.from(hashToken(token), 'hex');
  for (const link of LINK_KINDS) {
    const stored = board.tokens[link];
    if (stored && timingSafeEqual(given, Buffer.from(stored, 'hex'))) return grantOf(link);
  }
  return null;
}

/** The role a token gives on a board, or null (a side-bound link is an editor). */
export function roleForToken(board: BoardRecord, token: string): Role | null {
  return linkForToken(board, token)?.role ?? null;
}

export const ROLE_RANK: Record<Role, number> = { viewer: 0, editor: 1, owner: 2 };

/** An id for a board or snapshot: 16 lower-case letters and digits. */
export function newResourceId(): string {
  const bytes = randomBytes(16);
  let s = '';
  for (const b of bytes) s += 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36];
  return s;
}
