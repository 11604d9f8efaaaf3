import { expect, test, type Page } from '@playwright/test';
import { apiAs, createCase, expectAccessible, loginAs, screenshot } from './support.js';

/** Opens (if closed) the action of that name on the case page and returns its form. */
async function openAction(page: Page, name: string) {
  const form = page.getByRole('form', { name });
  if (!(await form.isVisible())) {
    // Not the next step: it is under «Flere handlinger».
    const more = page.getByTestId('more-actions');
    if (!(await more.getAttribute('open').then((v) => v !== null))) await more.getByText('Flere handlinger', { exact: true }).click();
    await more.getByText(name, { exact: true }).first().click();
  }
  await expect(form).toBeVisible();
  return form;
}

test('flow 2: the unit leader lists, filters and pages the unit\'s cases, assigns, acts on allowedEvents, records and withdraws consent, and is told when someone else changed the case', async ({ page }) => {
  test.slow(); // the longest flow, with six axe scans, on a shared machine
  const kari = await apiAs('kari.ansatt');
  const ola = await apiAs('ola.leder');
  for (let i = 0; i < 20; i += 1) await createCase(kari); // more than one page of the unit's cases
  const target = await createCase(kari, { firstName: 'Leo' }); // newest: first on page 1

  await loginAs(page, 'ola.leder');
  await page.getByRole('link', { name: 'Enhetens saker' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Enhetens saker' })).toBeVisible();
  const list = page.getByRole('table').last();
  await expect(list.getByRole('row')).toHaveCount(21); // header + 20 on the first page
  await expect(list.getByText('Ingen ennå').first()).toBeVisible();
  await expectAccessible(page, 'enhetens saker');
  await screenshot(page, 'enhetens-saker');

  // Paging.
  await expect(page.getByText(/^Side 1 av \d+$/)).toBeVisible();
  await page.getByRole('button', { name: 'Neste side' }).click();
  await expect(page.getByText(/^Side 2 av \d+$/)).toBeVisible();
  await page.getByRole('button', { name: 'Forrige side' }).click();

  // Filters: the new case is discovered, not acting.
  await page.getByLabel('Status').selectOption('acting');
  await expect(page.getByRole('link', { name: 'Leo Nordmann' })).toHaveCount(0);
  await page.getByLabel('Status').selectOption('discovered');
  await expect(page.getByRole('link', { name: 'Leo Nordmann' })).toBeVisible();
  await page.getByRole('link', { name: 'Leo Nordmann' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Leo Nordmann' })).toBeVisible();
  await expect(page.getByText('Saken har ingen stafettholder ennå.')).toBeVisible();
  await expectAccessible(page, 'saken (ny)');

  // Assignment: the reporter, found by name, becomes the stafettholder.
  const assignee = page.getByRole('textbox', { name: 'Ny stafettholder' }).or(page.getByRole('combobox', { name: 'Ny stafettholder' }));
  await assignee.click();
  await assignee.pressSequentially('Kari');
  await page.getByRole('option', { name: /^Kari Ansatt/ }).click();
  await page.getByRole('button', { name: 'Tildel', exact: true }).click();
  await expect(page.getByText('Saken holdes av Kari Ansatt.')).toBeVisible();

  // One action per allowedEvents entry.
  const current = (await (await ola.get(`/api/v1/cases/${target.id}`)).json()) as { allowedEvents: string[] };
  await expect(page.getByTestId(/^event-/)).toHaveCount(current.allowedEvents.length);

  let form = await openAction(page, 'Start vurdering');
  await form.getByRole('button', { name: 'Start vurdering' }).click();
  await expect(page.getByText('Under vurdering', { exact: true })).toBeVisible();

  // The server's refusal in words: a summary is required.
  form = await openAction(page, 'Fullfør vurdering');
  await form.getByRole('button', { name: 'Fullfør vurdering' }).click();
  // The error summary names the field by its label and links to it.
  await expect(form.getByRole('link', { name: 'Oppsummering av vurderingen: må fylles ut' })).toBeVisible();
  await expect(form.getByText(/summary/)).toHaveCount(0);
  await form.getByLabel('Oppsummering av vurderingen').fill('Samtale med barnet og foresatte; behov for tett oppfølging.');
  await form.getByLabel('Foresatte er informert').check();
  await form.getByRole('button', { name: 'Fullfør vurdering' }).click();
  await expect(page.getByText('Til beslutning', { exact: true })).toBeVisible();

  // Deciding TFA without consent: the server refuses, in words.
  form = await openAction(page, 'Beslutt videre vei');
  await form.getByLabel('Videre vei').selectOption('tfa');
  await form.getByLabel('Begrunnelse').fill('Trenger flere tjenester rundt barnet.');
  await form.getByRole('button', { name: 'Beslutt videre vei' }).click();
  // The refusal names the field by its label, linked to it.
  const refusal = form.getByRole('link', { name: /^Videre vei: .*samtykke/i });
  await expect(refusal).toBeVisible();
  await expectAccessible(page, 'saken med avslag fra serveren');

  // Record consent to TFA, then the decision goes through.
  await page.getByText('Registrer samtykke', { exact: true }).click();
  const consentForm = page.getByRole('form', { name: 'Registrer samtykke' });
  await consentForm.getByLabel('Hvem gir samtykket?').fill('Mona Nordmann');
  await consentForm.getByLabel('Relasjon til barnet').selectOption('mother');
  await consentForm.getByRole('checkbox', { name: 'TFA (tverrfaglig arena)' }).check();
  await consentForm.getByLabel('Formål').fill('Drøfting i TFA barnehage.');
  await consentForm.getByRole('button', { name: 'Lagre samtykket' }).click();
  await expect(page.getByText(/Mona Nordmann \(Mor\) til TFA/)).toBeVisible();
  await form.getByRole('button', { name: 'Beslutt videre vei' }).click();
  await expect(page.getByText('Tiltak pågår', { exact: true })).toBeVisible();
  await expect(page.getByText('TFA (tverrfaglig arena)', { exact: true }).first()).toBeVisible();

  // Someone else changes the case: the stale page says so and offers a reload.
  const me = (await (await ola.get('/api/v1/me')).json()) as { userId: string };
  const fresh = (await (await ola.get(`/api/v1/cases/${target.id}`)).json()) as { version: number };
  const measure = await ola.post(`/api/v1/cases/${target.id}/measures`, {
    data: { title: 'Ukentlig samtale med pedagogisk leder', responsibleId: me.userId, startDate: '2026-12-01', evaluationDate: '2027-01-15' },
    headers: { 'If-Match': `"${fresh.version}"` },
  });
  expect(measure.ok(), await measure.text()).toBeTruthy();
  form = await openAction(page, 'Be om evaluering');
  await form.getByRole('button', { name: 'Be om evaluering' }).click();
  await expect(form.getByText('Noen andre har endret saken')).toBeVisible();
  await expectAccessible(page, 'saken endret av andre');
  await form.getByRole('button', { name: 'Last inn saken på nytt' }).click();
  await expect(page.getByText('Ukentlig samtale med pedagogisk leder', { exact: true })).toBeVisible();
  form = await openAction(page, 'Be om evaluering');
  await form.getByRole('button', { name: 'Be om evaluering' }).click();
  await expect(page.getByText('Under evaluering', { exact: true })).toBeVisible();

  // Withdrawal takes effect at once: the route falls back to the unit's own.
  await page.getByText('Trekk tilbake samtykket', { exact: true }).click();
  const withdrawal = page.getByRole('form', { name: 'Trekk tilbake samtykke' });
  await withdrawal.getByLabel('Begrunnelse').fill('Mor ønsker ikke lenger at TFA får informasjon.');
  await withdrawal.getByRole('button', { name: 'Trekk tilbake' }).click();
  await expect(page.getByText('Trukket tilbake', { exact: true })).toBeVisible();
  await expect(page.getByText('Egen enhet', { exact: true }).first()).toBeVisible();

  // The log as a timeline.
  const log = page.getByRole('list').filter({ has: page.locator('time') });
  await expect(log.getByText(/· Bekymring meldt · Kari Ansatt/)).toBeVisible();
  await expect(log.getByText(/· Samtykke trukket tilbake · Ola Leder/)).toBeVisible();
  await expectAccessible(page, 'saken med logg, samtykker og tiltak');
  await screenshot(page, 'saken');
});
