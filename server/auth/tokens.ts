// Share-link tokens: random, shown once, stored only as hashes.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { BoardRecord, TokenHashes } from '../storage/BoardStorage';
import type { Role } from '../../shared';

export const newToken = (): string => randomBytes(24).toString('base64url');
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export function newTokens(): { tokens: Record<Role, string>; hashes: TokenHashes } {
  const tokens = { owner: newToken(), editor: newToken(), viewer: newToken() };
  return { tokens, hashes: { owner: hashToken(tokens.owner), editor: hashToken(tokens.editor), viewer: hashToken(tokens.viewer) } };
}

/** The role a token gives on a board, or null. Compared in constant time. */
export function roleForToken(board: BoardRecord, token: string): Role | null {
  const given = Buffer.from(hashToken(token), 'hex');
  for (const role of ['owner', 'editor', 'viewer'] as const) {
    if (timingSafeEqual(given, Buffer.from(board.tokens[role], 'hex'))) return role;
  }
  return null;
}

export const ROLE_RANK: Record<Role, number> = { viewer: 0, editor: 1, owner: 2 };

/** An id for a board or snapshot: 16 lower-case letters and digits. */
export function newResourceId(): string {
  const bytes = randomBytes(16);
  let s = '';
  for (const b of bytes) s += 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36];
  return s;
}
