// The scale-out settings (#18): STORE, DATABASE_URL, INSTANCE_URL, LEASE_MS, read and checked.
import { afterEach, describe, expect, it } from 'vitest';
import { configFromEnv } from './config';

const names = ['STORE', 'DATABASE_URL', 'INSTANCE_URL', 'LEASE_MS'] as const;
const saved = Object.fromEntries(names.map((n) => [n, process.env[n]]));
afterEach(() => {
  for (const n of names) {
    if (saved[n] === undefined) delete process.env[n];
    else process.env[n] = saved[n];
  }
});

function withEnv(env: Partial<Record<(typeof names)[number], string>>) {
  for (const n of names) delete process.env[n];
  Object.assign(process.env, env);
  return configFromEnv();
}

describe('store settings', () => {
  it('default: SQLite, no services, a lease of at most 10 s', () => {
    const c = withEnv({});
    expect(c.store).toBe('sqlite');
    expect(c.databaseUrl).toBe('');
    expect(c.instanceUrl).toBe('');
    expect(c.leaseMs).toBeLessThanOrEqual(10_000);
  });

  it('STORE=postgres takes DATABASE_URL; INSTANCE_URL loses a trailing slash', () => {
    const c = withEnv({ STORE: 'postgres', DATABASE_URL: 'postgres://u@db:5432/malkart', INSTANCE_URL: 'http://10.0.0.2:8080/', LEASE_MS: '3000' });
    expect(c).toMatchObject({ store: 'postgres', databaseUrl: 'postgres://u@db:5432/malkart', instanceUrl: 'http://10.0.0.2:8080', leaseMs: 3000 });
  });

  it('refuses STORE=postgres without DATABASE_URL, an unknown STORE and a lease too short to renew', () => {
    expect(() => withEnv({ STORE: 'postgres' })).toThrow(/DATABASE_URL/);
    expect(() => withEnv({ STORE: 'mysql' })).toThrow(/STORE/);
    expect(() => withEnv({ LEASE_MS: '10' })).toThrow(/LEASE_MS/);
  });
});
