// Sign-in (issue #17) against a real OpenID provider (panva's oidc-provider, in-process): the code
// flow with PKCE, state and nonce, the session cookie, returnTo, logout with end-session, and a
// server without OIDC_ISSUER that behaves as before.
import { describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { removeDir } from '../testing/testServer';
import { cleanUpAfterEach, startTestServer } from '../testing/testServer';
import { browserFetch, CookieJar, emailOf, loginAtProvider, nameOf, signIn, startSignInServer } from '../testing/testProvider';
import { SESSION_COOKIE } from './sessions';
import { safeReturnTo } from './oidc';

cleanUpAfterEach();

const me = (jar: CookieJar, base: string) => browserFetch(jar, `${base}/api/me`);

describe('sign-in with OpenID Connect', () => {
  it('walks the code flow: PKCE S256, state and nonce to the provider; a session cookie and /api/me after; returnTo followed', async () => {
    const server = await startSignInServer();
    const jar = new CookieJar();
    expect((await me(jar, server.url)).status).toBe(401);

    const start = await browserFetch(jar, `${server.url}/auth/login?returnTo=${encodeURIComponent('/b/abc?x=1#token=t')}`);
    expect(start.status).toBe(303);
    const auth = new URL(start.headers.get('location')!);
    expect(auth.origin).toBe(server.provider.issuer);
    expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
    expect(auth.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(auth.searchParams.get('state')).toBeTruthy();
    expect(auth.searchParams.get('nonce')).toBeTruthy();
    expect(auth.searchParams.get('redirect_uri')).toBe(`${server.url}/auth/callback`);

    const callback = await loginAtProvider(jar, auth.href, 'kari', server.url);
    const done = await browserFetch(jar, callback.href);
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/b/abc?x=1#token=t');
    const cookie = done.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/); // PUBLIC_URL is http here; https gives Secure (sessions.test.ts)

    const res = await me(jar, server.url);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ user: { sub: 'kari', name: nameOf('kari'), email: emailOf('kari') } });
  });

  it.each(['jwk', 'pem'] as const)('signs the client in with private_key_jwt from a %s key file (ID-porten, Ansattporten)', async (format) => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const dir = mkdtempSync(path.join(tmpdir(), 'malkart-key-'));
    try {
      const file = path.join(dir, `key.${format}`);
      writeFileSync(file, format === 'jwk' ? JSON.stringify({ ...privateKey.export({ format: 'jwk' }), kid: 'k1' }) : (privateKey.export({ format: 'pem', type: 'pkcs8' }) as string));
      const publicJwk = { ...publicKey.export({ format: 'jwk' }), ...(format === 'jwk' ? { kid: 'k1' } : {}), use: 'sig', alg: 'ES256' };
      const server = await startSignInServer({}, { file, publicJwk });
      const jar = new CookieJar();
      await signIn(jar, server, 'nav-ansatt');
      expect(await (await me(jar, server.url)).json()).toMatchObject({ user: { sub: 'nav-ansatt' } });
    } finally {
      removeDir(dir);
    }
  });

  it('refuses a returnTo that leaves the site', async () => {
    const server = await startSignInServer();
    for (const bad of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', 'b/relative']) {
      const res = await browserFetch(new CookieJar(), `${server.url}/auth/login?returnTo=${encodeURIComponent(bad)}`);
      expect(res.status, bad).toBe(400);
      expect((await res.json()).error.code).toBe('return_to_invalid');
    }
    expect(safeReturnTo('/b/x#token=1', 'https://malkart.example.no')).toBe('/b/x#token=1');
    expect(safeReturnTo(undefined, 'https://malkart.example.no')).toBe('/');
  });

  it('limits the logins one address may start (each is a row in the store until it expires): 429 past LOGIN_LIMIT', async () => {
    const server = await startSignInServer({ loginLimit: 2 });
    const start = () => browserFetch(new CookieJar(), `${server.url}/auth/login`);
    expect((await start()).status).toBe(303);
    expect((await start()).status).toBe(303);
    const refused = await start();
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.code).toBe('rate_limited');
    expect(refused.headers.get('set-cookie')).toBeNull();
  });

  it('refuses a callback whose state is not the one this browser was sent with', async () => {
    const server = await startSignInServer();
    const jar = new CookieJar();
    // Login A is started, then login B in the same browser; the provider answers A's request.
    const a = await browserFetch(jar, `${server.url}/auth/login`);
    const b = await browserFetch(jar, `${server.url}/auth/login`);
    expect(b.status).toBe(303);
    const callbackForA = await loginAtProvider(jar, a.headers.get('location')!, 'kari', server.url);
    const res = await browserFetch(jar, callbackForA.href);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('login_failed');
    expect((await me(jar, server.url)).status).toBe(401);
  });

  it("refuses a code issued for another login (its nonce and PKCE verifier), even with this browser's state", async () => {
    const server = await startSignInServer();
    const attacker = new CookieJar();
    const victim = new CookieJar();
    const theirs = await browserFetch(attacker, `${server.url}/auth/login`);
    const ours = await browserFetch(victim, `${server.url}/auth/login`);
    const callback = await loginAtProvider(attacker, theirs.headers.get('location')!, 'mallory', server.url);
    // The attacker's code, dressed with the victim's state.
    callback.searchParams.set('state', new URL(ours.headers.get('location')!).searchParams.get('state')!);
    const res = await browserFetch(victim, callback.href);
    expect(res.status).toBe(400);
    expect((await me(victim, server.url)).status).toBe(401);
  });

  it('refuses a callback nobody started here (no login cookie)', async () => {
    const server = await startSignInServer();
    const jar = new CookieJar();
    const start = await browserFetch(jar, `${server.url}/auth/login`);
    const callback = await loginAtProvider(jar, start.headers.get('location')!, 'kari', server.url);
    const res = await browserFetch(new CookieJar(), callback.href);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('login_expired');
  });

  it('makes a new session id at every sign-in; the one the browser came with stops working', async () => {
    const server = await startSignInServer();
    const jar = new CookieJar();
    await signIn(jar, server, 'kari');
    const first = jar.get(server.url, SESSION_COOKIE)!;
    await signIn(jar, server, 'kari');
    const second = jar.get(server.url, SESSION_COOKIE)!;
    expect(second).not.toBe(first);
    const old = new CookieJar();
    old.set(server.url, SESSION_COOKIE, first);
    expect((await me(old, server.url)).status).toBe(401);
    expect((await me(jar, server.url)).status).toBe(200);
  });

  it("logout ends the session in the store and gives the provider's end-session URL", async () => {
    const server = await startSignInServer();
    const jar = new CookieJar();
    await signIn(jar, server, 'kari');
    const stolen = new CookieJar();
    stolen.set(server.url, SESSION_COOKIE, jar.get(server.url, SESSION_COOKIE)!);
    const res = await browserFetch(jar, `${server.url}/auth/logout`, { method: 'POST', headers: { origin: server.url } });
    expect(res.status).toBe(200);
    const { endSessionUrl } = (await res.json()) as { endSessionUrl: string };
    const end = new URL(endSessionUrl);
    expect(end.origin).toBe(server.provider.issuer);
    expect(end.searchParams.get('id_token_hint')).toBeTruthy();
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${server.url}/`);
    expect(jar.get(server.url, SESSION_COOKIE)).toBeUndefined();
    // A copy of the cookie is worthless: the session is gone from the store.
    expect((await me(stolen, server.url)).status).toBe(401);
    // Logout from another site is refused.
    await signIn(jar, server, 'kari');
    const forged = await browserFetch(jar, `${server.url}/auth/logout`, { method: 'POST', headers: { origin: 'https://evil.example' } });
    expect(forged.status).toBe(403);
    expect((await me(jar, server.url)).status).toBe(200);
  });

  it('without OIDC_ISSUER: /api/me is 404 sign_in_off, /auth is not there, boards are made without sign-in as before', async () => {
    const server = await startTestServer();
    const res = await fetch(`${server.url}/api/me`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('sign_in_off');
    expect((await fetch(`${server.url}/api/nothing`)).status).toBe(404);
    const login = await fetch(`${server.url}/auth/login`, { redirect: 'manual' });
    expect(login.status).not.toBe(303);
    const created = await fetch(`${server.url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'T' }) });
    expect(created.status).toBe(201);
    expect(Object.keys(await created.json()).sort()).toEqual(['id', 'tokens']);
  });
});
