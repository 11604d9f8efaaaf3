/// <reference lib="dom" />
import { expect, test, type Page } from '@playwright/test';
import { apiAs, createCase, expectAccessible, loginAs, screenshot } from './support.js';

/** The accessible name of the focused element, as far as the tests need it (label or text). */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    if (!el) return '';
    const label = el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? '';
    return label.trim();
  });

/** Presses Tab until the element named `name` has focus: fails if the keyboard cannot reach it. */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 120; i += 1) {
    await page.keyboard.press('Tab');
    if ((await focusedName(page)) === name) return;
  }
  throw new Error(`«${name}» ble ikke nådd med Tab`);
}

test('the concern form can be filled and saved with the keyboard alone', async ({ page }) => {
  await loginAs(page, 'kari.ansatt');
  await expect(page.getByRole('heading', { level: 1, name: 'Denne uka' })).toBeVisible(); // staff start at what is due
  await page.getByRole('link', { name: 'Meld bekymring' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meld bekymring' })).toBeVisible();

  await tabTo(page, 'Fornavn');
  await page.keyboard.type('Tastatur');
  await tabTo(page, 'Etternavn');
  await page.keyboard.type('Testesen');
  await tabTo(page, 'Fødselsdato');
  const birthDate = page.getByLabel('Fødselsdato');
  // The date field's segments (each a tab stop) follow Chromium's UI locale: month first in
  // en-US, day first in nb. Type month-day-year; if that was the wrong order, go back to the
  // first segment and type day-month-year over it.
  await page.keyboard.type('05022019');
  if ((await birthDate.inputValue()) !== '2019-05-02') {
    while ((await focusedName(page)) !== 'Etternavn') await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('02052019');
  }
  await expect(birthDate).toHaveValue('2019-05-02');
  await tabTo(page, 'Hva har du sett eller hørt?');
  await page.keyboard.type('Barnet gråter ofte når det blir hentet.');
  await tabTo(page, 'Omsorg');
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: 'Omsorg', exact: true })).toBeChecked();
  await tabTo(page, 'Jeg mistenker vold, overgrep eller alvorlig omsorgssvikt');
  await page.keyboard.press('Space');
  await expect(page.getByRole('alert').filter({ hasText: 'meld til barnevernet nå' })).toBeVisible();
  await tabTo(page, 'Lagre bekymringen');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'Tastatur Testesen' })).toBeVisible();
  await expect(page.getByText('Bekymringen er lagret som en sak.')).toBeVisible();
});

/** The page fits the viewport's width: no sideways scrolling of the document (WCAG 1.4.10). */
async function expectNoHorizontalScroll(page: Page, screen: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `vannrett rulling på «${screen}»`).toBeLessThanOrEqual(0);
}

for (const { name, viewport } of [
  { name: '320 px width', viewport: { width: 320, height: 720 } },
  // 200 % browser zoom of a 1280 × 900 window is a 640 × 450 CSS-pixel viewport.
  { name: '200 % zoom', viewport: { width: 640, height: 450 } },
]) {
  test(`the main screens work at ${name}`, async ({ page }) => {
    const kari = await apiAs('kari.ansatt');
    const created = await createCase(kari, { firstName: 'Smal' });
    await page.setViewportSize(viewport);

    await loginAs(page, 'ola.leder');
    await expect(page.getByRole('heading', { level: 1, name: 'Denne uka' })).toBeVisible();
    await expectNoHorizontalScroll(page, 'denne uka');
    await expectAccessible(page, `denne uka, ${name}`);
    await page.getByRole('link', { name: 'Enhetens saker' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Enhetens saker' })).toBeVisible();
    await expectNoHorizontalScroll(page, 'enhetens saker');
    await expectAccessible(page, `enhetens saker, ${name}`);

    await page.goto(`/saker/${created.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Smal Nordmann' })).toBeVisible();
    await expectNoHorizontalScroll(page, 'saken');
    // The next step is open on the page: no need to look for it.
    await page.getByRole('form', { name: 'Start vurdering' }).getByRole('button', { name: 'Start vurdering' }).click();
    await expect(page.getByText('Under vurdering', { exact: true })).toBeVisible();
    await expectAccessible(page, `saken, ${name}`);
    if (viewport.width === 320) await screenshot(page, 'saken-320px');

    await page.getByRole('link', { name: 'Meld bekymring' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Meld bekymring' })).toBeVisible();
    await page.getByRole('checkbox', { name: 'Vold eller overgrep' }).check();
    await expect(page.getByRole('alert').filter({ hasText: 'meld til barnevernet nå' })).toBeVisible();
    await expectNoHorizontalScroll(page, 'bekymringsskjema');
    await expectAccessible(page, `bekymringsskjema, ${name}`);
  });
}
