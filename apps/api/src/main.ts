import 'reflect-metadata';
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
    process.stderr.write(`API-et får ikke kontakt med databasen: ${(error as Error).message}\n`);
    process.exit(1);
  }
  if (refusal) {
    process.stderr.write(`API-et nekter å starte: ${refusal}; bruk en egen innlogging som bti_api (README, «Security»).\n`);
    process.exit(1);
  }
  // Loaded after the check: a refused start says so at once, before the application's modules load.
  const { createApiApp, listen } = await import('./app.factory.js');
  const app = await createApiApp({ config });
  await listen(app, config);
}

void main();
