import { AxeBuilder } from '@axe-core/playwright';
import { expect, request, type APIRequestContext, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

/** Where screenshots go: test-results by default, docs/ with `npm run web:screenshots`. */
const screenshotDir = path.resolve(process.env.WEB_SCREENSHOTS ?? 'test-results/web/screenshots');

export const DISPLAY_NAME: Record<string, string> = {
  'kari.ansatt': 'Kari Ansatt',
  'ola.leder': 'Ola Leder',
  'per.ppt': 'Per PPT',
  'tor.tfa': 'Tor TFA',
  'siri.iks': 'Siri IKS',
  'eva.revisor': 'Eva Revisor',
  'lars.analytiker': 'Lars Analytiker',
  'berit.leder': 'Berit Leder',
  'nina.ansatt': 'Nina Ansatt',
  'anne.admin': 'Anne Admin',
};

/** Signs in through the dev-mode picker, as a person would. */
export async function loginAs(page: Page, username: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: DISPLAY_NAME[username] ?? username }).click();
  await expect(page.getByRole('button', { name: 'Logg ut' })).toBeVisible();
}

/** Zero WCAG 2.1 A/AA violations on what the page shows now; the failure names each rule and node. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found, `axe på «${screen}»`).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/** The API as a user, for arranging data a test is not about. */
export async function apiAs(username: string): Promise<APIRequestContext> {
  const anonymous = await request.newContext({ baseURL: process.env.WEB_BASE_URL });
  const login = await anonymous.post('/api/v1/auth/dev-login', { data: { username } });
  expect(login.ok()).toBeTruthy();
  const { accessToken } = (await login.json()) as { accessToken: string };
  await anonymous.dispose();
  return request.newContext({ baseURL: process.env.WEB_BASE_URL, extraHTTPHeaders: { Authorization: `Bearer ${accessToken}` } });
}

export interface CreatedCase {
  id: string;
  version: number;
  reference: string;
}

let counter = 0;

/** Logs a concern through the API as `username` in their unit (solsiden-bhg for kari/ola). */
export async function createCase(api: APIRequestContext, overrides: { firstName?: string; suspected?: boolean } = {}): Promise<CreatedCase> {
  const units = (await (await api.get('/api/v1/units')).json()) as { id: string; code: string }[];
  const unit = units.find((u) => u.code === 'solsiden-bhg')!;
  counter += 1;
  const res = await api.post('/api/v1/cases', {
    data: {
      unitId: unit.id,
      child: { firstName: overrides.firstName ?? `Testbarn${counter}`, lastName: 'Nordmann', birthDate: '2020-03-14' },
      concern: {
        description: 'Barnet virker slitent og sultent om morgenen.',
        categories: ['care'],
        riskFactors: [],
        protectiveFactors: [],
        suspectedViolenceOrAbuse: overrides.suspected ?? false,
      },
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  const body = (await res.json()) as CreatedCase;
  return { id: body.id, version: body.version, reference: body.reference };
}

/** Applies an event through the API with the case's current version. */
export async function applyEvent(api: APIRequestContext, caseId: string, body: Record<string, unknown>): Promise<void> {
  const current = (await (await api.get(`/api/v1/cases/${caseId}`)).json()) as { version: number };
  const res = await api.post(`/api/v1/cases/${caseId}/events`, { data: body, headers: { 'If-Match': `"${current.version}"` } });
  expect(res.ok(), await res.text()).toBeTruthy();
}

/** Records a guardian's consent to `recipients` through the API. */
export async function recordConsent(api: APIRequestContext, caseId: string, recipients: string[]): Promise<void> {
  const current = (await (await api.get(`/api/v1/cases/${caseId}`)).json()) as { version: number };
  const res = await api.post(`/api/v1/cases/${caseId}/consents`, {
    data: { givenBy: { name: 'Mona Nordmann', relation: 'mother' }, recipients, purpose: 'Samarbeid om barnet.', form: 'written', validUntil: '2030-01-01' },
    headers: { 'If-Match': `"${current.version}"` },
  });
  expect(res.ok(), await res.text()).toBeTruthy();
}

/** A new case taken by the unit leader to the point of deciding, with the reporter as coordinator. */
export async function caseReadyToDecide(firstName: string): Promise<{ id: string; leader: APIRequestContext }> {
  const kari = await apiAs('kari.ansatt');
  const leader = await apiAs('ola.leder');
  const created = await createCase(kari, { firstName });
  const kariId = ((await (await kari.get('/api/v1/me')).json()) as { userId: string }).userId;
  const assigned = await leader.put(`/api/v1/cases/${created.id}/assignee`, { data: { assigneeId: kariId }, headers: { 'If-Match': `"${created.version}"` } });
  expect(assigned.ok(), await assigned.text()).toBeTruthy();
  await applyEvent(leader, created.id, { type: 'start_assessment' });
  await applyEvent(leader, created.id, { type: 'complete_assessment', summary: 'Vurdert sammen med foresatte.', guardiansInformed: true });
  return { id: created.id, leader };
}

/** A second API process (e.g. in oidc mode) on the test database; stopped by the returned function. */
export async function startExtraApi(env: Record<string, string>): Promise<{ url: string; stop(): Promise<void> }> {
  const { spawn } = await import('node:child_process');
  const net = await import('node:net');
  const port = await new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = server.address() as { port: number };
      server.close(() => resolve(free));
    });
  });
  const child = spawn(process.execPath, [path.resolve('dist/apps/api/apps/api/src/main.js')], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: process.env.WEB_API_DATABASE_URL!,
      REDIS_URL: process.env.WEB_REDIS_URL!,
      DATA_ENCRYPTION_KEY: process.env.WEB_DATA_ENCRYPTION_KEY!,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  await expect
    .poll(async () => {
      if (child.exitCode !== null) throw new Error(`API stoppet (kode ${child.exitCode})`);
      return fetch(`${url}/health`).then((r) => r.status, () => 0);
    }, { timeout: 60_000 })
    .toBe(200);
  return { url, stop };
}
