// #16 §4: comment times and authors come from the server. Threads, replies and resolves are still
// written by the browser (they work offline), but the server stamps each one it receives with its
// own time and the sender's identity — a member's verified name, else the link and the typed name —
// in a map only it writes. A skewed clock or a forged name changes nothing of the stamp; a client
// writing the stamps itself is refused (4423), nothing stored or relayed; a thread written offline
// is stamped when it arrives; the exports show the stamps.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EXAMPLE_BOARD } from '../../shared/examples';
import {
  CLOSE, commentStampsOf, meetingStartLabel, messageStampKey, reply, resolveStampKey, resolveThread, startThread, trustedMessage, trustedResolve, updateNode,
  workshopMaps, type CommentMessage, type CommentStamp,
} from '../../shared';
import { cleanUpAfterEach, connectClient, createBoard, startTestServer, waitFor, type TestClient } from '../testing/testServer';
import { browserFetch, CookieJar, nameOf, signIn, startSignInServer } from '../testing/testProvider';
import { SESSION_COOKIE } from '../auth/sessions';
import { formatDateTime } from '../../shared/export';

cleanUpAfterEach();

const A_YEAR_AGO = new Date(Date.now() - 365 * 24 * 3600_000).toISOString();
const stampsOf = (c: TestClient) => commentStampsOf(c.doc);
const messagesOf = (c: TestClient, threadId: string) =>
  ((workshopMaps(c.doc).comments.get(threadId)?.get('messages') as Y.Array<CommentMessage> | undefined)?.toArray() ?? []);
const inWindow = (at: string, from: string, to: string) => at >= from && at <= to;

describe('comment stamps', () => {
  it('two members comment on one card at once, one with a skewed clock and a forged name: the stamps carry server times and the verified names', async () => {
    const server = await startSignInServer({ autoSnapshotMs: 0 });
    const kari = new CookieJar();
    const ola = new CookieJar();
    await signIn(kari, server, 'kari');
    await signIn(ola, server, 'ola');
    const call = async (jar: CookieJar, path: string, json: unknown) => {
      const res = await browserFetch(jar, `${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) });
      expect(res.status).toBeLessThan(300);
      return (await res.json()) as Record<string, any>;
    };
    const boardId = (await call(kari, '/api/boards', { board: EXAMPLE_BOARD, side: 'stat' })).id as string;
    const invite = await call(kari, `/api/boards/${boardId}/invitations`, { role: 'editor', side: 'kommune' });
    await call(ola, '/api/invitations/accept', { token: invite.token });
    const member = (jar: CookieJar) => connectClient(server.wsUrl, boardId, '', undefined, { cookie: `${SESSION_COOKIE}=${jar.get(server.url, SESSION_COOKIE)}`, origin: server.url });
    const k = member(kari);
    const o = member(ola);
    await Promise.all([k.synced, o.synced]);

    const from = new Date().toISOString();
    // At the same moment: Kari, claiming to be Ola and writing a year ago; Ola, honestly.
    startThread(k.doc, { id: 'tk', targetId: 'K2', targetType: 'node', participantId: 'p-kari', name: nameOf('ola'), text: 'Er dette målet realistisk?', at: A_YEAR_AGO, messageId: 'mk1' }, 'kari');
    startThread(o.doc, { id: 'to', targetId: 'K2', targetType: 'node', participantId: 'p-ola', name: nameOf('ola'), text: 'Kommunen foreslår 2030.', at: new Date().toISOString(), messageId: 'mo1' }, 'ola');
    await waitFor(() => workshopMaps(k.doc).comments.size === 2 && workshopMaps(o.doc).comments.size === 2, 10_000, 'both threads on both sides');
    // And each replies to the other's thread at once.
    reply(k.doc, { threadId: 'to', participantId: 'p-kari', name: nameOf('ola'), text: 'Enig i 2030.', at: A_YEAR_AGO, messageId: 'mk2' }, 'kari');
    reply(o.doc, { threadId: 'tk', participantId: 'p-ola', name: nameOf('ola'), text: 'Ja, med tiltakene.', at: new Date().toISOString(), messageId: 'mo2' }, 'ola');
    const all = ['mk1', 'mk2', 'mo1', 'mo2'];
    await waitFor(() => [k, o].every((c) => all.every((id) => stampsOf(c).has(messageStampKey(id)))), 10_000, 'every message stamped on both sides');
    const to = new Date().toISOString();

    for (const c of [k, o]) {
      // Both messages of each thread survive, in the same order on both replicas.
      expect(messagesOf(c, 'tk').map((m) => m.id)).toEqual(messagesOf(k, 'tk').map((m) => m.id));
      expect(messagesOf(c, 'tk')).toHaveLength(2);
      expect(messagesOf(c, 'to')).toHaveLength(2);
      const stamps = stampsOf(c);
      for (const id of ['mk1', 'mk2']) {
        const s = stamps.get(messageStampKey(id))!;
        expect(inWindow(s.at, from, to)).toBe(true);
        expect(s.by).toEqual({ name: nameOf('kari'), verified: true, side: 'stat' });
      }
      for (const id of ['mo1', 'mo2']) expect(stamps.get(messageStampKey(id))!.by).toEqual({ name: nameOf('ola'), verified: true, side: 'kommune' });
      // What every reader shows: the server's time and name, not the claim.
      const forged = messagesOf(c, 'tk')[0]!;
      expect(forged.at).toBe(A_YEAR_AGO);
      const shown = trustedMessage('tk', forged, stamps);
      expect(shown).toMatchObject({ name: nameOf('kari'), stamped: true, verified: true });
      expect(inWindow(shown.at, from, to)).toBe(true);
    }
  });

  it('a link holder\'s thread, reply and resolve are stamped with the link, the typed name (unverified) and the server time', async () => {
    const server = await startTestServer({ autoSnapshotMs: 0 });
    const board = await createBoard(server.url, { board: EXAMPLE_BOARD });
    const stat = connectClient(server.wsUrl, board.id, board.tokens.stat);
    const editor = connectClient(server.wsUrl, board.id, board.tokens.editor);
    await Promise.all([stat.synced, editor.synced]);
    const from = new Date().toISOString();
    startThread(stat.doc, { id: 't1', targetId: 'K4', targetType: 'node', participantId: 'p-s', name: 'Siri Stat', text: 'Hvem eier tiltaket?', at: A_YEAR_AGO, messageId: 'm1' }, 'stat');
    await waitFor(() => workshopMaps(editor.doc).comments.has('t1'), 10_000, 'the thread');
    reply(editor.doc, { threadId: 't1', participantId: 'p-e', name: 'Eva Editor', text: 'Kommunen.', at: A_YEAR_AGO, messageId: 'm2' }, 'editor');
    await waitFor(() => messagesOf(stat, 't1').length === 2, 10_000, 'the reply');
    resolveThread(stat.doc, { threadId: 't1', participantId: 'p-s', name: 'Someone Else', at: A_YEAR_AGO }, 'stat');
    await waitFor(() => stampsOf(editor).has(resolveStampKey('t1')) && stampsOf(editor).has(messageStampKey('m2')), 10_000, 'the stamps');
    const to = new Date().toISOString();
    const stamps = stampsOf(editor);
    expect(stamps.get(messageStampKey('m1'))!.by).toEqual({ name: 'Siri Stat', verified: false, link: 'stat', side: 'stat' });
    expect(stamps.get(messageStampKey('m2'))!.by).toEqual({ name: 'Eva Editor', verified: false, link: 'editor' });
    const resolved = stamps.get(resolveStampKey('t1'))!;
    expect(resolved.by).toEqual({ name: 'Someone Else', verified: false, link: 'stat', side: 'stat' });
    for (const s of [resolved, stamps.get(messageStampKey('m1'))!, stamps.get(messageStampKey('m2'))!]) expect(inWindow(s.at, from, to)).toBe(true);
    const thread = { id: 't1', resolved: true, resolvedBy: { participantId: 'p-s', name: 'Someone Else' }, resolvedAt: A_YEAR_AGO };
    expect(trustedResolve(thread, stamps)).toMatchObject({ stamped: true, at: resolved.at });
  });

  it('after the board is unloaded and loaded again, a new resolve replaces the old stamp and new messages are stamped', async () => {
    const server = await startTestServer({ autoSnapshotMs: 0 });
    const board = await createBoard(server.url, { board: EXAMPLE_BOARD });
    const first = connectClient(server.wsUrl, board.id, board.tokens.stat);
    await first.synced;
    startThread(first.doc, { id: 't1', targetId: 'K4', targetType: 'node', participantId: 'p-s', name: 'Siri Stat', text: 'Første runde.', at: A_YEAR_AGO, messageId: 'm1' }, 's');
    resolveThread(first.doc, { threadId: 't1', participantId: 'p-s', name: 'Siri Stat', at: A_YEAR_AGO }, 's');
    await waitFor(() => stampsOf(first).has(resolveStampKey('t1')) && stampsOf(first).has(messageStampKey('m1')), 10_000, 'the first stamps');
    const firstResolve = stampsOf(first).get(resolveStampKey('t1'))!;
    first.destroy();
    await server.rooms.closeBoard(board.id, { code: 1012, reason: 'test' });
    await new Promise((r) => setTimeout(r, 20));

    const again = connectClient(server.wsUrl, board.id, board.tokens.kommune);
    await again.synced;
    expect(stampsOf(again).get(resolveStampKey('t1'))).toEqual(firstResolve);
    // Kari replies (which reopens the thread) and resolves it again.
    reply(again.doc, { threadId: 't1', participantId: 'p-k', name: 'Kari Kommune', text: 'Andre runde.', at: A_YEAR_AGO, messageId: 'm2' }, 'k');
    resolveThread(again.doc, { threadId: 't1', participantId: 'p-k', name: 'Kari Kommune', at: A_YEAR_AGO }, 'k');
    await waitFor(() => stampsOf(again).has(messageStampKey('m2')) && stampsOf(again).get(resolveStampKey('t1'))!.at !== firstResolve.at, 10_000, 'the new stamps');
    const fresh = connectClient(server.wsUrl, board.id, board.tokens.viewer);
    await fresh.synced;
    for (const c of [again, fresh]) {
      expect(stampsOf(c).get(resolveStampKey('t1'))!.by).toEqual({ name: 'Kari Kommune', verified: false, link: 'kommune', side: 'kommune' });
      expect(stampsOf(c).get(messageStampKey('m1'))!.by.name).toBe('Siri Stat');
      expect(stampsOf(c).get(messageStampKey('m2'))!.by.link).toBe('kommune');
    }
  });

  it('a message copied under a stamped id with other text is not covered by that stamp', async () => {
    const server = await startTestServer({ autoSnapshotMs: 0 });
    const board = await createBoard(server.url, { board: EXAMPLE_BOARD });
    const honest = connectClient(server.wsUrl, board.id, board.tokens.stat);
    const other = connectClient(server.wsUrl, board.id, board.tokens.editor);
    await Promise.all([honest.synced, other.synced]);
    startThread(honest.doc, { id: 't1', targetId: 'K4', targetType: 'node', participantId: 'p-s', name: 'Siri Stat', text: 'Vi avventer.', at: new Date().toISOString(), messageId: 'm1' }, 's');
    await waitFor(() => stampsOf(other).has(messageStampKey('m1')), 10_000, 'the stamp');
    // Another person puts a message with the same id and words of their own into the thread.
    reply(other.doc, { threadId: 't1', participantId: 'p-s', name: 'Siri Stat', text: 'Vi godtar alt.', at: new Date().toISOString(), messageId: 'm1' }, 'o');
    await waitFor(() => messagesOf(honest, 't1').length === 2, 10_000, 'the copy');
    await new Promise((r) => setTimeout(r, 100));
    const [original, copy] = messagesOf(honest, 't1');
    expect(trustedMessage('t1', original!, stampsOf(honest))).toMatchObject({ stamped: true, name: 'Siri Stat' });
    expect(trustedMessage('t1', copy!, stampsOf(honest))).toMatchObject({ stamped: false });
  });

  it('a client that writes the stamps itself is refused with 4423: nothing stored, nothing relayed', async () => {
    const server = await startTestServer({ autoSnapshotMs: 0 });
    const board = await createBoard(server.url, { board: EXAMPLE_BOARD });
    const forger = connectClient(server.wsUrl, board.id, board.tokens.stat);
    const other = connectClient(server.wsUrl, board.id, board.tokens.editor);
    await Promise.all([forger.synced, other.synced]);
    const forged: CommentStamp = { at: A_YEAR_AGO, by: { name: 'Rådmannen', verified: true, side: 'kommune' } };
    commentStampsOf(forger.doc).set(messageStampKey('m-x'), forged);
    await waitFor(() => forger.closes.length > 0, 10_000, 'the forger to be closed');
    expect(forger.closes[0]!.code).toBe(CLOSE.serverWritten.code);
    // The other person goes on; neither they nor a newcomer nor the store hold the forged stamp.
    updateNode(other.doc, 'K4', { title: 'Fortsatt arbeid' }, 'good');
    const fresh = connectClient(server.wsUrl, board.id, board.tokens.viewer);
    await fresh.synced;
    await waitFor(() => String(fresh.doc.getMap('nodes').get('K4') && (fresh.doc.getMap('nodes').get('K4') as Y.Map<unknown>).get('title')) === 'Fortsatt arbeid', 10_000, 'the good edit');
    for (const c of [other, fresh]) expect(stampsOf(c).size).toBe(0);
    await server.rooms.closeBoard(board.id, { code: 1012, reason: 'test' });
    const reloaded = new Y.Doc();
    const stored = await server.storage.loadDocument(board.id);
    if (stored.state) Y.applyUpdate(reloaded, stored.state);
    for (const row of stored.updates) Y.applyUpdate(reloaded, row.update);
    expect(commentStampsOf(reloaded).size).toBe(0);
  });

  it('a thread written offline is stamped when it arrives, with the time of its arrival', async () => {
    const server = await startTestServer({ autoSnapshotMs: 0 });
    const board = await createBoard(server.url, { board: EXAMPLE_BOARD });
    const away = connectClient(server.wsUrl, board.id, board.tokens.kommune);
    const watcher = connectClient(server.wsUrl, board.id, board.tokens.viewer);
    await Promise.all([away.synced, watcher.synced]);
    away.provider.disconnect();
    const writtenAt = new Date().toISOString();
    startThread(away.doc, { id: 't-off', targetId: 'K4', targetType: 'node', participantId: 'p-k', name: 'Kari Kommune', text: 'Skrevet på toget.', at: writtenAt, messageId: 'm-off' }, 'away');
    await new Promise((r) => setTimeout(r, 300));
    expect(stampsOf(watcher).size).toBe(0);
    const back = new Date().toISOString();
    away.provider.connect();
    await waitFor(() => stampsOf(watcher).has(messageStampKey('m-off')) && stampsOf(away).has(messageStampKey('m-off')), 10_000, 'the stamp after reconnecting');
    const stamp = stampsOf(watcher).get(messageStampKey('m-off'))!;
    expect(stamp.at >= back && stamp.at > writtenAt).toBe(true);
    expect(stamp.by).toEqual({ name: 'Kari Kommune', verified: false, link: 'kommune', side: 'kommune' });
    // Until then the writer's own replica showed it as not yet confirmed; now it is.
    expect(trustedMessage('t-off', messagesOf(away, 't-off')[0]!, stampsOf(away)).stamped).toBe(true);
  });

  it('the chapter\'s comment appendix and the referat show the stamped times, not the browser\'s', async () => {
    const server = await startTestServer({ autoSnapshotMs: 0 });
    const board = await createBoard(server.url, { board: EXAMPLE_BOARD });
    const stat = connectClient(server.wsUrl, board.id, board.tokens.stat);
    await stat.synced;
    const api = async (method: string, path: string, json?: unknown) => {
      const res = await fetch(`${server.url}/api/boards/${board.id}${path}`, {
        method, headers: { authorization: `Bearer ${board.tokens.editor}`, 'content-type': 'application/json' }, body: json === undefined ? undefined : JSON.stringify(json),
      });
      expect(res.status).toBeLessThan(300);
      return res;
    };
    const since = ((await (await api('POST', '/snapshots', { label: meetingStartLabel('Møte'), createdBy: 'Frida' })).json()) as { id: string }).id;
    // Written in the meeting by a browser whose clock is a year behind.
    startThread(stat.doc, { id: 't1', targetId: 'K4', targetType: 'node', participantId: 'p-s', name: 'Siri Stat', text: 'Hvem eier tiltaket?', at: A_YEAR_AGO, messageId: 'm1' }, 'stat');
    await waitFor(() => stampsOf(stat).has(messageStampKey('m1')), 10_000, 'the stamp');
    const stamped = stampsOf(stat).get(messageStampKey('m1'))!.at;
    const md = await (await api('GET', '/export?format=md&comments=1')).text();
    expect(md).toContain(`Siri Stat, ${formatDateTime(stamped, 'nb')}: Hvem eier tiltaket?`);
    expect(md).not.toContain(formatDateTime(A_YEAR_AGO, 'nb'));
    // The referat counts it as said in the meeting (by its stamp), though the browser dated it a year back.
    const referat = await (await api('GET', `/export?format=md&variant=referat&since=${since}`)).text();
    expect(referat).toContain('Siri Stat: «Hvem eier tiltaket?»');
    // The interchange file is the board's data: it keeps what the browser wrote.
    const json = JSON.parse(await (await api('GET', '/export?format=json')).text());
    expect(json.workshop.comments[0].messages[0].at).toBe(A_YEAR_AGO);
  });
});
