// Starts a throwaway PostgreSQL and Redis on free ports for the e2e tests, so tests never touch
// .data/ and can run beside `npm start`. URLs reach the tests through process.env.
import path from 'node:path';
import { startPostgres, startRedis, throwawayDir } from '../../scripts/embedded-services.mjs';

export default async function globalSetup() {
  const dir = throwawayDir('bti-test');
  const [pg, redis] = await Promise.all([
    startPostgres({ dataDir: path.join(dir, 'pg'), persistent: false }),
    startRedis({ dataDir: path.join(dir, 'redis'), persistent: false }),
  ]);
  process.env.DATABASE_URL = pg.url;
  process.env.REDIS_URL = redis.url;
  globalThis.__BTI_HARNESS__ = { pg, redis, dir };
}
