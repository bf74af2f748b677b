// Disk full, read-only storage, and deleted content (issue #12, findings 14 and 15). A full disk is
// simulated with PRAGMA max_page_count on the server's own connection (SQLite then fails exactly as
// on a full disk, with SQLITE_FULL), a read-only one with PRAGMA query_only (SQLITE_READONLY); both
// are cleared again without restarting the server.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_BOARD } from '../../shared/examples';
import { createNode } from '../../shared';
import type { SqliteStorage } from './SqliteStorage';
import { cleanUpAfterEach, connectClient, createBoard, startTestServer, waitFor } from '../testing/testServer';

cleanUpAfterEach();

const importBody = () => ({ board: EXAMPLE_BOARD });

async function post(url: string, body: unknown, token?: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string } } };
}

async function health(url: string) {
  const res = await fetch(`${url}/healthz`);
  return { status: res.status, body: (await res.json()) as { ok: boolean; storage: { status: string } } };
}

describe('a full or read-only disk', () => {
  it('answers 507 storage_full, reports it in /healthz, and recovers when there is room again', async () => {
    const server = await startTestServer({ sqliteSynchronous: 'NORMAL' });
    const db = (server.storage as SqliteStorage).db;
    const board = await createBoard(server.url, importBody());
    expect((await health(server.url)).body.storage.status).toBe('ok');

    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const created = await post(`${server.url}/api/boards`, importBody());
    expect(created.status).toBe(507);
    expect(created.body.error?.code).toBe('storage_full');
    expect(created.body.error?.message).toMatch(/disk is full/);
    const snap = await post(`${server.url}/api/boards/${board.id}/snapshots`, { label: 'Fullt' }, board.tokens.owner);
    expect(snap.status).toBe(507);
    expect(snap.body.error?.code).toBe('storage_full');
    expect(await health(server.url)).toMatchObject({ status: 503, body: { ok: false, storage: { status: 'full' } } });

    db.pragma('max_page_count = 1073741823');
    await waitFor(() => false, 1100).catch(() => undefined); // the store probes at most once a second
    expect(await health(server.url)).toMatchObject({ status: 200, body: { ok: true, storage: { status: 'ok' } } });
    expect((await post(`${server.url}/api/boards`, importBody())).status).toBe(201);
  });

  it('answers 503 storage_read_only while storage is read-only, and recovers without a restart', async () => {
    const server = await startTestServer({ sqliteSynchronous: 'NORMAL' });
    const db = (server.storage as SqliteStorage).db;
    db.pragma('query_only = ON');
    const created = await post(`${server.url}/api/boards`, { title: 'Skrivebeskyttet' });
    expect(created.status).toBe(503);
    expect(created.body.error?.code).toBe('storage_read_only');
    expect(await health(server.url)).toMatchObject({ status: 503, body: { storage: { status: 'read_only' } } });
    db.pragma('query_only = OFF');
    await waitFor(() => false, 1100).catch(() => undefined);
    expect((await health(server.url)).status).toBe(200);
    expect((await post(`${server.url}/api/boards`, { title: 'Skrivbar igjen' })).status).toBe(201);
  });
});

describe('deleted content', () => {
  it('is not left in the database file after the board is deleted', async () => {
    const server = await startTestServer();
    const marker = 'HEMMELIG-MARKOR-7f3a9c';
    const board = await createBoard(server.url, { title: `${marker} tittel` });
    const client = connectClient(server.wsUrl, board.id, board.tokens.editor);
    await client.synced;
    expect(createNode(client.doc, { kind: 'goal', tier: 'national', title: `${marker} kort`, description: `${marker} `.repeat(200) }, 'test').ok).toBe(true);
    const room = await server.rooms.acquire(board.id);
    await waitFor(() => JSON.stringify(room.doc.getMap('nodes').toJSON()).includes(marker), 5000, 'the card to be stored');
    expect((await post(`${server.url}/api/boards/${board.id}/snapshots`, { label: `${marker} bilde` }, board.tokens.owner)).status).toBe(201);
    client.destroy();
    await room.log.compact();

    const file = path.join(server.dataDir, 'malkart.sqlite');
    const db = (server.storage as SqliteStorage).db;
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(file).includes(marker)).toBe(true); // the check below can see it

    const res = await fetch(`${server.url}/api/boards/${board.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${board.tokens.owner}` } });
    expect(res.status).toBe(204);
    db.pragma('wal_checkpoint(TRUNCATE)');
    for (const f of [file, `${file}-wal`]) if (existsSync(f)) expect(readFileSync(f).includes(marker), f).toBe(false);
  });
});
