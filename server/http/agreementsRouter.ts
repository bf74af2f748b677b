// /api/boards/:id/agreements (#16 §2): the only way an agreement reaches a board. A stat or kommune
// link gives or withdraws its own side's agreement; the server writes the record.
import { Router } from 'express';
import type { BoardStorage } from '../storage/BoardStorage';
import type { AgreementService } from '../trust/AgreementService';
import { access, requireRole } from './boardAccess';

export function agreementsRouter(storage: BoardStorage, agreements: AgreementService): Router {
  const router = Router({ mergeParams: true });

  // Viewers pass the token check so they hear 403 side_not_bound, the same as a plain editor link.
  router.post('/', requireRole(storage, 'viewer'), async (req, res) => {
    const body = (req.body ?? {}) as { targetId?: unknown; side?: unknown; name?: unknown };
    const { record } = await agreements.give(access(req).board.id, access(req), body);
    res.status(201).json({ record });
  });

  router.delete('/:targetId/:side', requireRole(storage, 'viewer'), async (req, res) => {
    const name = typeof req.query.name === 'string' && req.query.name.trim() ? req.query.name.trim().slice(0, 200) : undefined;
    await agreements.withdraw(access(req).board.id, access(req), String(req.params.targetId), String(req.params.side), name);
    res.status(204).end();
  });

  return router;
}
