import { expect, test } from '@playwright/test';
import pg from 'pg';
import { startFakeIdp } from './fake-idp.js';
import { expectAccessible, screenshot, startExtraApi } from './support.js';

const DEMO_USERS = ['Kari Ansatt', 'Ola Leder', 'Nina Ansatt', 'Berit Leder', 'Per PPT', 'Tor TFA', 'Siri IKS', 'Anne Admin', 'Eva Revisor', 'Lars Analytiker'];

test('flow 6a: in dev mode the login page offers the demo users; picking one signs in, logging out returns to the picker', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 2, name: 'Velg en demobruker' })).toBeVisible();
  for (const name of DEMO_USERS) await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
  await expectAccessible(page, 'innlogging (dev)');
  await screenshot(page, 'innlogging');

  await page.getByRole('button', { name: 'Ola Leder', exact: true }).click();
  await expect(page.getByText('Ola Leder · Enhetsleder')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Denne uka' })).toBeVisible();
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Velg en demobruker' })).toBeVisible();
});

test('flow 6b: in oidc mode the UI signs in with the authorization-code flow and PKCE (S256) against OIDC_ISSUER', async ({ page }) => {
  const subject = 'idp-kari-web';
  const idp = await startFakeIdp({ subject, audience: 'bti-api', clientId: 'bti-web' });
  const db = new pg.Client({ connectionString: process.env.WEB_DATABASE_URL });
  await db.connect();
  await db.query(`UPDATE app_user SET "externalSubject" = $1 WHERE username = 'kari.ansatt'`, [subject]);
  const api = await startExtraApi({
    AUTH_MODE: 'oidc',
    NODE_ENV: 'test', // the fake issuer's JWKS is plain http on loopback
    OIDC_ISSUER: idp.issuer,
    OIDC_AUDIENCE: 'bti-api',
    OIDC_JWKS_URL: `${idp.issuer}/jwks`,
    OIDC_CLIENT_ID: 'bti-web',
  });
  try {
    await page.goto(`${api.url}/`);
    await expect(page.getByRole('button', { name: 'Velg en demobruker' })).toHaveCount(0);
    await expectAccessible(page, 'innlogging (oidc)');
    await page.getByRole('button', { name: 'Logg inn med kommunens innlogging' }).click();
    await expect(page.getByText('Kari Ansatt · Ansatt')).toBeVisible();
    expect(idp.pkce).toEqual({ method: 'S256', verified: true });
    expect(new URL(page.url()).search).toBe(''); // the code is not left in the address bar
  } finally {
    await api.stop();
    await db.query(`UPDATE app_user SET "externalSubject" = NULL WHERE username = 'kari.ansatt'`);
    await db.end();
    await idp.close();
  }
});
