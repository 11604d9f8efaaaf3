import { expect, test } from '@playwright/test';
import { apiAs, createCase, expectAccessible, loginAs, screenshot } from './support.js';

interface Cell {
  value: number | null;
  suppressed: boolean;
}

test('flow 4: the analyst sees the overview as charts, with suppressed cells shown as suppressed and never as zero', async ({ page }) => {
  const kari = await apiAs('kari.ansatt');
  for (let i = 0; i < 6; i += 1) await createCase(kari); // enough at level 0 to be shown; other cells stay small
  const lars = await apiAs('lars.analytiker');
  const overview = (await (await lars.get('/api/v1/stats/overview')).json()) as { total: { casesByLevel: Record<string, Cell> } };
  const levels = ['0', '1', '2', '3'].map((level) => overview.total.casesByLevel[level]!);

  await loginAs(page, 'lars.analytiker');
  await expect(page.getByRole('heading', { level: 1, name: 'Statistikk' })).toBeVisible();
  const byLevel = page.getByRole('figure', { name: 'Saker etter nivå' });
  await expect(byLevel.locator('svg').first()).toBeVisible(); // the chart
  const rows = byLevel.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(5);
  for (const [index, cell] of levels.entries()) {
    const row = rows.nth(index + 1);
    await expect(row.getByRole('cell').first()).toHaveText(`Nivå ${index}`);
    await expect(row.getByRole('cell').nth(1)).toHaveText(cell.suppressed ? 'Skjult (under 5)' : String(cell.value));
  }
  // The test data (a handful of cases) is below the threshold somewhere: that cell reads "skjult", not 0.
  expect(levels.some((cell) => cell.suppressed)).toBe(true);
  expect(levels.some((cell) => !cell.suppressed)).toBe(true);
  await expect(byLevel.getByText('(skjult)').first()).toBeAttached(); // named on the chart's axis too
  await expectAccessible(page, 'statistikk');
  await screenshot(page, 'statistikk');
});

test('flow 5: the auditor searches the audit log by case, person and period and sees the chain verification status', async ({ page }) => {
  const kari = await apiAs('kari.ansatt');
  const audited = await createCase(kari, { firstName: 'Revida' });

  await loginAs(page, 'eva.revisor');
  await expect(page.getByRole('heading', { level: 1, name: 'Revisjonslogg' })).toBeVisible();
  await expect(page.getByText(/Revisjonsloggen er intakt: [\d\s]+ hendelser? kontrollert/)).toBeVisible();

  await page.getByLabel('Sak (ID)').fill(audited.id);
  await page.getByRole('button', { name: 'Søk', exact: true }).click();
  const table = page.getByRole('table');
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  const caseCells = table.getByRole('button', { name: `Vis hendelser for sak ${audited.id}` });
  await expect(caseCells.first()).toBeVisible();
  expect(await caseCells.count()).toBe((await table.getByRole('row').count()) - 1); // every row is this case
  await expectAccessible(page, 'revisjonslogg, søk på sak');
  await screenshot(page, 'revisjonslogg');

  // Person: pick Kari from a row; the list narrows to her events.
  await table.getByRole('button', { name: 'Vis hendelser av Kari Ansatt' }).first().click();
  await expect(page.getByLabel('Person', { exact: true })).not.toHaveValue('');
  const people = table.getByRole('row').filter({ has: page.getByRole('button', { name: /^Vis hendelser av / }) });
  await expect(people.first()).toBeVisible();
  expect(await table.getByRole('button', { name: 'Vis hendelser av Kari Ansatt' }).count()).toBe(await people.count());

  // Period: today has events; a day in the future has none.
  await page.getByRole('button', { name: 'Nullstill' }).click();
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
  await page.getByLabel('Fra dato').fill(today);
  await page.getByLabel('Til og med dato').fill(today);
  await page.getByRole('button', { name: 'Søk', exact: true }).click();
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  await page.getByLabel('Fra dato').fill('2099-01-01');
  await page.getByLabel('Til og med dato').fill('2099-01-31');
  await page.getByRole('button', { name: 'Søk', exact: true }).click();
  await expect(page.getByText('Ingen hendelser passer søket.')).toBeVisible();
  await expectAccessible(page, 'revisjonslogg, tomt søk');
});
