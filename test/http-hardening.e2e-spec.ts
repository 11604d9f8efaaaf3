import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from './harness/test-app.js';

import { jest } from '@jest/globals';

jest.setTimeout(60_000);

/** helmet's headers and the Redis-backed rate limits on login and writes (issue 28). */
describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const directives = (csp: string) => Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

  it('every answer carries a CSP with scripts from our origin only and no framing; no HSTS on plain http', async () => {
    for (const path of ['/api/v1/auth/config', '/api/v1/me', '/health', '/docs-json']) {
      const res = await t.http.get(path);
      const csp = directives(res.headers['content-security-policy']);
      expect([path, csp['script-src'], csp['script-src-attr'], csp['style-src'], csp['frame-ancestors'], csp['object-src']]).toEqual([
        path,
        ["'self'"],
        ["'none'"],
        ["'self'"],
        ["'none'"],
        ["'none'"],
      ]);
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('API answers are never stored: a browser must not answer one user\'s request with another\'s (issue 25)', async () => {
    const kari = await t.auth('kari.ansatt');
    for (const path of ['/api/v1/me', '/api/v1/units', '/api/v1/auth/config']) {
      const res = await t.http.get(path).set(kari);
      expect([path, res.headers['cache-control']]).toEqual([path, 'no-store']);
    }
  });

  it('the Swagger UI may have inline styles, never inline scripts', async () => {
    const csp = directives((await t.http.get('/docs/').expect(200)).headers['content-security-policy']);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('sends HSTS (and upgrades requests) when PUBLIC_URL is https', async () => {
    const https = await startTestApp({ PUBLIC_URL: 'https://bti.kommune.no' });
    try {
      const res = await https.http.get('/api/v1/auth/config').expect(200);
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    } finally {
      await https.close();
    }
  });
});

describe('rate limits (counted in Redis, per minute)', () => {
  const LIMITS = { RATE_LIMIT_LOGIN_PER_IP: '3', RATE_LIMIT_WRITES_PER_USER: '3', RATE_LIMIT_WRITES_PER_IP: '5', TRUST_PROXY: 'loopback' };
  // Each test writes from addresses and as users of its own, so counts of other tests never meet it.
  let ipSeq = 0;
  const nextIp = () => `203.0.${Math.floor(ipSeq / 250)}.${(ipSeq++ % 250) + 1}`;

  const expectTooMany = (res: { status: number; headers: Record<string, string>; body: { code?: string; status?: number } }) => {
    expect([res.status, res.body.code, res.headers['content-type']]).toEqual([429, 'TOO_MANY_REQUESTS', expect.stringContaining('application/problem+json')]);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
  };

  describe('login', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(LIMITS);
    });
    afterAll(() => t.close());

    it('dev-login: RATE_LIMIT_LOGIN_PER_IP per IP, then 429 problem with Retry-After; another IP goes on', async () => {
      const ip = nextIp();
      for (let i = 0; i < 3; i++) await t.http.post('/api/v1/auth/dev-login').set('X-Forwarded-For', ip).send({ username: 'kari.ansatt' }).expect(200);
      expectTooMany(await t.http.post('/api/v1/auth/dev-login').set('X-Forwarded-For', ip).send({ username: 'kari.ansatt' }));
      await t.http.post('/api/v1/auth/dev-login').set('X-Forwarded-For', nextIp()).send({ username: 'kari.ansatt' }).expect(200);
    });
  });

  describe('writes', () => {
    let a: TestApp;
    let b: TestApp;
    let unit: { id: string; municipalityId: string };

    /** A staff member of their own (an empty concern is refused after counting, which is all that matters here). */
    async function freshUser(): Promise<string> {
      const db = a.db;
      const username = `rate-${randomUUID().slice(0, 8)}`;
      const [user] = await db.query(`INSERT INTO app_user ("municipalityId", username, "displayName") VALUES ($1, $2, $2) RETURNING id`, [unit.municipalityId, username]);
      await db.query(`INSERT INTO role_assignment ("userId", role, "scopeType", "scopeId") VALUES ($1, 'staff', 'unit', $2)`, [user.id, unit.id]);
      return username;
    }
    const write = async (t: TestApp, username: string, ip: string) => t.http.post('/api/v1/cases').set(await t.auth(username)).set('X-Forwarded-For', ip).send({});

    beforeAll(async () => {
      // Two API processes on one Redis: replicas behind a load balancer.
      a = await startTestApp(LIMITS, { login: 'test-issuer' });
      b = await startTestApp(LIMITS, { login: 'test-issuer' });
      [unit] = await a.db.query(`SELECT id, "municipalityId" FROM unit WHERE code = 'solsiden-bhg'`);
    });
    afterAll(async () => {
      await a.close();
      await b.close();
    });

    it('per user: RATE_LIMIT_WRITES_PER_USER writes a minute from any address, then 429; reads go on', async () => {
      const user = await freshUser();
      for (let i = 0; i < 3; i++) expect((await write(a, user, nextIp())).status).toBe(400);
      expectTooMany(await write(a, user, nextIp()));
      await a.http.get('/api/v1/me').set(await a.auth(user)).set('X-Forwarded-For', nextIp()).expect(200);
      expect((await write(a, await freshUser(), nextIp())).status).toBe(400); // another user is not held up
    });

    it('per IP: RATE_LIMIT_WRITES_PER_IP writes a minute from one address, whoever writes', async () => {
      const ip = nextIp();
      const [first, second] = [await freshUser(), await freshUser()];
      for (let i = 0; i < 3; i++) expect((await write(a, first, ip)).status).toBe(400);
      for (let i = 0; i < 2; i++) expect((await write(a, second, ip)).status).toBe(400);
      expectTooMany(await write(a, second, ip));
      expect((await write(a, await freshUser(), nextIp())).status).toBe(400); // another address is not held up
    });

    it('replicas share the count: writes through two API processes add up', async () => {
      const user = await freshUser();
      expect((await write(a, user, nextIp())).status).toBe(400);
      expect((await write(b, user, nextIp())).status).toBe(400);
      expect((await write(a, user, nextIp())).status).toBe(400);
      expectTooMany(await write(b, user, nextIp()));
    });
  });
});
