// A worker process for fault tests: the built worker (npm test builds first) with short BullMQ
// lock times and, with SLOW_JOB_MS, a slow job that prints "JOB_STARTED <jobId>" when it begins.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = path.join(process.cwd(), 'dist/apps/worker');
const { createWorkerApp } = await import(pathToFileURL(path.join(dist, 'apps/worker/src/worker.factory.js')).href);
const { loadConfig } = await import(pathToFileURL(path.join(dist, 'libs/platform/src/index.js')).href);

const slowMs = Number(process.env.SLOW_JOB_MS ?? 0);
const app = await createWorkerApp(loadConfig(), {
  relayIntervalMs: 100,
  lockDurationMs: 1500,
  stalledIntervalMs: 500,
  beforeJob: async (job) => {
    process.stdout.write(`JOB_STARTED ${job.id}\n`);
    if (slowMs > 0) await new Promise((resolve) => setTimeout(resolve, slowMs));
  },
});
app.enableShutdownHooks();
process.stdout.write('WORKER_READY\n');
