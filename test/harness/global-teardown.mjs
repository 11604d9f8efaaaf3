import { rmSync } from 'node:fs';
import pg from 'pg';
import { checkSentMail } from './mail-privacy-check.mjs';

/** The key of test/harness/test-app.ts (TEST_ENCRYPTION_KEY): the suite's national ids are encrypted with it. */
const TEST_ENCRYPTION_KEY = Buffer.from('7f'.repeat(32), 'hex');

/** URLs of every test file's database (test/harness/file-database.ts), as the cluster's superuser. */
async function fileDatabases(superuserUrl) {
  const client = new pg.Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT datname FROM pg_database WHERE starts_with(datname, 'bti_file_') ORDER BY 1`);
    return rows.map(({ datname }) => {
      const url = new URL(superuserUrl);
      url.pathname = `/${datname}`;
      return url.toString();
    });
  } finally {
    await client.end();
  }
}

export default async function globalTeardown() {
  const harness = globalThis.__BTI_HARNESS__;
  if (!harness) return;
  // Both e2e projects name this teardown: the first stops the servers, the second finds none.
  globalThis.__BTI_HARNESS__ = undefined;
  let privacy = null;
  try {
    if (harness.mail) {
      await harness.mail.stop();
      privacy = await checkSentMail({ databaseUrls: await fileDatabases(harness.pg.url), mailDir: harness.mail.dir, masterKey: TEST_ENCRYPTION_KEY });
    }
  } finally {
    await Promise.all([harness.redis.stop(), harness.pg.stop()]);
    rmSync(harness.dir, { recursive: true, force: true });
  }
  if (privacy) {
    process.stdout.write(`\nE-post i testene: ${privacy.checked} e-poster sjekket for personopplysninger.\n`);
    if (privacy.findings.length > 0) {
      // Thrown from the global teardown, this fails `npm test` (jest exits non-zero).
      throw new Error(`Personopplysninger i e-post sendt under testene:\n${privacy.findings.join('\n')}`);
    }
  }
}
