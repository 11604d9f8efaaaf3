import { rmSync } from 'node:fs';
import { checkSentMail } from './mail-privacy-check.mjs';

/** The key of test/harness/test-app.ts (TEST_ENCRYPTION_KEY): the suite's national ids are encrypted with it. */
const TEST_ENCRYPTION_KEY = Buffer.from('7f'.repeat(32), 'hex');

export default async function globalTeardown() {
  const harness = globalThis.__BTI_HARNESS__;
  if (!harness) return;
  // Both e2e projects name this teardown: the first stops the servers, the second finds none.
  globalThis.__BTI_HARNESS__ = undefined;
  let privacy = null;
  try {
    if (harness.mail) {
      await harness.mail.stop();
      privacy = await checkSentMail({ databaseUrl: harness.pg.url, mailDir: harness.mail.dir, masterKey: TEST_ENCRYPTION_KEY });
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
