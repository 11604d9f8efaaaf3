// One complete worker for the bench (sweeps, audit sealer, mail, retention, archive): the built
// worker as main.js starts it (the same refusal of a superuser or owning login), plus an IPC
// message after each reminder sweep, so the bench can time the start without reading its logs.
// Says "ready" when up; stops cleanly on SIGTERM (the running batch commits first).
import { loadBuilt } from './lib.mjs';

const built = await loadBuilt();
const config = built.loadConfig(process.env);
const refusal = await built.checkDatabaseLogin(config.databaseUrl);
if (refusal) {
  process.stderr.write(`the worker refuses to start: ${refusal}\n`);
  process.exit(1);
}
const app = await built.createWorkerApp(config, { afterSweep: (claimed) => process.send?.({ sweep: claimed }) });
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
process.send('ready');
