import { jest } from '@jest/globals';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from './harness/test-app.js';
import { logConcern } from './harness/cases.js';

jest.setTimeout(60_000);

/**
 * RowSecurity.once keeps a statement prepared per pooled connection. A connection that lost it
 * (here `DEALLOCATE ALL` on every pooled connection; in production `DISCARD ALL` or a
 * transaction-mode pooler) answers SQLSTATE 26000: the read must still succeed, not 500.
 */
describe('RowSecurity.once on a connection that lost its prepared statement', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 60_000);
  afterAll(() => t.close());

  /**
   * Drops the prepared statements of every connection the pool holds (all checked out at once, so
   * none is missed), and gives back last those that had some: the pool hands out the connection
   * released last first, so the next request meets a connection that believes it has them.
   */
  async function forgetPreparedStatements(): Promise<number> {
    const pool = (t.app.get(DataSource).driver as unknown as { master: pg.Pool }).master;
    const clients = await Promise.all(Array.from({ length: pool.totalCount }, () => pool.connect()));
    const had = new Map<pg.PoolClient, number>();
    try {
      for (const client of clients) {
        had.set(client, (await client.query('SELECT count(*)::int AS n FROM pg_prepared_statements')).rows[0].n);
        await client.query('DEALLOCATE ALL');
      }
    } finally {
      for (const client of [...clients].sort((a, b) => had.get(a)! - had.get(b)!)) client.release();
    }
    return Math.max(...had.values());
  }

  it('GET /cases/:id and GET /cases answer 200 after every connection forgot its statements, and again after that', async () => {
    const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    const kari = await t.auth('kari.ansatt');
    await t.http.get(`/api/v1/cases/${created.id}`).set(kari).expect(200);
    await t.http.get('/api/v1/cases').set(kari).expect(200);

    expect(await forgetPreparedStatements()).toBeGreaterThan(0);
    const read = await t.http.get(`/api/v1/cases/${created.id}`).set(kari);
    expect([read.status, read.body.id]).toEqual([200, created.id]);
    const list = await t.http.get('/api/v1/cases').set(kari);
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(created.id);
    // Re-prepared under the usual name by the next request on each connection: still answering.
    await t.http.get(`/api/v1/cases/${created.id}`).set(kari).expect(200);
  });
});
