// Sign-in settings (issue #17): unset, nothing changes; set, they must be complete, and PUBLIC_URL is normalised.
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
