import { DataSource } from 'typeorm';
import { jest } from '@jest/globals';
import { startTestApp, type TestApp } from './harness/test-app.js';
import { caseEtag, logConcern, sendEvent, userId } from './harness/cases.js';
import { reportEvent } from './harness/child-welfare-report.js';

jest.setTimeout(120_000);

// Synthetic national ids (Digdir's convention: month + 80): never a real person's.
const MOTHER = '03888510086';
const FATHER = '21908210015';
const YOUTH = '05901050041';
const UNLINKED = '27927710086';
const CHILD = '14892050083';
const osloDay = (offset: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date(Date.now() + offset * 86_400_000));

describe("the family's access (DESIGN 12.4)", () => {
  let t: TestApp;
  let db: DataSource;
  const citizenTokens = new Map<string, string>();
  beforeAll(async () => {
    t = await startTestApp();
    db = t.db;
  });
  afterAll(() => t.close());

  async function citizen(pid: string): Promise<{ Authorization: string }> {
    if (!citizenTokens.has(pid)) {
      const res = await t.http.post('/api/v1/auth/dev-citizen-login').send({ pid }).expect(200);
      citizenTokens.set(pid, res.body.accessToken);
    }
    return { Authorization: `Bearer ${citizenTokens.get(pid)}` };
  }

  async function addGuardian(caseId: string, pid: string, name: string, relation: string, parentalResponsibility = true) {
    const res = await t.http
      .post(`/api/v1/cases/${caseId}/guardians`)
      .set(await t.auth('kari.ansatt'))
      .set('If-Match', await caseEtag(t, 'kari.ansatt', caseId))
      .send({ nationalId: pid, name, relation, parentalResponsibility, verification: 'document_seen' });
    expect(res.status).toBe(201);
    return res.body;
  }

  async function writeLog(caseId: string, text: string, confidential?: string) {
    const res = await t.http
      .post(`/api/v1/cases/${caseId}/log`)
      .set(await t.auth('kari.ansatt'))
      .set('If-Match', await caseEtag(t, 'kari.ansatt', caseId))
      .send({ type: 'note', text, ...(confidential ? { confidential } : {}) });
    expect(res.status).toBe(201);
    return res.body;
  }

  /** A child of solsiden-bhg with kari as stafettholder and both parents registered with their national ids. */
  async function familyCase(child: object = { nationalId: CHILD, birthDate: '2020-09-14' }) {
    const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg', { child });
    await t.http.put(`/api/v1/cases/${created.id}/assignee`).set(await t.auth('ola.leder')).set('If-Match', '"1"').send({ assigneeId: await userId(t, 'kari.ansatt') }).expect(200);
    return created.id as string;
  }

  describe('guardians as rows (staff)', () => {
    it("turns the concern's guardians into rows, adds a national id to one, registers another, and the case shows them", async () => {
      const caseId = await familyCase();
      const kari = await t.auth('kari.ansatt');
      const listed = await t.http.get(`/api/v1/cases/${caseId}/guardians`).set(kari).expect(200);
      expect(listed.body.items).toEqual([expect.objectContaining({ name: 'Mor Testesen', relation: 'mor', parentalResponsibility: true, nationalId: null, linked: false })]);

      const put = await t.http
        .put(`/api/v1/cases/${caseId}/guardians/${listed.body.items[0].id}`)
        .set(kari)
        .set('If-Match', await caseEtag(t, 'kari.ansatt', caseId))
        .send({ nationalId: MOTHER, verification: 'stated_by_staff' });
      expect(put.status).toBe(200);
      expect(put.body).toEqual(expect.objectContaining({ nationalId: MOTHER, basis: 'stated_by_staff', verifiedBy: await userId(t, 'kari.ansatt'), linked: true }));
      expect(put.headers.etag).toBeDefined();

      const father = await addGuardian(caseId, FATHER, 'Far Testesen', 'far');
      expect(father).toEqual(expect.objectContaining({ id: expect.any(String), nationalId: FATHER, basis: 'document_seen', linked: true }));

      const kase = await t.http.get(`/api/v1/cases/${caseId}`).set(kari).expect(200);
      expect(kase.body.child.guardians.map((g: { name: string }) => g.name)).toEqual(['Mor Testesen', 'Far Testesen']);
      // Stored encrypted, found by HMAC; never in a log line.
      const [row] = await db.query(`SELECT "nationalIdEncrypted", "nationalIdHash" FROM case_guardian WHERE id = $1`, [father.id]);
      expect(row.nationalIdEncrypted).not.toContain(FATHER);
      expect(row.nationalIdHash).toMatch(/^[0-9a-f]{64}$/);
      expect(t.logs.text).not.toContain(FATHER);
    });

    it('refuses a duplicate person (409), a malformed national id naming the field (400), and a missing If-Match (428)', async () => {
      const caseId = await familyCase();
      await addGuardian(caseId, MOTHER, 'Mor', 'mor');
      const kari = await t.auth('kari.ansatt');
      const body = { nationalId: MOTHER, name: 'Mor igjen', relation: 'mor', parentalResponsibility: true, verification: 'document_seen' };
      const dup = await t.http.post(`/api/v1/cases/${caseId}/guardians`).set(kari).set('If-Match', await caseEtag(t, 'kari.ansatt', caseId)).send(body);
      expect([dup.status, dup.body.code]).toEqual([409, 'GUARDIAN_EXISTS']);
      const bad = await t.http
        .post(`/api/v1/cases/${caseId}/guardians`)
        .set(kari)
        .set('If-Match', await caseEtag(t, 'kari.ansatt', caseId))
        .send({ ...body, nationalId: '12345678901', verification: 'registry' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['nationalId', 'verification']);
      expect(JSON.stringify(bad.body)).not.toContain('12345678901');
      expect((await t.http.post(`/api/v1/cases/${caseId}/guardians`).set(kari).send(body)).status).toBe(428);
    });

    it('is 404 for staff who do not see the case', async () => {
      const caseId = await familyCase();
      expect((await t.http.get(`/api/v1/cases/${caseId}/guardians`).set(await t.auth('nina.ansatt'))).status).toBe(404);
    });
  });

  describe('citizen login', () => {
    it('hands out a citizen token for a synthetic identity only, and names the pid field otherwise', async () => {
      const real = await t.http.post('/api/v1/auth/dev-citizen-login').send({ pid: '13097248022' });
      expect(real.status).toBe(400);
      expect(real.body.errors).toEqual([expect.objectContaining({ field: 'pid' })]);
      expect(JSON.stringify(real.body)).not.toContain('13097248022');
      const config = await t.http.get('/api/v1/auth/config').expect(200);
      expect(config.body.demoCitizens.map((c: { pid: string }) => c.pid)).toEqual(expect.arrayContaining([MOTHER, FATHER, YOUTH, UNLINKED]));
    });

    it('refuses a staff token on citizen endpoints and a citizen token on staff endpoints', async () => {
      expect((await t.http.get('/api/v1/citizen/children').set(await t.auth('kari.ansatt'))).status).toBe(401);
      expect((await t.http.get('/api/v1/cases').set(await citizen(MOTHER))).status).toBe(401);
      expect((await t.http.get('/api/v1/citizen/children')).status).toBe(401);
    });

    it('refuses a login below the configured acr with 403 INSUFFICIENT_ACR', async () => {
      const low = await t.http.post('/api/v1/auth/dev-citizen-login').send({ pid: MOTHER, acr: 'idporten-loa-substantial' }).expect(200);
      const res = await t.http.get('/api/v1/citizen/children').set('Authorization', `Bearer ${low.body.accessToken}`);
      expect([res.status, res.body.code]).toEqual([403, 'INSUFFICIENT_ACR']);
    });
  });

  describe('what a guardian sees', () => {
    it("lists the linked child's case, shows it and its log, and 404s an unlinked citizen on every case endpoint", async () => {
      const caseId = await familyCase();
      await addGuardian(caseId, MOTHER, 'Mona Testesen', 'mor');
      await writeLog(caseId, 'Samtale med mor om søvn.');

      const children = await t.http.get('/api/v1/citizen/children').set(await citizen(MOTHER)).expect(200);
      const mine = children.body.items.flatMap((c: { cases: { caseId: string }[] }) => c.cases).find((c: { caseId: string }) => c.caseId === caseId);
      expect(mine).toEqual(expect.objectContaining({ caseId, status: 'discovered', reference: expect.stringMatching(/^BTI-\d{4}-\d{4,}$/) }));
      const child = children.body.items.find((c: { cases: { caseId: string }[] }) => c.cases.some((k) => k.caseId === caseId));
      expect(child).toEqual(expect.objectContaining({ firstName: 'Emma', relation: 'guardian' }));

      const kase = await t.http.get(`/api/v1/citizen/cases/${caseId}`).set(await citizen(MOTHER)).expect(200);
      expect(kase.body).toEqual(expect.objectContaining({ caseId, statusText: 'oppdaget', unitName: expect.any(String), coordinator: expect.objectContaining({ name: expect.any(String) }) }));
      expect(JSON.stringify(kase.body)).not.toContain('Barnet har sluttet å spise lunsj');

      const log = await t.http.get(`/api/v1/citizen/cases/${caseId}/log`).set(await citizen(MOTHER)).expect(200);
      expect(log.body.items.map((e: { text: string }) => e.text)).toEqual(expect.arrayContaining([expect.stringContaining('Samtale med mor om søvn.')]));
      expect(log.body.items[0]).toEqual(expect.objectContaining({ id: expect.any(String), type: expect.any(String), at: expect.any(String), author: expect.any(String) }));

      const stranger = await citizen(UNLINKED);
      expect((await t.http.get('/api/v1/citizen/children').set(stranger).expect(200)).body.items).toEqual([]);
      for (const path of ['', '/log', '/access-log']) expect((await t.http.get(`/api/v1/citizen/cases/${caseId}${path}`).set(stranger)).status).toBe(404);
      expect((await t.http.post(`/api/v1/citizen/cases/${caseId}/statements`).set(stranger).send({ text: 'Hei' })).status).toBe(404);
      expect((await t.http.get('/api/v1/citizen/cases/not-a-uuid').set(stranger)).status).toBe(404);
    });

    it('withholds every confidential kind from guardians and the youth alike, and shows the rest', async () => {
      const caseId = await familyCase({ nationalId: YOUTH, birthDate: '2010-10-05' });
      await addGuardian(caseId, MOTHER, 'Mona', 'mor');
      await sendEventAllowed(caseId);
      await t.http.post(`/api/v1/citizen/cases/${caseId}/sharing`).set(await citizen(YOUTH)).send({ shareWithGuardians: true }).expect(200);
      await writeLog(caseId, 'Vanlig notat.');
      for (const reason of ['child_asked', 'risk_to_child', 'third_party']) await writeLog(caseId, `Hemmelig: ${reason}.`, reason);
      for (const pid of [MOTHER, YOUTH]) {
        const texts = (await t.http.get(`/api/v1/citizen/cases/${caseId}/log`).set(await citizen(pid)).expect(200)).body.items.map((e: { text: string }) => e.text);
        expect(texts).toEqual(expect.arrayContaining([expect.stringContaining('Vanlig notat.')]));
        expect(texts.filter((x: string) => x.includes('Hemmelig'))).toEqual([]);
      }
      // Staff still see them, with the reason.
      const staffLog = await t.http.get(`/api/v1/cases/${caseId}/log`).set(await t.auth('kari.ansatt')).expect(200);
      expect(staffLog.body.items.filter((e: { text: string }) => e.text?.includes('Hemmelig'))).toHaveLength(3);
    });

    it("from selfConsentAge withholds from guardians what the youth has not agreed to share; the youth's choice opens it", async () => {
      const caseId = await familyCase({ nationalId: YOUTH, birthDate: '2010-10-05' });
      await addGuardian(caseId, MOTHER, 'Mona', 'mor');
      await writeLog(caseId, 'Samtale med ungdommen.');
      const guardianSees = async () =>
        (await t.http.get(`/api/v1/citizen/cases/${caseId}/log`).set(await citizen(MOTHER)).expect(200)).body.items.some((e: { text: string }) => e.text.includes('Samtale med ungdommen.'));
      const youthLog = (await t.http.get(`/api/v1/citizen/cases/${caseId}/log`).set(await citizen(YOUTH)).expect(200)).body.items;
      expect(youthLog.some((e: { text: string }) => e.text.includes('Samtale med ungdommen.'))).toBe(true);
      expect(await guardianSees()).toBe(false);
      // Only the youth decides (a guardian gets 404: they are not the youth of this case).
      expect((await t.http.post(`/api/v1/citizen/cases/${caseId}/sharing`).set(await citizen(MOTHER)).send({ shareWithGuardians: true })).status).toBe(404);
      const choice = async (pid: string) => (await t.http.get(`/api/v1/citizen/cases/${caseId}`).set(await citizen(pid)).expect(200)).body;
      expect(await choice(YOUTH)).toEqual(expect.objectContaining({ relation: 'youth', sharing: { decidesFrom: '2026-10-05', shareWithGuardians: false, decidedAt: null, decidedBy: null } }));
      await t.http.post(`/api/v1/citizen/cases/${caseId}/sharing`).set(await citizen(YOUTH)).send({ shareWithGuardians: true }).expect(200);
      expect(await guardianSees()).toBe(true);
      expect((await choice(YOUTH)).sharing).toEqual(expect.objectContaining({ shareWithGuardians: true, decidedBy: 'youth', decidedAt: expect.any(String) }));
      await t.http.post(`/api/v1/citizen/cases/${caseId}/sharing`).set(await citizen(YOUTH)).send({ shareWithGuardians: false }).expect(200);
      expect(await guardianSees()).toBe(false);
      // The case tells the youth their current choice; a guardian is not told it.
      expect((await choice(YOUTH)).sharing).toEqual(expect.objectContaining({ shareWithGuardians: false, decidedBy: 'youth' }));
      expect([(await choice(MOTHER)).relation, (await choice(MOTHER)).sharing]).toEqual(['guardian', null]);
    });

    it('hides a flagged case from its guardians and the youth, and an anonymous consultation from every citizen', async () => {
      const flagged = await logConcern(t, 'kari.ansatt', 'solsiden-bhg', { child: { nationalId: YOUTH, birthDate: '2010-10-05' }, concern: { suspectedViolenceOrAbuse: true } });
      await addGuardian(flagged.id, MOTHER, 'Mona', 'mor');
      for (const pid of [MOTHER, YOUTH]) {
        expect((await t.http.get(`/api/v1/citizen/cases/${flagged.id}`).set(await citizen(pid))).status).toBe(404);
        const listed = (await t.http.get('/api/v1/citizen/children').set(await citizen(pid)).expect(200)).body.items.flatMap((c: { cases: { caseId: string }[] }) => c.cases);
        expect(listed.map((c: { caseId: string }) => c.caseId)).not.toContain(flagged.id);
      }
      const anonymous = await familyCase();
      await addGuardian(anonymous, MOTHER, 'Mona', 'mor');
      await db.query(`UPDATE bti_case SET anonymous = true WHERE id = $1`, [anonymous]);
      expect((await t.http.get(`/api/v1/citizen/cases/${anonymous}`).set(await citizen(MOTHER))).status).toBe(404);
    });
  });

  describe('release of a hidden case (guardians_may_be_informed)', () => {
    it('shows a flagged case to its guardians only after the unit leader records that they may be informed', async () => {
      const flagged = await logConcern(t, 'kari.ansatt', 'solsiden-bhg', { concern: { suspectedViolenceOrAbuse: true } });
      await addGuardian(flagged.id, MOTHER, 'Mona', 'mor');
      expect((await t.http.get(`/api/v1/citizen/cases/${flagged.id}`).set(await citizen(MOTHER))).status).toBe(404);
      expect((await sendEvent(t, 'kari.ansatt', flagged.id, { type: 'guardians_may_be_informed', note: 'Avklart.' })).status).toBe(403);
      const noNote = await sendEvent(t, 'ola.leder', flagged.id, { type: 'guardians_may_be_informed' });
      expect([noNote.status, noNote.body.errors?.[0]?.field]).toEqual([400, 'note']);
      expect((await sendEvent(t, 'ola.leder', flagged.id, { type: 'guardians_may_be_informed', note: 'Barnevernet har sagt at foreldrene kan orienteres.' })).status).toBe(200);
      expect((await t.http.get(`/api/v1/citizen/cases/${flagged.id}`).set(await citizen(MOTHER))).status).toBe(200);
    });

    it('hides a case reported to child welfare without informing the guardians, until released', async () => {
      const caseId = await familyCase();
      await addGuardian(caseId, MOTHER, 'Mona', 'mor');
      expect((await t.http.get(`/api/v1/citizen/cases/${caseId}`).set(await citizen(MOTHER))).status).toBe(200);
      const reported = await sendEvent(t, 'kari.ansatt', caseId, reportEvent({ guardiansInformed: false, reasonGuardiansNotInformed: 'Barnevernet ber oss vente.' }));
      expect(reported.status).toBe(200);
      expect((await t.http.get(`/api/v1/citizen/cases/${caseId}`).set(await citizen(MOTHER))).status).toBe(404);
      expect((await sendEvent(t, 'ola.leder', caseId, { type: 'guardians_may_be_informed', note: 'Barnevernet har vært i kontakt med familien.' })).status).toBe(200);
      expect((await t.http.get(`/api/v1/citizen/cases/${caseId}`).set(await citizen(MOTHER))).status).toBe(200);
    });

    it('refuses the release on a case that is not hidden', async () => {
      const caseId = await familyCase();
      const res = await sendEvent(t, 'ola.leder', caseId, { type: 'guardians_may_be_informed', note: 'Ingenting å frigi.' });
      expect(res.status).toBe(422);
    });
  });

  describe("the family's voice and who has looked", () => {
    it("adds a guardian's statement the workers see, and shows who read or changed the case, the citizen's own reads as «du»", async () => {
      const caseId = await familyCase();
      await addGuardian(caseId, MOTHER, 'Mona', 'mor');
      const said = await t.http.post(`/api/v1/citizen/cases/${caseId}/statements`).set(await citizen(MOTHER)).send({ text: 'Vi ser det samme hjemme.' });
      expect(said.status).toBe(201);
      expect(said.body).toEqual(expect.objectContaining({ type: 'guardian_statement', author: 'du', text: 'Vi ser det samme hjemme.' }));
      const staffLog = await t.http.get(`/api/v1/cases/${caseId}/log`).set(await t.auth('kari.ansatt')).expect(200);
      expect(staffLog.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'guardian_statement', text: 'Vi ser det samme hjemme.' })]));
      const bad = await t.http.post(`/api/v1/citizen/cases/${caseId}/statements`).set(await citizen(MOTHER)).send({ text: '' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['text']);

      await t.http.get(`/api/v1/cases/${caseId}`).set(await t.auth('ola.leder')).expect(200);
      const access = await t.http.get(`/api/v1/citizen/cases/${caseId}/access-log`).set(await citizen(MOTHER)).expect(200);
      expect(access.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: 'Ola Leder', role: 'enhetsleder', unitName: expect.any(String), kind: 'read' }),
          expect.objectContaining({ name: 'du', kind: 'change' }),
        ]),
      );
      // Audited as a citizen, by the HMAC: never the national id.
      const rows = await db.query(`SELECT "actorUsername", action FROM audit_event WHERE "caseId" = $1 AND "actorUsername" LIKE 'citizen:%'`, [caseId]);
      expect(rows.map((r: { action: string }) => r.action)).toEqual(expect.arrayContaining(['citizen.statement', 'citizen.access_log.read']));
      expect(rows.every((r: { actorUsername: string }) => /^citizen:[0-9a-f]{64}$/.test(r.actorUsername))).toBe(true);
      expect(t.logs.text).not.toContain(MOTHER);
    });
  });

  describe('digital consent', () => {
    it('takes effect when both guardians with joint responsibility have given it, is recorded as digital, and a withdrawal acts at once', async () => {
      const caseId = await familyCase();
      await addGuardian(caseId, MOTHER, 'Mona Testesen', 'mor');
      await addGuardian(caseId, FATHER, 'Per Testesen', 'far');
      // The concern's own «Mor Testesen» row has no national id: registering hers links it instead.
      await db.query(`DELETE FROM case_guardian WHERE "caseId" = $1 AND "nationalIdHash" IS NULL`, [caseId]);
      const asked = await t.http
        .post(`/api/v1/cases/${caseId}/consent-requests`)
        .set(await t.auth('kari.ansatt'))
        .set('If-Match', await caseEtag(t, 'kari.ansatt', caseId))
        .send({ services: ['health_station'], purpose: 'Samarbeid med helsesykepleier.', validUntil: osloDay(60) });
      expect(asked.status).toBe(201);
      expect(asked.body).toEqual(expect.objectContaining({ id: expect.any(String), status: 'waiting' }));

      const pending = await t.http.get('/api/v1/citizen/consent-requests').set(await citizen(MOTHER)).expect(200);
      expect(pending.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: asked.body.id, caseId, services: ['health_station'], status: 'waiting' })]));
      const first = await t.http.post(`/api/v1/citizen/consent-requests/${asked.body.id}/answer`).set(await citizen(MOTHER)).send({ answer: 'given' });
      expect([first.status, first.body.status, first.body.consentId]).toEqual([200, 'waiting', undefined]);
      expect((await t.http.post(`/api/v1/citizen/consent-requests/${asked.body.id}/answer`).set(await citizen(UNLINKED)).send({ answer: 'given' })).status).toBe(404);
      const second = await t.http.post(`/api/v1/citizen/consent-requests/${asked.body.id}/answer`).set(await citizen(FATHER)).send({ answer: 'given' });
      expect(second.status).toBe(200);
      expect(second.body).toEqual(expect.objectContaining({ status: 'in_effect', consentId: expect.any(String) }));

      const consents = await t.http.get(`/api/v1/cases/${caseId}/consents`).set(await t.auth('kari.ansatt')).expect(200);
      expect(consents.body.items).toEqual([expect.objectContaining({ id: second.body.consentId, form: 'digital', recordedById: null, status: 'active', recipients: ['health_station'] })]);
      const [stored] = await db.query(`SELECT "citizenHmacs", acr FROM consent WHERE id = $1`, [second.body.consentId]);
      expect([stored.citizenHmacs.length, stored.acr]).toEqual([2, 'idporten-loa-high']);

      const withdrawn = await t.http.post(`/api/v1/citizen/consents/${second.body.consentId}/withdrawal`).set(await citizen(FATHER)).send({ reason: 'Vi vil snakke først.' });
      expect(withdrawn.status).toBe(200);
      const after = await t.http.get(`/api/v1/cases/${caseId}/consents`).set(await t.auth('kari.ansatt')).expect(200);
      expect(after.body.items[0]).toEqual(expect.objectContaining({ status: 'withdrawn' }));
    });

    it('is refused by one refusal, and only the stafettholder may ask', async () => {
      const caseId = await familyCase();
      await addGuardian(caseId, MOTHER, 'Mona', 'mor');
      const body = { services: ['health_station'], purpose: 'Samarbeid.', validUntil: osloDay(30) };
      const notHolder = await t.http.post(`/api/v1/cases/${caseId}/consent-requests`).set(await t.auth('ola.leder')).set('If-Match', await caseEtag(t, 'ola.leder', caseId)).send(body);
      expect(notHolder.status).toBe(403);
      const bad = await t.http.post(`/api/v1/cases/${caseId}/consent-requests`).set(await t.auth('kari.ansatt')).set('If-Match', await caseEtag(t, 'kari.ansatt', caseId)).send({ ...body, services: ['nope'] });
      expect([bad.status, bad.body.errors?.[0]?.field]).toEqual([400, 'services[0]']);
      const asked = await t.http.post(`/api/v1/cases/${caseId}/consent-requests`).set(await t.auth('kari.ansatt')).set('If-Match', await caseEtag(t, 'kari.ansatt', caseId)).send(body).expect(201);
      const refused = await t.http.post(`/api/v1/citizen/consent-requests/${asked.body.id}/answer`).set(await citizen(MOTHER)).send({ answer: 'refused' });
      expect([refused.status, refused.body.status]).toEqual([200, 'refused']);
    });
  });

  /** Not a withheld kind: kept so the sharing test above starts from a case the unit leader opened. */
  async function sendEventAllowed(caseId: string) {
    expect((await sendEvent(t, 'ola.leder', caseId, { type: 'start_assessment' })).status).toBe(200);
  }
});
