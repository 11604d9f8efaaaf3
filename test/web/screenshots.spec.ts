import { expect, test, type Page } from '@playwright/test';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { apiAs, expectAccessible, loginAs, screenshot } from './support.js';

/**
 * The pictures in docs/screenshots (`npm run web:screenshots`), taken on the demo data `npm start`
 * makes (scripts/demo-cases.mjs), in nb-NO and Europe/Oslo, each screen checked with axe first.
 */
test.beforeAll(async () => {
  test.setTimeout(600_000);
  await promisify(execFile)(process.execPath, [path.resolve('scripts/demo-cases.mjs'), process.env.WEB_BASE_URL!, '--always']);
});

async function openCase(page: Page, name: string) {
  await page.getByRole('link', { name: 'Enhetens saker' }).click();
  await page.getByLabel('Søk etter barn eller sak').fill(name.split(' ')[0]!);
  await page.getByRole('button', { name: 'Søk', exact: true }).click();
  await page.getByRole('link', { name, exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeFocused();
}

async function shoot(page: Page, name: string) {
  await expectAccessible(page, name);
  await screenshot(page, name);
}

test('the screenshots of every screen, on the demo data', async ({ page }) => {
  test.slow();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'BTI saksflyt' })).toBeVisible();
  await shoot(page, 'innlogging');

  // Kari is responsible for the demo's late evaluation: her week starts with it.
  await loginAs(page, 'kari.ansatt');
  await expect(page.getByRole('heading', { name: /^Over fristen \(\d/ })).toBeVisible();
  await shoot(page, 'denne-uka');
  await page.getByRole('button', { name: 'Logg ut' }).click();

  await loginAs(page, 'ola.leder');
  await page.getByRole('link', { name: 'Enhetens saker' }).click();
  await expect(page.getByRole('table').getByRole('row').nth(5)).toBeVisible();
  await shoot(page, 'enhetens-saker');
  await openCase(page, 'Nora Olsen');
  await shoot(page, 'saken');
  await page.setViewportSize({ width: 320, height: 800 });
  await shoot(page, 'saken-320px');
  await page.setViewportSize({ width: 1280, height: 900 });

  // The reported case's document, as it prints.
  const ola = await apiAs('ola.leder');
  const list = (await (await ola.get('/api/v1/cases?pageSize=100')).json()) as { items: { id: string }[] };
  let reported: { child: { firstName: string; lastName: string } } | undefined;
  for (const { id } of list.items) {
    const full = (await (await ola.get(`/api/v1/cases/${id}`)).json()) as { childWelfareReportedAt: string | null; child: { firstName: string; lastName: string } };
    if (full.childWelfareReportedAt) reported = full;
  }
  expect(reported, 'a demo case reported to child welfare').toBeDefined();
  await openCase(page, `${reported!.child.firstName} ${reported!.child.lastName}`);
  await page.getByRole('link', { name: /^Bekymringsmelding \d/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bekymringsmelding til barnevernet' })).toBeFocused();
  await shoot(page, 'bekymringsmelding');
  await page.getByRole('link', { name: /^Varsler/ }).click();
  await shoot(page, 'varsler');

  await page.getByRole('button', { name: 'Logg ut' }).click();
  await loginAs(page, 'kari.ansatt');
  await page.getByRole('link', { name: 'Mine saker' }).click();
  await expect(page.getByRole('table').getByRole('row').nth(3)).toBeVisible();
  await shoot(page, 'mine-saker');
  await page.getByRole('link', { name: 'Meld bekymring' }).click();
  await page.getByRole('checkbox', { name: 'Vold eller overgrep' }).check();
  await expect(page.getByRole('alert').filter({ hasText: 'meld til barnevernet nå' })).toBeVisible();
  await shoot(page, 'bekymring-sikkerhetsrad');

  await page.getByRole('button', { name: 'Logg ut' }).click();
  await loginAs(page, 'per.ppt');
  await page.getByRole('link', { name: 'Mine saker' }).click();
  await page.getByRole('link', { name: /Anonymisert/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Anonymisert sak' })).toBeFocused();
  await shoot(page, 'anonymisert-sak');

  for (const [user, heading, name] of [
    ['siri.iks', 'IKS-køen', 'iks-koen'],
    ['lars.analytiker', 'Statistikk', 'statistikk'],
    ['eva.revisor', 'Revisjonslogg', 'revisjonslogg'],
  ] as const) {
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await loginAs(page, user);
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: heading }).click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeFocused();
    await page.waitForLoadState('networkidle');
    await shoot(page, name);
  }
});
