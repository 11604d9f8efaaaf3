import { startTestApp, type TestApp, logins } from './harness/test-app.js';
import { FaultProxy } from './harness/fault-proxy.js';
import { caseEtag, concernBody, logConcern, unitIds } from './harness/cases.js';

/**
 * Database or Redis away → 503 UNAVAILABLE with Retry-After on every endpoint, never a 500; and
 * the API recovers by itself when they come back (issue 18). The app reaches the harness's real
 * PostgreSQL and Redis through FaultProxy, which can cut them for this app alone.
 */
describe('database and Redis outages', () => {
  let t: TestApp;
  let pg: FaultProxy;
  let redis: FaultProxy;
  let caseId: string;
  let unitId: string;

  beforeAll(async () => {
    pg = await FaultProxy.start(logins.api);
    redis = await FaultProxy.start(process.env.REDIS_URL!);
    // Roles read on every request (no principal cache), so the guard's own database lookup is what meets the outage.
    t = await startTestApp({ DATABASE_URL: pg.url, REDIS_URL: redis.url, AUTH_PRINCIPAL_CACHE_MS: '0' });
    caseId = (await logConcern(t, 'kari.ansatt', 'solsiden-bhg')).id;
    unitId = (await unitIds(t))['solsiden-bhg'];
    for (const user of ['kari.ansatt', 'ola.leder', 'ole.operator']) await t.auth(user); // tokens while the database is up
  }, 60_000);
  afterAll(async () => {
    await pg?.restore();
    await redis?.restore();
    await t?.close();
    await pg?.cut();
    await redis?.cut();
  }, 30_000);

  const expectUnavailable = (label: string, res: { status: number; headers: Record<string, string>; body: { code?: string } }) => {
    expect([label, res.status, res.body.code, res.headers['retry-after'], res.headers['content-type']]).toEqual([
      label,
      503,
      'UNAVAILABLE',
      '5',
      expect.stringContaining('application/problem+json'),
    ]);
  };

  /** Waits (on the condition, not a clock) until a request succeeds again. */
  async function untilOk(request: () => Promise<{ status: number }>): Promise<number> {
    let status = 0;
    for (let attempt = 0; attempt < 100 && status !== 200; attempt++) {
      status = (await request()).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    return status;
  }

  it('database away: 503 UNAVAILABLE with Retry-After on login, auth, reads and writes; back to 200 when it returns', async () => {
    const kari = await t.auth('kari.ansatt');
    const ola = await t.auth('ola.leder');
    const etag = await caseEtag(t, 'ola.leder', caseId);
    const casesBefore = (await t.http.get('/api/v1/cases?pageSize=100').set(kari).expect(200)).body.total;

    await pg.cut();
    expectUnavailable('dev-login', await t.http.post('/api/v1/auth/dev-login').send({ username: 'nina.ansatt' }));
    expectUnavailable('GET /me', await t.http.get('/api/v1/me').set(kari));
    expectUnavailable('GET /units', await t.http.get('/api/v1/units').set(kari));
    expectUnavailable('GET /cases', await t.http.get('/api/v1/cases').set(kari));
    expectUnavailable('GET /cases/:id', await t.http.get(`/api/v1/cases/${caseId}`).set(kari));
    expectUnavailable('POST /cases', await t.http.post('/api/v1/cases').set(kari).send(concernBody(unitId)));
    expectUnavailable('POST /cases/:id/events', await t.http.post(`/api/v1/cases/${caseId}/events`).set(ola).set('If-Match', etag).send({ type: 'start_assessment' }));
    expectUnavailable('GET /notifications', await t.http.get('/api/v1/notifications').set(kari));
    expectUnavailable('GET /cases/:id/log', await t.http.get(`/api/v1/cases/${caseId}/log`).set(kari));
    expect((await t.http.get('/health')).status).toBe(503);
    // Expected during an outage: no error-level log line with a stack.
    expect(t.logs.lines.filter((l) => l.includes('"level":50') && l.includes('UNAVAILABLE'))).toEqual([]);

    await pg.restore();
    expect(await untilOk(() => t.http.get('/api/v1/cases?pageSize=100').set(kari))).toBe(200);
    // Nothing the outage refused was half-written: same cases, the event not applied.
    expect((await t.http.get('/api/v1/cases?pageSize=100').set(kari).expect(200)).body.total).toBe(casesBefore);
    const after = await t.http.get(`/api/v1/cases/${caseId}`).set(ola).expect(200);
    expect([after.body.status, after.headers.etag]).toEqual(['discovered', etag]);
    await t.http.post('/api/v1/auth/dev-login').send({ username: 'nina.ansatt' }).expect(200);
    await t.http.post(`/api/v1/cases/${caseId}/events`).set(ola).set('If-Match', etag).send({ type: 'start_assessment' }).expect(200);
    expect((await t.http.get('/health')).status).toBe(200);
  }, 60_000);

  it('Redis away: case work goes on, health and the queue board say 503 (never 500 or a hang); back when it returns', async () => {
    const kari = await t.auth('kari.ansatt');
    const operator = await t.auth('ole.operator');
    await t.http.get('/admin/queues/api/queues').set(operator).expect(200);

    await redis.cut();
    await t.http.get('/api/v1/cases').set(kari).expect(200);
    await t.http.post('/api/v1/cases').set(kari).send(concernBody(unitId)).expect(201);
    expect((await t.http.get('/health')).status).toBe(503);
    expectUnavailable('queue board', await t.http.get('/admin/queues/api/queues').set(operator));

    await redis.restore();
    expect(await untilOk(() => t.http.get('/admin/queues/api/queues').set(operator))).toBe(200);
    expect(await untilOk(() => t.http.get('/health'))).toBe(200);
  }, 60_000);
});
