// The worker's audit sealer (AuditSealing, with the worker's defaults) in a process of its own, as
// in production, where it runs in the worker and not in the API (bench/run.mjs starts it for the
// product phases). Configured by the bench's environment; says "ready", stops on "stop".
import { loadBuilt } from './lib.mjs';

const built = await loadBuilt();
const { AuditSealing } = await import(new URL('../dist/apps/worker/apps/worker/src/worker.factory.js', import.meta.url).href);
const config = built.loadConfig(process.env); // the worker's login (bti_worker), as in production
const dataSource = await built.createDataSource(config.databaseUrl).initialize();
const sealing = new AuditSealing(dataSource, config.auditSeal);
sealing.onApplicationBootstrap();
process.on('message', async (message) => {
  if (message !== 'stop') return;
  await sealing.beforeApplicationShutdown();
  await dataSource.destroy();
  process.exit(0);
});
process.send('ready');
