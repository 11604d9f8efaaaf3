import { jest } from '@jest/globals';
import { startTestApp, type TestApp } from './harness/test-app.js';
import { caseEtag } from './harness/cases.js';
import { addGuardian, familyCase } from './harness/citizen.js';

jest.setTimeout(120_000);

// Synthetic national ids (month + 80).
const MOTHER = '03888510086';
const YOUTH = '05901050041';
const CHILD = '14892050083';

describe("the unit leader's say over what the family sees (DESIGN 12.4, 12.8.7)", () => {
  let t: TestApp;
  const tokens = new Map<string, string>();
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function citizen(pid: string) {
    if (!tokens.has(pid)) tokens.set(pid, (await t.http.post('/api/v1/auth/dev-citizen-login').send({ pid }).expect(200)).body.accessToken);
    return { Authorization: `Bearer ${tokens.get(pid)}` };
  }
  const guardianSees = async (caseId: string, text: string) =>
    (await t.http.get(`/api/v1/citizen/cases/${caseId}/log`).set(await citizen(MOTHER)).expect(200)).body.items.some((e: { text: string }) => e.text.includes(text));
  async function writeLog(caseId: string, text: string, confidential?: string) {
    const res = await t.http
      .post(`/api/v1/cases/${caseId}/log`)
      .set(await t.auth('kari.ansatt'))
      .set('If-Match', await caseEtag(t, 'kari.ansatt', caseId))
      .send({ type: 'note', text, ...(confidential ? { confidential } : {}) });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }
  async function as(user: string, caseId: string, path: string, body: object = {}) {
    return t.http.post(`/api/v1/cases/${caseId}${path}`).set(await t.auth(user)).set('If-Match', await caseEtag(t, user, caseId)).send(body);
  }

  it('lets the unit leader alone clear a confidential entry; the guardian then sees it; audited; twice is 422', async () => {
    const caseId = await familyCase(t, { nationalId: CHILD, birthDate: '2020-09-14' });
    await addGuardian(t, caseId, { nationalId: MOTHER, name: 'Mona Testesen', relation: 'mor' });
    const entryId = await writeLog(caseId, 'Skjermet: tredjepart nevnt.', 'third_party');
    const open = await writeLog(caseId, 'Vanlig notat.');
    expect(await guardianSees(caseId, 'Skjermet: tredjepart nevnt.')).toBe(false);

    const byAuthor = await as('kari.ansatt', caseId, `/log/${entryId}/declassification`);
    expect(byAuthor.status).toBe(403);
    expect(await guardianSees(caseId, 'Skjermet: tredjepart nevnt.')).toBe(false);

    const cleared = await as('ola.leder', caseId, `/log/${entryId}/declassification`);
    expect(cleared.status).toBe(200);
    expect(cleared.body).toEqual(expect.objectContaining({ id: entryId, confidential: null }));
    expect(cleared.headers.etag).toBeDefined();
    expect(await guardianSees(caseId, 'Skjermet: tredjepart nevnt.')).toBe(true);

    const again = await as('ola.leder', caseId, `/log/${entryId}/declassification`);
    expect([again.status, again.body.code]).toEqual([422, 'NOT_CONFIDENTIAL']);
    const notConfidential = await as('ola.leder', caseId, `/log/${open}/declassification`);
    expect([notConfidential.status, notConfidential.body.code]).toEqual([422, 'NOT_CONFIDENTIAL']);
    expect((await t.http.post(`/api/v1/cases/${caseId}/log/${entryId}/declassification`).set(await t.auth('ola.leder'))).status).toBe(428);

    const [row] = await t.db.query(`SELECT "confidentialClearedById", confidential FROM case_log_entry WHERE id = $1`, [entryId]);
    expect(row).toEqual({ confidentialClearedById: expect.any(String), confidential: 'third_party' });
    const audit = await t.db.query(`SELECT action FROM audit_event WHERE "caseId" = $1 AND action = 'case.log.declassify'`, [caseId]);
    expect(audit).toHaveLength(1);
  });

  it('a citizen cannot clear it through the database either (row security: staff only)', async () => {
    const caseId = await familyCase(t, { nationalId: CHILD, birthDate: '2020-09-14' });
    await addGuardian(t, caseId, { nationalId: MOTHER, name: 'Mona Testesen', relation: 'mor' });
    const entryId = await writeLog(caseId, 'Skjermet igjen.', 'child_asked');
    const { RowSecurity } = await import('../apps/api/src/database/row-security.js');
    const hmac = (await t.db.query(`SELECT "nationalIdHash" FROM case_guardian WHERE "caseId" = $1 AND "nationalIdHash" IS NOT NULL`, [caseId]))[0].nationalIdHash;
    const updated = await t.app.get(RowSecurity).asCitizen({ hmac, acr: 'idporten-loa-high', requestId: 'test' }, (em) =>
      em.query(`UPDATE case_log_entry SET "confidentialClearedAt" = now() WHERE id = $1 RETURNING id`, [entryId]),
    );
    expect(updated).toEqual([[], 0]);
    expect(await guardianSees(caseId, 'Skjermet igjen.')).toBe(false);
  });

  it("lets the unit leader override the youth's sharing choice with a recorded reason, both ways", async () => {
    const caseId = await familyCase(t, { nationalId: YOUTH, birthDate: '2010-10-05' });
    await addGuardian(t, caseId, { nationalId: MOTHER, name: 'Mona Testesen', relation: 'mor' });
    await writeLog(caseId, 'Samtale med ungdommen om søvn.');
    expect(await guardianSees(caseId, 'Samtale med ungdommen om søvn.')).toBe(false);

    const reason = 'Foresatte må vite om søvnvanskene for å kunne følge opp hjemme.';
    expect((await as('kari.ansatt', caseId, '/youth-sharing/override', { shareWithGuardians: true, reason })).status).toBe(403);
    const short = await as('ola.leder', caseId, '/youth-sharing/override', { shareWithGuardians: true, reason: 'Fordi.' });
    expect([short.status, short.body.errors?.map((e: { field: string }) => e.field)]).toEqual([400, ['reason']]);

    const shared = await as('ola.leder', caseId, '/youth-sharing/override', { shareWithGuardians: true, reason });
    expect(shared.status).toBe(200);
    expect(shared.body).toEqual(expect.objectContaining({ shareWithGuardians: true, decidedBy: 'unit_leader', reason }));
    expect(await guardianSees(caseId, 'Samtale med ungdommen om søvn.')).toBe(true);
    const [record] = await t.db.query(`SELECT "decidedBy", "overriddenById", reason FROM youth_sharing WHERE "caseId" = $1 ORDER BY at DESC LIMIT 1`, [caseId]);
    expect(record).toEqual({ decidedBy: 'unit_leader', overriddenById: expect.any(String), reason });

    await t.http.post(`/api/v1/citizen/cases/${caseId}/sharing`).set(await citizen(YOUTH)).send({ shareWithGuardians: true }).expect(200);
    expect((await as('ola.leder', caseId, '/youth-sharing/override', { shareWithGuardians: false, reason: 'Ungdommen er i fare om foresatte får vite dette nå.' })).status).toBe(200);
    expect(await guardianSees(caseId, 'Samtale med ungdommen om søvn.')).toBe(false);
    const audit = await t.db.query(`SELECT action FROM audit_event WHERE "caseId" = $1 AND action = 'case.youth_sharing.override'`, [caseId]);
    expect(audit).toHaveLength(2);
  });
});
