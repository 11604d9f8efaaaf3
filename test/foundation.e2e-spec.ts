import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadReferenceData } from '@app/platform';
import { startTestApp, type TestApp } from './harness/test-app.js';

import { jest } from '@jest/globals';

// Explicit, and enough for the hooks: they start the API on the harness database (the first file
// also migrates it), which takes tens of seconds on a loaded 2-core machine.
jest.setTimeout(60_000);

describe('foundation (real Postgres and Redis)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('GET /health reports database and Redis up', async () => {
    const res = await t.http.get('/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.details.database.status).toBe('up');
    expect(res.body.details.redis.status).toBe('up');
  });

  it('serves the OpenAPI document at /docs-json and the UI at /docs', async () => {
    const doc = await t.http.get('/docs-json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/dev-login', '/api/v1/me', '/api/v1/units']));
    const ui = await t.http.get('/docs/').expect(200);
    expect(ui.text).toContain('swagger');
  });

  it('dev-login returns a token for a demo user, and /me shows roles and scopes', async () => {
    const res = await t.http.post('/api/v1/auth/dev-login').send({ username: 'ola.leder' }).expect(200);
    expect(typeof res.body.accessToken).toBe('string');
    const me = await t.http.get('/api/v1/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
    expect(me.body.username).toBe('ola.leder');
    expect(me.body.roles).toEqual([expect.objectContaining({ role: 'unit_leader', scopeType: 'unit' })]);
  });

  it('dev-login refuses an unknown user with a problem naming the field', async () => {
    const res = await t.http.post('/api/v1/auth/dev-login').send({ username: 'ukjent.bruker' }).expect(400);
    expect(res.body.errors).toEqual([{ field: 'username', message: expect.any(String) }]);
  });

  it('answers 401 with a problem document when no token is sent', async () => {
    const res = await t.http.get('/api/v1/me').expect(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', title: expect.any(String), type: expect.any(String), detail: expect.any(String) });
  });

  it('answers 401 for a forged token', async () => {
    await t.http.get('/api/v1/me').set('Authorization', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.').expect(401);
  });

  it('names every bad field: unknown fields are refused, not dropped', async () => {
    const res = await t.http.post('/api/v1/auth/dev-login').send({ username: 5, extra: true }).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['extra', 'username']));
  });

  it('malformed JSON is a 400 problem, a body over 1 MB is 413', async () => {
    const bad = await t.http.post('/api/v1/auth/dev-login').set('Content-Type', 'application/json').send('{"username":').expect(400);
    expect(bad.body.code).toBe('MALFORMED_JSON');
    const big = await t.http
      .post('/api/v1/auth/dev-login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ username: 'x'.repeat(1_100_000) }))
      .expect(413);
    expect(big.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('a body nested 5 000 levels deep is a 400 naming the body, not a crash', async () => {
    const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    const res = await t.http.post('/api/v1/auth/dev-login').set('Content-Type', 'application/json').send(deep).expect(400);
    expect(res.body.errors).toEqual([{ field: 'body', message: expect.stringContaining('nestet') }]);
  });

  it('an unknown route is a 404 problem document', async () => {
    const res = await t.http.get('/api/v1/finnes-ikke').set(await t.auth('kari.ansatt')).expect(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it('GET /units lists the demo units with codes, kinds and clusters', async () => {
    const res = await t.http.get('/api/v1/units').set(await t.auth('kari.ansatt')).expect(200);
    // Other test files add units through the administration; the demo units are all there.
    expect(res.body.map((u: { code: string }) => u.code)).toEqual(expect.arrayContaining(['bakken-skole', 'fjordglott-us', 'helsestasjon-sentrum', 'solsiden-bhg']));
    expect(res.body.find((u: { code: string }) => u.code === 'fjordglott-us').kind).toBe('lower_secondary_school');
  });

  it('GET /catalog/* serves the reference files as they are', async () => {
    const headers = await t.auth('kari.ansatt');
    const ref = loadReferenceData();
    const risk = await t.http.get('/api/v1/catalog/risk-factors').set(headers).expect(200);
    expect(risk.body).toEqual(ref.riskFactors);
    const file = JSON.parse(readFileSync(path.join(process.cwd(), 'libs', 'reference-data', 'measures.json'), 'utf8'));
    const measures = await t.http.get('/api/v1/catalog/measures').set(headers).expect(200);
    expect(measures.body).toEqual(file.items);
  });

  it('sets security headers (helmet) and echoes no stack trace on errors', async () => {
    const res = await t.http.get('/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const err = await t.http.get('/api/v1/me').set('Authorization', 'Bearer x');
    expect(JSON.stringify(err.body)).not.toMatch(/at \w+ \(/);
  });
});
