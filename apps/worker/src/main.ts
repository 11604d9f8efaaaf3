import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { ConfigError, loadConfig } from '@app/platform';
import { createWorkerApp } from './worker.factory.js';

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
  const app = await createWorkerApp(config);
  // SIGTERM/SIGINT: Nest runs the shutdown hooks; the reminder pipeline lets running jobs finish
  // (worker.close()) before Redis and the database close.
  app.enableShutdownHooks();
  app.get(Logger).log('Worker startet');
}

void main();
