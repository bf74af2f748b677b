// Sessions (issue #17) over both stores, with a clock the test moves: expiry, logout (revocation),
// regeneration at sign-in, the cookie's attributes, and that a session outlives a restart of the store.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStorage } from '../storage/MemoryStorage';
import { SqliteStorage } from '../storage/SqliteStorage';
import type { BoardStorage, SessionRecord } from '../storage/BoardStorage';
import { removeDir } from '../testing/testServer';
import { parseCookies, SESSION_COOKIE, Sessions } from './sessions';

const dirs: string[] = [];
const stores: BoardStorage[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) removeDir(d);
});

function sqliteFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'malkart-sessions-'));
  dirs.push(dir);
  return path.join(dir, 'malkart.sqlite');
}

const kari = { sub: 'kari', name: 'Kari Nordmann', email: 'kari@lier.kommune.no', idToken: 'id.token.here' };
const HOUR = 60 * 60 * 1000;

describe.each([
  ['SqliteStorage', () => new SqliteStorage(sqliteFile())],
  ['MemoryStorage', () => new MemoryStorage()],
] as const)('Sessions over %s', (_name, make) => {
  const setup = () => {
    const storage = make();
    stores.push(storage);
    let now = Date.parse('2026-03-02T08:00:00Z');
    const ended: SessionRecord[] = [];
    const sessions = new Sessions(storage, 12 * HOUR, false, () => now);
    sessions.onEnded((s) => ended.push(s));
    return { storage, sessions, ended, advance: (ms: number) => (now += ms) };
  };

  it('a session holds the person until it expires; then it is gone from the store and its end is announced', async () => {
    const { storage, sessions, ended, advance } = setup();
    const { id, session } = await sessions.start(kari);
    expect(session.idHash).not.toContain(id); // the store holds a hash, never the cookie's id
    expect(await sessions.get(id)).toMatchObject({ sub: 'kari', name: 'Kari Nordmann' });
    advance(12 * HOUR - 1);
    expect(await sessions.get(id)).not.toBeNull();
    advance(1);
    expect(await sessions.get(id)).toBeNull();
    expect(await storage.getSession(session.idHash)).toBeUndefined();
    expect(ended.map((s) => s.sub)).toEqual(['kari']);
  });

  it('logout revokes the session at once; the cookie is cleared', async () => {
    const { sessions, ended } = setup();
    const { id } = await sessions.start(kari);
    expect(await sessions.fromCookieHeader(`other=1; ${SESSION_COOKIE}=${id}`)).not.toBeNull();
    expect((await sessions.end(id))?.sub).toBe('kari');
    expect(await sessions.get(id)).toBeNull();
    expect(ended).toHaveLength(1);
    expect(await sessions.end(id)).toBeNull(); // twice is harmless
    expect(sessions.clearCookie()).toMatch(new RegExp(`^${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax$`));
  });

  it('signing in again makes a new id and ends the one the browser came with', async () => {
    const { sessions } = setup();
    const first = await sessions.start(kari);
    const second = await sessions.start(kari, first.id);
    expect(second.id).not.toBe(first.id);
    expect(await sessions.get(first.id)).toBeNull();
    expect(await sessions.get(second.id)).not.toBeNull();
  });
});

describe('session cookies and restarts', () => {
  it('the cookie is HttpOnly, SameSite=Lax, and Secure when the public address is https', async () => {
    const storage = new MemoryStorage();
    expect(new Sessions(storage, HOUR, true).cookie('abc')).toBe(`${SESSION_COOKIE}=abc; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax; Secure`);
    expect(new Sessions(storage, HOUR, false).cookie('abc')).not.toMatch(/Secure/);
    expect(parseCookies('a=1; b=%20x; a=2; bad')).toEqual(new Map([['a', '1'], ['b', ' x']]));
  });

  it('a session survives a restart of the server (it lives in the SQLite file)', async () => {
    const file = sqliteFile();
    const first = new SqliteStorage(file);
    const { id } = await new Sessions(first, HOUR, false).start(kari);
    await first.close();
    const second = new SqliteStorage(file);
    stores.push(second);
    expect(await new Sessions(second, HOUR, false).get(id)).toMatchObject({ sub: 'kari', idToken: 'id.token.here' });
  });
});
