// A worker process for fault tests: the built worker (npm test builds first) with fast sweeps and
// short BullMQ locks. Prints WORKER_READY, SWEEP_DONE <claimed> after each sweep, and with
// HANG_AT=before_commit | after_commit prints "BATCH_HELD <reminder ids>" at that point of the
// first non-empty batch and hangs there (the test then kills the process).
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = path.join(process.cwd(), 'dist/apps/worker');
const { createWorkerApp } = await import(pathToFileURL(path.join(dist, 'apps/worker/src/worker.factory.js')).href);
const { loadConfig } = await import(pathToFileURL(path.join(dist, 'libs/platform/src/index.js')).href);

const hangAt = process.env.HANG_AT ?? '';
const hang = (where) => async (outcome) => {
  if (hangAt !== where) return;
  process.stdout.write(`BATCH_HELD ${outcome.claimed.join(',')}\n`);
  await new Promise(() => undefined);
};
const app = await createWorkerApp(loadConfig(), {
  sweepIntervalMs: 200,
  watchdogIntervalMs: 500,
  lockDurationMs: 1500,
  stalledIntervalMs: 500,
  redisTimeoutMs: 1000,
  beforeBatchCommit: hang('before_commit'),
  afterBatchCommit: hang('after_commit'),
  afterSweep: (claimed) => process.stdout.write(`SWEEP_DONE ${claimed}\n`),
});
app.enableShutdownHooks();
process.stdout.write('WORKER_READY\n');
