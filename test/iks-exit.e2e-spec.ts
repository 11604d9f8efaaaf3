import { jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from './harness/test-app.js';
import { caseEtag, logConcern, sendEvent, userId } from './harness/cases.js';

// Real servers, a real worker and a loaded machine: every hook and test gets a minute.
jest.setTimeout(60_000);

const osloDay = (offset: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date(Date.now() + offset * 86_400_000));

/** IKS has an exit (DESIGN 8.8, issue 13): entry, acceptance, and the hand-back to the unit. */
describe('IKS exit: the case goes back to the unit', () => {
  let t: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    t = await startTestApp();
    db = t.db;
  }, 60_000);
  afterAll(() => t.close());

  const as = (username: string) => t.auth(username);
  const acceptance = { priority: 2, coreGroup: ['slt_coordinator', 'ppt', 'child_welfare'], entryPlan: 'Oppstartsmøte med foresatte.', exitCriteria: 'Stabil skolegang i seks uker.' };

  /** A solsiden-bhg case entered into IKS under consent and accepted by the coordinator. */
  async function acceptedIksCase(recipients: string[]): Promise<{ caseId: string; referralId: string }> {
    const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    await t.http.put(`/api/v1/cases/${created.id}/assignee`).set(await as('ola.leder')).set('If-Match', '"1"').send({ assigneeId: await userId(t, 'kari.ansatt') }).expect(200);
    await sendEvent(t, 'kari.ansatt', created.id, { type: 'start_assessment' });
    await sendEvent(t, 'kari.ansatt', created.id, { type: 'complete_assessment', summary: 'Sammensatte vansker.', guardiansInformed: true });
    await t.http
      .post(`/api/v1/cases/${created.id}/consents`)
      .set(await as('ola.leder'))
      .set('If-Match', await caseEtag(t, 'ola.leder', created.id))
      .send({ givenBy: { name: 'Mor Testesen', relation: 'mother' }, recipients, purpose: 'Samarbeid i IKS og teamet.', form: 'written', validUntil: osloDay(90) })
      .expect(201);
    const decided = await sendEvent(t, 'ola.leder', created.id, { type: 'decide', route: 'iks', rationale: 'Behov for samtidig innsats.' });
    expect(decided.body).toMatchObject({ route: 'iks', level: 3 });
    const [referral] = await db.query(`SELECT id FROM iks_referral WHERE "caseId" = $1`, [created.id]);
    await t.http.post(`/api/v1/iks/referrals/${referral.id}/acceptance`).set(await as('siri.iks')).set('If-Match', await caseEtag(t, 'siri.iks', created.id)).send(acceptance).expect(200);
    return { caseId: created.id, referralId: referral.id };
  }

  const end = async (referralId: string, caseId: string, body: object) =>
    t.http.post(`/api/v1/iks/referrals/${referralId}/end`).set(await as('siri.iks')).set('If-Match', await caseEtag(t, 'siri.iks', caseId)).send({ exitCriteriaMet: true, summary: 'Seks uker stabil skolegang.', ...body });

  it('an IKS case entered, accepted and ended back to the unit\'s team: route and level step down, IKS loses access, the team sees it', async () => {
    const { caseId, referralId } = await acceptedIksCase(['iks', 'ppt']) // consent to services (DESIGN 8.3): the team's PPT;
    expect((await t.http.get(`/api/v1/cases/${caseId}`).set(await as('siri.iks'))).status).toBe(200);
    const before = await t.http.get(`/api/v1/cases/${caseId}`).set(await as('ola.leder'));

    const ended = await end(referralId, caseId, { handBackRoute: 'interdisciplinary_team' });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ status: 'ended', endReason: 'exit_criteria_met' });
    expect(ended.headers.etag).toBe(`"${before.body.version + 1}"`);

    const after = await t.http.get(`/api/v1/cases/${caseId}`).set(await as('ola.leder'));
    expect(after.body).toMatchObject({ route: 'interdisciplinary_team', level: 2, status: 'acting', version: before.body.version + 1 });
    // IKS is out; the unit's team (per.ppt, cluster sentrum) is in, identified under the consent.
    expect((await t.http.get(`/api/v1/cases/${caseId}`).set(await as('siri.iks'))).status).toBe(404);
    const team = await t.http.get(`/api/v1/cases/${caseId}`).set(await as('per.ppt'));
    expect(team.status).toBe(200);
    expect(team.body.child.firstName).toBe('Emma');
    // The unit leader still follows the ended referral; the log says where the case went.
    const referrals = await t.http.get(`/api/v1/cases/${caseId}/iks-referrals`).set(await as('ola.leder'));
    expect(referrals.body[0]).toMatchObject({ id: referralId, status: 'ended' });
    const last = (await t.http.get(`/api/v1/cases/${caseId}/log`).set(await as('ola.leder'))).body.items.at(-1);
    expect(last).toMatchObject({ type: 'iks_ended', actorId: await userId(t, 'siri.iks') });
    expect(last.text).toContain('tilbake til tverrfaglig team (nivå 2)');
    const pending = await db.query(`SELECT kind FROM scheduled_reminder WHERE "caseId" = $1 AND kind = 'iks_pending' AND status = 'pending'`, [caseId]);
    expect(pending).toEqual([]);
  });

  it('hands back to own_unit by default; to the team only with a consent naming it (422, nothing changed)', async () => {
    const { caseId, referralId } = await acceptedIksCase(['iks']);
    const refused = await end(referralId, caseId, { handBackRoute: 'interdisciplinary_team' });
    expect([refused.status, refused.body.code, refused.body.errors?.[0]?.field]).toEqual([422, 'CONSENT_REQUIRED', 'handBackRoute']);
    const [still] = await db.query(`SELECT status FROM iks_referral WHERE id = $1`, [referralId]);
    expect(still.status).toBe('accepted');
    expect((await t.http.get(`/api/v1/cases/${caseId}`).set(await as('ola.leder'))).body).toMatchObject({ route: 'iks', level: 3 });

    const bad = await end(referralId, caseId, { handBackRoute: 'tfa' });
    expect([bad.status, bad.body.errors?.[0]?.field]).toEqual([400, 'handBackRoute']);

    const ended = await end(referralId, caseId, {});
    expect(ended.status).toBe(200);
    expect((await t.http.get(`/api/v1/cases/${caseId}`).set(await as('ola.leder'))).body).toMatchObject({ route: 'own_unit', level: 1 });
    expect((await t.http.get(`/api/v1/cases/${caseId}`).set(await as('siri.iks'))).status).toBe(404);
  });

  it('documents handBackRoute in OpenAPI', async () => {
    const doc = (await t.http.get('/docs-json')).body;
    expect(doc.components.schemas.EndReferralDto.properties.handBackRoute.enum).toEqual(['interdisciplinary_team', 'own_unit']);
  });
});
