import { expect, test, type Page } from '@playwright/test';
import { apiAs, createCase, loginAs } from './support.js';

/**
 * The web UI runs under the API's Content-Security-Policy (issue 28): no screen needs an inline
 * script or style, or anything from another origin. Chromium reports every blocked load as a
 * `securitypolicyviolation` event; the test collects them from the first script on.
 */
async function collectViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

test('the screens of staff, leader, analyst and auditor load with no CSP violation, and an inline script is blocked', async ({ page }) => {
  const kari = await apiAs('kari.ansatt');
  const created = await createCase(kari, { firstName: 'Cespe' });
  const violations = await collectViolations(page);
  const visited: string[] = [];

  for (const username of ['kari.ansatt', 'ola.leder', 'lars.analytiker', 'eva.revisor']) {
    await loginAs(page, username);
    await expect(page.locator('h1').first()).toBeVisible();
    if (username === 'ola.leder') {
      await page.goto(`/saker/${created.id}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    }
    visited.push(`${username} ${new URL(page.url()).pathname}`);
    expect(await violations(), `CSP-brudd for ${username}`).toEqual([]);
    await page.getByRole('button', { name: 'Logg ut' }).click();
  }
  expect(visited).toHaveLength(4);

  // The control: the policy is enforced, so an injected inline script does not run.
  await page.addScriptTag({ content: 'window.__inlineRan = true;' }).catch(() => undefined);
  expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
  expect(await violations()).toEqual([expect.stringMatching(/^script-src-elem inline$/)]);
});
