import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { AppUser, createDataSource } from '@app/persistence';
import { prepareDatabase, startTestApp, type TestApp } from './harness/test-app.js';

import { jest } from '@jest/globals';

// Explicit, and enough for the hooks: they start the API on the harness database (the first file
// also migrates it), which takes tens of seconds on a loaded 2-core machine.
jest.setTimeout(60_000);

const ISSUER = 'https://idp.kommune.test';
const AUDIENCE = 'bti-api';
const SUBJECT = 'idp-subject-kari';

describe('AUTH_MODE=oidc with a JWKS served by the test', () => {
  let t: TestApp;
  let jwks: http.Server;
  let privateKey: CryptoKey;

  const token = (claims: { aud?: string; iss?: string; exp?: number | string; sub?: string } = {}) =>
    new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setSubject(claims.sub ?? SUBJECT)
      .setIssuer(claims.iss ?? ISSUER)
      .setAudience(claims.aud ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(claims.exp ?? '5m')
      .sign(privateKey);

  beforeAll(async () => {
    const keys = await generateKeyPair('RS256');
    privateKey = keys.privateKey;
    const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
    jwks = http.createServer((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    await prepareDatabase();
    const ds = await createDataSource(process.env.DATABASE_URL!).initialize();
    await ds.getRepository(AppUser).update({ username: 'kari.ansatt' }, { externalSubject: SUBJECT });
    await ds.destroy();
    const port = (jwks.address() as AddressInfo).port;
    t = await startTestApp({ AUTH_MODE: 'oidc', OIDC_ISSUER: ISSUER, OIDC_AUDIENCE: AUDIENCE, OIDC_JWKS_URL: `http://127.0.0.1:${port}/jwks` });
  });
  afterAll(async () => {
    await t.close();
    jwks.close();
  });

  it('accepts a good token and maps its subject to the user', async () => {
    const res = await t.http.get('/api/v1/me').set('Authorization', `Bearer ${await token()}`).expect(200);
    expect(res.body.username).toBe('kari.ansatt');
  });

  it('refuses a token for another audience', async () => {
    const res = await t.http.get('/api/v1/me').set('Authorization', `Bearer ${await token({ aud: 'someone-else' })}`).expect(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired token', async () => {
    const expired = await token({ exp: Math.floor(Date.now() / 1000) - 60 });
    await t.http.get('/api/v1/me').set('Authorization', `Bearer ${expired}`).expect(401);
  });

  it('refuses a token from another issuer', async () => {
    await t.http.get('/api/v1/me').set('Authorization', `Bearer ${await token({ iss: 'https://evil.test' })}`).expect(401);
  });

  it('refuses a valid token whose subject is not a user here', async () => {
    await t.http.get('/api/v1/me').set('Authorization', `Bearer ${await token({ sub: 'stranger' })}`).expect(401);
  });

  it('has no dev-login endpoint', async () => {
    await t.http.post('/api/v1/auth/dev-login').send({ username: 'kari.ansatt' }).expect(404);
  });
});
