import { expect, test, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { apiAs, expectAccessible, screenshot } from './support.js';

async function loginAsAdmin(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Anne Admin' }).click();
  await page.getByRole('link', { name: 'Administrasjon' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Administrasjon' })).toBeVisible();
}

async function expectNoHorizontalScroll(page: Page, screen: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `vannrett rulling på «${screen}»`).toBeLessThanOrEqual(0);
}

for (const viewport of [
  { width: 1280, height: 900 },
  { width: 320, height: 720 },
]) {
  test(`the admin finds a person, sees what they must hand over and deactivates them (${viewport.width} px)`, async ({ page }) => {
    const anne = await apiAs('anne.admin');
    const username = `vikar.${randomUUID().slice(0, 8)}`;
    const created = await anne.post('/api/v1/admin/users', { data: { username, displayName: 'Vera Vikar' } });
    expect(created.status()).toBe(201);
    await page.setViewportSize(viewport);
    await loginAsAdmin(page);
    await expect(page.getByRole('region', { name: 'Enheter' }).getByRole('cell', { name: 'Solsiden barnehage', exact: true })).toBeVisible();

    await page.getByLabel('Søk på navn, brukernavn eller e-post').fill(username);
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    await page.getByRole('button', { name: 'Deaktiver Vera Vikar' }).click();
    await expect(page.getByText('Ingen åpne saker, oppgaver eller tiltak å overføre.')).toBeVisible();
    await expectAccessible(page, `administrasjon, deaktivering, ${viewport.width} px`);
    await expectNoHorizontalScroll(page, 'administrasjon');
    if (viewport.width === 1280) await screenshot(page, 'administrasjon');
    await page.getByRole('button', { name: `Deaktiver ${username}` }).click();
    await expect(page.getByRole('region', { name: 'Personer' }).getByText('Deaktivert')).toBeVisible();
  });
}

test('the admin edits the profile draft: every schema error listed, a readable diff, publish', async ({ page }) => {
  await loginAsAdmin(page);
  const editor = page.getByLabel('Kladd (JSON)');
  const current = JSON.parse(await editor.inputValue()) as Record<string, unknown>;

  await editor.fill(JSON.stringify({ ...current, selfConsentAge: 12, ukjent: true }, null, 2));
  await page.getByRole('button', { name: 'Lagre kladd' }).click();
  const errors = page.getByRole('alert').filter({ hasText: 'Kladden følger ikke skjemaet' });
  await expect(errors.getByText('/selfConsentAge')).toBeVisible();
  await expect(errors.getByText('/ukjent')).toBeVisible();
  await expectAccessible(page, 'administrasjon, ugyldig kladd');

  const arena = `Testarena ${randomUUID().slice(0, 6)}`;
  await editor.fill(JSON.stringify({ ...current, arenas: { ...(current.arenas as object), own_unit: arena } }, null, 2));
  await page.getByRole('button', { name: 'Lagre kladd' }).click();
  const diff = page.getByRole('region', { name: 'Endringer i kladden' });
  await expect(diff.getByRole('row').filter({ hasText: '/arenas/own_unit' }).getByRole('cell', { name: arena })).toBeVisible();
  await expectAccessible(page, 'administrasjon, kladd med endringer');
  await screenshot(page, 'administrasjon-profil');
  await page.getByRole('button', { name: /^Publiser versjon \d+$/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /Versjon \d+ er publisert\./ })).toBeVisible();
});
