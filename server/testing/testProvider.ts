// Test support for sign-in (issue #17): panva's oidc-provider in-process on 127.0.0.1, with one
// client registered for a Målkart test server's redirect URI. Its development login page accepts
// any user name (the name becomes the subject; the claims are made from it) and consent is given
// for the client at once, as for a first-party app. `signIn` walks the whole code flow as a
// browser would (redirects, cookies, the login form), through the real provider and server.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { generateKeyPairSync } from 'node:crypto';
import Provider from 'oidc-provider';
import { startTestServer, type TestServer } from './testServer';
import type { StartOptions } from '../app';

export const TEST_CLIENT = { id: 'malkart-test', secret: 'test-secret-that-is-long-enough-for-hs256-0123456789' };

/** The verified name the test provider gives a login: `kari` → `Kari Testesen`. */
export const nameOf = (login: string): string => `${login.charAt(0).toUpperCase()}${login.slice(1)} Testesen`;
export const emailOf = (login: string): string => `${login}@example.no`;

export interface TestProvider {
  issuer: string;
  close(): Promise<void>;
}

/**
 * A port free right now on 127.0.0.1 (the test server's PUBLIC_URL must be known before it starts).
 * Taken below Linux's ephemeral range (32768–60999): a port there can be handed to any other test's
 * port-0 listener or outgoing connection between this probe and the server's listen.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const probe = createNetServer();
    const free = await new Promise<boolean>((resolve) => {
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (!free) continue;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    return port;
  }
}

/** The client that authenticates with private_key_jwt (as ID-porten and Ansattporten require), when a public JWK is given. */
export const KEY_CLIENT_ID = 'malkart-test-key';

export async function startTestProvider(publicUrl: string, clientPublicJwk?: Record<string, unknown>): Promise<TestProvider> {
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  const http: Server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT.id,
        client_secret: TEST_CLIENT.secret,
        redirect_uris: [`${publicUrl}/auth/callback`],
        post_logout_redirect_uris: [`${publicUrl}/`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
      ...(clientPublicJwk
        ? [
            {
              client_id: KEY_CLIENT_ID,
              redirect_uris: [`${publicUrl}/auth/callback`],
              post_logout_redirect_uris: [`${publicUrl}/`],
              grant_types: ['authorization_code'],
              response_types: ['code'],
              token_endpoint_auth_method: 'private_key_jwt',
              jwks: { keys: [clientPublicJwk] },
            },
          ]
        : []),
    ],
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    claims: { openid: ['sub'], profile: ['name'], email: ['email', 'email_verified'] },
    async findAccount(_ctx: unknown, sub: string) {
      return { accountId: sub, claims: async () => ({ sub, name: nameOf(sub), email: emailOf(sub), email_verified: true }) };
    },
    // Consent is given at once for the test client (as for a first-party app).
    async loadExistingGrant(ctx: any) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid profile email');
      await grant.save();
      return grant;
    },
    cookies: { keys: ['malkart-test-cookie-key'] },
    jwks: { keys: [{ ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' }] },
    pkce: { required: () => true },
  });
  handler = provider.callback();
  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

/** A Målkart test server with sign-in against a fresh test provider (closed with the server). */
export async function startSignInServer(
  opts: StartOptions = {},
  /** Sign in with private_key_jwt: this key file (PEM or JWK) and its public JWK, registered at the provider. */
  key?: { file: string; publicJwk: Record<string, unknown> },
): Promise<TestServer & { provider: TestProvider; publicUrl: string }> {
  // Another test may still take the port between the probe and the listen: try again on another.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    const provider = await startTestProvider(publicUrl, key?.publicJwk);
    const client = key ? { clientId: KEY_CLIENT_ID, clientSecret: null, privateKeyFile: key.file } : { clientId: TEST_CLIENT.id, clientSecret: TEST_CLIENT.secret, privateKeyFile: null };
    let server: TestServer;
    try {
      server = await startTestServer({
        port,
        publicUrl,
        oidc: { issuer: provider.issuer, ...client, scopes: 'openid profile email', acrValues: null },
        ...opts,
      });
    } catch (e) {
      await provider.close();
      if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE' && attempt < 5) continue;
      throw e;
    }
    const close = server.close;
    let closing: Promise<void> | null = null;
    server.close = () => (closing ??= close().then(() => provider.close()));
    return Object.assign(server, { provider, publicUrl, url: publicUrl, wsUrl: `ws://127.0.0.1:${port}/ws` });
  }
}

/**
 * Another instance of the same deployment as `first` (STORE=postgres, several instances behind one
 * load balancer): the same PUBLIC_URL, provider and client registration, its own port.
 */
export async function startSignInInstance(first: { publicUrl: string; provider: TestProvider }, opts: StartOptions = {}): Promise<TestServer> {
  return startTestServer({
    publicUrl: first.publicUrl,
    oidc: { issuer: first.provider.issuer, clientId: TEST_CLIENT.id, clientSecret: TEST_CLIENT.secret, privateKeyFile: null, scopes: 'openid profile email', acrValues: null },
    ...opts,
  });
}

/** Cookies per origin, as a browser keeps them (path and expiry are not needed here). */
export class CookieJar {
  private readonly jars = new Map<string, Map<string, string>>();

  store(url: string, res: Response): void {
    const origin = new URL(url).origin;
    const jar = this.jars.get(origin) ?? new Map<string, string>();
    this.jars.set(origin, jar);
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (/max-age=0\b/i.test(line) || /expires=Thu, 01 Jan 1970/i.test(line) || value === '') jar.delete(name);
      else jar.set(name, value);
    }
  }

  header(url: string): string {
    return [...(this.jars.get(new URL(url).origin) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  get(url: string, name: string): string | undefined {
    return this.jars.get(new URL(url).origin)?.get(name);
  }

  set(url: string, name: string, value: string): void {
    const origin = new URL(url).origin;
    const jar = this.jars.get(origin) ?? new Map<string, string>();
    this.jars.set(origin, jar);
    jar.set(name, value);
  }
}

/** One request as a browser makes it: the jar's cookies out, Set-Cookie back into the jar, no redirect followed. */
export async function browserFetch(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Response> {
  const cookie = jar.header(url);
  const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) } });
  jar.store(url, res);
  return res;
}

/** Follows redirects from `url` while `until` does not match the next location; returns that location. */
export async function followRedirects(jar: CookieJar, url: string, until: (location: URL) => boolean): Promise<URL> {
  let next = new URL(url);
  for (let hops = 0; hops < 20; hops++) {
    const res = await browserFetch(jar, next.href);
    await res.arrayBuffer();
    const location = res.headers.get('location');
    if (!location) throw new Error(`no redirect from ${next.href}: ${res.status}`);
    next = new URL(location, next);
    if (until(next)) return next;
  }
  throw new Error('too many redirects');
}

/**
 * The provider's side of a sign-in: from its authorization URL through the development login form
 * (any user name; skipped when the jar is signed in at the provider already) to the redirect back
 * to the client with a code; returns that callback URL.
 */
export async function loginAtProvider(jar: CookieJar, authorizationUrl: string, login: string, publicUrl: string): Promise<URL> {
  const isCallback = (u: URL) => u.href.startsWith(`${publicUrl}/auth/callback`);
  const interaction = await followRedirects(jar, authorizationUrl, (u) => u.pathname.startsWith('/interaction/') || isCallback(u));
  // Signed in at the provider already: it answers at once.
  if (isCallback(interaction)) return interaction;
  const form = new URLSearchParams({ prompt: 'login', login, password: 'any' });
  const submitted = await browserFetch(jar, interaction.href, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  await submitted.arrayBuffer();
  return followRedirects(jar, new URL(submitted.headers.get('location')!, interaction).href, isCallback);
}

/** Signs `login` in on the server, as a browser would; the jar then holds the session cookie. Returns where the server sent the browser. */
export async function signIn(jar: CookieJar, server: { publicUrl: string }, login: string, returnTo = '/'): Promise<string> {
  const start = await browserFetch(jar, `${server.publicUrl}/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
  if (start.status !== 303) throw new Error(`login did not redirect: ${start.status} ${await start.text()}`);
  const callback = await loginAtProvider(jar, start.headers.get('location')!, login, server.publicUrl);
  const done = await browserFetch(jar, callback.href);
  if (done.status !== 303) throw new Error(`callback refused: ${done.status} ${await done.text()}`);
  return done.headers.get('location')!;
}
