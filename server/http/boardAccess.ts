// Finds the board a request names and the role its token gives: 404, 401 or 403 otherwise.
import type { Request, RequestHandler } from 'express';
import type { BoardRecord, BoardStorage } from '../storage/BoardStorage';
import type { AgreeingSide, LinkKind, Role } from '../../shared';
import { ROLE_RANK, grantOf, hashToken, linkForToken } from '../auth/tokens';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors';
import type { TicketStore } from '../auth/wsTickets';

export interface BoardAccess {
  board: BoardRecord;
  role: Role;
  /** Which of the board's links it was: a stat or kommune link is an editor bound to that side (#16). */
  link: LinkKind;
  side?: AgreeingSide;
  tokenHash: string;
  /** The token itself when the request carried one (not for a WebSocket ticket). */
  token?: string;
}

/** The token from `Authorization: Bearer …` or `?token=`. */
export function tokenFrom(headers: { authorization?: string | undefined }, url: URL): string | null {
  const auth = headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim() || null;
  return url.searchParams.get('token') || null;
}

/** Shared by the REST routes and the WebSocket upgrade. */
export async function checkAccess(storage: BoardStorage, boardId: string, token: string | null, minRole: Role): Promise<BoardAccess> {
  const board = await storage.getBoard(boardId);
  if (!board) throw new NotFoundError('board_not_found', `There is no board "${boardId}". Check the link, or ask its owner for a new one.`);
  if (!token) throw new UnauthenticatedError('token_missing', 'This board needs the token from its share link.');
  const grant = linkForToken(board, token);
  if (!grant) throw new ForbiddenError('token_invalid', 'The link\'s token is not valid for this board (it may have been rotated). Ask the owner for a new link.');
  const { role } = grant;
  if (ROLE_RANK[role] < ROLE_RANK[minRole]) {
    throw new ForbiddenError('role_insufficient', `This needs the ${minRole} link; yours is a ${role} link.`);
  }
  return { board, ...grant, tokenHash: hashToken(token), token };
}

/** A WebSocket ticket instead of a token: single use, for this board, and only while its token is still valid. */
export async function checkTicket(storage: BoardStorage, tickets: TicketStore, boardId: string, ticket: string): Promise<BoardAccess> {
  const board = await storage.getBoard(boardId);
  if (!board) throw new NotFoundError('board_not_found', `There is no board "${boardId}". Check the link, or ask its owner for a new one.`);
  const grant = await tickets.take(ticket, boardId);
  if (!grant) throw new ForbiddenError('ticket_invalid', 'The WebSocket ticket is unknown, used or expired. Ask for a new one (POST /api/boards/:id/ws-ticket).');
  if (board.tokens[grant.link] !== grant.tokenHash) {
    throw new ForbiddenError('token_invalid', 'The link\'s token is not valid for this board (it may have been rotated). Ask the owner for a new link.');
  }
  return { board, ...grantOf(grant.link), tokenHash: grant.tokenHash };
}

export function access(req: Request): BoardAccess {
  return (req as Request & { access: BoardAccess }).access;
}

export function requireRole(storage: BoardStorage, minRole: Role): RequestHandler {
  return async (req, _res, next) => {
    const url = new URL(req.originalUrl, 'http://localhost');
    (req as Request & { access: BoardAccess }).access = await checkAccess(storage, String(req.params.id), tokenFrom(req.headers, url), minRole);
    next();
  };
}
