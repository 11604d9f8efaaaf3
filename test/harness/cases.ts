import type { TestApp } from './test-app.js';

/** Demo unit ids by code, read through the API. */
export async function unitIds(t: TestApp): Promise<Record<string, string>> {
  const res = await t.http.get('/api/v1/units').set(await t.auth('ola.leder'));
  return Object.fromEntries(res.body.map((u: { code: string; id: string }) => [u.code, u.id]));
}

export async function userId(t: TestApp, username: string): Promise<string> {
  const res = await t.http.get('/api/v1/me').set(await t.auth(username));
  return res.body.userId;
}

export function concernBody(unitId: string, overrides: { child?: object; concern?: object } = {}) {
  return {
    unitId,
    child: { firstName: 'Emma', lastName: 'Testesen', birthDate: '2021-03-14', nationalId: '13097248022', guardians: [{ name: 'Mor Testesen', relation: 'mor', parentalResponsibility: true }], ...overrides.child },
    concern: {
      description: 'Barnet har sluttet å spise lunsj og virker trist.',
      categories: ['care', 'wellbeing'],
      riskFactors: ['family_conflict'],
      protectiveFactors: ['trusted_adult'],
      childVoice: 'Sier hun er lei seg.',
      suspectedViolenceOrAbuse: false,
      ...overrides.concern,
    },
  };
}

/** Logs a concern as `username` in `unitCode` and returns the created case body. */
export async function logConcern(t: TestApp, username: string, unitCode: string, overrides: { child?: object; concern?: object } = {}) {
  const units = await unitIds(t);
  const res = await t.http.post('/api/v1/cases').set(await t.auth(username)).send(concernBody(units[unitCode], overrides));
  if (res.status !== 201) throw new Error(`POST /cases ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Applies an event with the right If-Match; returns the response. */
export async function sendEvent(t: TestApp, username: string, caseId: string, event: object) {
  const headers = await t.auth(username);
  const current = await t.http.get(`/api/v1/cases/${caseId}`).set(headers);
  return t.http.post(`/api/v1/cases/${caseId}/events`).set(headers).set('If-Match', current.headers.etag ?? '"0"').send(event);
}

/**
 * The case's ETag as `username` sees it, for the If-Match every state-changing request on a case
 * takes; `"0"` when the case is hidden from them (the API answers 404 before it reads If-Match).
 */
export async function caseEtag(t: TestApp, username: string, caseId: string): Promise<string> {
  const res = await t.http.get(`/api/v1/cases/${caseId}`).set(await t.auth(username));
  return res.headers.etag ?? '"0"';
}
