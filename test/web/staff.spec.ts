import { expect, test } from '@playwright/test';
import { apiAs, expectAccessible, loginAs, screenshot } from './support.js';

test('flow 1: staff logs a concern from the catalog, sees the safety guidance at once, then my cases and notifications', async ({ page }) => {
  test.slow(); // a long flow with six axe scans, on a shared machine
  await loginAs(page, 'kari.ansatt');
  await page.getByRole('link', { name: 'Meld bekymring' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meld bekymring' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Omsorg', exact: true })).toBeVisible(); // categories come from the catalog
  await expectAccessible(page, 'bekymringsskjema');

  await page.getByLabel('Fornavn').fill('Emma');
  await page.getByLabel('Etternavn').fill('Testesen');
  await page.getByLabel('Fødselsdato').fill('2019-05-02');
  await page.getByLabel('Adresse (valgfritt)').fill('Bakkegata 3');
  await page.getByLabel('Postnummer').fill('4611');
  await page.getByLabel('Poststed').fill('Demo');
  await page.getByLabel('Navn på foresatt 1').fill('Mona Testesen');
  await page.getByLabel('Telefon (valgfritt)').fill('+47 900 11 222');
  await page.getByLabel('Hva har du sett eller hørt?').fill('Emma har blåmerker på armene og sier hun er redd for å gå hjem.');
  await page.getByRole('checkbox', { name: 'Omsorg', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Omsorgspersonene har god omsorgsutøvelse' }).check();
  await page.getByLabel('Barnets stemme (valgfritt)').fill('«Pappa blir så sint.»');

  // Nothing saved yet: marking violence or abuse shows the guidance at once.
  const guidance = page.getByRole('alert').filter({ hasText: 'meld til barnevernet nå' });
  await expect(guidance).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Vold eller overgrep' }).check();
  await expect(guidance).toBeVisible();
  await expect(guidance).toContainText('barnevernvakten');
  await expectAccessible(page, 'bekymringsskjema med sikkerhetsråd');
  await screenshot(page, 'bekymring-sikkerhetsrad');

  await page.getByRole('button', { name: 'Lagre bekymringen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Emma Testesen' })).toBeVisible();
  await expect(page.getByText('Bekymringen er lagret som en sak.')).toBeVisible();
  // The saved case lists the category and carries the safety guidance from the server.
  await expect(page.getByText('Omsorg, Vold eller overgrep', { exact: true })).toBeVisible();
  await expect(page.getByText('Mona Testesen (mor), har foreldreansvar · +47 900 11 222')).toBeVisible();
  await expect(page.getByRole('heading', { name: /Mistanke om vold eller overgrep: meld til barnevernet/ })).toBeVisible();
  const caseId = page.url().split('/saker/')[1]!;
  await expectAccessible(page, 'saken etter lagring');

  await page.getByRole('link', { name: 'Mine saker' }).click();
  await expect(page.getByRole('link', { name: 'Emma Testesen' })).toBeVisible();
  await expectAccessible(page, 'mine saker');
  await screenshot(page, 'mine-saker');

  // The unit leader makes Kari the coordinator: Kari is notified.
  const ola = await apiAs('ola.leder');
  const current = (await (await ola.get(`/api/v1/cases/${caseId}`)).json()) as { version: number };
  const me = (await (await (await apiAs('kari.ansatt')).get('/api/v1/me')).json()) as { userId: string };
  const assigned = await ola.put(`/api/v1/cases/${caseId}/assignee`, { data: { assigneeId: me.userId }, headers: { 'If-Match': `"${current.version}"` } });
  expect(assigned.ok(), await assigned.text()).toBeTruthy();

  await page.getByRole('link', { name: 'Varsler' }).click();
  // The notice names the case by reference; the link adds the child while Kari can open the case.
  const notice = page.getByRole('listitem').filter({ has: page.locator(`a[href="/saker/${caseId}"]`) }).first();
  await expect(notice.getByRole('link', { name: /^Åpne sak BTI-\d{4}-\d{4,} \(.+\)$/ })).toBeVisible();
  await expect(notice).toBeVisible();
  await expect(notice.getByText('Ulest')).toBeVisible();
  await expectAccessible(page, 'varsler');
  await notice.getByRole('button', { name: 'Marker som lest' }).click();
  await expect(notice.getByText('Ulest')).toHaveCount(0);

  // E-mail: a daily digest instead of one mail per notice.
  await page.getByRole('radio', { name: /samlet e-post/ }).check();
  await page.getByRole('form', { name: 'Varsler på e-post' }).getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByText('Lagret.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('radio', { name: /samlet e-post/ })).toBeChecked();
  await expectAccessible(page, 'varsler med e-postvalg');
  await screenshot(page, 'varsler');
});
