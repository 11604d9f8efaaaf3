import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  const harness = globalThis.__BTI_HARNESS__;
  if (!harness) return;
  await Promise.all([harness.redis.stop(), harness.pg.stop()]);
  rmSync(harness.dir, { recursive: true, force: true });
}
