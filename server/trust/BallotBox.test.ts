// #16 §3: secret ballots. While a vote is open no client holds anyone's ballot (a raw viewer
// client reads the whole document and finds only how many voted); one participant is one ballot
// under a server-issued id (invented ids and a second pass for the same id do nothing); closing
// writes tallies that match the ballots cast, and snapshots keep them.
import { describe, expect, it } from 'vitest';
import { EXAMPLE_BOARD } from '../../shared/examples';
import { castDots, voteOf, voteResults, voterCount, workshopMaps } from '../../shared';
import { CLOSE } from '../../shared';
import { callApi } from '../testing/api';
import { cleanUpAfterEach, connectClient, createBoard, startTestServer, waitFor, type TestServer } from '../testing/testServer';

cleanUpAfterEach();

interface Board {
  id: string;
  tokens: Record<'owner' | 'editor' | 'viewer' | 'stat' | 'kommune', string>;
}
const FAC = { participantId: 'p-fac', name: 'Frida Fasilitator' };

async function setUp() {
  const server = await startTestServer({ autoSnapshotMs: 0 });
  const board = await createBoard(server.url, { board: EXAMPLE_BOARD });
  const call = (method: string, path: string, token: string, json?: unknown, pass?: string) =>
    callApi(server.url, method, `/api/boards/${board.id}${path}`, { token, json, ...(pass ? { headers: { 'x-participant-pass': pass } } : {}) });
  const pass = async (token: string): Promise<string> => (await call('POST', '/participants', token)).body.pass;
  const open = async (dots = 3) => {
    const r = await call('POST', '/votes', board.tokens.editor, { title: 'Hva først?', targetIds: ['K2', 'K3', 'K4'], dots, by: FAC });
    expect(r.status).toBe(201);
    return r.body.vote.id as string;
  };
  return { server, board, call, pass, open };
}

/** Everything a client's document holds about ballots: the ballots map and any vote's results. */
const ballotTraces = (doc: import('yjs').Doc) => ({
  ballots: workshopMaps(doc).ballots.size,
  results: [...workshopMaps(doc).votes.values()].filter((v) => v.results).length,
});

describe('secret ballots', () => {
  it('during an open vote a raw viewer client holds no ballot, only the count; after closing the tallies match the ballots cast', async () => {
    const { server, board, call, pass, open } = await setUp();
    const viewer = connectClient(server.wsUrl, board.id, board.tokens.viewer);
    await viewer.synced;
    const voteId = await open();
    const [a, b, c] = await Promise.all([pass(board.tokens.stat), pass(board.tokens.kommune), pass(board.tokens.editor)]);
    // Three people vote at the same moment.
    const cast = await Promise.all([
      call('PUT', `/votes/${voteId}/ballot`, board.tokens.stat, { name: 'Siri', dots: { K2: 2, K3: 1 } }, a),
      call('PUT', `/votes/${voteId}/ballot`, board.tokens.kommune, { name: 'Kari', dots: { K2: 1, K4: 2 } }, b),
      call('PUT', `/votes/${voteId}/ballot`, board.tokens.editor, { name: 'Per', dots: { K4: 3 } }, c),
    ]);
    expect(cast.map((r) => r.status)).toEqual([200, 200, 200]);
    await waitFor(() => voterCount(viewer.doc, voteId) === 3, 10_000, 'the viewer to see 3 voted');
    expect(ballotTraces(viewer.doc)).toEqual({ ballots: 0, results: 0 });
    expect(voteResults(viewer.doc, voteId)).toBeNull();
    expect(JSON.stringify(viewer.doc.toJSON())).not.toMatch(/Siri|Kari|"Per"/);
    // A participant reads back only their own ballot.
    expect((await call('GET', `/votes/${voteId}/ballot`, board.tokens.stat, undefined, a)).body.dots).toEqual({ K2: 2, K3: 1 });

    const closed = await call('POST', `/votes/${voteId}/close`, board.tokens.editor, { by: FAC });
    expect(closed.status).toBe(200);
    await waitFor(() => voteOf(viewer.doc, voteId)?.status === 'closed', 10_000, 'the close to arrive');
    const rows = Object.fromEntries(voteResults(viewer.doc, voteId)!.map((r) => [r.targetId, [r.dots, r.voters]]));
    expect(rows).toEqual({ K2: [3, 2], K3: [1, 1], K4: [5, 2] });
    expect(voterCount(viewer.doc, voteId)).toBe(3);
    expect(ballotTraces(viewer.doc)).toEqual({ ballots: 0, results: 1 });
    // The ballots are gone from the server once the tallies are on the board; no more can be cast.
    expect(await server.storage.listBallots(board.id, voteId)).toEqual([]);
    expect((await call('PUT', `/votes/${voteId}/ballot`, board.tokens.stat, { name: 'Siri', dots: { K2: 1 } }, a)).status).toBe(409);

    // A snapshot keeps the results; its file holds no ballot.
    const snap = await call('POST', '/snapshots', board.tokens.editor, { label: 'Etter avstemning' });
    const json = (await call('GET', `/snapshots/${snap.body.id}`, board.tokens.viewer)).body;
    const vote = json.workshop.votes.find((v: { id: string }) => v.id === voteId);
    expect(vote).toMatchObject({ status: 'closed', voted: 3, ballots: [] });
    expect(vote.results).toEqual(expect.arrayContaining([{ targetId: 'K4', dots: 5, voters: 2 }]));
  });

  it('ballot stuffing does nothing: invented ids are refused, one pass is one ballot, dots stay within the vote', async () => {
    const { server, board, call, pass, open } = await setUp();
    const voteId = await open(3);
    const mine = await pass(board.tokens.editor);
    // 20 ballots under invented participant ids, and a pass from another link or board.
    const forged = await Promise.all(
      Array.from({ length: 20 }, (_, i) => call('PUT', `/votes/${voteId}/ballot`, board.tokens.editor, { name: `Voter ${i}`, dots: { K2: 3 } }, `p-fake${i}.${mine.split('.')[1]}`)),
    );
    expect(new Set(forged.map((r) => r.status))).toEqual(new Set([403]));
    expect((await call('PUT', `/votes/${voteId}/ballot`, board.tokens.stat, { name: 'X', dots: { K2: 1 } }, mine)).status).toBe(403);
    expect((await call('PUT', `/votes/${voteId}/ballot`, board.tokens.editor, { name: 'X', dots: { K2: 1 } })).status).toBe(403);
    // The same pass 20 times is one ballot, the last one.
    for (let i = 0; i < 20; i++) await call('PUT', `/votes/${voteId}/ballot`, board.tokens.editor, { name: 'Per', dots: { K2: 3 } }, mine);
    await call('PUT', `/votes/${voteId}/ballot`, board.tokens.editor, { name: 'Per', dots: { K3: 1 } }, mine);
    // More dots than the vote gives, a card outside it, and a viewer are refused.
    expect((await call('PUT', `/votes/${voteId}/ballot`, board.tokens.editor, { name: 'Per', dots: { K2: 4 } }, mine)).status).toBe(400);
    expect((await call('PUT', `/votes/${voteId}/ballot`, board.tokens.editor, { name: 'Per', dots: { K0: 1 } }, mine)).status).toBe(400);
    expect((await call('PUT', `/votes/${voteId}/ballot`, board.tokens.viewer, { name: 'V', dots: { K2: 1 } }, mine)).status).toBe(403);
    expect(await server.storage.listBallots(board.id, voteId)).toEqual([expect.objectContaining({ dots: { K3: 1 } })]);

    // The old way, writing ballots into the document, closes the connection and stores nothing.
    const raw = connectClient(server.wsUrl, board.id, board.tokens.editor);
    await raw.synced;
    for (let i = 0; i < 20; i++) castDots(raw.doc, { voteId, participantId: `p-${i}`, name: `V${i}`, dots: { K2: 3 }, at: new Date().toISOString() }, 'stuff');
    await waitFor(() => raw.closes.length > 0, 10_000, 'the stuffer to be closed');
    expect(raw.closes[0]!.code).toBe(CLOSE.serverWritten.code);

    const closed = await call('POST', `/votes/${voteId}/close`, board.tokens.editor, { by: FAC });
    expect(closed.body.vote).toMatchObject({ status: 'closed', voted: 1 });
    expect(closed.body.vote.results).toEqual([
      { targetId: 'K2', dots: 0, voters: 0 },
      { targetId: 'K3', dots: 1, voters: 1 },
      { targetId: 'K4', dots: 0, voters: 0 },
    ]);
  });

  it('only the facilitator closes a vote while there is one; viewers cannot open, vote or close', async () => {
    const { server, board, call } = await setUp();
    const fac = connectClient(server.wsUrl, board.id, board.tokens.editor);
    await fac.synced;
    workshopMaps(fac.doc).session.set('facilitator', { participantId: FAC.participantId, name: FAC.name, since: new Date().toISOString() });
    const room = (await server.rooms.loaded(board.id))!;
    await waitFor(() => workshopMaps(room.doc).session.has('facilitator'), 10_000, 'the server to know the facilitator');
    const other = { participantId: 'p-other', name: 'Ola' };
    const refused = await call('POST', '/votes', board.tokens.editor, { title: 'x', targetIds: ['K2'], dots: 1, by: other });
    expect(refused.status).toBe(403);
    const vote = await call('POST', '/votes', board.tokens.editor, { title: 'x', targetIds: ['K2'], dots: 1, by: FAC });
    expect(vote.status).toBe(201);
    expect((await call('POST', `/votes/${vote.body.vote.id}/close`, board.tokens.editor, { by: other })).status).toBe(403);
    expect((await call('POST', '/votes', board.tokens.viewer, { title: 'x', targetIds: ['K2'], dots: 1, by: FAC })).status).toBe(403);
    expect((await call('POST', `/votes/${vote.body.vote.id}/close`, board.tokens.viewer, { by: FAC })).status).toBe(403);
    expect((await call('POST', '/participants', board.tokens.viewer)).status).toBe(403);
    expect((await call('POST', `/votes/${vote.body.vote.id}/close`, board.tokens.stat, { by: FAC })).status).toBe(200);
  });
});
