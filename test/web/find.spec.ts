import { expect, test, type Page } from '@playwright/test';
import { apiAs, applyEvent, createCase, expectAccessible, loginAs, recordConsent, caseReadyToDecide, screenshot } from './support.js';

/** Issue 26: find a case, see what is due this week, notices that say which case, the IKS queue, the audit page. */

async function atBothWidths(page: Page, screen: string, check: () => Promise<void>) {
  await expectAccessible(page, `${screen}, 1280 px`);
  await page.setViewportSize({ width: 320, height: 720 });
  await check();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `vannrett rulling på «${screen}» ved 320 px`).toBeLessThanOrEqual(0);
  await expectAccessible(page, `${screen}, 320 px`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('the unit leader opens «Denne uka» first, then finds a child by name in one step, and by the case reference', async ({ page }) => {
  const kari = await apiAs('kari.ansatt');
  const flagged = await createCase(kari, { firstName: 'Fridtjof', suspected: true });
  const other = await createCase(kari, { firstName: 'Søkelina' });

  await loginAs(page, 'ola.leder');
  await expect(page.getByRole('heading', { level: 1, name: 'Denne uka' })).toBeVisible();
  const report = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: `Sak ${flagged.reference}` }) });
  await expect(report).toContainText('Melding til barnevernet mangler');
  await expect(report).toContainText(/Frist \d{1,2}\. [a-zæøå]+ \d{4} kl\. \d{2}\.\d{2}/);
  await atBothWidths(page, 'denne uka', () => expect(report).toBeVisible());
  await screenshot(page, 'denne-uka');

  await page.getByRole('link', { name: 'Enhetens saker' }).click();
  const search = page.getByRole('search', { name: 'Finn en sak' });
  await search.getByLabel('Søk etter barn eller sak').fill('søkeli');
  await search.getByRole('button', { name: 'Søk' }).click();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.filter({ hasText: other.reference })).toHaveCount(1);
  await expect(rows.getByRole('link', { name: 'Søkelina Nordmann' })).toBeVisible();
  await expect(page.getByRole('table')).toContainText('Stafettholder');
  await expect(page.getByRole('table')).toContainText('Neste frist');
  await atBothWidths(page, 'enhetens saker, søk', () => expect(rows.getByRole('link', { name: 'Søkelina Nordmann' })).toBeVisible());
  await screenshot(page, 'enhetens-saker-sok');

  await search.getByLabel('Søk etter barn eller sak').fill(flagged.reference);
  await search.getByRole('button', { name: 'Søk' }).click();
  await expect(rows.getByRole('link', { name: 'Fridtjof Nordmann' })).toBeVisible();
  await expect(rows).toHaveCount(2); // header + the one case

  await search.getByLabel('Søk etter barn eller sak').fill('31.02.2020');
  await search.getByRole('button', { name: 'Søk' }).click();
  await expect(page.getByText('er ikke en gyldig dato').first()).toBeVisible();
  await expectAccessible(page, 'enhetens saker, ugyldig søk');
});

test('notices say which case: reference in the text, the child beside it, grouped by day, an unread badge and «Marker alle som lest»', async ({ page }) => {
  const kari = await apiAs('kari.ansatt');
  const ola = await apiAs('ola.leder');
  const created = await createCase(kari, { firstName: 'Varsla' });
  const kariId = ((await (await kari.get('/api/v1/me')).json()) as { userId: string }).userId;
  const assigned = await ola.put(`/api/v1/cases/${created.id}/assignee`, { data: { assigneeId: kariId }, headers: { 'If-Match': `"${created.version}"` } });
  expect(assigned.ok()).toBeTruthy();

  await loginAs(page, 'kari.ansatt');
  const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
  await expect(nav.getByRole('link', { name: /^Varsler, \d+ uleste$/ })).toBeVisible();
  await nav.getByRole('link', { name: /^Varsler/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'I dag' })).toBeVisible();
  const notice = page.getByRole('listitem').filter({ hasText: `Sak ${created.reference}: Du er satt som stafettholder` });
  await expect(notice.getByRole('link', { name: `Åpne sak ${created.reference} (Varsla Nordmann)` })).toBeVisible();
  await atBothWidths(page, 'varsler', () => expect(notice).toBeVisible());
  await screenshot(page, 'varsler');

  await page.getByRole('button', { name: 'Marker alle som lest' }).click();
  await expect(page.getByRole('status')).toContainText(/markert som lest/);
  await expect(nav.getByRole('link', { name: 'Varsler', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Marker alle som lest' })).toHaveCount(0);
});

test('the IKS coordinator sets a priority before intake, reads the score in words, and accepts with the version the queue showed', async ({ page }) => {
  const referred = await caseReadyToDecide('Prioriteta');
  await recordConsent(referred.leader, referred.id, ['iks']);
  await applyEvent(referred.leader, referred.id, { type: 'decide', route: 'iks', rationale: 'Flere tjenester må samarbeide tett.' });

  await loginAs(page, 'siri.iks');
  await expect(page.getByRole('heading', { level: 1, name: 'IKS-køen' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Kapasitet' })).toHaveCount(1);
  const card = page.getByRole('listitem').filter({ has: page.locator(`a[href="/saker/${referred.id}"]`) });
  await expect(card.getByText(/^Poengsum \d+ av 100: /)).toBeVisible();
  const priority = card.getByRole('form', { name: /^Prioritet for henvisningen/ });
  await priority.getByLabel('Prioritet').selectOption('1');
  await priority.getByRole('button', { name: 'Lagre prioritet' }).click();
  await expect(card.getByText('Prioritet 1 – akutt')).toBeVisible();
  await expect(card.getByText('Henvist', { exact: true })).toBeVisible(); // still waiting for intake
  await atBothWidths(page, 'IKS-køen', () => expect(card).toBeVisible());
  await screenshot(page, 'iks-koen');

  // Someone changes the case after the queue was read: the intake is refused with the reload offer.
  const now = (await (await referred.leader.get(`/api/v1/cases/${referred.id}`)).json()) as { version: number };
  const logged = await referred.leader.post(`/api/v1/cases/${referred.id}/log`, { data: { type: 'note', text: 'Nytt fra foreldremøtet.' }, headers: { 'If-Match': `"${now.version}"` } });
  expect(logged.ok(), await logged.text()).toBeTruthy();
  await card.locator('summary', { hasText: 'Ta inn i IKS' }).click();
  const form = card.getByRole('form', { name: 'Ta inn i IKS' });
  await form.getByLabel('Prioritet').selectOption('1');
  await form.getByRole('checkbox', { name: 'PPT' }).check();
  await form.getByLabel('Inngangsplan').fill('Oppstartsmøte innen en uke.');
  await form.getByLabel('Utgangskriterier').fill('Stabil skolegang i tre måneder.');
  await form.getByRole('button', { name: 'Ta inn i IKS' }).click();
  await expect(form.getByText('Noen andre har endret saken')).toBeVisible();
  await form.getByRole('button', { name: 'Last inn saken på nytt' }).click();
  await expect(form.getByText('Noen andre har endret saken')).toHaveCount(0); // gone once the queue is read again
  await form.getByRole('button', { name: 'Ta inn i IKS' }).click();
  await expect(card).toHaveCount(0); // taken in: no longer waiting
});

test('the auditor searches by a person\'s name and period, reads actions in words and counts in bokmål', async ({ page }) => {
  const kari = await apiAs('kari.ansatt');
  const created = await createCase(kari, { firstName: 'Revisorina' });

  await loginAs(page, 'eva.revisor');
  await expect(page.getByRole('heading', { level: 1, name: 'Revisjonslogg' })).toBeVisible();
  await page.getByLabel('Søk etter person').fill('kari');
  await expect(page.getByLabel('Person', { exact: true }).getByRole('option', { name: 'Kari Ansatt (kari.ansatt)' })).toBeAttached();
  await page.getByLabel('Person', { exact: true }).selectOption({ label: 'Kari Ansatt (kari.ansatt)' });
  await page.getByLabel('Sak (ID)').fill(created.id);
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
  await page.getByLabel('Fra dato').fill(today);
  await page.getByLabel('Til og med dato').fill(today);
  await page.getByRole('button', { name: 'Søk', exact: true }).click();
  const table = page.getByRole('table');
  await expect(table.locator('caption')).toHaveText('1 hendelse, side 1 av 1');
  await expect(table.getByRole('row').nth(1)).toContainText('Meldte en bekymring');
  await expect(table.getByRole('button', { name: 'Vis hendelser av Kari Ansatt' })).toBeVisible();
  await atBothWidths(page, 'revisjonslogg, søk på person', () => expect(table).toBeVisible());
  await screenshot(page, 'revisjonslogg');
});
