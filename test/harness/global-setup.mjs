// Starts a throwaway PostgreSQL and Redis on free ports for the e2e tests, so tests never touch
// .data/ and can run beside `npm start`. URLs reach the tests through process.env.
import path from 'node:path';
import { ensureDatabaseRoles } from '../../scripts/database-roles.mjs';
import { startPostgres, startRedis, throwawayDir } from '../../scripts/embedded-services.mjs';
import { startMailSink } from '../../scripts/mail-sink.mjs';

/** Throwaway cluster, throwaway passwords. */
export const TEST_PASSWORDS = { migrator: 'test-migrator', api: 'test-api', worker: 'test-worker' };

export default async function globalSetup() {
  // Both e2e projects (fast and slow) name this setup; one set of servers serves them both.
  if (globalThis.__BTI_HARNESS__) return;
  const dir = throwawayDir('bti-test');
  const [pg, redis] = await Promise.all([
    startPostgres({ dataDir: path.join(dir, 'pg'), persistent: false, durable: false }),
    startRedis({ dataDir: path.join(dir, 'redis'), persistent: false }),
  ]);
  // DATABASE_URL: the cluster's superuser, for test fixtures and inspection only. The apps run on
  // their own logins (docker/initdb/10-bti-roles.sql), as in production: test/harness/test-app.ts.
  process.env.DATABASE_URL = pg.url;
  const logins = await ensureDatabaseRoles(pg.url, TEST_PASSWORDS);
  process.env.BTI_TEST_MIGRATOR_URL = logins.migrator;
  process.env.BTI_TEST_API_URL = logins.api;
  process.env.BTI_TEST_WORKER_URL = logins.worker;
  process.env.REDIS_URL = redis.url;
  // Every e-mail of the suite lands in one sink directory (BTI_TEST_MAIL_DIR); the teardown
  // checks all of it for personal data. With SMTP_URL given, mail goes there instead, unchecked.
  let mail = null;
  if (!process.env.SMTP_URL) {
    mail = await startMailSink({ dir: path.join(dir, 'mail') });
    process.env.SMTP_URL = mail.smtpUrl;
    process.env.BTI_TEST_MAIL_DIR = mail.dir;
  }
  globalThis.__BTI_HARNESS__ = { pg, redis, mail, dir };
}
