import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { checkDatabaseLogin } from '@app/persistence';
import { ConfigError, loadConfig } from '@app/platform';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Ugyldig konfigurasjon: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  // Row-level security holds only for a login that cannot bypass it (README, "Security").
  let refusal: string | null;
  try {
    refusal = await checkDatabaseLogin(config.databaseUrl);
  } catch (error) {
    process.stderr.write(`Workeren får ikke kontakt med databasen: ${(error as Error).message}\n`);
    process.exit(1);
  }
  if (refusal) {
    process.stderr.write(`Workeren nekter å starte: ${refusal}; bruk en egen innlogging som bti_worker (README, «Security»).\n`);
    process.exit(1);
  }
  // Loaded after the check: a refused start says so at once, before the application's modules load.
  const { createWorkerApp } = await import('./worker.factory.js');
  const app = await createWorkerApp(config);
  const logger = app.get(Logger);
  // SIGTERM/SIGINT: the shutdown hooks let the running sweep finish its batches (they commit)
  // before Redis and the database close; then exit 0, a clean stop. A failed stop exits 1.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.log(`${signal}: stopper`);
      app.close().then(
        () => process.exit(0),
        (error: Error) => {
          logger.error(`Stopp mislyktes: ${error.message}`);
          process.exit(1);
        },
      );
    });
  }
  logger.log('Worker startet');
}

void main();
