import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { IdempotencyKeyRetention } from '../apps/worker/src/retention/idempotency-key-retention.js';
import { concernBody, logConcern, unitIds, userId } from './harness/cases.js';
import { startTestApp, type TestApp } from './harness/test-app.js';

import { jest } from '@jest/globals';

// Explicit, and enough for the hooks: they start the API on the harness database (the first file
// also migrates it), tens of seconds on a loaded 2-core machine.
jest.setTimeout(60_000);

/** Old Idempotency-Keys are forgotten by the worker; recent ones still replay. */
describe('idempotency key retention', () => {
  let t: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    t = await startTestApp();
    db = t.db;
  });
  afterAll(() => t.close());

  it('deletes keys older than the retention, keeps recent ones, and a forgotten key makes a new case', async () => {
    const units = await unitIds(t);
    const kari = await t.auth('kari.ansatt');
    const body = concernBody(units['solsiden-bhg']);
    const [oldKey, newKey] = [`old-${randomUUID()}`, `new-${randomUUID()}`];
    const first = await t.http.post('/api/v1/cases').set(kari).set('Idempotency-Key', oldKey).send(body).expect(201);
    const recent = await t.http.post('/api/v1/cases').set(kari).set('Idempotency-Key', newKey).send(body).expect(201);
    const actor = await userId(t, 'kari.ansatt');
    await db.query(`UPDATE idempotency_key SET "createdAt" = now() - interval '8 days' WHERE "actorId" = $1 AND key = $2`, [actor, oldKey]);

    const deleted = await new IdempotencyKeyRetention(db).runOnce();
    expect(deleted).toBeGreaterThanOrEqual(1);
    const left = await db.query(`SELECT key FROM idempotency_key WHERE "actorId" = $1 AND key = ANY($2)`, [actor, [oldKey, newKey]]);
    expect(left.map((r: { key: string }) => r.key)).toEqual([newKey]);

    const replay = await t.http.post('/api/v1/cases').set(kari).set('Idempotency-Key', newKey).send(body);
    expect(replay.body.id).toBe(recent.body.id); // replayed, not made again
    const again = await t.http.post('/api/v1/cases').set(kari).set('Idempotency-Key', oldKey).send(body);
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(first.body.id);
    await logConcern(t, 'kari.ansatt', 'solsiden-bhg'); // an ordinary request still works beside it
  });
});
