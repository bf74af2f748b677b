// /api/boards/:id/snapshots: take, list, read, restore, compare.
import { Router } from 'express';
import type { BoardStorage } from '../storage/BoardStorage';
import type { SnapshotService } from '../snapshots/SnapshotService';
import { InvalidError, NotFoundError } from '../errors';
import { access, requireRole } from './boardAccess';

const text = (v: unknown, max: number): string | null => (typeof v === 'string' && v.trim() && v.length <= max ? v.trim() : null);

export function snapshotsRouter(storage: BoardStorage, snapshots: SnapshotService): Router {
  const router = Router({ mergeParams: true });

  router.post('/', requireRole(storage, 'editor'), async (req, res) => {
    const body = (req.body ?? {}) as { label?: unknown; createdBy?: unknown };
    const label = text(body.label, 200);
    if (!label) throw new InvalidError('invalid_request', 'Give the snapshot a "label" (1–200 characters).', [{ path: 'label', message: 'required' }]);
    const createdBy = text(body.createdBy, 100) ?? access(req).role;
    const s = await snapshots.take(access(req).board.id, { label, createdBy, byHand: true });
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
    const by = text((req.body ?? {}).createdBy, 100) ?? 'owner';
    const { restored, before } = await snapshots.restore(access(req).board.id, String(req.params.sid), by);
    const strip = ({ boardId: _b, ...s }: typeof restored) => s;
    res.json({ restored: strip(restored), before: before && strip(before) });
  });

  router.get('/:a/diff/:b', requireRole(storage, 'viewer'), async (req, res) => {
    res.json(await snapshots.diff(access(req).board.id, String(req.params.a), String(req.params.b)));
  });

  return router;
}
