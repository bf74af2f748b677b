// /api/boards/:id/snapshots: take, list, read, restore, compare.
import { Router } from 'express';
import type { BoardStorage } from '../storage/BoardStorage';
import type { SnapshotService } from '../snapshots/SnapshotService';
import { InvalidError, NotFoundError } from '../errors';
import { access, requireRole } from './boardAccess';
import { actorOf, type AuditLog } from '../audit/AuditLog';

const text = (v: unknown, max: number): string | null => (typeof v === 'string' && v.trim() && v.length <= max ? v.trim() : null);

export function snapshotsRouter(storage: BoardStorage, snapshots: SnapshotService, audit: AuditLog | null = null): Router {
  const router = Router({ mergeParams: true });

  router.post('/', requireRole(storage, 'editor'), async (req, res) => {
    const body = (req.body ?? {}) as { label?: unknown };
    const label = text(body.label, 200);
    if (!label) throw new InvalidError('invalid_request', 'Give the snapshot a "label" (1–200 characters).', [{ path: 'label', message: 'required' }]);
    // Authorship is the link that took it (#16 §4), never a name the request claims.
    const { link } = access(req);
    const s = await snapshots.take(access(req).board.id, { label, createdBy: link, byHand: true });
    // Ids only, no board content: the log outlives the board (its deleted content must not stay on disk).
    await audit?.record(s.boardId, 'snapshot.take', actorOf(access(req)), { target: s.id });
    res.status(201).json({ id: s.id, label: s.label, createdAt: s.createdAt, createdBy: s.createdBy, counts: s.counts, auto: s.auto });
  });

  router.get('/', requireRole(storage, 'viewer'), async (req, res) => {
    const list = await snapshots.list(access(req).board.id);
    res.json({ snapshots: list.map(({ boardId: _b, ...s }) => s) });
  });

  router.get('/:sid', requireRole(storage, 'viewer'), async (req, res) => {
    if (req.params.sid === 'live') throw new NotFoundError('snapshot_not_found', 'Use GET /api/boards/:id/export?format=json for the live board.');
    res.json(await snapshots.board(access(req).board.id, String(req.params.sid)));
  });

  router.post('/:sid/restore', requireRole(storage, 'owner'), async (req, res) => {
    const { link, board } = access(req);
    const { restored, before } = await snapshots.restore(board.id, String(req.params.sid), link);
    await audit?.record(board.id, 'snapshot.restore', actorOf(access(req)), { target: restored.id, details: { before: before?.id ?? null } });
    const strip = ({ boardId: _b, ...s }: typeof restored) => s;
    res.json({ restored: strip(restored), before: before && strip(before) });
  });

  router.get('/:a/diff/:b', requireRole(storage, 'viewer'), async (req, res) => {
    res.json(await snapshots.diff(access(req).board.id, String(req.params.a), String(req.params.b)));
  });

  return router;
}
