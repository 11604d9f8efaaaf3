import { expect, test } from '@playwright/test';
import { applyEvent, caseReadyToDecide, expectAccessible, loginAs, recordConsent, screenshot } from './support.js';

test('flow 3a: a team member sees an anonymously discussed case anonymised, the TFA coordinator sees a consented case identified', async ({ page }) => {
  const anonymous = await caseReadyToDecide('Anonyma');
  await applyEvent(anonymous.leader, anonymous.id, { type: 'decide', route: 'interdisciplinary_team', rationale: 'Drøftes anonymt i teamet.', anonymous: true, anonymousSummary: 'Barn i barnehagealder som virker slitent og sultent om morgenen.' });
  const consented = await caseReadyToDecide('Tfaline');
  await recordConsent(consented.leader, consented.id, ['tfa']);
  await applyEvent(consented.leader, consented.id, { type: 'decide', route: 'tfa', rationale: 'TFA barnehage.' });

  await loginAs(page, 'per.ppt');
  await page.getByRole('link', { name: 'Mine saker' }).click();
  const row = page.getByRole('row').filter({ hasText: 'Anonymisert barn, født 2020' }).first();
  await expect(row).toBeVisible();
  await expect(page.getByText('Anonyma')).toHaveCount(0);
  await expectAccessible(page, 'teamets saker');
  await page.goto(`/saker/${anonymous.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Anonymisert sak' })).toBeVisible();
  await expect(page.getByText('Du ser saken anonymisert')).toBeVisible();
  // Only what the API returned: no name, no unit, no birth date, no description.
  await expect(page.getByText('Anonyma')).toHaveCount(0);
  await expect(page.getByText('Solsiden barnehage')).toHaveCount(0);
  await expect(page.getByText('Fødselsdato')).toHaveCount(0);
  await expect(page.getByText('Barnet virker slitent og sultent om morgenen.')).toHaveCount(0);
  // The one text the team reads is the leader's anonymous summary (DESIGN 8.4).
  await expect(page.getByText('Barn i barnehagealder som virker slitent og sultent om morgenen.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Samtykker' })).toHaveCount(0);
  await expectAccessible(page, 'anonymisert sak');
  await screenshot(page, 'anonymisert-sak');

  await page.getByRole('button', { name: 'Logg ut' }).click();
  await loginAs(page, 'tor.tfa');
  await page.getByRole('link', { name: 'Mine saker' }).click();
  await expect(page.getByRole('link', { name: 'Tfaline Nordmann' })).toBeVisible();
  await page.getByRole('link', { name: 'Tfaline Nordmann' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tfaline Nordmann' })).toBeVisible();
  await expect(page.getByText('TFA (tverrfaglig arena)', { exact: true }).first()).toBeVisible();
  await expectAccessible(page, 'TFA-sak');
});

test('flow 3b: the IKS coordinator works the queue by priority with capacity: accept, return and end', async ({ page }) => {
  const toAccept = await caseReadyToDecide('Iksa');
  await recordConsent(toAccept.leader, toAccept.id, ['iks']);
  await applyEvent(toAccept.leader, toAccept.id, { type: 'decide', route: 'iks', rationale: 'Mange tjenester må samarbeide.' });
  const toReturn = await caseReadyToDecide('Retura');
  await recordConsent(toReturn.leader, toReturn.id, ['iks']);
  await applyEvent(toReturn.leader, toReturn.id, { type: 'decide', route: 'iks', rationale: 'Usikkert om IKS er riktig.' });

  await loginAs(page, 'siri.iks');
  await expect(page.getByRole('heading', { level: 1, name: 'IKS-køen' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Kapasitet' })).toBeVisible();
  const cards = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Henvisning fra/ }) });
  await expect(cards.first()).toBeVisible();
  await expectAccessible(page, 'IKS-køen');
  await screenshot(page, 'iks-koen');

  const accept = cards.filter({ has: page.locator(`a[href="/saker/${toAccept.id}"]`) });
  await accept.locator('summary', { hasText: 'Ta inn i IKS' }).click();
  const acceptForm = accept.getByRole('form', { name: 'Ta inn i IKS' });
  await acceptForm.getByLabel('Prioritet').selectOption('2');
  await acceptForm.getByRole('checkbox', { name: 'PPT' }).check();
  await acceptForm.getByRole('checkbox', { name: 'Barneverntjenesten' }).check();
  await acceptForm.getByLabel('Inngangsplan').fill('Oppstartsmøte med foresatte og skolen innen en uke.');
  await acceptForm.getByLabel('Utgangskriterier').fill('Stabil skolegang i tre måneder.');
  await expectAccessible(page, 'IKS: ta inn');
  await acceptForm.getByRole('button', { name: 'Ta inn i IKS' }).click();
  await expect(accept).toHaveCount(0); // no longer waiting

  const ret = cards.filter({ has: page.locator(`a[href="/saker/${toReturn.id}"]`) });
  await ret.locator('summary', { hasText: 'Returner til enheten' }).click();
  const returnForm = ret.getByRole('form', { name: 'Returner til enheten' });
  await returnForm.getByLabel('Hvorfor returneres saken?').fill('Nivå 2 er riktig nå; enheten følger opp med teamet.');
  await returnForm.getByRole('button', { name: 'Returner til enheten' }).click();
  await expect(ret).toHaveCount(0);

  await page.getByLabel('Vis henvisninger').selectOption('accepted');
  const accepted = cards.filter({ has: page.locator(`a[href="/saker/${toAccept.id}"]`) });
  await expect(accepted.getByText('Prioritet 2 – høy')).toBeVisible();
  await expect(accepted.getByText('Kjernegruppe: PPT, Barneverntjenesten')).toBeVisible();
  await accepted.locator('summary', { hasText: 'Avslutt IKS-innsatsen' }).click();
  const endForm = accepted.getByRole('form', { name: 'Avslutt IKS-innsatsen' });
  await endForm.getByLabel('Utgangskriteriene er nådd').check();
  await endForm.getByLabel('Oppsummering til enheten').fill('Skolegangen er stabil; enheten tar over oppfølgingen.');
  await endForm.getByRole('button', { name: 'Avslutt IKS-innsatsen' }).click();
  await expect(accepted).toHaveCount(0);

  await page.getByLabel('Vis henvisninger').selectOption('ended');
  await expect(cards.filter({ has: page.locator(`a[href="/saker/${toAccept.id}"]`) }).getByText('Avsluttet', { exact: true })).toBeVisible();
  await page.getByLabel('Vis henvisninger').selectOption('returned');
  await expect(cards.filter({ has: page.locator(`a[href="/saker/${toReturn.id}"]`) })).toBeVisible();
  await expectAccessible(page, 'IKS: returnerte');
});
