import { defineConfig } from '@playwright/test';

// Browser tests of the web UI (issue 16) against the built API on a throwaway database, in
// Debian's Chromium. `npm test` runs them after jest; `npm run test:web` alone needs `npm run build`.
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  globalSetup: './global-setup.mjs',
  outputDir: '../../test-results/web',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 150_000, // whole flows with several axe scans, on a shared 2-core machine
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: process.env.WEB_BASE_URL,
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
    viewport: { width: 1280, height: 900 },
    trace: 'retain-on-failure',
    // The same path global-setup.mjs installs (chromium.mjs).
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
