// Who a request speaks for on one board (issue #17): a signed-in member (role and side from the
// membership, the name verified by the identity provider) or the holder of a share link (role from
// the token, if the board's link policy still lets that link in; name and side only as claimed).
// One function for every route and the WebSocket upgrade, so an agreement route can ask the same:
// only a verified member with side stat may agree for stat, kommune for kommune.
import type { BoardRecord, BoardStorage, SessionRecord } from '../storage/BoardStorage';
import type { LinkPolicy, Role, Side } from '../../shared';
import { hashToken, roleForToken } from './tokens';

export interface Identity {
  role: Role;
  /** The member's side; null for a link holder (their side is only what their browser says). */
  side: Side | null;
  /** The verified name of a member; null for a link holder. */
  name: string | null;
  /** True for a signed-in member: name and side come from the provider and the owner, not the client. */
  verified: boolean;
  /** The member's subject at the identity provider; null for a link holder. */
  sub: string | null;
  /** Hash of the share-link token used; null for a member. */
  tokenHash: string | null;
}

/** Why no identity: no credentials, a token that is not this board's, a link the owner turned off, or a signed-in non-member. */
export type IdentityRefusal = 'no_credentials' | 'token_invalid' | 'links_disabled' | 'not_member';

export function linkPolicyOf(board: BoardRecord): LinkPolicy {
  return board.links ?? 'all';
}

/** Whether the board's policy lets a link of `role` in. */
export function linkAllowed(policy: LinkPolicy, role: Role): boolean {
  return policy === 'all' || (policy === 'viewer' && role === 'viewer');
}

/**
 * The identity of a request on `board`: a member's session first (a member who also holds a link
 * is the member), then the token. A refusal says why, for the caller's error.
 */
export async function identify(
  storage: BoardStorage,
  board: BoardRecord,
  credentials: { session: SessionRecord | null; token: string | null },
): Promise<{ ok: true; identity: Identity } | { ok: false; reason: IdentityRefusal }> {
  const { session, token } = credentials;
  if (session) {
    const member = await storage.getMember(board.id, session.sub);
    if (member) {
      return { ok: true, identity: { role: member.role, side: member.side, name: session.name || member.name, verified: true, sub: member.sub, tokenHash: null } };
    }
  }
  if (!token) return { ok: false, reason: session ? 'not_member' : 'no_credentials' };
  const role = roleForToken(board, token);
  if (!role) return { ok: false, reason: 'token_invalid' };
  if (!linkAllowed(linkPolicyOf(board), role)) return { ok: false, reason: 'links_disabled' };
  return { ok: true, identity: { role, side: null, name: null, verified: false, sub: null, tokenHash: hashToken(token) } };
}
