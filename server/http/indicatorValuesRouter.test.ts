import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { readSeries, setIndicatorValues, CSV_LIMITS } from '../../shared';
import { EXAMPLE_BOARD } from '../../shared/examples';
import { cleanUpAfterEach, connectClient, createBoard, startTestServer, waitFor, type TestServer } from '../testing/testServer';

let server: TestServer | null = null;
cleanUpAfterEach();

async function postCsv(boardId: string, token: string, csv: string, query = '', type = 'text/csv; charset=utf-8') {
  const res = await fetch(`${server!.url}/api/boards/${boardId}/indicator-values${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    body: csv,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const CSV = [
  'indikator;periode;verdi;kilde;kommentar',
  'K6;2024;3,9;KOSTRA;',
  'Andel sosialhjelpsmottakere 18–24 år;2025;3,6;NAV Lier;foreløpig',
  'Andel Nav-brukere;2024;47;Nav;', // not an exact title
  'K2;2024;1;;', // a goal, not an indicator
  'L5;24;4,5;KOSTRA;', // not a period
  'L5;2024;fire;KOSTRA;', // not a number
  '',
].join('\n');

describe('CSV import of measured values', () => {
  it('a dry run lists matched rows and unmatched rows with row and column, and writes nothing', async () => {
    server = await startTestServer({ autoSnapshotMs: 0 });
    const board = await createBoard(server.url, { board: EXAMPLE_BOARD });
    const r = await postCsv(board.id, board.tokens.editor, CSV, '?dryRun=1');
    expect(r.status).toBe(200);
    expect(r.body.dryRun).toBe(true);
    expect(r.body.delimiter).toBe(';');
    expect(r.body.matched).toEqual([
      { row: 2, indicatorId: 'K6', indicatorTitle: 'Andel sosialhjelpsmottakere 18–24 år', value: { period: '2024', value: 3.9, source: 'KOSTRA' } },
      { row: 3, indicatorId: 'K6', indicatorTitle: 'Andel sosialhjelpsmottakere 18–24 år', value: { period: '2025', value: 3.6, source: 'NAV Lier', comment: 'foreløpig' } },
    ]);
    const where = r.body.unmatched.flatMap((u: { errors: { row: number; column: string; code: string }[] }) => u.errors.map((e) => `${e.row}:${e.column}:${e.code}`));
    expect(where).toEqual(['4:indikator:no_indicator', '5:indikator:not_indicator', '6:periode:bad_period', '7:verdi:bad_value']);
    expect(r.body.unmatched[0].errors[0].message.nb).toBe('Ingen indikator har id eller tittel «Andel Nav-brukere».');
    const room = await server.rooms.acquire(board.id);
    expect(readSeries(room.doc, 'K6')).toEqual([]);
  });

  it('the import reaches two live clients, is stored before it is sent, and keeps what a colleague added meanwhile', async () => {
    server = await startTestServer({ autoSnapshotMs: 0 });
    const board = await createBoard(server.url, { board: EXAMPLE_BOARD });
    const a = connectClient(server.wsUrl, board.id, board.tokens.editor);
    const b = connectClient(server.wsUrl, board.id, board.tokens.owner);
    await Promise.all([a.synced, b.synced]);
    // A colleague types a value for another period just before the import.
    expect(setIndicatorValues(a.doc, [{ indicatorId: 'K6', value: { period: '2023-Q4', value: 4 } }], 'a').ok).toBe(true);
    const room = await server.rooms.acquire(board.id);
    await waitFor(() => readSeries(room.doc, 'K6').length === 1);

    const r = await postCsv(board.id, board.tokens.editor, 'indicator,period,value,source\nK6,2024,"3,9",KOSTRA\nL5,2025,4.5,\n');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ dryRun: false, written: 2, delimiter: ',', counts: { matched: 2, unmatched: 0 } });
    // The server's doc has it the moment the answer comes: it was stored, then applied.
    expect(readSeries(room.doc, 'K6').map((v) => v.period)).toEqual(['2023-Q4', '2024']);
    for (const c of [a, b]) {
      await waitFor(() => readSeries(c.doc, 'K6').length === 2 && readSeries(c.doc, 'L5').length === 1, 10_000, 'values on a client');
      expect(readSeries(c.doc, 'K6')).toEqual([{ period: '2023-Q4', value: 4 }, { period: '2024', value: 3.9, source: 'KOSTRA' }]);
      expect(readSeries(c.doc, 'L5')).toEqual([{ period: '2025', value: 4.5 }]);
    }

    // Durable: what storage holds for the board (state and log, as a reload would read them) has the values.
    const stored = await server.storage.loadDocument(board.id);
    const doc = new Y.Doc();
    if (stored.state) Y.applyUpdate(doc, stored.state);
    for (const u of stored.updates) Y.applyUpdate(doc, u.update);
    expect(readSeries(doc, 'K6')).toHaveLength(2);
    expect(readSeries(doc, 'L5')).toHaveLength(1);
  });

  it('viewers get 403; a body or row count over the bound is refused with a clear error', async () => {
    server = await startTestServer({ autoSnapshotMs: 0 });
    const board = await createBoard(server.url, { board: EXAMPLE_BOARD });
    const viewer = await postCsv(board.id, board.tokens.viewer, 'indikator;periode;verdi\nK6;2024;3,9\n', '?dryRun=1');
    expect(viewer.status).toBe(403);
    expect(viewer.body.error.code).toBe('role_insufficient');
    const huge = await postCsv(board.id, board.tokens.editor, 'indikator;periode;verdi\n' + 'K6;2024;1\n'.repeat(CSV_LIMITS.maxBytes / 10 + 10));
    expect(huge.status).toBe(413);
    const many = await postCsv(board.id, board.tokens.editor, 'indikator;periode;verdi\n' + 'K6;2024;1\n'.repeat(CSV_LIMITS.maxRows + 1));
    expect(many.status).toBe(400);
    expect(many.body.error.code).toBe('invalid_csv');
    expect(many.body.error.details.fileErrors[0].code).toBe('too_many_rows');
    const missing = await postCsv(board.id, board.tokens.editor, 'indikator;verdi\nK6;1\n', '?dryRun=1');
    expect(missing.body.fileErrors).toMatchObject([{ row: 1, column: 'periode', code: 'missing_column' }]);
    const json = await postCsv(board.id, board.tokens.editor, '{}', '', 'application/json');
    expect(json.status).toBe(415);
    const room = await server.rooms.acquire(board.id);
    expect(readSeries(room.doc, 'K6')).toEqual([]);
  });
});
