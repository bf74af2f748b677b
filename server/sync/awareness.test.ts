// Awareness is checked by the server (issue #12, findings 5 and 6): every field against
// shared/presence.ts, one client id per connection, the role from the token, drag and viewport only
// where the role allows, clocks that never jump. Real server, real y-websocket clients, raw sockets
// for what no honest client sends.
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { facilitatorOf, takeFacilitator } from '../../shared';
import { encodeAwareness, encodeAwarenessUpdate, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS } from '../protocol';
import { PROBE_MS } from './RoomAwareness';
import { cleanUpAfterEach, connectClient, createBoard, startTestServer, trackSocket, waitFor, type TestClient } from '../testing/testServer';

cleanUpAfterEach();

type State = Record<string, unknown> & { user?: Record<string, unknown> };
const stateOf = (c: TestClient, clientId: number) => c.provider.awareness.getStates().get(clientId) as State | undefined;

/** A raw socket that sends awareness frames and can wait until the server handled them (a query is answered in order). */
async function rawClient(url: string, opts: WebSocket.ClientOptions = {}) {
  const ws = trackSocket(new WebSocket(url, opts));
  const replies: Uint8Array[] = [];
  ws.on('message', (d: Buffer) => replies.push(new Uint8Array(d)));
  await new Promise((resolve, reject) => {
    ws.on('open', resolve);
    ws.on('error', reject);
  });
  return {
    ws,
    send(entries: { clientId: number; clock: number; state: Record<string, unknown> | null }[]) {
      ws.send(encodeAwareness(encodeAwarenessUpdate(entries)));
    },
    /** Resolves once everything sent before it was handled. */
    async handled() {
      const before = replies.length;
      ws.send(new Uint8Array([MESSAGE_QUERY_AWARENESS]));
      await waitFor(() => replies.slice(before).some((r) => r[0] === MESSAGE_AWARENESS), 5000, 'the awareness answer');
    },
  };
}

describe('awareness is checked by the server', () => {
  it("a viewer's drag never reaches anyone; an editor's does", async () => {
    const server = await startTestServer();
    const board = await createBoard(server.url);
    const watcher = connectClient(server.wsUrl, board.id, board.tokens.editor);
    const viewer = connectClient(server.wsUrl, board.id, board.tokens.viewer);
    const editor = connectClient(server.wsUrl, board.id, board.tokens.editor);
    await Promise.all([watcher.synced, viewer.synced, editor.synced]);
    viewer.provider.awareness.setLocalState({ user: { name: 'Vera', color: '#123456' }, drag: { n1: { x: 5000, y: 5000 } } });
    editor.provider.awareness.setLocalState({ user: { name: 'Eli', color: '#654321' }, drag: { n2: { x: 10, y: 20 } } });
    await waitFor(() => !!stateOf(watcher, viewer.doc.clientID)?.user && !!stateOf(watcher, editor.doc.clientID)?.user);
    expect(stateOf(watcher, viewer.doc.clientID)).not.toHaveProperty('drag');
    expect(stateOf(watcher, editor.doc.clientID)?.drag).toEqual({ n2: { x: 10, y: 20 } });
  });

  it('a client that reconnects is seen again at once with the state it had (its resent clock is not "old")', async () => {
    const server = await startTestServer();
    const board = await createBoard(server.url);
    const watcher = connectClient(server.wsUrl, board.id, board.tokens.editor);
    const editor = connectClient(server.wsUrl, board.id, board.tokens.editor);
    await Promise.all([watcher.synced, editor.synced]);
    editor.provider.awareness.setLocalState({ user: { name: 'Eli', color: '#654321' } });
    await waitFor(() => !!stateOf(watcher, editor.doc.clientID)?.user, 5000, 'Eli present');
    editor.provider.disconnect();
    await waitFor(() => stateOf(watcher, editor.doc.clientID) === undefined, 5000, 'Eli gone');
    editor.provider.connect();
    await waitFor(() => stateOf(watcher, editor.doc.clientID)?.user?.name === 'Eli', 5000, 'Eli back without changing anything');
  });

  it('the role is the token\'s: a role written into user or the state is replaced', async () => {
    const server = await startTestServer();
    const board = await createBoard(server.url);
    const watcher = connectClient(server.wsUrl, board.id, board.tokens.editor);
    const viewer = connectClient(server.wsUrl, board.id, board.tokens.viewer);
    await Promise.all([watcher.synced, viewer.synced]);
    viewer.provider.awareness.setLocalState({ user: { name: 'Kari', color: '#123456', role: 'owner' }, role: 'owner' });
    await waitFor(() => !!stateOf(watcher, viewer.doc.clientID)?.user);
    const seen = stateOf(watcher, viewer.doc.clientID)!;
    expect(seen.role).toBe('viewer');
    expect(seen.user).not.toHaveProperty('role');
  });

  it('bad fields are dropped, the rest kept: a name that is a number never reaches others', async () => {
    const server = await startTestServer();
    const board = await createBoard(server.url);
    const watcher = connectClient(server.wsUrl, board.id, board.tokens.editor);
    const raw = await rawClient(`${server.wsUrl}/${board.id}?token=${board.tokens.viewer}`);
    await watcher.synced;
    raw.send([{ clientId: 4242, clock: 1, state: { user: { name: 1, color: 2 }, cursor: { x: 3, y: 4 }, sel: 'all', extra: 'x'.repeat(1000) } }]);
    await raw.handled();
    await waitFor(() => !!stateOf(watcher, 4242));
    expect(stateOf(watcher, 4242)).toEqual({ cursor: { x: 3, y: 4 }, role: 'viewer' });
  });

  it('one 1.5 MiB message of 20,000 entries makes at most one presence', async () => {
    const server = await startTestServer();
    const board = await createBoard(server.url);
    const raw = await rawClient(`${server.wsUrl}/${board.id}?token=${board.tokens.viewer}`);
    const entries = Array.from({ length: 20_000 }, (_, i) => ({ clientId: 1000 + i, clock: 1, state: { user: { name: `Ghost ${i}`, color: '#000000' }, pad: 'x'.repeat(40) } }));
    const frame = encodeAwareness(encodeAwarenessUpdate(entries));
    expect(frame.byteLength).toBeGreaterThan(1.4 * 1024 * 1024);
    raw.ws.send(frame);
    await raw.handled();
    const room = await server.rooms.acquire(board.id);
    expect(room.awareness.getStates().size).toBe(1);
    // And the connection cannot take a second id later either.
    raw.send([{ clientId: 99, clock: 1, state: { user: { name: 'Another', color: '#000000' } } }]);
    await raw.handled();
    expect([...room.awareness.getStates().keys()]).toEqual([1000]);
  });

  it('claiming the facilitator\'s participant id with a viewport moves nobody; the facilitator\'s own viewport is shared', async () => {
    const server = await startTestServer();
    const board = await createBoard(server.url);
    const lead = connectClient(server.wsUrl, board.id, board.tokens.owner);
    const follower = connectClient(server.wsUrl, board.id, board.tokens.editor);
    const spoofer = connectClient(server.wsUrl, board.id, board.tokens.viewer);
    await Promise.all([lead.synced, follower.synced, spoofer.synced]);
    expect(takeFacilitator(lead.doc, { participantId: 'p-lead', name: 'Lea', at: new Date().toISOString() }, 'test').ok).toBe(true);
    const room = await server.rooms.acquire(board.id);
    await waitFor(() => facilitatorOf(room.doc)?.participantId === 'p-lead', 5000, 'the facilitator to be stored');
    lead.provider.awareness.setLocalState({ user: { name: 'Lea', color: '#111111', participantId: 'p-lead' }, viewport: { x: 1, y: 2, zoom: 1 } });
    spoofer.provider.awareness.setLocalState({ user: { name: 'Lea', color: '#111111', participantId: 'p-lead' }, viewport: { x: -9999, y: -9999, zoom: 4 } });
    await waitFor(() => !!stateOf(follower, lead.doc.clientID)?.viewport && !!stateOf(follower, spoofer.doc.clientID)?.user);
    expect(stateOf(follower, lead.doc.clientID)?.viewport).toEqual({ x: 1, y: 2, zoom: 1 });
    const spoof = stateOf(follower, spoofer.doc.clientID)!;
    expect(spoof).not.toHaveProperty('viewport');
    // The participant id belongs to the link that used it first while it is here.
    expect(spoof.user).not.toHaveProperty('participantId');
  });

  it('a squatter that pushed a client id to clock 2^31 and left does not hide its owner when they return', async () => {
    const server = await startTestServer();
    const board = await createBoard(server.url);
    const watcher = connectClient(server.wsUrl, board.id, board.tokens.viewer);
    await watcher.synced;
    const id = 777_777;
    const makeDoc = () => {
      const d = new Y.Doc();
      d.clientID = id;
      return d;
    };
    const anne = connectClient(server.wsUrl, board.id, board.tokens.editor, makeDoc());
    await anne.synced;
    anne.provider.awareness.setLocalState({ user: { name: 'Anne', color: '#222222' } });
    await waitFor(() => stateOf(watcher, id)?.user?.name === 'Anne');
    // Her line drops (a network blip); the provider keeps her doc, id and clock for the reconnect.
    anne.provider.disconnect();
    await waitFor(() => !stateOf(watcher, id), 5000, 'Anne to leave');

    // A squatter with the same link as hers (so the reservation does not stop it) and one with another.
    for (const token of [board.tokens.editor, board.tokens.viewer]) {
      const squatter = await rawClient(`${server.wsUrl}/${board.id}?token=${token}`);
      squatter.send([{ clientId: id, clock: 2 ** 31, state: { user: { name: 'Squatter', color: '#333333' } } }]);
      await squatter.handled();
      squatter.ws.close();
      await waitFor(() => stateOf(watcher, id)?.user?.name !== 'Squatter', 5000, 'the squatter to leave');
    }

    // Anne comes back on the same line and moves her cursor a few times.
    anne.provider.connect();
    await waitFor(() => anne.provider.wsconnected, 5000, 'the reconnect');
    for (let i = 0; i < 4; i++) anne.provider.awareness.setLocalStateField('cursor', { x: i, y: i });
    await waitFor(() => stateOf(watcher, id)?.user?.name === 'Anne', 5000, 'Anne to be seen again');
    expect(stateOf(watcher, id)?.cursor).toEqual({ x: 3, y: 3 });
  });
  it('a line that dropped without a close does not hide its owner: the reconnect on the same link takes the id over once the old socket fails a ping, another link cannot', async () => {
    const server = await startTestServer();
    const board = await createBoard(server.url);
    const watcher = connectClient(server.wsUrl, board.id, board.tokens.viewer);
    await watcher.synced;
    const id = 424_242;
    // Anne's old socket: the network went away, so the server never heard it close (until the
    // heartbeat), and it answers no ping.
    const stale = await rawClient(`${server.wsUrl}/${board.id}?token=${board.tokens.editor}`, { autoPong: false });
    stale.send([{ clientId: id, clock: 3, state: { user: { name: 'Anne', color: '#222222' } } }]);
    await stale.handled();
    await waitFor(() => stateOf(watcher, id)?.user?.name === 'Anne', 5000, 'Anne present');

    // Someone with another link claims her id while the old socket still holds it: ignored.
    const other = await rawClient(`${server.wsUrl}/${board.id}?token=${board.tokens.viewer}`);
    other.send([{ clientId: id, clock: 9, state: { user: { name: 'Squatter', color: '#333333' } } }]);
    await other.handled();

    // Anne's doc reconnects on a new socket with the same link and id, and renames herself.
    const doc = new Y.Doc();
    doc.clientID = id;
    const anne = connectClient(server.wsUrl, board.id, board.tokens.editor, doc);
    await anne.synced;
    anne.provider.awareness.setLocalState({ user: { name: 'Anne B.', color: '#222222' } });
    await waitFor(() => stateOf(watcher, id)?.user?.name === 'Anne B.', PROBE_MS + 3000, 'the reconnect to be seen');
    anne.provider.awareness.setLocalStateField('cursor', { x: 1, y: 2 });
    await waitFor(() => (stateOf(watcher, id)?.cursor as { x: number } | undefined)?.x === 1, 5000, 'her next change');

    // The old socket was dropped; the person who is here stays.
    await waitFor(() => stale.ws.readyState === WebSocket.CLOSED, 5000, 'the old socket dropped');
    await new Promise((r) => setTimeout(r, 300));
    expect(stateOf(watcher, id)?.user?.name).toBe('Anne B.');
  });
});
