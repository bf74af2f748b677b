// GET /api/boards/:id/audit (#16 §5): the board's audit log for its owner, newest first, a page at a
// time (`before` = the `next` of the previous page, `limit` ≤ 200), or all of it as CSV (`format=csv`).
import { Router } from 'express';
import { auditCsv } from '../../shared';
import type { BoardStorage } from '../storage/BoardStorage';
import type { AuditLog } from '../audit/AuditLog';
import { InvalidError } from '../errors';
import { access, requireRole } from './boardAccess';

const intParam = (v: unknown, name: string): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidError('invalid_request', `"${name}" must be a whole number, 1 or more.`, [{ path: name, message: 'invalid' }]);
  return n;
};

export function auditRouter(storage: BoardStorage, audit: AuditLog): Router {
  const router = Router({ mergeParams: true });

  router.get('/', requireRole(storage, 'owner'), async (req, res) => {
    const boardId = access(req).board.id;
    if (req.query.format === 'csv') {
      const entries = await audit.all(boardId);
      res
        .type('text/csv; charset=utf-8')
        .attachment(`malkart-logg-${boardId}.csv`)
        .send('\uFEFF' + auditCsv(entries));
      return;
    }
    const page = await audit.page(boardId, intParam(req.query.before, 'before'), intParam(req.query.limit, 'limit') ?? 50);
    res.json({ entries: page.entries.map(({ seq: _s, ...e }) => e), ...(page.next !== undefined ? { next: page.next } : {}) });
  });

  return router;
}
