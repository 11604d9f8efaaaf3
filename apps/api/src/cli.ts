import 'reflect-metadata';
import { createDataSource, createMigratorDataSource, runMigrations, seedDemoData } from '@app/persistence';
import { migrationDatabaseUrl } from '@app/platform';
import { AuditVerifier } from './audit/audit-verifier.js';

/**
 * One-shot database tasks: `node cli.js migrate [seed]`, `node cli.js verify-audit` (exit 2 when the
 * audit hash chain is broken). Used by `npm start` before the api and worker start, and by the
 * compose file's migration step. `migrate` and `seed` run as the migrator
 * (MIGRATION_DATABASE_URL, becoming the owner); `verify-audit` reads every municipality's chain
 * with DATABASE_URL, which must be a login that may (the worker's).
 */
async function main(tasks: string[]): Promise<void> {
  const migrating = tasks.some((t) => t === 'migrate' || t === 'seed');
  if (migrating && tasks.some((t) => t !== 'migrate' && t !== 'seed')) throw new Error('migrate og seed kjøres for seg, uten andre oppgaver.');
  let dataSource;
  if (migrating) {
    dataSource = createMigratorDataSource(migrationDatabaseUrl());
  } else {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL mangler.');
    dataSource = createDataSource(url);
  }
  await dataSource.initialize();
  try {
    for (const task of tasks) {
      if (task === 'migrate') {
        const applied = await runMigrations(dataSource);
        console.log(applied.length ? `Migrerte: ${applied.join(', ')}` : 'Databasen er oppdatert.');
      } else if (task === 'seed') {
        await seedDemoData(dataSource);
        console.log('Demodata er på plass.');
      } else if (task === 'verify-audit') {
        // Every page of every municipality's chain, here in a one-shot process, never in the API.
        const chains = await new AuditVerifier(dataSource).verifyAll();
        const broken = chains.filter((c) => !c.valid);
        const checked = chains.reduce((n, c) => n + c.checkedTotal, 0);
        const unsealed = chains.reduce((n, c) => n + c.unsealed, 0);
        for (const c of broken) {
          console.log(`Revisjonsloggen for kommune ${c.municipalityId} er brutt ved hendelse ${c.brokenAtId ?? '(mangler)'}, posisjon ${c.brokenAtSeq}.`);
        }
        if (!broken.length) console.log(`Revisjonsloggen er intakt (${checked} forseglede hendelser i ${chains.length} kjeder, ${unsealed} ennå ikke forseglet).`);
        if (broken.length) process.exitCode = 2;
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
