// #16 §5: the audit log. Owner only; newest first, paginated; the actions parties rely on, with the
// server's time and actor; a CSV download; kept after the board is deleted (until the retention).
import { describe, expect, it } from 'vitest';
import { EXAMPLE_BOARD } from '../../shared/examples';
import { callApi } from '../testing/api';
import { cleanUpAfterEach, createBoard, startTestServer } from '../testing/testServer';

cleanUpAfterEach();

describe('GET /api/boards/:id/audit', () => {
  it('lists what happened, newest first, to the owner only; pages; CSV; outlives the board', async () => {
    const server = await startTestServer({ autoSnapshotMs: 0 });
    const board = await createBoard(server.url, { board: EXAMPLE_BOARD });
    const call = (method: string, path: string, token: string, json?: unknown) => callApi(server.url, method, `/api/boards/${board.id}${path}`, { token, json });
    await call('POST', '/agreements', board.tokens.stat, { targetId: 'K2', side: 'stat', name: 'Siri Stat' });
    await call('DELETE', '/agreements/K2/stat', board.tokens.stat);
    const vote = await call('POST', '/votes', board.tokens.editor, { title: 'Først', targetIds: ['K2'], dots: 1, by: { participantId: 'p1', name: 'Frida' } });
    await call('POST', `/votes/${vote.body.vote.id}/close`, board.tokens.editor, { by: { participantId: 'p1', name: 'Frida' } });
    const snap = await call('POST', '/snapshots', board.tokens.editor, { label: 'Før', createdBy: 'Claimed Name' });
    expect(snap.body.createdBy).toBe('editor');
    await call('POST', `/snapshots/${snap.body.id}/restore`, board.tokens.owner);
    await call('POST', '/tokens/rotate', board.tokens.owner, { roles: ['viewer'] });

    for (const token of [board.tokens.editor, board.tokens.stat, board.tokens.viewer!]) {
      expect((await call('GET', '/audit', token)).status).toBe(403);
    }
    const all = await call('GET', '/audit', board.tokens.owner);
    expect(all.status).toBe(200);
    const actions = all.body.entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual([
      'tokens.rotate', 'snapshot.restore', 'snapshot.take', 'vote.close', 'vote.open', 'agreement.withdraw', 'agreement.give', 'board.import',
    ]);
    const give = all.body.entries.find((e: { action: string }) => e.action === 'agreement.give');
    expect(give).toMatchObject({ actor: { name: 'Siri Stat', verified: false }, target: 'K2', details: { side: 'stat' } });
    expect(Date.parse(give.at)).toBeGreaterThan(Date.now() - 60_000);

    const first = await call('GET', '/audit?limit=4', board.tokens.owner);
    expect(first.body.entries).toHaveLength(4);
    const rest = await call('GET', `/audit?limit=100&before=${first.body.next}`, board.tokens.owner);
    expect([...first.body.entries, ...rest.body.entries]).toEqual(all.body.entries);
    expect(rest.body.next).toBeUndefined();
    expect((await call('GET', '/audit?limit=0', board.tokens.owner)).status).toBe(400);

    const csv = await call('GET', '/audit?format=csv', board.tokens.owner);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment/);
    const lines = csv.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines).toHaveLength(actions.length + 1);
    expect(lines[0]).toBe('tidspunkt;handling;aktør;verifisert;mål;detaljer');

    expect((await call('DELETE', '', board.tokens.owner)).status).toBe(204);
    const kept = await server.storage.listAudit(board.id, { limit: 100 });
    expect(kept[0]!.action).toBe('board.delete');
    expect(kept).toHaveLength(actions.length + 1);
    expect(await server.audit.purge()).toBe(0); // within the retention
  });
});
