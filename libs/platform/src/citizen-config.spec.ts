import { ConfigError, loadConfig } from './config.js';

const BASE = { DATABASE_URL: 'postgres://x@localhost/x', REDIS_URL: 'redis://localhost', AUTH_MODE: 'dev', ALLOW_DEV_LOGIN: 'true', DATA_ENCRYPTION_KEY: '7f'.repeat(32) };
const citizen = (env: Record<string, string>) => loadConfig({ ...BASE, ...env }).citizen;
const STANDIN = { CITIZEN_OIDC_ISSUER: 'http://127.0.0.1:4000', CITIZEN_OIDC_CLIENT_ID: 'bti', CITIZEN_OIDC_CLIENT_SECRET: 's' };

describe('the citizen login configuration', () => {
  it('has no ID-porten login unless the issuer is set, and asks for idporten-loa-high by default', () => {
    expect(citizen({})).toEqual({ acr: 'idporten-loa-high' });
  });

  it('takes the issuer, client and a redirect URI from PUBLIC_URL', () => {
    expect(citizen({ ...STANDIN, PUBLIC_URL: 'https://bti.kommune.no/' }).oidc).toEqual({
      issuer: 'http://127.0.0.1:4000',
      clientId: 'bti',
      clientSecret: 's',
      clientKey: undefined,
      redirectUri: 'https://bti.kommune.no/api/v1/citizen/callback',
      allowHttp: true,
    });
  });

  it('refuses plain http off loopback or in production, and wants exactly one of secret and key', () => {
    expect(() => citizen({ ...STANDIN, CITIZEN_OIDC_ISSUER: 'http://idporten.example' })).toThrow(/CITIZEN_OIDC_ISSUER må bruke https/);
    expect(() => loadConfig({ ...BASE, AUTH_MODE: 'oidc', NODE_ENV: 'production', OIDC_ISSUER: 'https://i', OIDC_AUDIENCE: 'a', OIDC_JWKS_URL: 'https://i/jwks', ...STANDIN })).toThrow(/CITIZEN_OIDC_ISSUER/);
    expect(() => citizen({ ...STANDIN, CITIZEN_OIDC_CLIENT_SECRET: '' })).toThrow(ConfigError);
    expect(() => citizen({ ...STANDIN, CITIZEN_OIDC_CLIENT_KEY: '{"kty":"RSA"}' })).toThrow(/én av/);
    expect(() => citizen({ ...STANDIN, CITIZEN_OIDC_CLIENT_SECRET: '', CITIZEN_OIDC_CLIENT_KEY: '{"kty":"RSA"}' })).toThrow(/kid/);
    expect(citizen({ ...STANDIN, CITIZEN_OIDC_CLIENT_SECRET: '', CITIZEN_OIDC_CLIENT_KEY: '{"kty":"RSA","kid":"k","d":"x"}' }).oidc?.clientKey).toEqual({ kty: 'RSA', kid: 'k', d: 'x' });
  });
});
