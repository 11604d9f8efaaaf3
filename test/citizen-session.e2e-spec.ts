import { jest } from '@jest/globals';
import { startTestApp, type TestApp } from './harness/test-app.js';
import { addGuardian, cookiePair, familyCase, setCookies } from './harness/citizen.js';

jest.setTimeout(120_000);

// Synthetic national ids (month + 80).
const MOTHER = '03888510086';
const CHILD = '14892050083';

describe("the citizen's session cookie and CSRF (DESIGN 12.8.8)", () => {
  let t: TestApp;
  let caseId: string;
  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: 'loopback' });
    caseId = await familyCase(t, { nationalId: CHILD, birthDate: '2020-09-14' });
    await addGuardian(t, caseId, { nationalId: MOTHER, name: 'Mona Testesen', relation: 'mor' });
  });
  afterAll(() => t.close());

  async function login() {
    const res = await t.http.post('/api/v1/auth/dev-citizen-login').send({ pid: MOTHER }).expect(200);
    const cookies = setCookies(res);
    return { res, cookies, header: `${cookiePair(cookies.bti_citizen)}; ${cookiePair(cookies.bti_citizen_csrf)}`, csrf: res.body.csrfToken as string };
  }

  it('dev-citizen-login sets the HttpOnly session cookie and the readable CSRF cookie, Secure only over https', async () => {
    const { res, cookies } = await login();
    expect(cookies.bti_citizen).toMatch(/^bti_citizen=[\w-]+\.[\w-]+\.[\w-]+;/);
    expect(cookies.bti_citizen).toContain('Path=/api/v1/citizen');
    expect(cookies.bti_citizen).toContain('HttpOnly');
    expect(cookies.bti_citizen).toContain('SameSite=Lax');
    expect(cookies.bti_citizen).toContain('Max-Age=1800');
    expect(cookies.bti_citizen).not.toContain('Secure');
    expect(cookies.bti_citizen_csrf).toBe(`bti_citizen_csrf=${res.body.csrfToken}; Max-Age=1800; Path=/; Expires=${/Expires=([^;]+)/.exec(cookies.bti_citizen_csrf)![1]}; SameSite=Lax`);
    expect(cookiePair(cookies.bti_citizen)).toBe(`bti_citizen=${res.body.accessToken}`);

    const overHttps = await t.http.post('/api/v1/auth/dev-citizen-login').set('X-Forwarded-Proto', 'https').send({ pid: MOTHER }).expect(200);
    for (const line of Object.values(setCookies(overHttps))) expect(line).toContain('; Secure');
  });

  it('reads with the cookie alone', async () => {
    const { header } = await login();
    const children = await t.http.get('/api/v1/citizen/children').set('Cookie', header).expect(200);
    expect(children.body.items.flatMap((c: { cases: { caseId: string }[] }) => c.cases.map((k) => k.caseId))).toContain(caseId);
  });

  it('refuses a write by cookie without the CSRF header, or with a wrong one (403 CSRF), and accepts it with the cookie value', async () => {
    const { header, csrf } = await login();
    const path = `/api/v1/citizen/cases/${caseId}/statements`;
    const none = await t.http.post(path).set('Cookie', header).send({ text: 'Uten CSRF.' });
    expect([none.status, none.body.code]).toEqual([403, 'CSRF']);
    const wrong = await t.http.post(path).set('Cookie', header).set('X-CSRF-Token', csrf.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))).send({ text: 'Feil CSRF.' });
    expect([wrong.status, wrong.body.code]).toEqual([403, 'CSRF']);
    // A CSRF value from another session does not pair with this one (bound to the token).
    const other = await login();
    const foreign = await t.http.post(path).set('Cookie', `${cookiePair(setCookies((await login()).res).bti_citizen)}; bti_citizen_csrf=${other.csrf}`).set('X-CSRF-Token', other.csrf).send({ text: 'Annens CSRF.' });
    expect([foreign.status, foreign.body.code]).toEqual([403, 'CSRF']);
    const good = await t.http.post(path).set('Cookie', header).set('X-CSRF-Token', csrf).send({ text: 'Med CSRF.' });
    expect(good.status).toBe(201);
    expect(good.body).toEqual(expect.objectContaining({ type: 'guardian_statement', text: 'Med CSRF.' }));
  });

  it('leaves Bearer unaffected: a write needs no CSRF header, even with a session cookie beside it', async () => {
    const { res, header } = await login();
    const path = `/api/v1/citizen/cases/${caseId}/statements`;
    const bearer = await t.http.post(path).set('Authorization', `Bearer ${res.body.accessToken}`).send({ text: 'Som skript.' });
    expect(bearer.status).toBe(201);
    const both = await t.http.post(path).set('Authorization', `Bearer ${res.body.accessToken}`).set('Cookie', header).send({ text: 'Skript med informasjonskapsel.' });
    expect(both.status).toBe(201);
  });

  it('logout clears both cookies, and a staff request is not authenticated by the citizen cookie', async () => {
    const { header } = await login();
    const out = await t.http.post('/api/v1/citizen/logout').set('Cookie', header).expect(204);
    const cleared = setCookies(out);
    expect(cleared.bti_citizen).toMatch(/^bti_citizen=; Path=\/api\/v1\/citizen; Expires=Thu, 01 Jan 1970/);
    expect(cleared.bti_citizen_csrf).toMatch(/^bti_citizen_csrf=; Path=\/; Expires=Thu, 01 Jan 1970/);
    expect((await t.http.get('/api/v1/cases').set('Cookie', header)).status).toBe(401);
  });
});
