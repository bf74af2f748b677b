// /api/boards: create (empty or imported), read, rotate share links, delete.
import { Router, type Request } from 'express';
import * as Y from 'yjs';
import { applyBoardJson, boardMaps, parseBoardJson, readMeta, setMeta } from '../../shared';
import type { BoardStorage } from '../storage/BoardStorage';
import type { RoomManager } from '../sync/RoomManager';
import { CLOSE } from '../protocol';
import { newResourceId, newToken, hashToken, newTokens } from '../auth/tokens';
import { InvalidError, NotFoundError } from '../errors';
import { access, requireRole } from './boardAccess';
import { ROLES, type AccessSummary, type BoardSummary, type Role } from '../../shared';
import type { TicketStore } from '../auth/wsTickets';
import { sealAll, unsealLinks } from '../auth/sealedLinks';
import { isSide } from '../../shared';
import { linkPolicyOf } from '../auth/identity';
import { requireSession } from './signedIn';
import type { SignalPublisher } from '../cluster/ClusterSignals';
import { LINK_KINDS, isLinkKind, type LinkKind } from '../../shared';
import { actorOf, type AuditLog } from '../audit/AuditLog';

/** Which links a rotation renews: `{roles: [...]}`, or every link but the owner's when none are named. */
function rotatedLinks(body: unknown): LinkKind[] {
  const roles = (body as { roles?: unknown } | undefined)?.roles;
  if (roles === undefined) return ['editor', 'viewer', 'stat', 'kommune'];
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every(isLinkKind)) {
    throw new InvalidError('invalid_request', '"roles" must be a non-empty list of "owner", "editor", "viewer", "stat", "kommune".', [
      { path: 'roles', message: 'invalid' },
    ]);
  }
  return LINK_KINDS.filter((r) => roles.includes(r));
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
  audit: AuditLog | null = null,
): Router {
  const router = Router();

  router.post('/', async (req, res) => {
    // With sign-in configured only a signed-in person creates boards, and owns them (issue #17).
    const creator = signInRequired ? requireSession(req) : null;
    const doc = initialDocument(req.body);
    const id = newResourceId();
    const { tokens, hashes } = newTokens();
    const sealed = sealAll(tokens.owner, tokens.editor, tokens.viewer, tokens);
    const createdAt = new Date().toISOString();
    // A signed-in person's board is for its members until the owner opens share links in «Del».
    await storage.createBoard({ id, createdAt, tokens: hashes, sealed, ...(creator ? { links: 'none' as const } : {}) }, Y.encodeStateAsUpdate(doc));
    doc.destroy();
    if (creator) {
      const side = (req.body as { side?: unknown } | undefined)?.side;
      await storage.putMember({ boardId: id, sub: creator.sub, name: creator.name, email: creator.email, role: 'owner', side: isSide(side) ? side : 'gjest', addedAt: createdAt });
    }
    const imported = (req.body as { board?: unknown } | undefined)?.board !== undefined;
    const actor = creator ? { name: creator.name, verified: true } : actorOf({ link: 'owner' });
    await audit?.record(id, imported ? 'board.import' : 'board.create', actor);
    res.status(201).location(`/api/boards/${id}`).json({ id, tokens, ...(creator ? { links: 'none' } : {}) });
  });

  /** The caller's access to the board, from its record alone (the board is not loaded for it). */
  const accessOf = (req: Request): AccessSummary => {
    const { board, role, link, side, identity } = access(req);
    return {
      id: board.id, createdAt: board.createdAt, role, link,
      ...(side ? { side } : {}),
      // With sign-in (issue #17): which share links open it, and a verified member's name and side, from the server.
      ...(board.links ? { links: linkPolicyOf(board) } : {}),
      ...(identity.verified ? { member: { sub: identity.sub!, name: identity.name!, side: identity.side! } } : {}),
    };
  };

  router.get('/:id', requireRole(storage, 'viewer'), async (req, res) => {
    const body = await rooms.withRoom(access(req).board.id, (room): BoardSummary => {
      // The title and counts only, not every card read.
      const maps = boardMaps(room.doc);
      return { ...accessOf(req), meta: readMeta(maps), counts: { nodes: maps.nodes.size, edges: maps.edges.size } };
    });
    res.json(body);
  });

  // What the board page opens with: the board's content comes over the socket.
  router.get('/:id/access', requireRole(storage, 'viewer'), (req, res) => {
    res.json(accessOf(req));
  });

  router.post('/:id/tokens/rotate', requireRole(storage, 'owner'), async (req, res) => {
    const access_ = access(req);
    const { board, token: ownerToken } = access_;
    const links = rotatedLinks(req.body);
    if (!ownerToken && !links.includes('owner')) links.unshift('owner'); // a member owner reseals every link under a new owner link
    const tokens: Partial<Record<LinkKind, string>> = {};
    const hashes = { ...board.tokens };
    const old = new Set<string>();
    for (const kind of links) {
      const was = board.tokens[kind];
      if (was) old.add(was);
      tokens[kind] = newToken();
      hashes[kind] = hashToken(tokens[kind]);
    }
    // The links the owner can look up again in «Del», sealed anew for the (possibly new) owner token.
    const known = ownerToken ? unsealLinks(ownerToken, board.sealed?.owner) : {};
    const pick = (k: LinkKind) => tokens[k] ?? known[k];
    const sealed = sealAll(tokens.owner ?? ownerToken!, pick('editor'), pick('viewer'), { stat: pick('stat'), kommune: pick('kommune') });
    await storage.setTokens(board.id, hashes, sealed);
    const room = await rooms.loaded(board.id);
    // Only holders of the old links: someone who already joined with a new one stays.
    // Members are not link holders: a rotation leaves them connected.
    room?.closeConnections(CLOSE.tokenRevoked, (c) => c.member === null && old.has(c.tokenHash));
    // Every other instance closes the old links' sockets it holds (sent once the new hashes are stored).
    await signals?.publish({ kind: 'tokens', boardId: board.id });
    await audit?.record(board.id, 'tokens.rotate', actorOf(access_), { details: { links: links.join(',') } });
    res.json({ tokens });
  });

  // The links the caller may pass on: the owner the editor, viewer, stat and kommune links, the
  // editor link the viewer link, a side-bound link and a viewer none (only the owner and the editor
  // link hold a seal). A link made before links were sealed is missing until the owner makes new ones.
  router.get('/:id/links', requireRole(storage, 'viewer'), (req, res) => {
    const { board, role, link, token } = access(req);
    // A member holds no token to unseal them with: the owner makes new links to see them.
    const links = !token ? {} : role === 'owner' ? unsealLinks(token, board.sealed?.owner) : link === 'editor' ? { viewer: unsealLinks(token, board.sealed?.editor).viewer } : {};
    res.json({ links: Object.fromEntries(Object.entries(links).filter(([, v]) => v)) });
  });

  // The browser app's WebSocket ticket: valid 30 s, for one connection (see auth/wsTickets.ts).
  router.post('/:id/ws-ticket', requireRole(storage, 'viewer'), async (req, res) => {
    if (!tickets) throw new NotFoundError('not_found', 'No such API route.');
    const { board, role, link, side, tokenHash, session } = access(req);
    const grant = { boardId: board.id, role, link, tokenHash, ...(session ? { sessionIdHash: session.idHash } : {}) };
    res.json({ ...(await tickets.issue(grant)), role, link, ...(side ? { side } : {}) });
  });

  router.delete('/:id', requireRole(storage, 'owner'), async (req, res) => {
    const { board } = access(req);
    await rooms.closeBoard(board.id, CLOSE.boardDeleted);
    await storage.deleteBoard(board.id);
    await signals?.publish({ kind: 'deleted', boardId: board.id });
    await audit?.record(board.id, 'board.delete', actorOf(access(req)));
    res.status(204).end();
  });

  return router;
}
