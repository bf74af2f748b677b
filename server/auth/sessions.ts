// Server-side sessions of signed-in people (issue #17). The cookie holds a random id; the store
// holds only its hash, with the person and an absolute expiry, so a copy of the database opens no
// session, a restart keeps them, and deleting the row revokes one at once. A new id is made at
// every sign-in (no session fixation). Cookie: HttpOnly, SameSite=Lax, Secure when PUBLIC_URL is https.
import { randomBytes } from 'node:crypto';
import type { BoardStorage, SessionRecord } from '../storage/BoardStorage';
import { hashToken } from './tokens';

export const SESSION_COOKIE = 'malkart_session';

export interface Person {
  sub: string;
  name: string;
  email: string;
}

/** The cookies of a `Cookie` header (first value of each name wins, as browsers send the most specific first). */
export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 1) continue;
    const name = part.slice(0, eq).trim();
    if (out.has(name)) continue;
    try {
      out.set(name, decodeURIComponent(part.slice(eq + 1).trim()));
    } catch {
      /* a malformed value is no cookie of ours */
    }
  }
  return out;
}

export interface CookieOptions {
  secure: boolean;
  /** Seconds; 0 deletes the cookie. */
  maxAge: number;
  path?: string;
}

export function serializeCookie(name: string, value: string, o: CookieOptions): string {
  return [
    `${name}=${encodeURIComponent(value)}`,
    `Path=${o.path ?? '/'}`,
    `Max-Age=${Math.max(0, Math.floor(o.maxAge))}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(o.secure ? ['Secure'] : []),
  ].join('; ');
}

export class Sessions {
  private readonly endedListeners: ((session: SessionRecord) => void)[] = [];

  constructor(
    private readonly storage: BoardStorage,
    readonly maxAgeMs: number,
    /** Secure cookies: true when the public address is https. */
    readonly secure: boolean,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts a session for a person who just signed in; `previousId` (the cookie they came with) is ended first. */
  async start(person: Person & { idToken: string | null }, previousId?: string | null): Promise<{ id: string; session: SessionRecord }> {
    if (previousId) await this.end(previousId);
    const id = randomBytes(32).toString('base64url');
    const now = this.now();
    const session: SessionRecord = {
      idHash: hashToken(id),
      sub: person.sub,
      name: person.name,
      email: person.email,
      idToken: person.idToken,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + this.maxAgeMs).toISOString(),
    };
    await this.storage.createSession(session);
    return { id, session };
  }

  /** The live session a cookie header names, or null (none, unknown, expired — an expired one is deleted). */
  async fromCookieHeader(header: string | undefined): Promise<SessionRecord | null> {
    const id = parseCookies(header).get(SESSION_COOKIE);
    return id ? this.get(id) : null;
  }

  async get(id: string): Promise<SessionRecord | null> {
    const session = await this.storage.getSession(hashToken(id));
    if (!session) return null;
    if (this.isExpired(session)) {
      await this.storage.deleteSession(session.idHash);
      this.emitEnded(session);
      return null;
    }
    return session;
  }

  isExpired(session: SessionRecord): boolean {
    return Date.parse(session.expiresAt) <= this.now();
  }

  /** Ends (revokes) the session with this cookie id; listeners close its sockets. */
  async end(id: string): Promise<SessionRecord | null> {
    const session = await this.storage.getSession(hashToken(id));
    if (!session) return null;
    await this.storage.deleteSession(session.idHash);
    this.emitEnded(session);
    return session;
  }

  /** Called with every session that ends here (sign-out, or found expired). */
  onEnded(listener: (session: SessionRecord) => void): void {
    this.endedListeners.push(listener);
  }

  cookie(id: string): string {
    return serializeCookie(SESSION_COOKIE, id, { secure: this.secure, maxAge: this.maxAgeMs / 1000 });
  }

  clearCookie(): string {
    return serializeCookie(SESSION_COOKIE, '', { secure: this.secure, maxAge: 0 });
  }

  private emitEnded(session: SessionRecord): void {
    for (const l of this.endedListeners) l(session);
  }
}
