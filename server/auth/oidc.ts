// Sign-in with OpenID Connect (issue #17), through openid-client (certified; it also accepts
// Entra ID's multi-tenant `{tenantid}` issuer): authorization code flow with PKCE (S256), state
// and nonce; the provider is discovered on first use (and again after a failure), so the server
// starts while the provider is unreachable. A login under way (verifier, state, nonce, returnTo) is
// kept in the store under a cookie's key for 10 minutes and taken once, so the callback may land on
// any instance.
//
//   GET  /auth/login?returnTo=/b/…   → the provider's authorization endpoint
//   GET  /auth/callback               → code exchanged, session started, → returnTo
//   POST /auth/logout                 → session ended (+ the provider's end-session URL, if it has one)
import { ForbiddenError, InvalidError, UnavailableError } from '../errors';
import { createPrivateKey, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Router, type Request } from 'express';
import * as client from 'openid-client';
import type { OidcSettings } from '../config';
import type { Logger } from '../log';
import type { BoardStorage } from '../storage/BoardStorage';
import { parseCookies, serializeCookie, SESSION_COOKIE, type Sessions } from './sessions';
import { hashToken } from './tokens';

const LOGIN_COOKIE = 'malkart_login';
/** How long a person may take at the provider's login page. */
export const LOGIN_TTL_MS = 10 * 60 * 1000;

/**
 * `returnTo` as a path on this server, or null when it would leave it: only a same-origin path
 * (no scheme, no `//host`, no backslash tricks) under PUBLIC_URL is followed after sign-in.
 */
export function safeReturnTo(raw: unknown, publicUrl: string): string | null {
  if (raw === undefined || raw === '') return '/';
  if (typeof raw !== 'string' || !raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\')) return null;
  const base = new URL(publicUrl);
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return null;
  }
  if (url.origin !== base.origin) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The client authentication: private_key_jwt from a PEM (PKCS#8) or JWK file (its `kid` is sent), else the secret. */
function clientAuth(settings: OidcSettings): client.ClientAuth {
  if (settings.privateKeyFile) {
    const text = readFileSync(settings.privateKeyFile, 'utf8');
    const isJwk = text.trimStart().startsWith('{');
    const jwk = isJwk ? (JSON.parse(text) as { kid?: string; kty?: string; crv?: string }) : null;
    const keyObject = isJwk ? createPrivateKey({ key: jwk as never, format: 'jwk' }) : createPrivateKey(text);
    const algorithm =
      keyObject.asymmetricKeyType === 'ec'
        ? { name: 'ECDSA', namedCurve: keyObject.asymmetricKeyDetails?.namedCurve === 'prime256v1' ? 'P-256' : 'P-384' }
        : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
    // Node's webcrypto CryptoKey is the one openid-client's (DOM) type describes.
    const cryptoKey = keyObject.toCryptoKey(algorithm, false, ['sign']) as unknown as CryptoKey;
    return client.PrivateKeyJwt(jwk?.kid ? { key: cryptoKey, kid: jwk.kid } : cryptoKey);
  }
  return client.ClientSecretPost(settings.clientSecret!);
}

/** A plain-http issuer is allowed only on this machine (the tests' in-process provider). */
function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

export class OidcAuth {
  private discovered: Promise<client.Configuration> | null = null;
  readonly redirectUri: string;

  constructor(
    private readonly settings: OidcSettings,
    private readonly publicUrl: string,
    private readonly sessions: Sessions,
    /** Keeps the logins under way: the provider may send the browser back to another instance. */
    private readonly storage: BoardStorage,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.redirectUri = `${publicUrl}/auth/callback`;
  }

  /** The provider's configuration, discovered once; a failed discovery is tried again on the next login. */
  configuration(): Promise<client.Configuration> {
    this.discovered ??= (async () => {
      const issuer = new URL(this.settings.issuer);
      return client.discovery(issuer, this.settings.clientId, undefined, clientAuth(this.settings), {
        ...(isLoopbackHttp(issuer) ? { execute: [client.allowInsecureRequests] } : {}),
      });
    })().catch((err: unknown) => {
      this.discovered = null;
      throw err;
    });
    return this.discovered;
  }

  router(): Router {
    const router = Router();
    const secure = this.sessions.secure;
    const loginCookie = (value: string, maxAgeMs: number) => serializeCookie(LOGIN_COOKIE, value, { secure, maxAge: maxAgeMs / 1000, path: '/auth' });

    router.get('/login', async (req, res) => {
      const returnTo = safeReturnTo(req.query.returnTo, this.publicUrl);
      if (returnTo === null) throw new InvalidError('return_to_invalid', '"returnTo" must be a path on this server.');
      const config = await this.provider();
      const key = randomBytes(24).toString('base64url');
      const now = this.now();
      const login = {
        keyHash: hashToken(key),
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier: client.randomPKCECodeVerifier(),
        returnTo,
        expiresAt: new Date(now + LOGIN_TTL_MS).toISOString(),
      };
      await this.storage.putPendingLogin(login, new Date(now).toISOString());
      const params: Record<string, string> = {
        redirect_uri: this.redirectUri,
        scope: this.settings.scopes,
        response_type: 'code',
        state: login.state,
        nonce: login.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(login.codeVerifier),
        code_challenge_method: 'S256',
      };
      if (this.settings.acrValues) params.acr_values = this.settings.acrValues;
      res.setHeader('Set-Cookie', loginCookie(key, LOGIN_TTL_MS));
      res.redirect(303, client.buildAuthorizationUrl(config, params).href);
    });

    router.get('/callback', async (req, res) => {
      const key = parseCookies(req.headers.cookie).get(LOGIN_COOKIE);
      // Taken once, whichever instance the callback lands on; an expired one is gone too.
      const login = key ? await this.storage.takePendingLogin(hashToken(key), new Date(this.now()).toISOString()) : undefined;
      res.setHeader('Set-Cookie', loginCookie('', 0));
      if (!login) {
        throw new InvalidError('login_expired', 'This sign-in was not started here or took too long. Start again from «Logg inn».');
      }
      const config = await this.provider();
      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        tokens = await client.authorizationCodeGrant(config, this.currentUrl(req), {
          pkceCodeVerifier: login.codeVerifier,
          expectedState: login.state,
          expectedNonce: login.nonce,
          idTokenExpected: true,
        });
      } catch (err) {
        this.log.warn({ err: { message: (err as Error).message, code: (err as { code?: string }).code } }, 'sign-in refused');
        throw new InvalidError('login_failed', `Sign-in failed: ${(err as Error).message}`);
      }
      const claims = tokens.claims()!;
      let info: Record<string, unknown> = claims;
      // Providers that keep profile claims out of the ID token give them at the userinfo endpoint.
      if ((!claims.name || !claims.email) && tokens.access_token && config.serverMetadata().userinfo_endpoint) {
        info = { ...(await client.fetchUserInfo(config, tokens.access_token, claims.sub)), ...claims };
      }
      const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
      const email = str(info.email) || str(info.preferred_username);
      const name = str(info.name) || [str(info.given_name), str(info.family_name)].filter(Boolean).join(' ') || email || claims.sub;
      const previous = parseCookies(req.headers.cookie).get(SESSION_COOKIE) ?? null;
      const { id } = await this.sessions.start({ sub: claims.sub, name, email, idToken: tokens.id_token ?? null }, previous);
      res.append('Set-Cookie', this.sessions.cookie(id));
      this.log.info({ sub: claims.sub }, 'signed in');
      res.redirect(303, login.returnTo);
    });

    router.post('/logout', async (req, res) => {
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== new URL(this.publicUrl).origin) throw new ForbiddenError('origin_refused', 'Sign out from this site only.');
      const id = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
      const ended = id ? await this.sessions.end(id) : null;
      res.setHeader('Set-Cookie', this.sessions.clearCookie());
      let endSessionUrl: string | null = null;
      const config = await this.provider().catch(() => null);
      if (ended && config?.serverMetadata().end_session_endpoint) {
        endSessionUrl = client.buildEndSessionUrl(config, {
          post_logout_redirect_uri: `${this.publicUrl}/`,
          ...(ended.idToken ? { id_token_hint: ended.idToken } : { client_id: this.settings.clientId }),
        }).href;
      }
      res.json({ endSessionUrl });
    });

    return router;
  }

  private async provider(): Promise<client.Configuration> {
    try {
      return await this.configuration();
    } catch (err) {
      this.log.error({ err }, 'identity provider discovery failed');
      throw new UnavailableError('identity_provider_unavailable', 'The identity provider cannot be reached right now; try again shortly.');
    }
  }

  /** The callback URL as the provider redirected to it: PUBLIC_URL's origin and path prefix, the request's query. */
  private currentUrl(req: Request): URL {
    const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
    return new URL(`${this.redirectUri}${query}`);
  }
}
