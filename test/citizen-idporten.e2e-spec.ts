import { jest } from '@jest/globals';
import { startTestApp, type TestApp } from './harness/test-app.js';
import { addGuardian, cookiePair, familyCase, setCookies } from './harness/citizen.js';
import { startIdPorten, TEST_CALLBACK } from './harness/idporten.js';

jest.setTimeout(120_000);

// Synthetic national ids (month + 80), offered by the stand-in.
const MOTHER = '03888510086';
const CHILD = '14892050083';

/** A browser's cookies at the stand-in, by name (paths ignored: one site, one test). */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(res: Response): Response {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return res;
  }
  get header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

describe('citizen login through ID-porten (the local stand-in), code flow with PKCE', () => {
  let t: TestApp;
  let idporten: Awaited<ReturnType<typeof startIdPorten>>;
  let caseId: string;
  beforeAll(async () => {
    idporten = await startIdPorten();
    t = await startTestApp(idporten.env);
    caseId = await familyCase(t, { nationalId: CHILD, birthDate: '2020-09-14' });
    await addGuardian(t, caseId, { nationalId: MOTHER, name: 'Mona Testesen', relation: 'mor' });
  });
  afterAll(async () => {
    await t.close();
    await idporten.stop();
  });

  /** /citizen/login, then the stand-in as a browser would walk it; returns the callback's query and the login cookie. */
  async function loginAtStandIn(choice: { pid: string; acr: string; action?: 'login' | 'cancel' }, returnTo?: string) {
    const start = await t.http.get('/api/v1/citizen/login').query(returnTo ? { returnTo } : {});
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.location);
    const loginCookie = cookiePair(setCookies(start).bti_citizen_login);
    const jar = new CookieJar();
    const go = async (url: string, init: RequestInit = {}) =>
      jar.take(await fetch(new URL(url, idporten.issuer), { ...init, redirect: 'manual', headers: { ...(init.headers as object), cookie: jar.header } }));

    let res = await go(authorize.href);
    expect(res.status).toBe(303);
    const interaction = res.headers.get('location')!;
    expect(interaction).toMatch(/^\/innlogging\/[\w-]+$/);
    res = await go(interaction);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Mona Demosen');
    expect(html).toContain('lang="nb"');
    res = await go(interaction, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ pid: choice.pid, acr: choice.acr, action: choice.action ?? 'login' }).toString(),
    });
    expect(res.status).toBe(303);
    res = await go(res.headers.get('location')!);
    expect(res.status).toBe(303);
    const back = new URL(res.headers.get('location')!);
    expect(`${back.origin}${back.pathname}`).toBe(TEST_CALLBACK);
    return { authorize, query: back.search, loginCookie };
  }

  it('logs a guardian in: login → stand-in → pick identity → callback → session cookies → their children', async () => {
    const { authorize, query, loginCookie } = await loginAtStandIn({ pid: MOTHER, acr: 'idporten-loa-high' }, '/innbygger/saker');
    expect(`${authorize.origin}`).toBe(idporten.issuer);
    const params = Object.fromEntries(authorize.searchParams);
    expect(params).toEqual(
      expect.objectContaining({
        response_type: 'code',
        client_id: 'bti-test',
        redirect_uri: TEST_CALLBACK,
        scope: 'openid',
        code_challenge_method: 'S256',
        acr_values: 'idporten-loa-high',
        state: expect.stringMatching(/^[\w-]{20,}$/),
        nonce: expect.stringMatching(/^[\w-]{20,}$/),
        code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      }),
    );
    // The login transaction travels sealed: neither the verifier nor the state can be read from it.
    expect(loginCookie).not.toContain(params.state);

    const callback = await t.http.get(`/api/v1/citizen/callback${query}`).set('Cookie', loginCookie);
    expect(callback.status).toBe(302);
    expect(callback.headers.location).toBe('/innbygger/saker');
    const cookies = setCookies(callback);
    expect(cookies.bti_citizen).toContain('HttpOnly');
    expect(cookies.bti_citizen_login).toMatch(/^bti_citizen_login=; Path=\/api\/v1\/citizen\/callback; Expires=Thu, 01 Jan 1970/);
    const session = `${cookiePair(cookies.bti_citizen)}; ${cookiePair(cookies.bti_citizen_csrf)}`;

    const children = await t.http.get('/api/v1/citizen/children').set('Cookie', session).expect(200);
    expect(children.body.items.flatMap((c: { cases: { caseId: string }[] }) => c.cases.map((k) => k.caseId))).toContain(caseId);
    // The same person as the dev login names: the token carries the HMAC of the pid, never the pid.
    const token = cookiePair(cookies.bti_citizen).split('=')[1];
    expect(Buffer.from(token.split('.')[1], 'base64url').toString()).not.toContain(MOTHER);
    expect(t.logs.text).not.toContain(MOTHER);

    // The code and the transaction are spent: replaying the callback gives no second session.
    const replay = await t.http.get(`/api/v1/citizen/callback${query}`).set('Cookie', loginCookie);
    expect([replay.status, replay.body.code]).toEqual([400, 'LOGIN_FAILED']);
    expect(setCookies(replay).bti_citizen).toBeUndefined();
  });

  it('refuses a login at a level below the configured one (403 INSUFFICIENT_ACR) and sets no session', async () => {
    const { query, loginCookie } = await loginAtStandIn({ pid: MOTHER, acr: 'idporten-loa-substantial' });
    const callback = await t.http.get(`/api/v1/citizen/callback${query}`).set('Cookie', loginCookie);
    expect([callback.status, callback.body.code]).toEqual([403, 'INSUFFICIENT_ACR']);
    expect(setCookies(callback).bti_citizen).toBeUndefined();
  });

  it('refuses a callback whose state is not the login\'s, or without the login cookie (400 LOGIN_STATE)', async () => {
    const { query, loginCookie } = await loginAtStandIn({ pid: MOTHER, acr: 'idporten-loa-high' });
    const forged = new URLSearchParams(query);
    forged.set('state', `${forged.get('state')}x`);
    const bad = await t.http.get(`/api/v1/citizen/callback?${forged}`).set('Cookie', loginCookie);
    expect([bad.status, bad.body.code]).toEqual([400, 'LOGIN_STATE']);
    expect(setCookies(bad).bti_citizen).toBeUndefined();
    const noCookie = await t.http.get(`/api/v1/citizen/callback${query}`);
    expect([noCookie.status, noCookie.body.code]).toEqual([400, 'LOGIN_STATE']);
    // Another login's sealed transaction does not fit this answer either.
    const other = await t.http.get('/api/v1/citizen/login').expect(302);
    const mixed = await t.http.get(`/api/v1/citizen/callback${query}`).set('Cookie', cookiePair(setCookies(other).bti_citizen_login));
    expect([mixed.status, mixed.body.code]).toEqual([400, 'LOGIN_STATE']);
  });

  it('answers a cancelled login with 400 LOGIN_FAILED, and a returnTo outside /innbygger with 400 naming it', async () => {
    const { query, loginCookie } = await loginAtStandIn({ pid: MOTHER, acr: 'idporten-loa-high', action: 'cancel' });
    expect(new URLSearchParams(query).get('error')).toBe('access_denied');
    const cancelled = await t.http.get(`/api/v1/citizen/callback${query}`).set('Cookie', loginCookie);
    expect([cancelled.status, cancelled.body.code]).toEqual([400, 'LOGIN_FAILED']);
    for (const returnTo of ['https://evil.example/innbygger', '//evil.example', '/saker']) {
      const res = await t.http.get('/api/v1/citizen/login').query({ returnTo });
      expect([res.status, res.body.errors?.[0]?.field]).toEqual([400, 'returnTo']);
    }
  });
});
