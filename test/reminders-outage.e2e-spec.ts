import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { createDataSource, createMigratorDataSource, runMigrations, seedDemoData } from '@app/persistence';
// @ts-expect-error: plain ESM script without type declarations
import { ensureDatabaseRoles } from '../scripts/database-roles.mjs';
// @ts-expect-error: plain ESM script without type declarations
import { startPostgres, startRedis, throwawayDir } from '../scripts/embedded-services.mjs';
import { logConcern } from './harness/cases.js';
import { startTestApp, type TestApp } from './harness/test-app.js';
import { startTestWorker, waitFor, type TestWorker } from './harness/worker.js';

import { jest } from '@jest/globals';

// The hooks initialise and migrate a PostgreSQL of this file's own (~10–20 s); the test keeps the
// database down for well over the retry backoff and waits for recovery (< 60 s by contract).
jest.setTimeout(180_000);

const SHORT = { REMINDER_UNASSIGNED: 'PT2S', REMINDER_ASSESSMENT_DUE: 'PT2S' };
/** The reminders this test times (PT2S); a concern's decision_due (P14D) falls due long after it. */
const WITHIN_TEST = `now() + interval '1 hour'`;

/**
 * The database server dies as in a crash of its machine: SIGKILL to the postmaster of this file's
 * own cluster and to every process it had started (backends would otherwise live on, orphaned).
 */
function killCluster(dataDir: string): void {
  const postmaster = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((pid) => {
      try {
        // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may contain spaces, so split after ')'.
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster;
      } catch {
        return false;
      }
    })
    .map(Number);
  process.kill(postmaster, 'SIGKILL');
  for (const pid of children) process.kill(pid, 'SIGKILL');
}

interface Pg {
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

describe('database killed for longer than any retry window', () => {
  let dir: string;
  let pg: Pg;
  let redis: { url: string; stop(): Promise<void> };
  let t: TestApp;
  let w: TestWorker;
  let ds: DataSource;
  beforeAll(async () => {
    dir = throwawayDir('bti-reminder-outage');
    [pg, redis] = await Promise.all([
      startPostgres({ dataDir: path.join(dir, 'pg'), persistent: true }),
      startRedis({ dataDir: path.join(dir, 'redis'), persistent: false }),
    ]);
    // The harness's way, on this cluster: the roles, migrations as the migrator, each part on its login.
    const logins = await ensureDatabaseRoles(pg.url, { migrator: 'm', api: 'a', worker: 'w' });
    const migrator = await createMigratorDataSource(logins.migrator).initialize();
    await runMigrations(migrator);
    await seedDemoData(migrator);
    await migrator.destroy();
    ds = await createDataSource(pg.url).initialize();
    const env = { ...SHORT, REDIS_URL: redis.url };
    t = await startTestApp({ ...env, DATABASE_URL: logins.api });
    w = await startTestWorker({ ...env, DATABASE_URL: logins.worker });
  });
  afterAll(async () => {
    await w?.close();
    await t?.close();
    await ds?.destroy().catch(() => undefined);
    await pg?.stop().catch(() => undefined);
    await redis?.stop();
    rmSync(pg?.dataDir ?? dir, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });

  it('kill -9 of the postmaster before the reminders are due, many failed sweeps, restart: each fires once within a minute', async () => {
    const c = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    const due: { max: Date }[] = await ds.query(`SELECT max("dueAt") AS max FROM scheduled_reminder WHERE "caseId" = $1 AND "dueAt" < ${WITHIN_TEST}`, [c.id]);
    killCluster(pg.dataDir);
    // Down past the last due time by more than a whole retry series of the test worker (six
    // attempts at 200 ms … capped 2 s ≈ 7 s; round one's jobs were dead after 63 s of this), and
    // for many sweeps: every one of them fails.
    const failedBefore = w.pipeline.sweep.failed;
    await waitFor(
      async () => Date.now() > due[0].max.getTime() + 8_000 && w.pipeline.sweep.failed >= failedBefore + 10,
      60_000,
      'ten failed sweeps, 8 s past the due time',
    );
    pg = await startPostgres({ dataDir: pg.dataDir, port: pg.port, persistent: true });
    const recovered = Date.now();
    const fired = await waitFor(async () => {
      const rows: { status: string; attempts: number }[] = await ds.query(`SELECT status, attempts FROM scheduled_reminder WHERE "caseId" = $1 AND "dueAt" < ${WITHIN_TEST}`, [c.id]);
      return rows.length === 3 && rows.every((r) => r.status === 'fired') && rows;
    }, 60_000, 'all fired after recovery');
    expect(Date.now() - recovered).toBeLessThan(60_000);
    expect(fired.every((r) => r.attempts === 0)).toBe(true); // an unreachable database costs no attempt
    await w.sweeps(2);
    const notes: { kind: string; username: string }[] = await ds.query(
      `SELECT r.kind, u.username FROM scheduled_reminder r JOIN notification n ON n."jobKey" = r."jobId" JOIN app_user u ON u.id = n."recipientId"
       WHERE r."caseId" = $1 ORDER BY r.kind, u.username`,
      [c.id],
    );
    expect(notes.map((n) => `${n.kind}→${n.username}`)).toEqual(['assessment_due→kari.ansatt', 'assessment_due_leader→ola.leder', 'unassigned→ola.leder']);
  });
});
