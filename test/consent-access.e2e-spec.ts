import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from './harness/test-app.js';
import { caseEtag, logConcern, sendEvent, userId } from './harness/cases.js';
import { reportEvent } from './harness/child-welfare-report.js';

import { jest } from '@jest/globals';

// Explicit, and enough for the hooks: they start the API on the harness database (the first file
// also migrates it), which takes tens of seconds on a loaded 2-core machine.
jest.setTimeout(60_000);

const osloToday = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
const osloDay = (offset: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date(Date.now() + offset * 86_400_000));

describe('consent, anonymous consultation and access outside the unit', () => {
  let t: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    t = await startTestApp();
    db = t.db;
  });
  afterAll(() => t.close());

  const consentBody = (recipients: string[], validUntil = osloDay(30)) => ({
    givenBy: { name: 'Mor Testesen', relation: 'mother' },
    recipients,
    purpose: 'Drøfte tiltak med TFA.',
    form: 'written',
    validUntil,
  });

  /** A case in `deciding` in solsiden-bhg, assigned to kari. */
  async function caseReadyToDecide() {
    const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    const kari = await userId(t, 'kari.ansatt');
    await t.http.put(`/api/v1/cases/${created.id}/assignee`).set(await t.auth('ola.leder')).set('If-Match', '"1"').send({ assigneeId: kari }).expect(200);
    await sendEvent(t, 'ola.leder', created.id, { type: 'start_assessment' });
    await sendEvent(t, 'ola.leder', created.id, { type: 'complete_assessment', summary: 'Vurdert.', guardiansInformed: true });
    return created.id as string;
  }

  const recordConsent = async (caseId: string, recipients: string[], validUntil?: string) =>
    t.http.post(`/api/v1/cases/${caseId}/consents`).set(await t.auth('ola.leder')).set('If-Match', await caseEtag(t, 'ola.leder', caseId)).send(consentBody(recipients, validUntil));

  it('records a consent (201) that is active until the end of its last day, and lists it', async () => {
    const caseId = await caseReadyToDecide();
    const res = await recordConsent(caseId, ['tfa'], osloToday());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'active', recipients: ['tfa'], form: 'written', givenBy: { name: 'Mor Testesen', relation: 'mother' } });
    // Exclusive end: midnight Oslo time after the last valid day.
    expect(new Date(res.body.validUntil).getTime()).toBeGreaterThan(Date.now());
    expect(new Date(res.body.validUntil).getTime() - Date.now()).toBeLessThanOrEqual(86_400_000 + 3_600_000);
    const list = await t.http.get(`/api/v1/cases/${caseId}/consents`).set(await t.auth('kari.ansatt')).expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([res.body.id]);
  });

  it('recording a consent takes If-Match (missing 428, stale 412, nothing written) and answers with the next ETag', async () => {
    const caseId = await caseReadyToDecide();
    const headers = await t.auth('ola.leder');
    const before = await t.http.get(`/api/v1/cases/${caseId}`).set(headers).expect(200);
    const missing = await t.http.post(`/api/v1/cases/${caseId}/consents`).set(headers).send(consentBody(['tfa'])).expect(428);
    expect(missing.body.code).toBe('PRECONDITION_REQUIRED');
    const stale = await t.http.post(`/api/v1/cases/${caseId}/consents`).set(headers).set('If-Match', `"${before.body.version - 1}"`).send(consentBody(['tfa'])).expect(412);
    expect(stale.body.code).toBe('VERSION_MISMATCH');
    expect(await db.query(`SELECT 1 FROM consent WHERE "caseId" = $1`, [caseId])).toHaveLength(0);
    const ok = await t.http.post(`/api/v1/cases/${caseId}/consents`).set(headers).set('If-Match', before.headers.etag).send(consentBody(['tfa'])).expect(201);
    expect(ok.headers.etag).toBe(`"${before.body.version + 1}"`);
    expect((await t.http.get(`/api/v1/cases/${caseId}`).set(headers)).body.version).toBe(before.body.version + 1);
    const doc = (await t.http.get('/docs-json')).body;
    const header = (path: string) => doc.paths[path].post.parameters.find((p: { name: string; in: string }) => p.in === 'header' && p.name === 'If-Match');
    expect(header('/api/v1/cases/{id}/consents').required).toBe(true);
    // The guardian's withdrawal is the one documented exception: honoured when sent, not required.
    expect(header('/api/v1/cases/{id}/consents/{consentId}/withdrawal').required).toBe(false);
  });

  it('validates consents: yesterday, unknown recipient, bad form and relation are 400 naming the field', async () => {
    const caseId = await caseReadyToDecide();
    const yesterday = await recordConsent(caseId, ['tfa'], osloDay(-1));
    expect([yesterday.status, yesterday.body.errors[0].field]).toEqual([400, 'validUntil']);
    const res = await t.http
      .post(`/api/v1/cases/${caseId}/consents`)
      .set(await t.auth('ola.leder'))
      .send({ givenBy: { name: '', relation: 'neighbour' }, recipients: ['mi5'], purpose: 'x', form: 'telepathic', validUntil: '2027-02-30' })
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['form', 'givenBy.name', 'givenBy.relation', 'recipients', 'validUntil']);
  });

  it('staff who are not on the case cannot record consent; an outsider gets 404', async () => {
    const caseId = await caseReadyToDecide();
    const nina = await t.http.post(`/api/v1/cases/${caseId}/consents`).set(await t.auth('nina.ansatt')).send(consentBody(['tfa']));
    expect(nina.status).toBe(404);
  });

  it('decide to tfa: 422 CONSENT_REQUIRED without consent, and with a consent that expired a second ago', async () => {
    const caseId = await caseReadyToDecide();
    const none = await sendEvent(t, 'ola.leder', caseId, { type: 'decide', route: 'tfa', rationale: 'TFA' });
    expect([none.status, none.body.code]).toEqual([422, 'CONSENT_REQUIRED']);
    const recorded = await recordConsent(caseId, ['tfa']);
    await db.query(`UPDATE consent SET "validUntil" = now() - interval '1 second' WHERE id = $1`, [recorded.body.id]);
    const expired = await sendEvent(t, 'ola.leder', caseId, { type: 'decide', route: 'tfa', rationale: 'TFA' });
    expect(expired.body.code).toBe('CONSENT_REQUIRED');
    await db.query(`UPDATE consent SET "validUntil" = now() + interval '1 minute' WHERE id = $1`, [recorded.body.id]);
    const ok = await sendEvent(t, 'ola.leder', caseId, { type: 'decide', route: 'tfa', rationale: 'TFA' });
    expect(ok.body).toMatchObject({ status: 'acting', route: 'tfa', level: 2 });
  });

  it('a consent to another recipient does not cover tfa', async () => {
    const caseId = await caseReadyToDecide();
    await recordConsent(caseId, ['ppt', 'health_station']);
    const res = await sendEvent(t, 'ola.leder', caseId, { type: 'decide', route: 'tfa', rationale: 'TFA' });
    expect(res.body.code).toBe('CONSENT_REQUIRED');
    // …and a consent to the TFA alone does not open the team route (it names no team service).
    const tfaOnly = await caseReadyToDecide();
    await recordConsent(tfaOnly, ['tfa']);
    const team = await sendEvent(t, 'ola.leder', tfaOnly, { type: 'decide', route: 'interdisciplinary_team', rationale: 'Team' });
    expect([team.status, team.body.code]).toEqual([422, 'CONSENT_REQUIRED']);
  });

  it.each([
    ['tfa', 'tor.tfa', 'tfa'],
    ['iks', 'siri.iks', 'iks'],
    ['interdisciplinary_team', 'per.ppt', 'ppt'],
  ])('route %s: %s sees the case identifiable under consent and loses access in the withdrawing request', async (route, outsider, service) => {
    const caseId = await caseReadyToDecide();
    const consent = await recordConsent(caseId, [service]);
    expect((await t.http.get(`/api/v1/cases/${caseId}`).set(await t.auth(outsider))).status).toBe(404);
    const decided = await sendEvent(t, 'ola.leder', caseId, { type: 'decide', route, rationale: 'Trenger flere tjenester.' });
    expect(decided.status).toBe(200);
    const seen = await t.http.get(`/api/v1/cases/${caseId}`).set(await t.auth(outsider)).expect(200);
    expect(seen.body).toMatchObject({ view: 'full', child: { firstName: 'Emma', lastName: 'Testesen' } });
    expect((await t.http.get('/api/v1/cases?pageSize=100').set(await t.auth(outsider))).body.items.some((c: { id: string }) => c.id === caseId)).toBe(true);

    const withdrawn = await t.http
      .post(`/api/v1/cases/${caseId}/consents/${consent.body.id}/withdrawal`)
      .set(await t.auth('ola.leder'))
      .send({ reason: 'Mor trekker samtykket.' })
      .expect(200);
    expect(withdrawn.body.consent.status).toBe('withdrawn');
    expect(withdrawn.headers.etag).toBe(`"${withdrawn.body.case.version}"`);
    expect(withdrawn.body.case).toMatchObject({ route: 'own_unit', level: 1 });

    expect((await t.http.get(`/api/v1/cases/${caseId}`).set(await t.auth(outsider))).status).toBe(404);
    expect((await t.http.get(`/api/v1/cases/${caseId}/log`).set(await t.auth(outsider))).status).toBe(404);
    expect((await t.http.get('/api/v1/cases?pageSize=100').set(await t.auth(outsider))).body.items.some((c: { id: string }) => c.id === caseId)).toBe(false);

    const inside = await t.http.get(`/api/v1/cases/${caseId}`).set(await t.auth('kari.ansatt')).expect(200);
    expect(inside.body).toMatchObject({ route: 'own_unit', level: 1 });
    const notes = await db.query(`SELECT n."recipientId", u.username FROM notification n JOIN app_user u ON u.id = n."recipientId" WHERE n."caseId" = $1 AND n.type = 'consent_withdrawn' ORDER BY u.username`, [caseId]);
    expect(notes.map((n: { username: string }) => n.username)).toEqual(['kari.ansatt', 'ola.leder']);
    const log = await t.http.get(`/api/v1/cases/${caseId}/log`).set(await t.auth('ola.leder'));
    expect(log.body.items.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['consent_recorded', 'consent_withdrawn']));
    // The services in words, never as codes (issue 25).
    expect(log.body.items.find((e: { type: string }) => e.type === 'consent_recorded').text).toMatch(/registrert for: [A-ZÆØÅ][^.]*\(/);
    if (route === 'iks') {
      const referrals = await db.query(`SELECT status, "endReason" FROM iks_referral WHERE "caseId" = $1`, [caseId]);
      expect(referrals).toEqual([{ status: 'ended', endReason: 'consent_withdrawn' }]);
    }
    const again = await t.http.post(`/api/v1/cases/${caseId}/consents/${consent.body.id}/withdrawal`).set(await t.auth('ola.leder')).send({ reason: 'igjen' });
    expect([again.status, again.body.code]).toEqual([409, 'CONSENT_ALREADY_WITHDRAWN']);
  });

  it('withdrawal honours a stale If-Match (412) and changes nothing', async () => {
    const caseId = await caseReadyToDecide();
    const consent = await recordConsent(caseId, ['tfa']);
    const res = await t.http.post(`/api/v1/cases/${caseId}/consents/${consent.body.id}/withdrawal`).set(await t.auth('ola.leder')).set('If-Match', '"1"').send({ reason: 'x' });
    expect([res.status, res.body.code]).toEqual([412, 'VERSION_MISMATCH']);
    const list = await t.http.get(`/api/v1/cases/${caseId}/consents`).set(await t.auth('ola.leder'));
    expect(list.body.items[0].status).toBe('active');
  });

  describe('anonymous consultation with the interdisciplinary team', () => {
    let caseId: string;
    beforeAll(async () => {
      caseId = await caseReadyToDecide();
      const decided = await sendEvent(t, 'ola.leder', caseId, {
        type: 'decide', route: 'interdisciplinary_team', rationale: 'Drøftes anonymt.', anonymous: true, anonymousSummary: 'Jente i barnehage, trist over tid.',
      });
      expect(decided.body).toMatchObject({ route: 'interdisciplinary_team', anonymous: true, level: 2, anonymousSummary: 'Jente i barnehage, trist over tid.' });
    });

    it('an anonymous consultation needs anonymousSummary (400 naming it)', async () => {
      const other = await caseReadyToDecide();
      const res = await sendEvent(t, 'ola.leder', other, { type: 'decide', route: 'interdisciplinary_team', rationale: 'Anonymt.', anonymous: true });
      expect([res.status, res.body.code, res.body.errors.map((e: { field: string }) => e.field)]).toEqual([400, 'VALIDATION_FAILED', ['anonymousSummary']]);
      const long = await sendEvent(t, 'ola.leder', other, { type: 'decide', route: 'interdisciplinary_team', rationale: 'A.', anonymous: true, anonymousSummary: 'x'.repeat(2001) });
      expect([long.status, long.body.errors.map((e: { field: string }) => e.field)]).toEqual([400, ['anonymousSummary']]);
    });

    it('the anonymised viewer sees only what 8.4 lists; the log only types and dates', async () => {
      const res = await t.http.get(`/api/v1/cases/${caseId}`).set(await t.auth('hanne.helse')).expect(200);
      expect(res.body).toMatchObject({
        view: 'anonymised', anonymous: true, unitId: null, reporterId: null, assigneeId: null, childVoice: null,
        anonymousSummary: 'Jente i barnehage, trist over tid.',
        concern: { description: null, childVoice: null, categories: ['care', 'wellbeing'], riskFactors: ['family_conflict'], protectiveFactors: ['trusted_adult'] },
      });
      expect(res.body.clusterId).toEqual(expect.any(String));
      const json = JSON.stringify(res.body);
      for (const secret of ['sluttet å spise', 'lei seg', 'solsiden']) expect(json).not.toContain(secret);
      const log = await t.http.get(`/api/v1/cases/${caseId}/log`).set(await t.auth('per.ppt')).expect(200);
      expect(log.body.items.length).toBeGreaterThan(2);
      for (const entry of log.body.items) expect(entry).toEqual({ id: expect.any(String), type: expect.any(String), actorId: null, author: null, at: expect.any(String), text: null, correctsEntryId: null });
      const leaderLog = await t.http.get(`/api/v1/cases/${caseId}/log`).set(await t.auth('ola.leder')).expect(200);
      expect(leaderLog.body.items.every((e: { text: string | null }) => typeof e.text === 'string')).toBe(true);
    });

    it('an anonymised team member cannot report to child welfare or raise a safety concern (403 FORBIDDEN_ROLE)', async () => {
      for (const event of [reportEvent({ grounds: 'Mistanke.' }), { type: 'raise_safety_concern', note: 'Barnet fortalte noe.' }]) {
        const res = await sendEvent(t, 'per.ppt', caseId, event);
        expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
      }
      const seen = await t.http.get(`/api/v1/cases/${caseId}`).set(await t.auth('per.ppt')).expect(200);
      expect(seen.body.allowedEvents).toEqual([]);
      expect(seen.body.childWelfareReportedAt).toBeNull();
    });

    it('the team member sees the case with no identity field anywhere in the JSON', async () => {
      const headers = await t.auth('per.ppt');
      const res = await t.http.get(`/api/v1/cases/${caseId}`).set(headers).expect(200);
      expect(res.body.view).toBe('anonymised');
      expect(res.body.child).toEqual({ firstName: null, lastName: null, birthDate: null, birthYear: 2021, guardians: null, address: null });
      const list = await t.http.get('/api/v1/cases?pageSize=100').set(headers).expect(200);
      const consents = await t.http.get(`/api/v1/cases/${caseId}/consents`).set(headers).expect(200);
      // Only this case's item: other cases in the shared database may rightly show per.ppt a child identified.
      const item = list.body.items.find((c: { id: string }) => c.id === caseId);
      expect(item).toBeDefined();
      for (const body of [res.body, item, consents.body]) {
        const json = JSON.stringify(body);
        for (const secret of ['Emma', 'Testesen', '13097248022', '2021-03-14', 'Mor Testesen']) expect(json).not.toContain(secret);
      }
    });

    it('the TFA coordinator does not see a case routed to the team', async () => {
      expect((await t.http.get(`/api/v1/cases/${caseId}`).set(await t.auth('tor.tfa'))).status).toBe(404);
    });

    it('withdrawing an unrelated consent keeps the anonymous route', async () => {
      const consent = await recordConsent(caseId, ['ppt']);
      const res = await t.http.post(`/api/v1/cases/${caseId}/consents/${consent.body.id}/withdrawal`).set(await t.auth('ola.leder')).send({ reason: 'x' }).expect(200);
      expect(res.body.case.route).toBe('interdisciplinary_team');
      expect((await t.http.get(`/api/v1/cases/${caseId}`).set(await t.auth('per.ppt'))).status).toBe(200);
    });
  });

  describe('consent to services (DESIGN 8.3)', () => {
    const post = async (caseId: string, body: object) =>
      t.http.post(`/api/v1/cases/${caseId}/consents`).set(await t.auth('ola.leder')).set('If-Match', await caseEtag(t, 'ola.leder', caseId)).send(body);

    it('refuses the round-one arena recipient and anyone without parental responsibility (400 naming the field)', async () => {
      const caseId = await caseReadyToDecide();
      const arena = await post(caseId, consentBody(['interdisciplinary_team']));
      expect([arena.status, arena.body.code, arena.body.errors.map((e: { field: string }) => e.field)]).toEqual([400, 'VALIDATION_FAILED', ['recipients']]);
      const other = await post(caseId, { ...consentBody(['ppt']), givenBy: { name: 'Nabo', relation: 'other' } });
      expect([other.status, other.body.errors.map((e: { field: string }) => e.field)]).toEqual([400, ['givenBy.relation']]);
    });

    it('the child consents alone only from the municipality’s selfConsentAge (demo: 16)', async () => {
      const young = await caseReadyToDecide();
      const child = await post(young, { ...consentBody(['ppt']), givenBy: { name: 'Emma', relation: 'child' } });
      expect([child.status, child.body.errors.map((e: { field: string }) => e.field)]).toEqual([400, ['givenBy.relation']]);
      const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg', { child: { birthDate: '2008-01-10', nationalId: undefined } });
      const sixteen = await post(created.id, { ...consentBody(['ppt']), givenBy: { name: 'Ungdom', relation: 'child' } });
      expect(sixteen.status).toBe(201);
    });

    it('a refusal is recorded with who, which services and when, and grants nothing', async () => {
      const caseId = await caseReadyToDecide();
      const refused = await post(caseId, { givenBy: { name: 'Far Testesen', relation: 'father' }, recipients: ['ppt', 'nav'], purpose: 'Drøfting i team.', form: 'oral', decision: 'refused' });
      expect(refused.status).toBe(201);
      expect(refused.body).toMatchObject({ decision: 'refused', status: 'refused', recipients: ['ppt', 'nav'], givenBy: { name: 'Far Testesen', relation: 'father' }, validUntil: null });
      const decide = await sendEvent(t, 'ola.leder', caseId, { type: 'decide', route: 'interdisciplinary_team', rationale: 'Team.' });
      expect([decide.status, decide.body.code]).toEqual([422, 'CONSENT_REQUIRED']);
      const log = await t.http.get(`/api/v1/cases/${caseId}/log`).set(await t.auth('ola.leder'));
      expect(log.body.items.map((e: { type: string }) => e.type)).toContain('consent_refused');
    });

    it('a team member sees the child only when their service is named; another team service sees it anonymised', async () => {
      const caseId = await caseReadyToDecide();
      await post(caseId, consentBody(['ppt']));
      expect((await sendEvent(t, 'ola.leder', caseId, { type: 'decide', route: 'interdisciplinary_team', rationale: 'Team.' })).status).toBe(200);
      const per = await t.http.get(`/api/v1/cases/${caseId}`).set(await t.auth('per.ppt')).expect(200);
      expect(per.body).toMatchObject({ view: 'full', child: { firstName: 'Emma' } });
      const hanne = await t.http.get(`/api/v1/cases/${caseId}`).set(await t.auth('hanne.helse')).expect(200);
      expect(hanne.body).toMatchObject({ view: 'anonymised', child: { firstName: null }, concern: { description: null } });
      const reported = await sendEvent(t, 'per.ppt', caseId, reportEvent({ grounds: 'Barnet forteller om vold.' }));
      expect(reported.status).toBe(200);
    });

    it('a round-one consent naming the team arena still opens the case to every team service (read, not rewritten)', async () => {
      const caseId = await caseReadyToDecide();
      const kari = await userId(t, 'kari.ansatt');
      await db.query(
        `INSERT INTO consent ("caseId", "givenByName", "givenByRelation", recipients, purpose, form, "recordedById", "validFrom")
         VALUES ($1, 'Mor Testesen', 'mother', ARRAY['interdisciplinary_team'], 'Runde én', 'written', $2, now() - interval '1 minute')`,
        [caseId, kari],
      );
      expect((await sendEvent(t, 'ola.leder', caseId, { type: 'decide', route: 'interdisciplinary_team', rationale: 'Team.' })).status).toBe(200);
      for (const member of ['per.ppt', 'hanne.helse']) {
        expect((await t.http.get(`/api/v1/cases/${caseId}`).set(await t.auth(member)).expect(200)).body.view).toBe('full');
      }
      expect((await t.http.get(`/api/v1/cases/${caseId}`).set(await t.auth('tor.tfa'))).status).toBe(404);
    });
  });
});
