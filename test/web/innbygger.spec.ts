import { expect, request, test, type APIRequestContext, type Page } from '@playwright/test';
import { apiAs, applyEvent, createCase, expectAccessible, screenshot } from './support.js';

// The family's door (/innbygger, issue 29) on a phone: 375 × 812, bokmål, Oslo time.
test.use({ viewport: { width: 375, height: 812 } });

// Synthetic national ids (Digdir's test users: month + 80), the demo family of DESIGN 12.4.
const MONA = '03888510086';
const PER = '21908210015';
const JONAS = '05901050041';
const SITE = 'BTI for familien';

const osloDay = (offset: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date(Date.now() + offset * 86_400_000));

async function etag(api: APIRequestContext, caseId: string): Promise<string> {
  return `"${((await (await api.get(`/api/v1/cases/${caseId}`)).json()) as { version: number }).version}"`;
}

async function post(api: APIRequestContext, path: string, caseId: string, data: object): Promise<Record<string, unknown>> {
  const res = await api.post(path, { data, headers: { 'If-Match': await etag(api, caseId) } });
  expect(res.ok(), await res.text()).toBeTruthy();
  return (await res.json()) as Record<string, unknown>;
}

/** A citizen's API session for arranging what a test is not about (Bearer, as scripts use it). */
async function citizenApi(pid: string): Promise<APIRequestContext> {
  const anonymous = await request.newContext({ baseURL: process.env.WEB_BASE_URL });
  const login = await anonymous.post('/api/v1/auth/dev-citizen-login', { data: { pid } });
  expect(login.ok()).toBeTruthy();
  const { accessToken } = (await login.json()) as { accessToken: string };
  await anonymous.dispose();
  return request.newContext({ baseURL: process.env.WEB_BASE_URL, extraHTTPHeaders: { Authorization: `Bearer ${accessToken}` } });
}

/** Dev mode, for a test not about the login: the API sets the session and CSRF cookies in the browser's context. */
async function citizenLogin(page: Page, pid: string): Promise<void> {
  const login = await page.request.post('/api/v1/auth/dev-citizen-login', { data: { pid } });
  expect(login.ok()).toBeTruthy();
}

/** The page names itself and puts focus on its main heading (WCAG 2.4.2, 2.4.3). */
async function expectPage(page: Page, heading: string, title: string): Promise<void> {
  const h1 = page.getByRole('heading', { level: 1, name: heading });
  await expect(h1).toBeFocused();
  await expect(page).toHaveTitle(`${title} – ${SITE}`);
  // Never the staff's header or menu.
  await expect(page.getByRole('navigation', { name: 'Hovedmeny' })).toHaveCount(0);
}

/** A case of solsiden-bhg for `firstName` with kari as stafettholder, decided, with a measure, and both demo parents registered. */
async function familyCase(firstName: string) {
  const kari = await apiAs('kari.ansatt');
  const leader = await apiAs('ola.leder');
  const created = await createCase(kari, { firstName });
  const kariId = ((await (await kari.get('/api/v1/me')).json()) as { userId: string }).userId;
  const assigned = await leader.put(`/api/v1/cases/${created.id}/assignee`, { data: { assigneeId: kariId }, headers: { 'If-Match': `"${created.version}"` } });
  expect(assigned.ok(), await assigned.text()).toBeTruthy();
  for (const [pid, name, relation] of [[MONA, 'Mona Demosen', 'mother'], [PER, 'Per Demosen', 'father']]) {
    await post(kari, `/api/v1/cases/${created.id}/guardians`, created.id, { nationalId: pid, name, relation, parentalResponsibility: true, verification: 'document_seen' });
  }
  await applyEvent(kari, created.id, { type: 'start_assessment' });
  await applyEvent(kari, created.id, { type: 'complete_assessment', summary: 'Vurdert sammen med foresatte.', guardiansInformed: true });
  await applyEvent(kari, created.id, { type: 'decide', route: 'own_unit', rationale: 'Tiltak i barnehagen.' });
  await post(kari, `/api/v1/cases/${created.id}/measures`, created.id, {
    title: 'Fast voksen ved levering om morgenen',
    responsibleId: kariId,
    startDate: osloDay(0),
    evaluationDate: osloDay(30),
  });
  await post(kari, `/api/v1/cases/${created.id}/log`, created.id, { type: 'conversation_guardians', text: 'Samtale med mor om søvn og morgener.' });
  await post(kari, `/api/v1/cases/${created.id}/log`, created.id, { type: 'note', text: 'Barnet ba oss ikke si dette videre.', confidential: 'child_asked' });
  const asked = await post(kari, `/api/v1/cases/${created.id}/consent-requests`, created.id, {
    services: ['health_station'],
    purpose: 'Samarbeid med helsesykepleier om søvn.',
    validUntil: osloDay(180),
  });
  return { ...created, kari, requestId: asked.id as string };
}

test('innbygger 1: the guardian logs in, finds the child, answers a consent request, writes to the case, withdraws the consent and sees who has looked', async ({ page }) => {
  test.slow(); // one walk through eight pages, each scanned by axe, on a shared machine
  const ida = await familyCase('Ida');

  // The first page, not logged in: what this is and the way in.
  await page.goto('/innbygger');
  await expectPage(page, 'Følg saken om barnet ditt', 'Logg inn');
  await expect(page.getByRole('link', { name: 'Logg inn med ID-porten' })).toHaveAttribute('href', '/api/v1/citizen/login');
  await expectAccessible(page, 'innbygger: innlogging');
  await screenshot(page, 'innbygger-innlogging');

  // In through ID-porten (the local stand-in): pick the demo mother; the API's callback brings her back.
  await page.getByRole('link', { name: 'Logg inn med ID-porten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Logg inn (lokal ID-porten)' })).toBeVisible();
  await page.getByRole('radio', { name: /^Mona Demosen/ }).check();
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page).toHaveURL(/\/innbygger$/);
  await expectPage(page, 'Mine barn', 'Mine barn');
  await expect(page.getByRole('button', { name: 'Logg ut' })).toBeVisible();
  const idaCard = page.locator('.ds-card', { has: page.getByRole('heading', { level: 2, name: 'Ida', exact: true }) });
  await expect(idaCard.getByRole('link', { name: `Sak ${ida.reference}` })).toBeVisible();
  await expect(idaCard.getByText('Tiltak er i gang')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Venter på svar fra deg' })).toBeVisible();
  await expectAccessible(page, 'innbygger: mine barn');
  await screenshot(page, 'innbygger-mine-barn');
  // The browser holds only cookies: no token in the page's storage, the session cookie unreadable.
  const storage = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
  expect(storage).toBe('{}');
  expect(await page.evaluate(() => document.cookie)).not.toContain('bti_citizen=');

  // The consent request: no answer is refused by the form; «ja» waits for the other parent.
  await page.getByRole('link', { name: 'Svar på spørsmålet om Ida' }).click();
  await expectPage(page, 'Samtykke til å dele opplysninger', 'Samtykke');
  await expect(page.getByText('Helsestasjon og skolehelsetjeneste')).toBeVisible();
  await expect(page.getByText('Samarbeid med helsesykepleier om søvn.')).toBeVisible();
  await expectAccessible(page, 'innbygger: samtykke');
  await screenshot(page, 'innbygger-samtykke');
  await page.getByRole('button', { name: 'Send svaret' }).click();
  await expect(page.getByText('Velg ja eller nei før du sender.')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Ja, jeg samtykker' })).toBeFocused();
  await page.getByRole('radio', { name: 'Ja, jeg samtykker' }).check();
  await page.getByRole('button', { name: 'Send svaret' }).click();
  await expect(page.locator(':focus')).toContainText('Svaret ditt er sendt');
  await expect(page.getByText('Samtykket gjelder først når de andre foresatte med foreldreansvar også har sagt ja.')).toBeVisible();
  await expectAccessible(page, 'innbygger: samtykke sendt');
  await screenshot(page, 'innbygger-samtykke-sendt');

  // The father says yes too (in his own session): the consent is in effect.
  const per = await citizenApi(PER);
  const second = await per.post(`/api/v1/citizen/consent-requests/${ida.requestId}/answer`, { data: { answer: 'given' } });
  expect(((await second.json()) as { status: string }).status).toBe('in_effect');

  // The case in plain words: stafettholder, measure, consent in effect, the log without the confidential entry.
  await page.locator('.ds-alert').getByRole('link', { name: 'Tilbake til saken' }).click();
  await expectPage(page, 'Saken om Ida', 'Saken om Ida');
  await expect(page.getByText(`Saksnummer ${ida.reference}`)).toBeVisible();
  await expect(page.getByText('Kari Ansatt, Solsiden barnehage')).toBeVisible();
  await expect(page.getByText('Fast voksen ved levering om morgenen', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Du blir spurt om samtykke' })).toHaveCount(0);
  await expect(page.getByText(/^Gjelder til /)).toBeVisible();
  await expect(page.getByText('Samtale med mor om søvn og morgener.')).toBeVisible();
  await expect(page.getByText('Barnet ba oss ikke si dette videre.')).toHaveCount(0);
  // The log speaks bokmål: services and relations by name, not as codes.
  await expect(page.getByText('Samtykke (digitalt) gitt for: Helsestasjon og skolehelsetjeneste.')).toBeVisible();
  await expect(page.getByText('Foresatt registrert (mor).')).toBeVisible();
  await expectAccessible(page, 'innbygger: saken');
  await screenshot(page, 'innbygger-saken');

  // The family's voice: an empty statement is refused at the field; a written one lands in the log.
  await page.getByRole('link', { name: 'Skriv til saken' }).click();
  await expectPage(page, 'Skriv til saken', 'Skriv til saken');
  await page.getByRole('button', { name: 'Send til saken' }).click();
  await expect(page.getByText('Skriv noe før du sender.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Det dere vil si' })).toBeFocused();
  await expectAccessible(page, 'innbygger: skriv (feil)');
  await page.getByRole('textbox', { name: 'Det dere vil si' }).fill('Ida sover bedre nå som leggetiden er fast.');
  await page.getByRole('button', { name: 'Send til saken' }).click();
  await expect(page.locator(':focus')).toContainText('Takk, det du skrev er lagt i saken');
  await expectAccessible(page, 'innbygger: skriv sendt');
  await screenshot(page, 'innbygger-skriv');
  // The case's workers see it in their log.
  const staffLog = (await (await ida.kari.get(`/api/v1/cases/${ida.id}/log`)).json()) as { items: { type: string; text: string | null }[] };
  expect(staffLog.items.filter((e) => e.type === 'guardian_statement').map((e) => e.text)).toEqual(['Ida sover bedre nå som leggetiden er fast.']);
  await page.locator('.ds-alert').getByRole('link', { name: 'Tilbake til saken' }).click();
  const statement = page.locator('.citizen-log li', { hasText: 'Ida sover bedre nå som leggetiden er fast.' });
  await expect(statement.getByText('Fra foresatt · skrevet av deg')).toBeVisible();

  // Withdrawing the consent acts at once, with an optional reason.
  await page.getByRole('link', { name: 'Trekk tilbake samtykket til Helsestasjon og skolehelsetjeneste' }).click();
  await expectPage(page, 'Trekk tilbake samtykke', 'Trekk tilbake samtykke');
  await page.getByRole('textbox', { name: 'Hvorfor trekker du samtykket? (valgfritt)' }).fill('Vi vil snakke med barnehagen først.');
  await expectAccessible(page, 'innbygger: trekk tilbake samtykke');
  await screenshot(page, 'innbygger-trekk-samtykke');
  await page.getByRole('button', { name: 'Trekk tilbake samtykket' }).click();
  await expect(page.locator(':focus')).toContainText('Samtykket er trukket tilbake');
  const consents = (await (await ida.kari.get(`/api/v1/cases/${ida.id}/consents`)).json()) as { items: { status: string; withdrawalReason: string | null }[] };
  expect(consents.items.map((k) => [k.status, k.withdrawalReason])).toEqual([['withdrawn', 'Vi vil snakke med barnehagen først.']]);
  await page.locator('.ds-alert').getByRole('link', { name: 'Tilbake til saken' }).click();
  await expect(page.getByText(/^Trukket tilbake /)).toBeVisible();

  // Who has looked: the stafettholder by name, role and unit; the guardian's own reads as «du».
  await page.getByRole('link', { name: 'Se hvem som har sett saken' }).click();
  await expectPage(page, 'Hvem har sett saken', 'Hvem har sett saken');
  await expect(page.getByText('Kari Ansatt (ansatt, Solsiden barnehage) endret saken').first()).toBeVisible();
  await expect(page.getByText('Du så saken').first()).toBeVisible();
  await expectAccessible(page, 'innbygger: hvem har sett saken');
  await screenshot(page, 'innbygger-hvem-har-sett');
  await page.getByText('Skjul det du selv har gjort').click();
  await expect(page.getByText('Du så saken')).toHaveCount(0);
  await expect(page.getByText(/^Du endret saken/)).toHaveCount(0);
  await expect(page.getByText('Kari Ansatt (ansatt, Solsiden barnehage) endret saken').first()).toBeVisible();
  await per.dispose();

  // Logging out ends the session: the first page again, and the API no longer knows her.
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await expectPage(page, 'Følg saken om barnet ditt', 'Logg inn');
  await expect(page.getByText('Du er logget ut.')).toBeVisible();
  expect((await page.request.get('/api/v1/citizen/children')).status()).toBe(401);
});

test('innbygger 2: the youth sees their own case and decides what the guardians may read', async ({ page }) => {
  const kari = await apiAs('kari.ansatt');
  const units = (await (await kari.get('/api/v1/units')).json()) as { id: string; code: string }[];
  const created = await kari.post('/api/v1/cases', {
    data: {
      unitId: units.find((u) => u.code === 'solsiden-bhg')!.id,
      child: { firstName: 'Jonas', lastName: 'Demoberg', birthDate: '2010-10-05', nationalId: JONAS },
      concern: { description: 'Jonas virker trist og trekker seg unna.', categories: ['care'], riskFactors: [], protectiveFactors: [], suspectedViolenceOrAbuse: false },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const kase = (await created.json()) as { id: string; reference: string };

  await citizenLogin(page, JONAS);
  await page.goto('/innbygger');
  await expectPage(page, 'Dine saker', 'Dine saker');
  await page.getByRole('link', { name: `Sak ${kase.reference}` }).click();
  await expectPage(page, 'Saken om deg', 'Saken om deg');
  const sharing = page.getByRole('group', { name: 'Skal foresatte få lese det som skrives i saken?' });
  await expect(sharing.getByRole('radio', { name: 'Nei, bare jeg og de som jobber med saken' })).toBeChecked();
  await sharing.getByRole('radio', { name: 'Ja, de kan lese det' }).check();
  await page.getByRole('button', { name: 'Lagre valget' }).click();
  await expect(page.locator(':focus')).toHaveText('Lagret. Foresatte kan lese det som skrives i saken.');
  await expect(page.getByText(/^Sist bestemt .*: ja\.$/)).toBeVisible();
  await expectAccessible(page, 'innbygger: ungdommen');
  await screenshot(page, 'innbygger-ungdom');
  const youth = await citizenApi(JONAS);
  const view = (await (await youth.get(`/api/v1/citizen/cases/${kase.id}`)).json()) as { sharing: { shareWithGuardians: boolean } };
  expect(view.sharing.shareWithGuardians).toBe(true);
  await youth.dispose();
});
