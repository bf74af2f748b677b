// POST /api/boards/:id/indicator-values[?dryRun=1]: measured values from CSV (issue #14 §4).
// The dry run answers with the preview (matched rows, unmatched rows with row/column errors);
// without it the matched values are written to the live board as one change through the room
// (stored, then sent to every client), like a snapshot restore. Editors and owners only.
import express, { Router } from 'express';
import { CSV_LIMITS, previewCsv, readAllSeries, readGraph, setIndicatorValues, type CsvPreview } from '../../shared';
import type { BoardStorage } from '../storage/BoardStorage';
import type { RoomManager } from '../sync/RoomManager';
import { ApiError } from './errors';
import { ConflictError, InvalidError } from '../errors';
import { access, requireRole } from './boardAccess';

const report = (p: CsvPreview) => ({
  delimiter: p.delimiter,
  matched: p.matched,
  unmatched: p.unmatched,
  fileErrors: p.fileErrors,
  counts: { matched: p.matched.length, unmatched: p.unmatched.length },
});

export function indicatorValuesRouter(storage: BoardStorage, rooms: RoomManager): Router {
  const router = Router({ mergeParams: true });
  // The body is bounded before it is read into memory; anything over is a 413.
  const csvBody = express.text({ type: ['text/csv', 'text/plain'], limit: CSV_LIMITS.maxBytes });

  router.post('/', requireRole(storage, 'editor'), csvBody, async (req, res) => {
    if (typeof req.body !== 'string') {
      throw new ApiError(415, 'unsupported_media_type', 'Send the CSV as the request body with Content-Type: text/csv.');
    }
    const text = req.body;
    const dryRun = ['1', 'true'].includes(String(req.query.dryRun ?? ''));
    const boardId = access(req).board.id;
    const preview = await rooms.withRoom(boardId, (room) => previewCsv(text, readGraph(room.doc), readAllSeries(room.doc)));
    if (dryRun) return void res.json({ dryRun: true, ...report(preview) });
    if (preview.fileErrors.length) {
      throw new InvalidError('invalid_csv', preview.fileErrors[0]!.message.en, report(preview));
    }
    // Written against the board as it is when the change is made: a card deleted since the preview refuses the whole import.
    let refused: string | null = null;
    let written = 0;
    await rooms.withRoom(boardId, (room) =>
      room.log.applyServerChange((doc) => {
        const r = setIndicatorValues(doc, preview.matched.map((m) => ({ indicatorId: m.indicatorId, value: m.value })), 'csv-import');
        if (r.ok) written = r.written;
        else refused = `row ${preview.matched[r.index ?? 0]?.row}: ${r.message.en}`;
      }),
    );
    if (refused) throw new ConflictError('board_changed', `Nothing was imported: ${refused}`);
    res.json({ dryRun: false, written, ...report(preview) });
  });

  return router;
}
