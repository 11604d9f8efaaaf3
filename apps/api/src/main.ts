import 'reflect-metadata';
import { ConfigError, loadConfig } from '@app/platform';
import { createApiApp, listen } from './app.factory.js';

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
  const app = await createApiApp({ config });
  await listen(app, config);
}

void main();
