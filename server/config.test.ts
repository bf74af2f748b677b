// Settings read from the environment: sign-in (#17) and the scale-out store (#18).
import { afterEach, describe, expect, it } from 'vitest';
import { configFromEnv } from './config';

const KEYS = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_PRIVATE_KEY_FILE', 'PUBLIC_URL', 'OIDC_SCOPES', 'OIDC_ACR_VALUES'];
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
afterEach(() => {
  for (const k of KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});
const env = (vars: Record<string, string>) => {
  for (const k of KEYS) delete process.env[k];
  Object.assign(process.env, vars);
};

describe('sign-in settings', () => {
  it('without OIDC_ISSUER there is no sign-in and nothing else is needed', () => {
    env({});
    expect(configFromEnv()).toMatchObject({ oidc: null, publicUrl: null });
  });

  it('with OIDC_ISSUER the client id, a secret or key, and PUBLIC_URL are required', () => {
    env({ OIDC_ISSUER: 'https://login.microsoftonline.com/t/v2.0', OIDC_CLIENT_SECRET: 's', PUBLIC_URL: 'https://m.example.no' });
    expect(() => configFromEnv()).toThrow(/OIDC_CLIENT_ID/);
    env({ OIDC_ISSUER: 'https://i.example', OIDC_CLIENT_ID: 'c', OIDC_CLIENT_SECRET: 's' });
    expect(() => configFromEnv()).toThrow(/PUBLIC_URL/);
    env({ OIDC_ISSUER: 'https://i.example', OIDC_CLIENT_ID: 'c', PUBLIC_URL: 'https://m.example.no' });
    expect(() => configFromEnv()).toThrow(/OIDC_CLIENT_SECRET or OIDC_PRIVATE_KEY_FILE/);
  });

  it('reads ID-porten style settings; PUBLIC_URL loses its trailing slash', () => {
    env({
      OIDC_ISSUER: 'https://idporten.no', OIDC_CLIENT_ID: 'c', OIDC_PRIVATE_KEY_FILE: '/etc/malkart/key.jwk', PUBLIC_URL: 'https://malkart.lier.kommune.no/',
      OIDC_ACR_VALUES: 'idporten-loa-substantial',
    });
    expect(configFromEnv()).toMatchObject({
      publicUrl: 'https://malkart.lier.kommune.no',
      oidc: { issuer: 'https://idporten.no', clientId: 'c', clientSecret: null, privateKeyFile: '/etc/malkart/key.jwk', scopes: 'openid profile email', acrValues: 'idporten-loa-substantial' },
    });
  });
});

const names = ['STORE', 'DATABASE_URL', 'INSTANCE_URL', 'LEASE_MS'] as const;
const savedStore = Object.fromEntries(names.map((n) => [n, process.env[n]]));
afterEach(() => {
  for (const n of names) {
    if (savedStore[n] === undefined) delete process.env[n];
    else process.env[n] = savedStore[n];
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
