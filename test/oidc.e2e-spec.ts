import { ConfigError, loadConfig } from '@app/platform';
import { prepareDatabase, startTestApp, testEnv, type TestApp } from './harness/test-app.js';
import { TestIssuer } from './harness/test-issuer.js';

import { jest } from '@jest/globals';

// Explicit, and enough for the hooks: they start the API on the harness database (the first file
// also migrates it), which takes tens of seconds on a loaded 2-core machine.
jest.setTimeout(60_000);

const now = () => Math.floor(Date.now() / 1000);

describe('AUTH_MODE=oidc with a JWKS served by the test', () => {
  let t: TestApp;
  let issuer: TestIssuer;
  let subject: string;
  const me = (token: string) => t.http.get('/api/v1/me').set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    await prepareDatabase();
    t = await startTestApp({}, { login: 'test-issuer' });
    issuer = t.issuer!;
    // tokenFor gives kari an external subject; read it back from a token's claims.
    const token = await issuer.tokenFor('kari.ansatt');
    subject = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sub;
  });
  afterAll(() => t.close());

  it('accepts a good access token and maps its subject to the user', async () => {
    const res = await me(await issuer.sign(subject)).expect(200);
    expect(res.body.username).toBe('kari.ansatt');
  });

  it('refuses a token for another audience', async () => {
    const res = await me(await issuer.sign(subject, { claims: { aud: 'someone-else' } })).expect(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a token expired longer ago than the clock tolerance (at most 60 s)', async () => {
    await me(await issuer.sign(subject, { exp: now() - 61 })).expect(401);
  });

  it('tolerates a little clock skew: a token that expired 5 s ago still passes', async () => {
    await me(await issuer.sign(subject, { exp: now() - 5 })).expect(200);
  });

  it('refuses a token that is not valid for another two minutes (nbf)', async () => {
    await me(await issuer.sign(subject, { claims: { nbf: now() + 120 } })).expect(401);
  });

  it('refuses a token without exp: it would never expire', async () => {
    const res = await me(await issuer.sign(subject, { exp: null })).expect(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an ID token (header typ JWT, with a nonce) even with our audience', async () => {
    await me(await issuer.sign(subject, { header: { typ: 'JWT' }, claims: { nonce: 'n-0S6_WzA2Mj', auth_time: now() } })).expect(401);
  });

  it('refuses a token without a typ header', async () => {
    await me(await issuer.sign(subject, { header: { typ: undefined } })).expect(401);
  });

  it('refuses a token from another issuer', async () => {
    await me(await issuer.sign(subject, { claims: { iss: 'https://evil.test' } })).expect(401);
  });

  it('refuses a valid token whose subject is not a user here', async () => {
    await me(await issuer.sign('stranger')).expect(401);
  });

  it('has no dev-login endpoint', async () => {
    await t.http.post('/api/v1/auth/dev-login').send({ username: 'kari.ansatt' }).expect(404);
  });
});

describe('an IdP whose access tokens say only typ JWT (Entra ID): OIDC_ACCESS_TOKEN_CLAIM tells them apart', () => {
  let t: TestApp;
  let subject: string;
  const me = (token: string) => t.http.get('/api/v1/me').set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    t = await startTestApp({ OIDC_ACCESS_TOKEN_TYP: 'JWT', OIDC_ACCESS_TOKEN_CLAIM: 'scp' }, { login: 'test-issuer' });
    const token = await t.issuer!.tokenFor('kari.ansatt');
    subject = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sub;
  });
  afterAll(() => t.close());

  it('accepts an access token carrying the claim and refuses an ID token without it', async () => {
    await me(await t.issuer!.sign(subject, { header: { typ: 'JWT' }, claims: { scp: 'bti.api' } })).expect(200);
    await me(await t.issuer!.sign(subject, { header: { typ: 'JWT' }, claims: { nonce: 'n' } })).expect(401);
  });
});

describe('Entra ID names its stable user id `oid`: OIDC_SUBJECT_CLAIM picks the claim matched against externalSubject', () => {
  let t: TestApp;
  let subject: string;
  const me = (token: string) => t.http.get('/api/v1/me').set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    t = await startTestApp({ OIDC_SUBJECT_CLAIM: 'oid' }, { login: 'test-issuer' });
    const token = await t.issuer!.tokenFor('kari.ansatt');
    subject = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sub;
  });
  afterAll(() => t.close());

  it('maps the user by `oid`, whatever `sub` says', async () => {
    const res = await me(await t.issuer!.sign('pairwise-sub-from-entra', { claims: { oid: subject } })).expect(200);
    expect(res.body.username).toBe('kari.ansatt');
  });

  it('refuses a token whose `sub` is the user but which has no `oid`', async () => {
    await me(await t.issuer!.sign(subject)).expect(401);
  });
});

describe('oidc configuration', () => {
  const oidc = { AUTH_MODE: 'oidc', OIDC_ISSUER: TestIssuer.ISSUER, OIDC_AUDIENCE: TestIssuer.AUDIENCE };
  const refusal = (overrides: Record<string, string>) => {
    try {
      loadConfig(testEnv({ ...oidc, ...overrides }));
    } catch (error) {
      if (error instanceof ConfigError) return error.message;
      throw error;
    }
    return null;
  };

  it.each(['production', ''])('refuses a plain-http JWKS with NODE_ENV=%s, in one line naming it', (nodeEnv) => {
    const message = refusal({ NODE_ENV: nodeEnv, OIDC_JWKS_URL: 'http://idp.kommune.no/jwks' });
    expect(message).toMatch(/^OIDC_JWKS_URL må bruke https:/);
    expect(message).not.toContain('\n');
  });

  it('accepts an https JWKS in production, and plain http only with NODE_ENV=development or test', () => {
    expect(refusal({ NODE_ENV: 'production', OIDC_JWKS_URL: 'https://idp.kommune.no/jwks' })).toBeNull();
    expect(refusal({ NODE_ENV: 'development', OIDC_JWKS_URL: 'http://127.0.0.1:1/jwks' })).toBeNull();
    expect(refusal({ NODE_ENV: 'test', OIDC_JWKS_URL: 'http://127.0.0.1:1/jwks' })).toBeNull();
  });

  it('refuses OIDC_ACCESS_TOKEN_TYP=JWT without a claim that tells access tokens from ID tokens', () => {
    expect(refusal({ NODE_ENV: 'production', OIDC_JWKS_URL: 'https://idp.kommune.no/jwks', OIDC_ACCESS_TOKEN_TYP: 'JWT' })).toMatch(/^OIDC_ACCESS_TOKEN_TYP=JWT .*OIDC_ACCESS_TOKEN_CLAIM/);
  });
});
