import pg from 'pg';
import { DataSource } from 'typeorm';
import { jest } from '@jest/globals';
import { logins, startTestApp, type TestApp } from './harness/test-app.js';
import { caseEtag, logConcern, sendEvent, userId } from './harness/cases.js';
import { reportEvent } from './harness/child-welfare-report.js';

jest.setTimeout(120_000);

// Synthetic national ids (Digdir's convention: month + 80): never a real person's.
const MOTHER = '03888510086';
const FATHER = '21908210015';
const YOUTH = '05901050041';
const CHILD = '14892050083';
const osloDay = (offset: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date(Date.now() + offset * 86_400_000));
const CLOSE = { type: 'close', reason: 'no_concern', justification: 'Samtale med barnet og foresatte avkreftet mistanken.' };

/** Rules of the family's access a review found broken (DESIGN 12.4, 12.5, 12.8), each as the family meets it. */
describe("the family's access: what a review found", () => {
  let t: TestApp;
  let db: DataSource;
  const tokens = new Map<string, string>();
  beforeAll(async () => {
    t = await startTestApp();
    db = t.db;
  });
  afterAll(() => t.close());

  async function citizen(pid: string): Promise<{ Authorization: string }> {
    if (!tokens.has(pid)) tokens.set(pid, (await t.http.post('/api/v1/auth/dev-citizen-login').send({ pid }).expect(200)).body.accessToken);
    return { Authorization: `Bearer ${tokens.get(pid)}` };
  }
  const getCase = async (pid: string, caseId: string) => t.http.get(`/api/v1/citizen/cases/${caseId}`).set(await citizen(pid));

  async function addGuardian(caseId: string, pid: string, name: string, relation: string) {
    const res = await t.http
      .post(`/api/v1/cases/${caseId}/guardians`)
      .set(await t.auth('kari.ansatt'))
      .set('If-Match', await caseEtag(t, 'kari.ansatt', caseId))
      .send({ nationalId: pid, name, relation, parentalResponsibility: true, verification: 'document_seen' });
    expect(res.status).toBe(201);
  }

  /** A solsiden case with kari as stafettholder, the given guardians registered and the concern's unregistered one gone. */
  async function familyCase(child: object, guardians: [string, string, string][], concern: object = {}) {
    const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg', { child, concern });
    await t.http.put(`/api/v1/cases/${created.id}/assignee`).set(await t.auth('ola.leder')).set('If-Match', '"1"').send({ assigneeId: await userId(t, 'kari.ansatt') }).expect(200);
    for (const [pid, name, relation] of guardians) await addGuardian(created.id, pid, name, relation);
    await db.query(`DELETE FROM case_guardian WHERE "caseId" = $1 AND "nationalIdHash" IS NULL`, [created.id]);
    return created.id as string;
  }
  const youthCase = () => familyCase({ nationalId: YOUTH, birthDate: '2010-10-05' }, [[MOTHER, 'Mona', 'mor']]);
  const childCase = () => familyCase({ nationalId: CHILD, birthDate: '2020-09-14' }, [[MOTHER, 'Mona', 'mor']]);

  async function decideOwnUnit(caseId: string) {
    expect((await sendEvent(t, 'ola.leder', caseId, { type: 'start_assessment' })).status).toBe(200);
    expect((await sendEvent(t, 'ola.leder', caseId, { type: 'complete_assessment', summary: 'Vurdert.', guardiansInformed: true, childHeard: false, reasonChildNotHeard: 'Samtalen er ikke holdt ennå.' })).status).toBe(200);
    expect((await sendEvent(t, 'ola.leder', caseId, { type: 'decide', route: 'own_unit', rationale: 'Tiltak i barnehagen.', assigneeId: await userId(t, 'kari.ansatt') })).status).toBe(200);
  }
  async function addMeasure(caseId: string, evaluationDate = osloDay(30)) {
    const res = await t.http
      .post(`/api/v1/cases/${caseId}/measures`)
      .set(await t.auth('ola.leder'))
      .set('If-Match', await caseEtag(t, 'ola.leder', caseId))
      .send({ title: 'Samtaler med helsesykepleier', responsibleId: await userId(t, 'kari.ansatt'), startDate: osloDay(0), evaluationDate });
    expect(res.status).toBe(201);
  }
  async function askConsent(caseId: string) {
    const res = await t.http
      .post(`/api/v1/cases/${caseId}/consent-requests`)
      .set(await t.auth('kari.ansatt'))
      .set('If-Match', await caseEtag(t, 'kari.ansatt', caseId))
      .send({ services: ['health_station'], purpose: 'Samarbeid med helsesykepleier.', validUntil: osloDay(60) });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }
  const answer = async (pid: string, requestId: string) => t.http.post(`/api/v1/citizen/consent-requests/${requestId}/answer`).set(await citizen(pid)).send({ answer: 'given' });
  const withdraw = async (pid: string, consentId: string) => t.http.post(`/api/v1/citizen/consents/${consentId}/withdrawal`).set(await citizen(pid)).send({ reason: 'Vil snakke først.' });

  it('a new safety concern hides a case released to the family again, and so does a report that does not inform the guardians', async () => {
    const caseId = await familyCase({ nationalId: YOUTH, birthDate: '2010-10-05' }, [[MOTHER, 'Mona', 'mor']], { suspectedViolenceOrAbuse: true });
    expect((await sendEvent(t, 'ola.leder', caseId, { type: 'guardians_may_be_informed', note: 'Barnevernet sier at foreldrene kan orienteres.' })).status).toBe(200);
    expect((await getCase(MOTHER, caseId)).status).toBe(200);
    expect((await sendEvent(t, 'kari.ansatt', caseId, { type: 'raise_safety_concern', note: 'Ny mistanke-7731.' })).status).toBe(200);
    for (const pid of [MOTHER, YOUTH]) expect([pid, (await getCase(pid, caseId)).status]).toEqual([pid, 404]);

    expect((await sendEvent(t, 'ola.leder', caseId, { type: 'guardians_may_be_informed', note: 'Avklart på nytt med barnevernet.' })).status).toBe(200);
    expect((await getCase(MOTHER, caseId)).status).toBe(200);
    const reported = await sendEvent(t, 'kari.ansatt', caseId, reportEvent({ guardiansInformed: false, reasonGuardiansNotInformed: 'Barnevernet ber oss vente.' }));
    expect(reported.status).toBe(200);
    expect((await getCase(MOTHER, caseId)).status).toBe(404);
  });

  it('from selfConsentAge a guardian does not see a measure added since unless the youth shares; the youth does', async () => {
    const caseId = await youthCase();
    await decideOwnUnit(caseId);
    await addMeasure(caseId);
    const titles = async (pid: string) => (await getCase(pid, caseId).then((r) => r.body.measures)).map((m: { title: string }) => m.title);
    expect(await titles(YOUTH)).toEqual(['Samtaler med helsesykepleier']);
    expect(await titles(MOTHER)).toEqual([]);
    // The second line says the same: the guardian's own identity reads no measure row of the case.
    const [{ hash }] = await db.query(`SELECT "nationalIdHash" AS hash FROM case_guardian WHERE "caseId" = $1`, [caseId]);
    expect(await asCitizen(hash, `SELECT count(*)::int AS n FROM measure WHERE "caseId" = $1`, [caseId])).toEqual([{ n: 0 }]);
    await t.http.post(`/api/v1/citizen/cases/${caseId}/sharing`).set(await citizen(YOUTH)).send({ shareWithGuardians: true }).expect(200);
    expect(await titles(MOTHER)).toEqual(['Samtaler med helsesykepleier']);
  });

  it("a guardian cannot withdraw the youth's own consent; the youth can", async () => {
    const caseId = await youthCase();
    const requestId = await askConsent(caseId);
    const given = await answer(YOUTH, requestId);
    expect([given.status, given.body.status]).toEqual([200, 'in_effect']);
    const byGuardian = await withdraw(MOTHER, given.body.consentId);
    expect([byGuardian.status, byGuardian.body.code]).toEqual([403, 'NOT_ASKED']);
    expect((await withdraw(YOUTH, given.body.consentId)).status).toBe(200);
  });

  it("a child under selfConsentAge cannot withdraw the guardians' consent; a guardian can", async () => {
    const caseId = await childCase();
    const requestId = await askConsent(caseId);
    const given = await answer(MOTHER, requestId);
    expect([given.status, given.body.status]).toEqual([200, 'in_effect']);
    const byChild = await withdraw(CHILD, given.body.consentId);
    expect([byChild.status, byChild.body.code]).toEqual([403, 'NOT_ASKED']);
    expect((await withdraw(MOTHER, given.body.consentId)).status).toBe(200);
  });

  it('on a closed case the family can neither answer, withdraw nor add a statement: 422 TRANSITION_NOT_ALLOWED, and the case does not change', async () => {
    const caseId = await familyCase({ nationalId: CHILD, birthDate: '2020-09-14' }, [[MOTHER, 'Mona', 'mor'], [FATHER, 'Per', 'far']]);
    const first = await askConsent(caseId);
    const second = await askConsent(caseId);
    expect((await answer(MOTHER, first)).status).toBe(200);
    const inEffect = await answer(FATHER, first);
    expect(inEffect.body.status).toBe('in_effect');
    expect((await answer(MOTHER, second)).status).toBe(200);
    expect((await sendEvent(t, 'ola.leder', caseId, CLOSE)).status).toBe(200);
    const [before] = await db.query(`SELECT version FROM bti_case WHERE id = $1`, [caseId]);

    const answered = await answer(FATHER, second);
    const withdrawn = await withdraw(FATHER, inEffect.body.consentId);
    const said = await t.http.post(`/api/v1/citizen/cases/${caseId}/statements`).set(await citizen(MOTHER)).send({ text: 'Hei' });
    for (const res of [answered, withdrawn, said]) expect([res.status, res.body.code]).toEqual([422, 'TRANSITION_NOT_ALLOWED']);
    const [after] = await db.query(`SELECT version FROM bti_case WHERE id = $1`, [caseId]);
    expect(after.version).toBe(before.version);
    const [consent] = await db.query(`SELECT "withdrawnAt" FROM consent WHERE id = $1`, [inEffect.body.consentId]);
    expect(consent.withdrawnAt).toBeNull();
    expect(await db.query(`SELECT id FROM consent WHERE "caseId" = $1`, [caseId])).toHaveLength(1);
  });

  it('an answer after the request has expired is refused with 409 and records nothing', async () => {
    const caseId = await childCase();
    const requestId = await askConsent(caseId);
    await db.query(`UPDATE consent_request SET "validUntil" = now() - interval '1 minute' WHERE id = $1`, [requestId]);
    const late = await answer(MOTHER, requestId);
    expect([late.status, late.body.code]).toEqual([409, 'REQUEST_EXPIRED']);
    expect(await db.query(`SELECT id FROM consent WHERE "caseId" = $1`, [caseId])).toEqual([]);
  });

  it('the unit leader can release a closed case to the family (citizens keep access until deletion); no one else can', async () => {
    const caseId = await childCase();
    expect((await sendEvent(t, 'kari.ansatt', caseId, reportEvent({ guardiansInformed: false, reasonGuardiansNotInformed: 'Barnevernet ber oss vente.' }))).status).toBe(200);
    expect((await sendEvent(t, 'ola.leder', caseId, CLOSE)).status).toBe(200);
    expect((await getCase(MOTHER, caseId)).status).toBe(404);
    expect((await sendEvent(t, 'kari.ansatt', caseId, { type: 'guardians_may_be_informed', note: 'Kan orienteres.' })).status).toBe(403);
    const released = await sendEvent(t, 'ola.leder', caseId, { type: 'guardians_may_be_informed', note: 'Barnevernet har vært i kontakt med familien.' });
    expect([released.status, released.body.status]).toEqual([200, 'closed']);
    expect((await getCase(MOTHER, caseId)).status).toBe(200);
  });

  it("a measure's evaluation deadline starts at the start of the Oslo day, as the staff see it", async () => {
    const caseId = await childCase();
    await decideOwnUnit(caseId);
    await addMeasure(caseId, osloDay(20));
    const citizenDue = (await getCase(MOTHER, caseId)).body.deadlines.find((d: { kind: string }) => d.kind === 'measure_evaluation').dueAt;
    const staffDue = (await t.http.get(`/api/v1/cases/${caseId}`).set(await t.auth('kari.ansatt'))).body.deadlines.find((d: { kind: string }) => d.kind === 'evaluation_due').dueAt;
    expect(citizenDue).toBe(staffDue);
    expect(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit' }).format(new Date(citizenDue))).toBe('00:00');
  });

  describe('the second line (the API’s login)', () => {
    let api: pg.Client;
    beforeAll(async () => {
      api = new pg.Client({ connectionString: logins.api });
      await api.connect();
    });
    afterAll(() => api?.end());

    /** As the API's login in a rolled-back transaction, with a citizen identity set as RowSecurity.asCitizen sets it. */
    async function asApi(sql: string, params: unknown[], hmac?: string) {
      await api.query('BEGIN');
      try {
        if (hmac) await api.query(`SELECT set_config('bti.citizen_hmac', $1, true), set_config('role', 'bti_app', true)`, [hmac]);
        return (await api.query(sql, params)).rows;
      } finally {
        await api.query('ROLLBACK');
      }
    }

    it('no login but the owner may ask about another citizen: the HMAC-taking functions are not executable', async () => {
      const caseId = await childCase();
      const [{ hash }] = await db.query(`SELECT "nationalIdHash" AS hash FROM case_guardian WHERE "caseId" = $1`, [caseId]);
      await expect(asApi(`SELECT bti_citizen_relation_of($1, $2)`, [caseId, hash])).rejects.toThrow(/permission denied/);
      await expect(asApi(`SELECT bti_citizen_sees_entry_of($1, now(), NULL, $2)`, [caseId, hash])).rejects.toThrow(/permission denied/);
      await expect(asApi(`SELECT bti_citizen_relation_of($1, $2)`, [caseId, hash], 'x'.repeat(64))).rejects.toThrow(/permission denied/);
      // The session's own identity still answers.
      expect(await asApi(`SELECT bti_citizen_relation($1) AS r`, [caseId], hash)).toEqual([{ r: 'guardian' }]);
    });

    it('a citizen identity may change only the columns a withdrawal changes on its case', async () => {
      const caseId = await childCase();
      const [{ hash }] = await db.query(`SELECT "nationalIdHash" AS hash FROM case_guardian WHERE "caseId" = $1`, [caseId]);
      await expect(asApi(`UPDATE bti_case SET "assigneeId" = NULL WHERE id = $1`, [caseId], hash)).rejects.toThrow(/a citizen may change only/);
      await expect(asApi(`UPDATE bti_case SET status = 'closed' WHERE id = $1`, [caseId], hash)).rejects.toThrow(/a citizen may change only/);
      expect(await asApi(`UPDATE bti_case SET level = level, version = version + 1 WHERE id = $1 RETURNING 1 AS ok`, [caseId], hash)).toEqual([{ ok: 1 }]);
    });
  });

  /** A query as the citizen's identity through the API's login, rolled back. */
  async function asCitizen(hmac: string, sql: string, params: unknown[]) {
    const client = new pg.Client({ connectionString: logins.api });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('bti.citizen_hmac', $1, true), set_config('role', 'bti_app', true)`, [hmac]);
      return (await client.query(sql, params)).rows;
    } finally {
      await client.end();
    }
  }
});
