// The signed-in person (issue #17): who they are, their boards, and invitations they redeem.
//   GET  /api/me                       → 401 signed out, 200 {user: {sub, name, email}}; 404 without sign-in configured
//   GET  /api/me/boards                → the boards they are a member of, with role, side and title
//   POST /api/invitations/preview {token} → the board, role and side an invitation gives (not used up)
//   POST /api/invitations/accept  {token} → they become a member (the link is then spent)
// Invitation tokens travel in bodies, never in URLs.
import { InvalidError, NotFoundError } from '../errors';
import { Router } from 'express';
import { readGraph } from '../../shared';
import type { BoardStorage, InvitationRecord } from '../storage/BoardStorage';
import type { RoomManager } from '../sync/RoomManager';
import { hashToken } from '../auth/tokens';
import { requireSession } from './signedIn';

/** Boards listed on the landing page at most (each one's title is read from the board). */
const MAX_LISTED_BOARDS = 200;

const gone = () => new NotFoundError('invitation_not_found', 'This invitation is unknown, already used or expired. Ask the owner for a new one.');

function invitationToken(body: unknown): string {
  const token = (body as { token?: unknown } | undefined)?.token;
  if (typeof token !== 'string' || !token || token.length > 200) throw new InvalidError('invalid_request', 'Give the invitation\'s "token".', [{ path: 'token', message: 'required' }]);
  return token;
}

export function meRouter(storage: BoardStorage, rooms: RoomManager, signInConfigured: boolean, now: () => number = Date.now): Router {
  const router = Router();
  const title = (boardId: string) => rooms.withRoom(boardId, (room) => readGraph(room.doc).meta.title ?? '').catch(() => '');
  const live = (i: InvitationRecord | undefined): i is InvitationRecord => !!i && Date.parse(i.expiresAt) > now();

  router.use(['/me', '/invitations'], (_req, _res, next) => {
    if (!signInConfigured) throw new NotFoundError('sign_in_off', 'Sign-in is not configured on this server (share links only).');
    next();
  });

  router.get('/me', (req, res) => {
    const s = requireSession(req);
    res.json({ user: { sub: s.sub, name: s.name, email: s.email } });
  });

  router.get('/me/boards', async (req, res) => {
    const s = requireSession(req);
    const memberships = (await storage.listMemberships(s.sub)).slice(0, MAX_LISTED_BOARDS);
    const boards = [];
    for (const m of memberships) boards.push({ id: m.boardId, title: await title(m.boardId), role: m.role, side: m.side });
    res.json({ boards });
  });

  router.post('/invitations/preview', async (req, res) => {
    requireSession(req);
    const invitation = await storage.getInvitation(hashToken(invitationToken(req.body)));
    if (!live(invitation)) throw gone();
    res.json({ boardId: invitation.boardId, title: await title(invitation.boardId), role: invitation.role, side: invitation.side, expiresAt: invitation.expiresAt });
  });

  router.post('/invitations/accept', async (req, res) => {
    const s = requireSession(req);
    // Taken atomically: of two people redeeming one link at once, one becomes the member.
    const invitation = await storage.takeInvitation(hashToken(invitationToken(req.body)));
    if (!live(invitation)) throw gone();
    const existing = await storage.getMember(invitation.boardId, s.sub);
    // Someone already a member keeps their membership (an owner does not demote themselves by a click).
    const member = existing ?? {
      boardId: invitation.boardId, sub: s.sub, name: s.name, email: s.email, role: invitation.role, side: invitation.side, addedAt: new Date(now()).toISOString(),
    };
    if (!existing) await storage.putMember(member);
    res.json({ boardId: member.boardId, role: member.role, side: member.side });
  });

  return router;
}
