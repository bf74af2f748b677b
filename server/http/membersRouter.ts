// A board's members, invitations and link policy (issue #17), under /api/boards/:id. The owner
// invites by one-time links, sets roles and sides, removes members (their sockets close at once,
// on every instance) and chooses which share links still open the board.
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from '../errors';
import { Router } from 'express';
import type { BoardStorage, InvitationRecord, MemberRecord } from '../storage/BoardStorage';
import { LINK_POLICIES, ROLES, isSide, type LinkPolicy, type Role, type Side } from '../../shared';
import type { RoomManager } from '../sync/RoomManager';
import { CLOSE } from '../protocol';
import { hashToken, newResourceId, newToken } from '../auth/tokens';
import { linkAllowed } from '../auth/identity';
import { access, requireRole } from './boardAccess';
import type { SignalPublisher } from '../cluster/ClusterSignals';

/** An invitation link works this long, once. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const isRole = (r: unknown): r is Role => ROLES.includes(r as Role);

function invalid(path: string, message: string): InvalidError {
  return new InvalidError('invalid_request', message, [{ path, message: 'invalid' }]);
}

/** A member as others see them: the owner also sees e-mail addresses. */
export function memberView(m: MemberRecord, forOwner: boolean) {
  return { sub: m.sub, name: m.name, ...(forOwner ? { email: m.email } : {}), role: m.role, side: m.side, addedAt: m.addedAt };
}

const invitationView = (i: InvitationRecord) => ({ id: i.id, role: i.role, side: i.side, createdAt: i.createdAt, expiresAt: i.expiresAt });

/** Closes a person's connections to a board (removed: final; changed: they reconnect with the new role and side). */
export async function closeMemberConnections(rooms: RoomManager, boardId: string, sub: string, close: { code: number; reason: string }): Promise<void> {
  (await rooms.loaded(boardId))?.closeConnections(close, (c) => c.member?.sub === sub);
}

/** `signals` tells the other instances (STORE=postgres) of removed and changed members; null on one instance. */
export function membersRouter(storage: BoardStorage, rooms: RoomManager, signals: SignalPublisher | null = null, now: () => number = Date.now): Router {
  const router = Router({ mergeParams: true });

  router.get('/members', requireRole(storage, 'viewer'), async (req, res) => {
    const { board, role } = access(req);
    res.json({ members: (await storage.listMembers(board.id)).map((m) => memberView(m, role === 'owner')) });
  });

  router.patch('/members/:sub', requireRole(storage, 'owner'), async (req, res) => {
    const { board } = access(req);
    const sub = String(req.params.sub);
    const member = await storage.getMember(board.id, sub);
    if (!member) throw new NotFoundError('member_not_found', 'No such member of this board.');
    const body = (req.body ?? {}) as { role?: unknown; side?: unknown };
    if (body.role !== undefined && !isRole(body.role)) throw invalid('role', '"role" must be "owner", "editor" or "viewer".');
    if (body.side !== undefined && !isSide(body.side)) throw invalid('side', '"side" must be one of the workshop sides.');
    const next: MemberRecord = { ...member, role: (body.role as Role | undefined) ?? member.role, side: (body.side as Side | undefined) ?? member.side };
    if (member.role === 'owner' && next.role !== 'owner') await keepAnOwner(storage, board.id, sub);
    await storage.putMember(next);
    if (next.role !== member.role || next.side !== member.side) {
      await closeMemberConnections(rooms, board.id, sub, CLOSE.memberChanged);
      await signals?.publish({ kind: 'member', boardId: board.id, sub });
    }
    res.json({ member: memberView(next, true) });
  });

  router.delete('/members/:sub', requireRole(storage, 'owner'), async (req, res) => {
    const { board } = access(req);
    const sub = String(req.params.sub);
    const member = await storage.getMember(board.id, sub);
    if (!member) throw new NotFoundError('member_not_found', 'No such member of this board.');
    if (member.role === 'owner') await keepAnOwner(storage, board.id, sub);
    await storage.removeMember(board.id, sub);
    await closeMemberConnections(rooms, board.id, sub, CLOSE.memberRemoved);
    await signals?.publish({ kind: 'member', boardId: board.id, sub });
    res.status(204).end();
  });

  router.get('/invitations', requireRole(storage, 'owner'), async (req, res) => {
    const { board } = access(req);
    const t = now();
    res.json({ invitations: (await storage.listInvitations(board.id)).filter((i) => Date.parse(i.expiresAt) > t).map(invitationView) });
  });

  router.post('/invitations', requireRole(storage, 'owner'), async (req, res) => {
    const { board, identity } = access(req);
    if (!identity.verified) throw new ForbiddenError('sign_in_required', 'Sign in to invite members.');
    const body = (req.body ?? {}) as { role?: unknown; side?: unknown };
    const role = body.role ?? 'editor';
    const side = body.side ?? 'gjest';
    if (!isRole(role)) throw invalid('role', '"role" must be "owner", "editor" or "viewer".');
    if (!isSide(side)) throw invalid('side', '"side" must be one of the workshop sides.');
    const token = newToken();
    const t = now();
    const invitation: InvitationRecord = {
      id: newResourceId(), boardId: board.id, tokenHash: hashToken(token), role, side, createdBy: identity.sub!,
      createdAt: new Date(t).toISOString(), expiresAt: new Date(t + INVITATION_TTL_MS).toISOString(),
    };
    await storage.createInvitation(invitation);
    // The token is shown once, here; the store keeps its hash.
    res.status(201).json({ invitation: invitationView(invitation), token });
  });

  router.delete('/invitations/:invitationId', requireRole(storage, 'owner'), async (req, res) => {
    const { board } = access(req);
    await storage.deleteInvitation(board.id, String(req.params.invitationId));
    res.status(204).end();
  });

  router.put('/link-policy', requireRole(storage, 'owner'), async (req, res) => {
    const { board, identity } = access(req);
    const links = (req.body as { links?: unknown } | undefined)?.links;
    if (!LINK_POLICIES.includes(links as LinkPolicy)) throw invalid('links', '"links" must be "all", "viewer" or "none".');
    // Turning the owner link off while holding only it would lock the owner out.
    if (!identity.verified && links !== 'all') throw new ForbiddenError('sign_in_required', 'Sign in as a member to close the share links.');
    await storage.setLinkPolicy(board.id, links as LinkPolicy);
    // Holders of links that no longer open the board are disconnected, as after a rotation.
    (await rooms.loaded(board.id))?.closeConnections(CLOSE.tokenRevoked, (c) => c.member === null && !linkAllowed(links as LinkPolicy, c.role));
    // And on every other instance (the links signal re-reads the board's policy there).
    await signals?.publish({ kind: 'tokens', boardId: board.id });
    res.json({ links });
  });

  return router;
}

/** 409 when `sub` is the board's last owner: a board always keeps one. */
async function keepAnOwner(storage: BoardStorage, boardId: string, sub: string): Promise<void> {
  const owners = (await storage.listMembers(boardId)).filter((m) => m.role === 'owner' && m.sub !== sub);
  if (owners.length === 0) throw new ConflictError('last_owner', 'A board keeps at least one owner: make someone else owner first.');
}
