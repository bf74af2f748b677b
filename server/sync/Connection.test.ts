// A Connection owns its socket: what it hears there, and its one way out, close(), which also
// leaves the room — whoever closes, the room counts the connection out exactly once.
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CLOSE } from '../../shared';
import { cleanUpAfterEach, createBoard, startTestServer, trackSocket, waitFor } from '../testing/testServer';

cleanUpAfterEach();

async function rawSocket(wsUrl: string, boardId: string, token: string): Promise<{ ws: WebSocket; closed: Promise<{ code: number; reason: string }> }> {
  const ws = trackSocket(new WebSocket(`${wsUrl}/${boardId}?token=${token}`));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { ws, closed };
}

describe('Connection', () => {
  it('closes on a text frame with its own close code and leaves the room at once', async () => {
    const server = await startTestServer();
    const board = await createBoard(server.url);
    const { ws, closed } = await rawSocket(server.wsUrl, board.id, board.tokens.editor);
    const room = await server.rooms.acquire(board.id);
    await waitFor(() => room.connectionCount === 1);
    ws.send('hallo');
    expect(await closed).toEqual(CLOSE.textFrame);
    expect(room.connectionCount).toBe(0);
  });

  it('a close by the server leaves the room before the client has answered, and the late socket close counts nothing twice', async () => {
    const server = await startTestServer();
    const board = await createBoard(server.url);
    const a = await rawSocket(server.wsUrl, board.id, board.tokens.editor);
    const b = await rawSocket(server.wsUrl, board.id, board.tokens.viewer);
    const room = await server.rooms.acquire(board.id);
    await waitFor(() => room.connectionCount === 2);
    room.closeConnections(CLOSE.tokenRevoked, (c) => c.role === 'viewer');
    expect(room.connectionCount).toBe(1);
    expect(await b.closed).toEqual(CLOSE.tokenRevoked);
    expect(room.connectionCount).toBe(1);
    const gauge = (await server.metrics.registry.getSingleMetric('malkart_connections')!.get()).values;
    expect(gauge.find((v) => v.labels.role === 'viewer')?.value).toBe(0);
    expect(gauge.find((v) => v.labels.role === 'editor')?.value).toBe(1);
    a.ws.close();
    await a.closed;
    await waitFor(() => room.connectionCount === 0);
  });
});
