// Sign-in on several instances (#17, STORE=postgres): two instances of one deployment (one
// PUBLIC_URL, one provider) on one Postgres schema. What one instance decides about a person — a
// member removed or changed, a sign-out — closes their sockets on the instance that holds them,
// within seconds (LISTEN/NOTIFY); a login started on one instance completes on the other.
import { afterEach, describe, expect, it } from 'vitest';
import { CLOSE } from '../../shared/wire';
import { cleanUpAfterEach, connectClient, waitFor, type TestClient, type TestServer } from '../testing/testServer';
import { createTestSchema, type TestSchema } from '../testing/postgres';
import { HOP_HEADER } from './wsProxy';
import { CookieJar, browserFetch, loginAtProvider, nameOf, signIn, startSignInInstance, startSignInServer } from '../testing/testProvider';
import { SESSION_COOKIE } from '../auth/sessions';
import { hashToken } from '../auth/tokens';
import type { PostgresStorage } from '../storage/PostgresStorage';

const schemas: TestSchema[] = [];
// Registered before cleanUpAfterEach: after-hooks run last-registered first, so the servers close before their schema goes.
afterEach(async () => {
  for (const s of schemas.splice(0)) await s.drop();
});
cleanUpAfterEach();

type SignInServer = Awaited<ReturnType<typeof startSignInServer>>;

/** Instance A (it will hold the board) and instance B of the same deployment. */
async function twoInstances(): Promise<{ a: SignInServer; b: TestServer }> {
  const schema = await createTestSchema();
  schemas.push(schema);
  const opts = { store: 'postgres' as const, databaseUrl: schema.url, leaseMs: 1500, unloadDelayMs: 60_000 };
  const a = await startSignInServer(opts);
  const b = await startSignInInstance(a, opts);
  return { a, b };
}

async function call(jar: CookieJar, base: string, cookieOrigin: string, method: string, path: string, json?: unknown, extra: Record<string, string> = {}) {
  const headers: Record<string, string> = { accept: 'application/json', cookie: jar.header(cookieOrigin), ...extra };
  if (json !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${path}`, { method, headers, body: json === undefined ? undefined : JSON.stringify(json), redirect: 'manual' });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** Kari (owner, stat) and Ola (editor, kommune), both signed in, both on the board through A; A holds the board. */
async function boardWithTwoMembersOnA() {
  const { a, b } = await twoInstances();
  const kari = new CookieJar();
  const ola = new CookieJar();
  await signIn(kari, a, 'kari');
  await signIn(ola, a, 'ola');
  const onA = (jar: CookieJar, method: string, path: string, json?: unknown) => call(jar, a.url, a.url, method, path, json);
  const created = await onA(kari, 'POST', '/api/boards', { title: 'Lier', side: 'stat' });
  expect(created.status).toBe(201);
  const boardId = created.body.id as string;
  const invite = await onA(kari, 'POST', `/api/boards/${boardId}/invitations`, { role: 'editor', side: 'kommune' });
  expect((await onA(ola, 'POST', '/api/invitations/accept', { token: invite.body.token })).status).toBe(200);
  const socket = (jar: CookieJar): TestClient =>
    connectClient(a.wsUrl, boardId, '', undefined, { cookie: `${SESSION_COOKIE}=${jar.get(a.url, SESSION_COOKIE)}`, origin: a.publicUrl });
  const kariSocket = socket(kari);
  const olaSocket = socket(ola);
  await Promise.all([kariSocket.synced, olaSocket.synced]);
  expect((await a.rooms.loaded(boardId))?.connectionCount).toBe(2);
  expect(await b.rooms.loaded(boardId)).toBeUndefined();
  return { a, b, kari, ola, boardId, kariSocket, olaSocket };
}

describe('sign-in on two instances', () => {
  it('a member changed, then removed, on the other instance: their sockets on the holding instance close (4010, then 4401); the owner\'s stay', async () => {
    const { a, b, kari, boardId, kariSocket, olaSocket } = await boardWithTwoMembersOnA();
    // Handled by B itself (as in a race with the lease, or a request B did not forward): only the signal reaches A.
    const onB = (method: string, path: string, json?: unknown) => call(kari, b.url, a.url, method, path, json, { [HOP_HEADER]: b.cluster!.hopHeaderValue });
    expect((await onB('PATCH', `/api/boards/${boardId}/members/ola`, { side: 'stat' })).status).toBe(200);
    await waitFor(() => olaSocket.closes.some((c) => c.code === CLOSE.memberChanged.code), 5000, 'Ola\'s socket closed for her new side');
    // She comes back with the new side (the reconnect is checked afresh).
    await waitFor(() => olaSocket.provider.wsconnected && olaSocket.provider.synced, 10_000, 'Ola back');
    expect((await onB('DELETE', `/api/boards/${boardId}/members/ola`)).status).toBe(204);
    await waitFor(() => olaSocket.closes.some((c) => c.code === CLOSE.memberRemoved.code), 5000, 'Ola\'s socket closed: removed');
    expect(kariSocket.closes).toEqual([]);
    expect((await a.rooms.loaded(boardId))?.connectionCount).toBe(1);
  });

  it('share links turned off on the other instance: the link holders\' sockets on the holding instance close (4403); the members\' stay', async () => {
    const { a, b, kari, boardId, kariSocket, olaSocket } = await boardWithTwoMembersOnA();
    const onA = (method: string, path: string, json?: unknown) => call(kari, a.url, a.url, method, path, json, { origin: a.publicUrl });
    expect((await onA('PUT', `/api/boards/${boardId}/link-policy`, { links: 'all' })).status).toBe(200);
    const rotated = await onA('POST', `/api/boards/${boardId}/tokens/rotate`, { roles: ['editor', 'viewer'] });
    expect(rotated.status).toBe(200);
    const editorLink = connectClient(a.wsUrl, boardId, rotated.body.tokens.editor as string);
    const viewerLink = connectClient(a.wsUrl, boardId, rotated.body.tokens.viewer as string);
    await Promise.all([editorLink.synced, viewerLink.synced]);
    // Handled by B itself: only the signal reaches A.
    const onB = (method: string, path: string, json?: unknown) => call(kari, b.url, a.url, method, path, json, { [HOP_HEADER]: b.cluster!.hopHeaderValue, origin: a.publicUrl });
    expect((await onB('PUT', `/api/boards/${boardId}/link-policy`, { links: 'viewer' })).status).toBe(200);
    await waitFor(() => editorLink.closes.some((c) => c.code === CLOSE.tokenRevoked.code), 5000, 'the editor link\'s socket closed');
    expect(viewerLink.closes).toEqual([]);
    expect(kariSocket.closes).toEqual([]);
    expect(olaSocket.closes).toEqual([]);
  });

  it('a sign-out on the other instance closes that session\'s sockets on the holding instance (4402), no one else\'s', async () => {
    const { a, b, ola, boardId, kariSocket, olaSocket } = await boardWithTwoMembersOnA();
    // /auth/logout names no board: whichever instance the balancer picks ends the session.
    const out = await call(ola, b.url, a.url, 'POST', '/auth/logout', undefined, { origin: a.publicUrl });
    expect(out.status).toBe(200);
    await waitFor(() => olaSocket.closes.some((c) => c.code === CLOSE.signedOut.code), 5000, 'Ola\'s socket closed: signed out');
    expect(kariSocket.closes).toEqual([]);
    expect((await a.rooms.loaded(boardId))?.connectionCount).toBe(1);
  });

  it('after its listener was cut (signals may be lost), an instance re-checks the members and sessions of its sockets', async () => {
    const { a, b, kari, boardId, kariSocket, olaSocket } = await boardWithTwoMembersOnA();
    // Changed behind every instance's back: no signal is sent for these.
    await b.storage.removeMember(boardId, 'ola');
    await b.storage.deleteSession(hashToken(kari.get(a.url, SESSION_COOKIE)!));
    const pool = (a.storage as PostgresStorage).pool;
    const { rowCount } = await pool.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = $1', [`LISTEN "${a.cluster!.signals.channel}"`]);
    expect(rowCount).toBe(2); // both instances' listeners
    await waitFor(() => olaSocket.closes.some((c) => c.code === CLOSE.memberRemoved.code), 10_000, 'Ola closed on resync: removed');
    await waitFor(() => kariSocket.closes.some((c) => c.code === CLOSE.signedOut.code), 10_000, 'Kari closed on resync: session gone');
  });

  it('a login started on one instance completes on the other (the login under way is in the store), once', async () => {
    const { a, b } = await twoInstances();
    const ola = new CookieJar();
    const start = await browserFetch(ola, `${a.url}/auth/login?returnTo=${encodeURIComponent('/b/abc')}`);
    expect(start.status).toBe(303);
    const callback = await loginAtProvider(ola, start.headers.get('location')!, 'ola', a.publicUrl);
    // The provider sends the browser back to PUBLIC_URL; the balancer hands the callback to B.
    const onB = await fetch(`${b.url}${callback.pathname}${callback.search}`, { redirect: 'manual', headers: { cookie: ola.header(a.url) } });
    expect(onB.status).toBe(303);
    expect(onB.headers.get('location')).toBe('/b/abc');
    const session = onB.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    const cookie = session.split(';')[0]!;
    // The session works on both instances.
    for (const base of [a.url, b.url]) {
      const me = await fetch(`${base}/api/me`, { headers: { cookie } });
      expect(me.status).toBe(200);
      expect(((await me.json()) as { user: { name: string } }).user.name).toBe(nameOf('ola'));
    }
    // The same callback again, on either instance: refused, the login was taken.
    const replay = await fetch(`${a.url}${callback.pathname}${callback.search}`, { redirect: 'manual', headers: { cookie: ola.header(a.url) } });
    expect(replay.status).toBe(400);
    expect(((await replay.json()) as { error: { code: string } }).error.code).toBe('login_expired');
  });
});
