import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, loginAs } from './support.js';

/** Follows a menu link and checks what a screen reader meets: the tab's title and focus on the page's heading. */
async function visit(page: Page, link: string | RegExp, heading: string) {
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: link }).click();
  const h1 = page.getByRole('heading', { level: 1, name: heading });
  await expect(h1).toBeFocused();
  await expect(page).toHaveTitle(`${heading} – BTI`);
  await expectAccessible(page, heading);
}

test('every route names its tab and moves focus to its heading (WCAG 2.4.2, 2.4.3)', async ({ page }) => {
  test.slow(); // six users, an axe scan per screen
  await page.goto('/');
  await expect(page).toHaveTitle('Logg inn – BTI');
  await expect(page.getByRole('heading', { level: 1, name: 'BTI saksflyt' })).toBeFocused();

  await loginAs(page, 'ola.leder');
  // The first page after login takes focus too.
  await expect(page.getByRole('heading', { level: 1, name: 'Denne uka' })).toBeFocused();
  await expect(page).toHaveTitle('Denne uka – BTI');
  await visit(page, 'Enhetens saker', 'Enhetens saker');
  await visit(page, 'Meld bekymring', 'Meld bekymring');
  await visit(page, /^Varsler/, 'Varsler');
  await visit(page, 'Denne uka', 'Denne uka');

  const others: [string, string][] = [
    ['kari.ansatt', 'Mine saker'],
    ['siri.iks', 'IKS-køen'],
    ['lars.analytiker', 'Statistikk'],
    ['eva.revisor', 'Revisjonslogg'],
    ['anne.admin', 'Administrasjon'],
  ];
  for (const [user, screen] of others) {
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await loginAs(page, user);
    await visit(page, screen, screen);
  }
});
