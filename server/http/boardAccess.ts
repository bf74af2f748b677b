// Finds the board a request names and the role its member session or token gives: 404, 401 or 403 otherwise.
import { DomainError, ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors';
import type { Request, RequestHandler } from 'express';
import type { BoardRecord, BoardStorage, SessionRecord } from '../storage/BoardStorage';
import type { AgreeingSide, LinkKind, Role, Side } from '../../shared';
import { ROLE_RANK, grantOf, linkForToken } from '../auth/tokens';
import type { TicketStore } from '../auth/wsTickets';
import { identify, linkAllowed, linkPolicyOf, type Identity, type IdentityRefusal } from '../auth/identity';
import { sessionOf } from './signedIn';

export interface BoardAccess {
  board: BoardRecord;
  role: Role;
  /**
   * Which of the board's links it was: a stat or kommune link is an editor bound to that side (#16).
   * For a member, the link of their role, and `side` their membership's side when it can agree.
   */
  link: LinkKind;
  side?: AgreeingSide;
  /** The link's token hash, or `member:<sub>` for a member (presence binds participant ids to it). */
  tokenHash: string;
  /** The token itself when the request carried one and it gave the access (not for a WebSocket ticket, nor a member). */
  token?: string;
  identity: Identity;
  /** The member's session (for closing their sockets when it ends); null for a link. */
  session: SessionRecord | null;
}

/** The pseudo token hash of a member's connections: one per person, never equal to a real hash (hex). */
export const memberKey = (sub: string): string => `member:${sub}`;

const REFUSALS: Record<IdentityRefusal, DomainError> = {
  no_credentials: new UnauthenticatedError('token_missing', 'This board needs the token from its share link, or sign-in as one of its members.'),
  token_invalid: new ForbiddenError('token_invalid', 'The link\'s token is not valid for this board (it may have been rotated). Ask the owner for a new link.'),
  links_disabled: new ForbiddenError('links_disabled', 'The owner has turned this kind of share link off: this board is open to its members. Ask the owner for an invitation.'),
  not_member: new ForbiddenError('not_member', 'You are signed in but not a member of this board. Ask its owner for an invitation.'),
};

/** The token from `Authorization: Bearer …` or `?token=`. */
export function tokenFrom(headers: { authorization?: string | undefined }, url: URL): string | null {
  const auth = headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim() || null;
  return url.searchParams.get('token') || null;
}

/** Shared by the REST routes and the WebSocket upgrade: a member's session first, then the token. */
export async function checkAccess(
  storage: BoardStorage, boardId: string, token: string | null, minRole: Role, session: SessionRecord | null = null,
): Promise<BoardAccess> {
  const board = await storage.getBoard(boardId);
  if (!board) throw new NotFoundError('board_not_found', `There is no board "${boardId}". Check the link, or ask its owner for a new one.`);
  const found = await identify(storage, board, { session, token });
  if (!found.ok) throw REFUSALS[found.reason];
  const { identity } = found;
  const role = identity.role;
  if (ROLE_RANK[role] < ROLE_RANK[minRole]) {
    throw new ForbiddenError('role_insufficient', identity.verified ? `This needs the ${minRole} role; you are ${role} here.` : `This needs the ${minRole} link; yours is a ${role} link.`);
  }
  if (identity.sub !== null) {
    return { board, role, link: role, ...(agreeingSide(identity.side) ? { side: identity.side } : {}), tokenHash: memberKey(identity.sub), identity, session };
  }
  // identify() found the token's role; the link kind says whether it is one bound to a side.
  const grant = linkForToken(board, token!)!;
  return { board, ...grant, tokenHash: identity.tokenHash!, token: token!, identity, session: null };
}

/** A WebSocket ticket instead of a token: single use, for this board, and only while its token is still valid. */
export async function checkTicket(storage: BoardStorage, tickets: TicketStore, boardId: string, ticket: string): Promise<BoardAccess> {
  const board = await storage.getBoard(boardId);
  if (!board) throw new NotFoundError('board_not_found', `There is no board "${boardId}". Check the link, or ask its owner for a new one.`);
  const grant = await tickets.take(ticket, boardId);
  if (!grant) throw new ForbiddenError('ticket_invalid', 'The WebSocket ticket is unknown, used or expired. Ask for a new one (POST /api/boards/:id/ws-ticket).');
  if (grant.sessionIdHash) {
    // A member's ticket: the session and the membership are checked again now, on connect.
    const session = await storage.getSession(grant.sessionIdHash);
    if (!session || Date.parse(session.expiresAt) <= Date.now()) throw new UnauthenticatedError('signed_out', 'The session that asked for this ticket has ended. Sign in again.');
    return checkAccess(storage, boardId, null, 'viewer', session);
  }
  if (board.tokens[grant.link] !== grant.tokenHash) throw REFUSALS.token_invalid;
  const linkGrant = grantOf(grant.link);
  if (!linkAllowed(linkPolicyOf(board), linkGrant.role)) throw REFUSALS.links_disabled;
  return {
    board, ...linkGrant, tokenHash: grant.tokenHash, session: null,
    identity: { role: linkGrant.role, side: null, name: null, verified: false, sub: null, tokenHash: grant.tokenHash },
  };
}

/** A member's side, when it is one that agrees (stat, kommune). */
const agreeingSide = (side: Side | null): side is AgreeingSide => side === 'stat' || side === 'kommune';

export function access(req: Request): BoardAccess {
  return (req as Request & { access: BoardAccess }).access;
}

export function requireRole(storage: BoardStorage, minRole: Role): RequestHandler {
  return async (req, _res, next) => {
    const url = new URL(req.originalUrl, 'http://localhost');
    (req as Request & { access: BoardAccess }).access = await checkAccess(storage, String(req.params.id), tokenFrom(req.headers, url), minRole, sessionOf(req));
    next();
  };
}
