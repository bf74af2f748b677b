// Structured logs (server/log.ts): a session that used every token, in every place a token can go,
// leaves a log with request ids, board ids and roles, and not one token.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createNode } from '../shared';
import { redactUrl } from './log';
import { cleanUpAfterEach, connectClient, createBoard, startTestServer, trackSocket, waitFor } from './testing/testServer';

cleanUpAfterEach();

function captured(): { stream: Writable; lines: () => Record<string, unknown>[]; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text, lines: () => text.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('the log', () => {
  it('never holds a token that a session used, in URLs, headers or bodies', async () => {
    const log = captured();
    const server = await startTestServer({ autoSnapshotMs: 0, logDestination: log.stream });
    const board = await createBoard(server.url, { title: 'Logget kart' });
    const { owner, editor, viewer } = board.tokens;
    const api = (path: string, init: RequestInit = {}) => fetch(`${server.url}${path}`, init);

    // Tokens in the query, in the header, with odd spelling, in a referer; a wrong token; a rotation.
    expect((await api(`/api/boards/${board.id}?token=${viewer}`)).status).toBe(200);
    expect((await api(`/api/boards/${board.id}`, { headers: { authorization: `Bearer ${editor}` } })).status).toBe(200);
    expect((await api(`/api/boards/${board.id}?a=1&%74oken=${owner}`, { headers: { referer: `${server.url}/b/${board.id}?token=${owner}` } })).status).toBe(200);
    expect((await api(`/api/boards/${board.id}?token=${owner}x`)).status).toBe(403);
    expect((await api(`/api/boards/${board.id}/export?format=md&token=${viewer}`)).status).toBe(200);
    const snap = await api(`/api/boards/${board.id}/snapshots`, {
      method: 'POST', headers: { authorization: `Bearer ${editor}`, 'content-type': 'application/json' }, body: JSON.stringify({ label: 'token ' + editor }),
    });
    expect(snap.status).toBe(201);
    const rotated = await api(`/api/boards/${board.id}/tokens/rotate`, { method: 'POST', headers: { authorization: `Bearer ${owner}` } });
    expect(rotated.status).toBe(200);
    const fresh = (await rotated.json()) as { tokens?: Record<string, string>; editor?: string; viewer?: string };

    // A live session over the WebSocket, with an edit, and a refused one.
    const a = connectClient(server.wsUrl, board.id, owner);
    await a.synced;
    createNode(a.doc, { kind: 'goal', tier: 'kommuneplan', title: 'Mål' }, 'a');
    const refused = trackSocket(new WebSocket(`${server.wsUrl}/${board.id}?token=${viewer}`));
    await new Promise((r) => refused.once('error', r).once('close', r));
    a.destroy();
    await waitFor(() => log.text().includes('websocket closed'), 5000, 'the close to be logged');

    const text = log.text();
    const secrets = [owner, editor, viewer, ...Object.values(fresh.tokens ?? {}), fresh.editor, fresh.viewer].filter((t): t is string => !!t);
    expect(secrets.length).toBeGreaterThanOrEqual(3);
    for (const t of secrets) expect(text.includes(t), `a token is in the log:\n${text}`).toBe(false);

    // …and the log says what happened, with ids and roles.
    const lines = log.lines();
    const requests = lines.filter((l) => l.msg === 'request');
    expect(requests.length).toBeGreaterThanOrEqual(8);
    for (const r of requests) expect(r.reqId).toMatch(/\S{8,}/);
    expect(requests.find((r) => r.url === `/api/boards/${board.id}?token=[redacted]` && r.status === 200)).toMatchObject({ boardId: board.id, role: 'viewer' });
    expect(requests.find((r) => r.method === 'GET' && r.url === `/api/boards/${board.id}`)).toMatchObject({ boardId: board.id, role: 'editor' });
    expect(requests.find((r) => r.status === 403)).toMatchObject({ boardId: board.id, level: 'warn' });
    expect(lines.find((l) => l.msg === 'websocket open')).toMatchObject({ boardId: board.id, role: 'owner', url: `/ws/${board.id}?token=[redacted]` });
    expect(lines.find((l) => l.msg === 'websocket refused')).toMatchObject({ boardId: board.id, status: 403 });
  });

  it('takes a request id from X-Request-Id and answers with it', async () => {
    const log = captured();
    const server = await startTestServer({ autoSnapshotMs: 0, logDestination: log.stream });
    const res = await fetch(`${server.url}/api/boards/nope`, { headers: { 'x-request-id': 'proxy-42' } });
    expect(res.headers.get('x-request-id')).toBe('proxy-42');
    await waitFor(() => log.text().includes('proxy-42'), 5000, 'the request line');
    expect(log.lines().find((l) => l.reqId === 'proxy-42')).toMatchObject({ boardId: 'nope', status: 404 });
  });
});

describe('redactUrl', () => {
  it('replaces every token parameter, however it is spelt, and leaves the rest', () => {
    expect(redactUrl('/ws/b1?token=abc')).toBe('/ws/b1?token=[redacted]');
    expect(redactUrl('/x?a=1&TOKEN=abc&b=2&%74oken=def&token')).toBe('/x?a=1&token=[redacted]&b=2&token=[redacted]&token=[redacted]');
    expect(redactUrl('/x?tokens=1&mytoken=2')).toBe('/x?tokens=1&mytoken=2');
    expect(redactUrl('/plain')).toBe('/plain');
  });
});
