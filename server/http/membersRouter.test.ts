// Members, invitations and link policy (issue #17) on a server with sign-in against a real provider:
// boards owned by their signed-in creator, one-time invitations, sides bound to people (their
// presence shows the verified name and side whatever their browser claims), sockets by session
// cookie with a strict Origin check, and sockets closed when a member is removed or signs out.
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { cleanUpAfterEach, connectClient, trackSocket, waitFor, type TestClient } from '../testing/testServer';
import { browserFetch, CookieJar, nameOf, signIn, startSignInServer } from '../testing/testProvider';
import { SESSION_COOKIE } from '../auth/sessions';
import { EXAMPLE_BOARD } from '../../shared/examples';

cleanUpAfterEach();

type Server = Awaited<ReturnType<typeof startSignInServer>>;

async function call(jar: CookieJar, server: Server, method: string, path: string, json?: unknown, token?: string) {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (json !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await browserFetch(jar, `${server.url}${path}`, { method, headers, body: json === undefined ? undefined : JSON.stringify(json) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** Two people signed in; Kari has made a board (she owns it) and invited Ola as editor with side kommune. */
async function boardWithTwoMembers() {
  const server = await startSignInServer();
  const kari = new CookieJar();
  const ola = new CookieJar();
  await signIn(kari, server, 'kari');
  await signIn(ola, server, 'ola');
  const created = await call(kari, server, 'POST', '/api/boards', { title: 'Lier', side: 'stat' });
  expect(created.status).toBe(201);
  const boardId = created.body.id as string;
  const invite = await call(kari, server, 'POST', `/api/boards/${boardId}/invitations`, { role: 'editor', side: 'kommune' });
  expect(invite.status).toBe(201);
  const accepted = await call(ola, server, 'POST', '/api/invitations/accept', { token: invite.body.token });
  expect(accepted.body).toEqual({ boardId, role: 'editor', side: 'kommune' });
  return { server, kari, ola, boardId, tokens: created.body.tokens as { owner: string; editor: string; viewer: string }, invitationToken: invite.body.token as string };
}

const memberClient = (server: Server, boardId: string, jar: CookieJar, origin = server.url): TestClient =>
  connectClient(server.wsUrl, boardId, '', undefined, { cookie: `${SESSION_COOKIE}=${jar.get(server.url, SESSION_COOKIE)}`, origin });

/** The HTTP status a WebSocket upgrade gets (101 when it opens). */
function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = trackSocket(new WebSocket(url, { headers }));
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
    });
    ws.on('open', () => resolve(101));
    ws.on('error', reject);
  });
}

describe('boards with members', () => {
  it('creating a board needs a signed-in person, who becomes its owner; it opens to members only', async () => {
    const { server, kari, boardId, tokens } = await boardWithTwoMembers();
    const anon = await call(new CookieJar(), server, 'POST', '/api/boards', { title: 'X' });
    expect(anon.status).toBe(401);
    expect(anon.body.error.code).toBe('signed_out');
    const info = await call(kari, server, 'GET', `/api/boards/${boardId}`);
    expect(info.body).toMatchObject({ role: 'owner', links: 'none', member: { sub: 'kari', name: nameOf('kari'), side: 'stat' } });
    // Its share links exist but are off until the owner opens them.
    const byLink = await call(new CookieJar(), server, 'GET', `/api/boards/${boardId}`, undefined, tokens.editor);
    expect(byLink.status).toBe(403);
    expect(byLink.body.error.code).toBe('links_disabled');
    expect((await call(new CookieJar(), server, 'GET', '/api/me/boards')).status).toBe(401);
    expect((await call(kari, server, 'GET', '/api/me/boards')).body).toEqual({ boards: [{ id: boardId, title: 'Lier', role: 'owner', side: 'stat' }] });
  });

  it('an invitation binds to whoever redeems it, once; a signed-in stranger is not let in', async () => {
    const { server, ola, boardId, invitationToken, kari } = await boardWithTwoMembers();
    expect((await call(ola, server, 'GET', `/api/boards/${boardId}`)).body).toMatchObject({ role: 'editor', member: { sub: 'ola', side: 'kommune' } });
    const eve = new CookieJar();
    await signIn(eve, server, 'eve');
    expect((await call(eve, server, 'POST', '/api/invitations/accept', { token: invitationToken })).status).toBe(404);
    const stranger = await call(eve, server, 'GET', `/api/boards/${boardId}`);
    expect(stranger.status).toBe(403);
    expect(stranger.body.error.code).toBe('not_member');
    // Only the owner manages members; others see names and roles but not e-mail addresses.
    expect((await call(ola, server, 'POST', `/api/boards/${boardId}/invitations`, { role: 'owner' })).status).toBe(403);
    const seen = await call(ola, server, 'GET', `/api/boards/${boardId}/members`);
    expect(seen.body.members.map((m: { sub: string; email?: string }) => [m.sub, m.email])).toEqual([['kari', undefined], ['ola', undefined]]);
    expect((await call(kari, server, 'GET', `/api/boards/${boardId}/members`)).body.members[1]).toMatchObject({ sub: 'ola', email: 'ola@example.no' });
    // Invitations need sign-in to read or redeem.
    expect((await call(new CookieJar(), server, 'POST', '/api/invitations/preview', { token: invitationToken })).status).toBe(401);
  });

  it("presence shows each member's verified name and side, whatever their browser claims", async () => {
    const { server, kari, ola, boardId } = await boardWithTwoMembers();
    const k = memberClient(server, boardId, kari);
    const o = memberClient(server, boardId, ola);
    await Promise.all([k.synced, o.synced]);
    o.provider.awareness.setLocalState({ user: { name: 'Statsministeren', side: 'stat', verified: true } });
    k.provider.awareness.setLocalState({ user: { name: 'K', side: 'gjest' } });
    const stateOf = (c: TestClient, id: number) => c.provider.awareness.getStates().get(id) as { user?: Record<string, unknown>; role?: string } | undefined;
    await waitFor(() => !!stateOf(k, o.doc.clientID)?.user && !!stateOf(o, k.doc.clientID)?.user, 10_000, 'both presences');
    expect(stateOf(k, o.doc.clientID)).toMatchObject({ user: { name: nameOf('ola'), side: 'kommune', verified: true }, role: 'editor' });
    expect(stateOf(o, k.doc.clientID)).toMatchObject({ user: { name: nameOf('kari'), side: 'stat', verified: true }, role: 'owner' });
  });

  it('the owner changes a side: the member reconnects with it; removing a member closes their socket at once and keeps them out', async () => {
    const { server, kari, ola, boardId } = await boardWithTwoMembers();
    const o = memberClient(server, boardId, ola);
    const k = memberClient(server, boardId, kari);
    await Promise.all([o.synced, k.synced]);
    o.provider.awareness.setLocalState({ user: { name: 'x' } });
    expect((await call(kari, server, 'PATCH', `/api/boards/${boardId}/members/ola`, { side: 'tillitsvalgt' })).status).toBe(200);
    await waitFor(() => o.closes.some((c) => c.code === 4010), 5000, 'the side change to close the socket');
    // After the reconnect the server knows the old clock of Ola's presence: her next changes count (as when she moves).
    let moves = 0;
    await waitFor(() => {
      o.provider.awareness.setLocalStateField('cursor', { x: ++moves, y: 0 });
      return (k.provider.awareness.getStates().get(o.doc.clientID) as { user?: { side?: string } } | undefined)?.user?.side === 'tillitsvalgt';
    }, 10_000, 'the new side in presence');

    expect((await call(kari, server, 'DELETE', `/api/boards/${boardId}/members/ola`)).status).toBe(204);
    await waitFor(() => o.closes.some((c) => c.code === 4401), 5000, 'the removed member\'s socket to close');
    expect((await call(ola, server, 'GET', `/api/boards/${boardId}`)).status).toBe(403);
    expect(await upgradeStatus(`${server.wsUrl}/${boardId}`, { cookie: `${SESSION_COOKIE}=${ola.get(server.url, SESSION_COOKIE)}`, origin: server.url })).toBe(403);
    // The last owner stays.
    expect((await call(kari, server, 'DELETE', `/api/boards/${boardId}/members/kari`)).status).toBe(409);
  });

  it('signing out closes that person\'s sockets', async () => {
    const { server, ola, boardId } = await boardWithTwoMembers();
    const o = memberClient(server, boardId, ola);
    await o.synced;
    expect((await browserFetch(ola, `${server.url}/auth/logout`, { method: 'POST', headers: { origin: server.url } })).status).toBe(200);
    await waitFor(() => o.closes.some((c) => c.code === 4402), 5000, 'the signed-out socket to close');
  });

  it('a cookie upgrade from another site, or without Origin, is refused; from PUBLIC_URL it opens', async () => {
    const { server, kari, boardId } = await boardWithTwoMembers();
    const cookie = `${SESSION_COOKIE}=${kari.get(server.url, SESSION_COOKIE)}`;
    const url = `${server.wsUrl}/${boardId}`;
    expect(await upgradeStatus(url, { cookie, origin: 'https://evil.example' })).toBe(403);
    expect(await upgradeStatus(url, { cookie, origin: server.url.replace('127.0.0.1', 'localhost') })).toBe(403);
    expect(await upgradeStatus(url, { cookie })).toBe(403);
    expect(await upgradeStatus(url, { cookie, origin: server.url })).toBe(101);
    expect(await upgradeStatus(url, { cookie: `${SESSION_COOKIE}=forged`, origin: server.url })).toBe(401);
  });

  it("the owner's link policy: viewer links for a public screen let viewers in and keep editors out; closing them disconnects holders", async () => {
    const { server, kari, ola, boardId, tokens } = await boardWithTwoMembers();
    expect((await call(ola, server, 'PUT', `/api/boards/${boardId}/link-policy`, { links: 'all' })).status).toBe(403);
    expect((await call(kari, server, 'PUT', `/api/boards/${boardId}/link-policy`, { links: 'viewer' })).body).toEqual({ links: 'viewer' });
    const screen = connectClient(server.wsUrl, boardId, tokens.viewer);
    await screen.synced;
    expect(await upgradeStatus(`${server.wsUrl}/${boardId}?token=${tokens.editor}`, {})).toBe(403);
    expect((await call(kari, server, 'PUT', `/api/boards/${boardId}/link-policy`, { links: 'none' })).status).toBe(200);
    await waitFor(() => screen.closes.some((c) => c.code === 4403), 5000, 'the viewer link holder to be disconnected');
  });

  it('agreements (#16) by members: their verified name and their own side only, whatever the request says', async () => {
    const server = await startSignInServer({ autoSnapshotMs: 0 });
    const kari = new CookieJar();
    const ola = new CookieJar();
    await signIn(kari, server, 'kari');
    await signIn(ola, server, 'ola');
    const created = await call(kari, server, 'POST', '/api/boards', { board: EXAMPLE_BOARD, side: 'stat' });
    expect(created.status).toBe(201);
    const boardId = created.body.id as string;
    const invite = await call(kari, server, 'POST', `/api/boards/${boardId}/invitations`, { role: 'editor', side: 'kommune' });
    await call(ola, server, 'POST', '/api/invitations/accept', { token: invite.body.token });
    expect((await call(kari, server, 'GET', `/api/boards/${boardId}`)).body).toMatchObject({ side: 'stat', member: { side: 'stat' } });

    const byKari = await call(kari, server, 'POST', `/api/boards/${boardId}/agreements`, { targetId: 'K2', side: 'stat', name: 'Noen Andre' });
    expect(byKari.status).toBe(201);
    expect(byKari.body.record).toMatchObject({ side: 'stat', name: nameOf('kari'), verified: true });
    const olaForStat = await call(ola, server, 'POST', `/api/boards/${boardId}/agreements`, { targetId: 'K2', side: 'stat', name: nameOf('kari') });
    expect(olaForStat.status).toBe(403);
    expect(olaForStat.body.error.code).toBe('side_not_bound');
    const byOla = await call(ola, server, 'POST', `/api/boards/${boardId}/agreements`, { targetId: 'K2', side: 'kommune' });
    expect(byOla.status).toBe(201);
    expect(byOla.body.record).toMatchObject({ side: 'kommune', name: nameOf('ola'), verified: true });
    const audit = await call(kari, server, 'GET', `/api/boards/${boardId}/audit`);
    const gives = (audit.body.entries as { action: string; actor: unknown }[]).filter((e) => e.action === 'agreement.give');
    expect(gives.map((e) => e.actor)).toEqual([{ name: nameOf('ola'), verified: true }, { name: nameOf('kari'), verified: true }]);
  });

  it('a member\'s WebSocket ticket is checked again on use: spent by removal in between', async () => {
    const { server, kari, ola, boardId } = await boardWithTwoMembers();
    const ticket = await call(ola, server, 'POST', `/api/boards/${boardId}/ws-ticket`);
    expect(ticket.body.role).toBe('editor');
    await call(kari, server, 'DELETE', `/api/boards/${boardId}/members/ola`);
    expect(await upgradeStatus(`${server.wsUrl}/${boardId}?ticket=${ticket.body.ticket}`, {})).toBe(403);
  });
});
