import 'reflect-metadata';
import { createDataSource, runMigrations, seedDemoData } from '@app/persistence';
import { AuditTrail } from './audit/audit-trail.service.js';

/**
 * One-shot database tasks: `node cli.js migrate [seed]`, `node cli.js verify-audit` (exit 2 when the
 * audit hash chain is broken). Used by `npm start` before the api and
 * worker start, and by the compose file's migration step. Only DATABASE_URL is needed.
 */
async function main(tasks: string[]): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL mangler.');
  const dataSource = await createDataSource(url).initialize();
  try {
    for (const task of tasks) {
      if (task === 'migrate') {
        const applied = await runMigrations(dataSource);
        console.log(applied.length ? `Migrerte: ${applied.join(', ')}` : 'Databasen er oppdatert.');
      } else if (task === 'seed') {
        await seedDemoData(dataSource);
        console.log('Demodata er på plass.');
      } else if (task === 'verify-audit') {
        const result = await new AuditTrail(dataSource).verify();
        console.log(result.valid ? `Revisjonsloggen er intakt (${result.checked} hendelser).` : `Revisjonsloggen er brutt ved hendelse ${result.brokenAtId}.`);
        if (!result.valid) process.exitCode = 2;
      } else {
        throw new Error(`Ukjent oppgave «${task}». Bruk: migrate, seed, verify-audit.`);
      }
    }
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
