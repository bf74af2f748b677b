// /api/boards: create (empty or imported), read, rotate share links, delete.
import { Router } from 'express';
import * as Y from 'yjs';
import { applyBoardJson, parseBoardJson, readGraph, setMeta } from '../../shared';
import type { BoardStorage } from '../storage/BoardStorage';
import type { RoomManager } from '../sync/RoomManager';
import { CLOSE } from '../protocol';
import { newResourceId, newToken, hashToken, newTokens } from '../auth/tokens';
import { InvalidError, NotFoundError } from '../errors';
import { access, requireRole } from './boardAccess';
import { ROLES, type BoardSummary, type Role } from '../../shared';
import type { TicketStore } from '../auth/wsTickets';
import { sealAll, unsealLinks } from '../auth/sealedLinks';
import { isSide } from '../../shared';
import { linkPolicyOf } from '../auth/identity';
import { requireSession } from './signedIn';
import type { SignalPublisher } from '../cluster/ClusterSignals';

/** Which links a rotation renews: `{roles: [...]}`, or the editor and viewer links when none are named. */
function rotatedRoles(body: unknown): Role[] {
  const roles = (body as { roles?: unknown } | undefined)?.roles;
  if (roles === undefined) return ['editor', 'viewer'];
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every((r) => ROLES.includes(r as Role))) {
    throw new InvalidError('invalid_request', '"roles" must be a non-empty list of "owner", "editor", "viewer".', [{ path: 'roles', message: 'invalid' }]);
  }
  return ROLES.filter((r) => roles.includes(r));
}

const CREATE_ORIGIN = 'create';

/** The initial document of a new board, from a title or an interchange file. */
function initialDocument(body: unknown): Y.Doc {
  const b = (body ?? {}) as { title?: unknown; board?: unknown };
  const doc = new Y.Doc();
  if (b.board !== undefined) {
    const parsed = parseBoardJson(b.board);
    if (!parsed.ok) {
      throw new InvalidError('invalid_board', `The board file has ${parsed.errors.length} error(s); the first: ${parsed.errors[0]!.path}: ${parsed.errors[0]!.message}`, parsed.errors);
    }
    applyBoardJson(doc, parsed.board, CREATE_ORIGIN);
    return doc;
  }
  if (typeof b.title !== 'string' || !b.title.trim()) {
    throw new InvalidError('invalid_request', 'Give the new board a "title" (text), or a "board" to import.', [{ path: 'title', message: 'required' }]);
  }
  const r = setMeta(doc, { title: b.title.trim(), language: 'nb' }, CREATE_ORIGIN);
  if (!r.ok) throw new InvalidError('invalid_request', r.message.en, [{ path: r.field ?? 'title', message: r.message.en }]);
  return doc;
}

/** `signals` tells the other instances (STORE=postgres) of rotations and deletions; null on one instance. */
export function boardsRouter(
  storage: BoardStorage, rooms: RoomManager, tickets: TicketStore | null = null, signInRequired = false, signals: SignalPublisher | null = null,
): Router {
  const router = Router();

  router.post('/', async (req, res) => {
    // With sign-in configured only a signed-in person creates boards, and owns them (issue #17).
    const creator = signInRequired ? requireSession(req) : null;
    const doc = initialDocument(req.body);
    const id = newResourceId();
    const { tokens, hashes } = newTokens();
    const sealed = sealAll(tokens.owner, tokens.editor, tokens.viewer);
    const createdAt = new Date().toISOString();
    // A signed-in person's board is for its members until the owner opens share links in «Del».
    await storage.createBoard({ id, createdAt, tokens: hashes, sealed, ...(creator ? { links: 'none' as const } : {}) }, Y.encodeStateAsUpdate(doc));
    doc.destroy();
    if (creator) {
      const side = (req.body as { side?: unknown } | undefined)?.side;
      await storage.putMember({ boardId: id, sub: creator.sub, name: creator.name, email: creator.email, role: 'owner', side: isSide(side) ? side : 'gjest', addedAt: createdAt });
    }
    res.status(201).location(`/api/boards/${id}`).json({ id, tokens, ...(creator ? { links: 'none' } : {}) });
  });

  router.get('/:id', requireRole(storage, 'viewer'), async (req, res) => {
    const { board, role, identity } = access(req);
    const body = await rooms.withRoom(board.id, (room): BoardSummary => {
      const graph = readGraph(room.doc);
      return {
        id: board.id, createdAt: board.createdAt, meta: graph.meta, counts: { nodes: graph.nodes.size, edges: graph.edges.size }, role,
        // With sign-in (issue #17): which share links open it, and a verified member's name and side, from the server.
        ...(board.links ? { links: linkPolicyOf(board) } : {}),
        ...(identity.verified ? { member: { sub: identity.sub!, name: identity.name!, side: identity.side! } } : {}),
      };
    });
    res.json(body);
  });

  router.post('/:id/tokens/rotate', requireRole(storage, 'owner'), async (req, res) => {
    const { board, token: ownerToken } = access(req);
    const roles = rotatedRoles(req.body);
    if (!ownerToken && !roles.includes('owner')) roles.unshift('owner'); // a member owner reseals every link under a new owner link
    const tokens: Partial<Record<Role, string>> = {};
    const hashes = { ...board.tokens };
    for (const role of roles) {
      tokens[role] = newToken();
      hashes[role] = hashToken(tokens[role]);
    }
    const fresh = new Set(roles.map((r) => hashes[r]));
    // The links the owner can look up again in «Del», sealed anew for the (possibly new) owner token.
    const known = ownerToken ? unsealLinks(ownerToken, board.sealed?.owner) : {};
    const sealed = sealAll(tokens.owner ?? ownerToken!, tokens.editor ?? known.editor, tokens.viewer ?? known.viewer);
    await storage.setTokens(board.id, hashes, sealed);
    const room = await rooms.loaded(board.id);
    // Only holders of the old links: someone who already joined with a new one stays.
    // Members are not link holders: a rotation leaves them connected.
    room?.closeConnections(CLOSE.tokenRevoked, (c) => c.member === null && roles.includes(c.role) && !fresh.has(c.tokenHash));
    // Every other instance closes the old links' sockets it holds (sent once the new hashes are stored).
    await signals?.publish({ kind: 'tokens', boardId: board.id });
    res.json({ tokens });
  });

  // The links the caller may pass on: the owner the editor and viewer links, an editor the viewer
  // link, a viewer none. A link made before links were sealed is missing until the owner makes new ones.
  router.get('/:id/links', requireRole(storage, 'viewer'), (req, res) => {
    const { board, role, token } = access(req);
    // A member holds no token to unseal them with: the owner makes new links to see them.
    const links = !token ? {} : role === 'owner' ? unsealLinks(token, board.sealed?.owner) : role === 'editor' ? { viewer: unsealLinks(token, board.sealed?.editor).viewer } : {};
    res.json({ links: Object.fromEntries(Object.entries(links).filter(([, v]) => v)) });
  });

  // The browser app's WebSocket ticket: valid 30 s, for one connection (see auth/wsTickets.ts).
  router.post('/:id/ws-ticket', requireRole(storage, 'viewer'), async (req, res) => {
    if (!tickets) throw new NotFoundError('not_found', 'No such API route.');
    const { board, role, tokenHash, session } = access(req);
    res.json({ ...(await tickets.issue({ boardId: board.id, role, tokenHash, ...(session ? { sessionIdHash: session.idHash } : {}) })), role });
  });

  router.delete('/:id', requireRole(storage, 'owner'), async (req, res) => {
    const { board } = access(req);
    await rooms.closeBoard(board.id, CLOSE.boardDeleted);
    await storage.deleteBoard(board.id);
    await signals?.publish({ kind: 'deleted', boardId: board.id });
    res.status(204).end();
  });

  return router;
}
