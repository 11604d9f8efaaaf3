// ESM jest (NestJS 12 is ESM-only): see README.md (Tests).
const moduleNameMapper = {
  '^@app/(domain|persistence|platform)$': '<rootDir>/libs/$1/src/index.ts',
  '^@app/(domain|persistence|platform)/(.*)\\.js$': '<rootDir>/libs/$1/src/$2',
  '^(\\.{1,2}/.*)\\.js$': '$1',
};
/**
 * e2e files that spawn processes, start their own clusters or inject faults: the slow project.
 * `npm run test:fast` leaves them out (unit + e2e-fast); `npm test` runs all three projects.
 */
const SLOW_E2E = [
  'audit-sealing',
  'config-and-migrations',
  'database-posture',
  'dev-login-fence',
  'fault-unavailable',
  'reminders-faults',
  'reminders-outage',
  'supervisor',
].map((name) => `<rootDir>/test/${name}.e2e-spec.ts`);
const e2e = {
  globalSetup: '<rootDir>/test/harness/global-setup.mjs',
  globalTeardown: '<rootDir>/test/harness/global-teardown.mjs',
  // Each file on its own clone of one migrated, seeded template database (test/harness/file-database.ts).
  setupFilesAfterEnv: ['<rootDir>/test/harness/setup-file.ts'],
};
const common = {
  rootDir: '.',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper,
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
  testEnvironment: 'node',
};
export default {
  // e2e tests wait on real servers and queues; on a loaded 2-core machine 5 s is too tight. Only
  // the global option takes effect (jest ignores `testTimeout` inside a project), and every e2e
  // file sets its own with jest.setTimeout as well.
  testTimeout: 60_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'] },
    { ...common, ...e2e, displayName: 'e2e-fast', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'], testPathIgnorePatterns: ['/node_modules/', ...SLOW_E2E.map((f) => f.replace('<rootDir>', ''))] },
    { ...common, ...e2e, displayName: 'e2e-slow', testMatch: SLOW_E2E },
  ],
};
