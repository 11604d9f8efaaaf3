import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from './harness/test-app.js';
import { caseEtag, logConcern, sendEvent, unitIds, userId } from './harness/cases.js';

import { jest } from '@jest/globals';

// Explicit, and enough for the hooks: they start the API on the harness database (the first file
// also migrates it), which takes tens of seconds on a loaded 2-core machine.
jest.setTimeout(60_000);

/** IKS queue, acceptance, return, competence orders and end (issue 7). */
describe('IKS referrals', () => {
  let t: TestApp;
  let ds: DataSource;
  let ids: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    ds = t.db;
    ids = {};
    for (const u of ['kari.ansatt', 'ola.leder', 'berit.leder', 'siri.iks', 'lars.analytiker']) ids[u] = await userId(t, u);
    await unitIds(t);
  });
  afterAll(() => t.close());

  const as = (username: string) => t.auth(username);

  async function consent(caseId: string, recipients = ['iks']) {
    await ds.query(
      `INSERT INTO consent ("caseId", "givenByName", "givenByRelation", recipients, purpose, form, "recordedById", "validFrom")
       VALUES ($1, 'Mor Testesen', 'mor', $2, 'Samarbeid med IKS', 'written', $3, now() - interval '1 minute')`,
      [caseId, recipients, ids['ola.leder']],
    );
  }

  /** A solsiden case in `deciding` with an IKS consent. */
  async function decidingCase(concern: object = {}) {
    const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg', { concern });
    expect((await sendEvent(t, 'ola.leder', created.id, { type: 'start_assessment' })).status).toBe(200);
    const done = await sendEvent(t, 'ola.leder', created.id, { type: 'complete_assessment', summary: 'Sammensatt.', guardiansInformed: true, childView: 'Vil ha hjelp.' });
    expect(done.status).toBe(200);
    await consent(created.id);
    return created.id as string;
  }

  async function referredCase(concern: object = {}) {
    const caseId = await decidingCase(concern);
    const res = await sendEvent(t, 'ola.leder', caseId, { type: 'decide', route: 'iks', rationale: 'Behov for samtidig innsats fra flere tjenester.', assigneeId: await userId(t, 'kari.ansatt') });
    expect(res.status).toBe(200);
    const [referral] = await ds.query(`SELECT id FROM iks_referral WHERE "caseId" = $1 AND status = 'referred'`, [caseId]);
    return { caseId, referralId: referral.id as string };
  }

  const acceptance = { priority: 2, coreGroup: ['slt_coordinator', 'ppt', 'child_welfare'], entryPlan: 'Oppstartsmøte med foresatte innen en uke.', exitCriteria: 'Stabilt oppmøte i barnehagen i fire uker.' };

  it('only unit leaders refer: the assignee may not decide iks; the leader may, and a referral appears', async () => {
    const caseId = await decidingCase();
    await t.http.put(`/api/v1/cases/${caseId}/assignee`).set(await as('ola.leder')).set('If-Match', (await t.http.get(`/api/v1/cases/${caseId}`).set(await as('ola.leder'))).headers.etag).send({ assigneeId: ids['kari.ansatt'] }).expect(200);
    const byAssignee = await sendEvent(t, 'kari.ansatt', caseId, { type: 'decide', route: 'iks', rationale: 'x' });
    expect([byAssignee.status, byAssignee.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    expect(await ds.query(`SELECT 1 FROM iks_referral WHERE "caseId" = $1`, [caseId])).toHaveLength(0);

    const byLeader = await sendEvent(t, 'ola.leder', caseId, { type: 'decide', route: 'iks', rationale: 'Komplekst.' });
    expect(byLeader.body).toMatchObject({ status: 'acting', route: 'iks', level: 3 });
    const mine = await t.http.get(`/api/v1/cases/${caseId}/iks-referrals`).set(await as('ola.leder')).expect(200);
    expect(mine.body).toHaveLength(1);
    expect(mine.body[0]).toMatchObject({ caseId, status: 'referred', fromLevel: 0, escalation: false, referredById: ids['ola.leder'], priority: null });
    const notes = await ds.query(`SELECT type FROM notification WHERE "caseId" = $1 AND "recipientId" = $2`, [caseId, ids['siri.iks']]);
    expect(notes).toEqual([{ type: 'iks_referred' }]);
    // The coordinator sees the case (route iks under consent); a stranger does not see its referrals.
    await t.http.get(`/api/v1/cases/${caseId}`).set(await as('siri.iks')).expect(200);
    await t.http.get(`/api/v1/cases/${caseId}/iks-referrals`).set(await as('berit.leder')).expect(404);
  });

  it('only the IKS coordinator accepts or returns (403 for those who see the case, 404 for those who do not), and the queue is theirs', async () => {
    const { referralId } = await referredCase();
    // A decision is a command on the case: who cannot see it learns nothing of it (404), as everywhere.
    for (const [username, status] of [['ola.leder', 403], ['kari.ansatt', 403], ['tor.tfa', 404], ['lars.analytiker', 404]] as const) {
      const accept = await t.http.post(`/api/v1/iks/referrals/${referralId}/acceptance`).set(await as(username)).send(acceptance);
      expect([username, accept.status]).toEqual([username, status]);
      if (status === 403) expect(accept.body.code).toBe('FORBIDDEN_ROLE');
      const ret = await t.http.post(`/api/v1/iks/referrals/${referralId}/return`).set(await as(username)).send({ reason: 'x' });
      expect([username, ret.status]).toEqual([username, status]);
      expect((await t.http.get('/api/v1/iks/referrals').set(await as(username))).status).toBe(403);
    }
    await t.http.post('/api/v1/iks/referrals/00000000-0000-4000-8000-000000000000/acceptance').set(await as('siri.iks')).send(acceptance).expect(404);
  });

  it('accepts with priority, core group, entry plan and exit criteria: version bumped, log written, leader notified', async () => {
    const { caseId, referralId } = await referredCase();
    const before = await t.http.get(`/api/v1/cases/${caseId}`).set(await as('ola.leder'));
    // The decision changes the case: it takes the case's If-Match (missing → 428, stale → 412, nothing written).
    const missing = await t.http.post(`/api/v1/iks/referrals/${referralId}/acceptance`).set(await as('siri.iks')).send(acceptance).expect(428);
    expect(missing.body.code).toBe('PRECONDITION_REQUIRED');
    const stale = await t.http.post(`/api/v1/iks/referrals/${referralId}/acceptance`).set(await as('siri.iks')).set('If-Match', `"${before.body.version - 1}"`).send(acceptance).expect(412);
    expect(stale.body.code).toBe('VERSION_MISMATCH');
    expect(await ds.query(`SELECT status FROM iks_referral WHERE id = $1`, [referralId])).toEqual([{ status: 'referred' }]);
    const res = await t.http.post(`/api/v1/iks/referrals/${referralId}/acceptance`).set(await as('siri.iks')).set('If-Match', await caseEtag(t, 'siri.iks', caseId)).send(acceptance).expect(200);
    expect(res.headers.etag).toBe(`"${before.body.version + 1}"`);
    expect(res.body).toMatchObject({ id: referralId, status: 'accepted', priority: 2, coreGroup: acceptance.coreGroup, entryPlan: acceptance.entryPlan, exitCriteria: acceptance.exitCriteria });
    expect(res.body.acceptedAt).toEqual(expect.any(String));
    const after = await t.http.get(`/api/v1/cases/${caseId}`).set(await as('ola.leder'));
    expect(after.body.version).toBe(before.body.version + 1);
    expect(after.body).toMatchObject({ status: 'acting', route: 'iks' });
    const log = await t.http.get(`/api/v1/cases/${caseId}/log`).set(await as('ola.leder'));
    const entry = log.body.items.find((e: { type: string }) => e.type === 'iks_accepted');
    expect(entry.text).toMatch(/IKS har tatt imot saken.*Prioritet: høy/s);
    expect(await ds.query(`SELECT status FROM scheduled_reminder WHERE "caseId" = $1 AND kind = 'iks_pending'`, [caseId])).toEqual([{ status: 'cancelled' }]);
    expect(await ds.query(`SELECT type FROM notification WHERE "caseId" = $1 AND "recipientId" = $2`, [caseId, ids['ola.leder']])).toEqual([{ type: 'iks_accepted' }]);
    const audited = await ds.query(`SELECT action FROM audit_event WHERE "caseId" = $1 AND "actorId" = $2`, [caseId, ids['siri.iks']]);
    expect(audited.map((a: { action: string }) => a.action)).toContain('iks.accept');
    const again = await t.http.post(`/api/v1/iks/referrals/${referralId}/acceptance`).set(await as('siri.iks')).set('If-Match', await caseEtag(t, 'siri.iks', caseId)).send(acceptance).expect(422);
    expect(again.body.code).toBe('IKS_REFERRAL_STATUS');
    // The unit leader follows the status on the case.
    const mine = await t.http.get(`/api/v1/cases/${caseId}/iks-referrals`).set(await as('ola.leder')).expect(200);
    expect(mine.body[0].status).toBe('accepted');
  });

  it('validates the acceptance: core group codes from the profile, every field named', async () => {
    const { caseId, referralId } = await referredCase();
    const bad = await t.http.post(`/api/v1/iks/referrals/${referralId}/acceptance`).set(await as('siri.iks')).set('If-Match', await caseEtag(t, 'siri.iks', caseId)).send({ ...acceptance, coreGroup: ['ppt', 'astrology', 'ppt'] }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['coreGroup[1]', 'coreGroup[2]']);
    const empty = await t.http.post(`/api/v1/iks/referrals/${referralId}/acceptance`).set(await as('siri.iks')).set('If-Match', await caseEtag(t, 'siri.iks', caseId)).send({ coreGroup: [], entryPlan: '  ', priority: 9, extra: 1 }).expect(400);
    expect(empty.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['priority', 'coreGroup', 'entryPlan', 'exitCriteria', 'extra']));
    const member = await t.http.post(`/api/v1/iks/referrals/${referralId}/acceptance`).set(await as('siri.iks')).set('If-Match', await caseEtag(t, 'siri.iks', caseId)).send({ ...acceptance, memberIds: [ids['kari.ansatt']] }).expect(400);
    expect(member.body.errors[0].field).toBe('memberIds[0]');
    const [row] = await ds.query(`SELECT status FROM iks_referral WHERE id = $1`, [referralId]);
    expect(row.status).toBe('referred');
  });

  it('orders the queue by score, and a manual priority wins', async () => {
    const high = await referredCase({ suspectedViolenceOrAbuse: true, riskFactors: ['harmful_care', 'serious_violations', 'family_conflict'] });
    const low = await referredCase({ riskFactors: [] });
    const mid = await referredCase({ riskFactors: ['family_conflict', 'living_conditions', 'concerning_absence'] });
    const mine = [high.referralId, low.referralId, mid.referralId];
    const order = async () => {
      const res = await t.http.get('/api/v1/iks/referrals?status=referred&pageSize=200').set(await as('siri.iks')).expect(200);
      return res.body.items.filter((i: { id: string }) => mine.includes(i.id));
    };
    const first = await order();
    expect(first.map((i: { id: string }) => i.id)).toEqual([high.referralId, mid.referralId, low.referralId]);
    expect(first.map((i: { score: { total: number } }) => i.score.total)).toEqual([55, 15, 0]);
    expect(first[0]).toMatchObject({ suspectedViolenceOrAbuse: true, riskFactorCount: 3, score: { suspectedViolenceOrAbuse: 40, riskFactors: 15, level: 0, waitingDays: 0 } });

    await t.http.post(`/api/v1/iks/referrals/${low.referralId}/priority`).set(await as('siri.iks')).send({ priority: 1 }).expect(200);
    await t.http.post(`/api/v1/iks/referrals/${high.referralId}/priority`).set(await as('siri.iks')).send({ priority: 4 }).expect(200);
    expect((await order()).map((i: { id: string }) => i.id)).toEqual([low.referralId, mid.referralId, high.referralId]);
    await t.http.post(`/api/v1/iks/referrals/${high.referralId}/priority`).set(await as('siri.iks')).send({ priority: null }).expect(200);
    expect((await order()).map((i: { id: string }) => i.id)).toEqual([low.referralId, high.referralId, mid.referralId]);
    await t.http.post(`/api/v1/iks/referrals/${high.referralId}/priority`).set(await as('siri.iks')).send({ priority: 7 }).expect(400);
    await t.http.post(`/api/v1/iks/referrals/${high.referralId}/priority`).set(await as('ola.leder')).send({ priority: 1 }).expect(403);
  });

  it('the view carries the case version it read: a decision sent with it is refused (412) once the case has moved on; priority is set before intake', async () => {
    const { caseId, referralId } = await referredCase({ suspectedViolenceOrAbuse: true, riskFactors: ['family_conflict'] });
    const seen = (await t.http.get(`/api/v1/iks/referrals/${referralId}`).set(await as('siri.iks')).expect(200)).body;
    expect(`"${seen.caseVersion}"`).toBe(await caseEtag(t, 'siri.iks', caseId));
    expect(seen.score.explanation).toMatch(/^Poengsum \d+ av 100: mistanke om vold eller overgrep \(\+40\)/);
    const prioritised = await t.http.post(`/api/v1/iks/referrals/${referralId}/priority`).set(await as('siri.iks')).send({ priority: 1 }).expect(200);
    expect(prioritised.body).toMatchObject({ status: 'referred', priority: 1, caseVersion: seen.caseVersion });
    // Meanwhile the unit leader writes on the case: the version the coordinator saw is stale.
    await t.http.post(`/api/v1/cases/${caseId}/log`).set(await as('ola.leder')).set('If-Match', await caseEtag(t, 'ola.leder', caseId)).send({ type: 'note', text: 'Nytt fra foreldremøtet.' }).expect(201);
    const stale = await t.http.post(`/api/v1/iks/referrals/${referralId}/acceptance`).set(await as('siri.iks')).set('If-Match', `"${seen.caseVersion}"`).send(acceptance);
    expect(stale.status).toBe(412);
    const fresh = (await t.http.get(`/api/v1/iks/referrals/${referralId}`).set(await as('siri.iks')).expect(200)).body;
    const accepted = await t.http.post(`/api/v1/iks/referrals/${referralId}/acceptance`).set(await as('siri.iks')).set('If-Match', `"${fresh.caseVersion}"`).send(acceptance).expect(200);
    expect(accepted.headers.etag).toBe(`"${accepted.body.caseVersion}"`);
  });

  it('reports capacity: active cases and this year’s intake against the profile’s 10–15', async () => {
    const { caseId, referralId } = await referredCase();
    const before = (await t.http.get('/api/v1/iks/referrals').set(await as('siri.iks')).expect(200)).body.capacity;
    expect(before).toMatchObject({ yearlyRange: { min: 10, max: 15 }, level: expect.stringMatching(/^(available|limited|full)$/) });
    await t.http.post(`/api/v1/iks/referrals/${referralId}/acceptance`).set(await as('siri.iks')).set('If-Match', await caseEtag(t, 'siri.iks', caseId)).send(acceptance).expect(200);
    const after = (await t.http.get('/api/v1/iks/referrals').set(await as('siri.iks')).expect(200)).body.capacity;
    expect(after.activeCases).toBe(before.activeCases + 1);
    expect(after.acceptedThisYear).toBe(before.acceptedThisYear + 1);
    expect(after.pendingReferrals).toBe(before.pendingReferrals - 1);
    expect(after.remainingThisYear).toBe(Math.max(0, 15 - after.acceptedThisYear));
    expect(after.level).toBe(after.acceptedThisYear >= 15 ? 'full' : after.acceptedThisYear >= 10 ? 'limited' : 'available');
    expect(after.message).toMatch(/IKS/);
  });

  it('a return sends the case back to deciding, notifies the unit leader, and the leader decides again', async () => {
    const { caseId, referralId } = await referredCase();
    const missing = await t.http.post(`/api/v1/iks/referrals/${referralId}/return`).set(await as('siri.iks')).set('If-Match', await caseEtag(t, 'siri.iks', caseId)).send({ reason: ' ' }).expect(400);
    expect(missing.body.errors[0].field).toBe('reason');
    const before = await t.http.get(`/api/v1/cases/${caseId}`).set(await as('ola.leder'));
    const res = await t.http.post(`/api/v1/iks/referrals/${referralId}/return`).set(await as('siri.iks')).set('If-Match', await caseEtag(t, 'siri.iks', caseId)).send({ reason: 'Kan løses i tverrfaglig team.' }).expect(200);
    expect(res.body).toMatchObject({ status: 'returned', returnReason: 'Kan løses i tverrfaglig team.', score: null });

    const now = await t.http.get(`/api/v1/cases/${caseId}`).set(await as('ola.leder')).expect(200);
    expect(now.body).toMatchObject({ status: 'deciding', route: null, level: 0, version: before.body.version + 1 });
    const log = await t.http.get(`/api/v1/cases/${caseId}/log`).set(await as('ola.leder'));
    expect(log.body.items.at(-1)).toMatchObject({ type: 'iks_returned', actorId: ids['siri.iks'] });
    expect(log.body.items.at(-1).text).toMatch(/tilbake til beslutning.*Kan løses i tverrfaglig team/);
    const notes = await ds.query(`SELECT type FROM notification WHERE "caseId" = $1 AND "recipientId" = $2`, [caseId, ids['ola.leder']]);
    expect(notes).toEqual([{ type: 'iks_returned' }]);
    // Off the IKS route, the coordinator no longer sees the case; the queue still lists the referral.
    await t.http.get(`/api/v1/cases/${caseId}`).set(await as('siri.iks')).expect(404);
    const returned = await t.http.get('/api/v1/iks/referrals?status=returned&pageSize=200').set(await as('siri.iks')).expect(200);
    expect(returned.body.items.some((i: { id: string }) => i.id === referralId)).toBe(true);
    // A returned referral is answered: no second return or acceptance.
    await t.http.post(`/api/v1/iks/referrals/${referralId}/return`).set(await as('siri.iks')).set('If-Match', await caseEtag(t, 'siri.iks', caseId)).send({ reason: 'igjen' }).expect(422);
    const decided = await sendEvent(t, 'ola.leder', caseId, { type: 'decide', route: 'own_unit', rationale: 'Egen enhet først.', assigneeId: await userId(t, 'kari.ansatt') });
    expect(decided.body).toMatchObject({ status: 'acting', route: 'own_unit' });
  });

  it('competence orders: the coordinator orders from a unit leader, who alone acknowledges', async () => {
    const { caseId, referralId } = await referredCase();
    const early = await t.http.post(`/api/v1/iks/referrals/${referralId}/orders`).set(await as('siri.iks')).send({ serviceCode: 'ppt', unitLeaderId: ids['berit.leder'], note: 'x' }).expect(422);
    expect(early.body.code).toBe('IKS_REFERRAL_STATUS');
    await t.http.post(`/api/v1/iks/referrals/${referralId}/acceptance`).set(await as('siri.iks')).set('If-Match', await caseEtag(t, 'siri.iks', caseId)).send(acceptance).expect(200);
    const noNote = await t.http.post(`/api/v1/iks/referrals/${referralId}/orders`).set(await as('siri.iks')).send({ serviceCode: 'ppt', unitLeaderId: 'x', note: '' }).expect(400);
    expect(noNote.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['note', 'unitLeaderId']);
    const bad = await t.http.post(`/api/v1/iks/referrals/${referralId}/orders`).set(await as('siri.iks')).send({ serviceCode: 'astrology', unitLeaderId: ids['kari.ansatt'], note: 'x' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['serviceCode', 'unitLeaderId']);
    await t.http.post(`/api/v1/iks/referrals/${referralId}/orders`).set(await as('ola.leder')).send({ serviceCode: 'ppt', unitLeaderId: ids['berit.leder'], note: 'x' }).expect(403);

    const order = await t.http.post(`/api/v1/iks/referrals/${referralId}/orders`).set(await as('siri.iks')).send({ serviceCode: 'health_station', unitLeaderId: ids['berit.leder'], note: 'Helsesykepleier i kjernegruppen.' }).expect(201);
    expect(order.body).toMatchObject({ referralId, caseId, serviceCode: 'health_station', unitLeaderId: ids['berit.leder'], acknowledgedAt: null });
    const inbox = await t.http.get('/api/v1/iks/orders?open=true').set(await as('berit.leder')).expect(200);
    expect(inbox.body.items.map((o: { id: string }) => o.id)).toContain(order.body.id);
    expect((await t.http.get('/api/v1/iks/orders').set(await as('ola.leder')).expect(200)).body.items.map((o: { id: string }) => o.id)).not.toContain(order.body.id);
    await t.http.get('/api/v1/iks/orders').set(await as('kari.ansatt')).expect(403);
    expect(await ds.query(`SELECT type FROM notification WHERE "caseId" = $1 AND "recipientId" = $2`, [caseId, ids['berit.leder']])).toEqual([{ type: 'iks_competence_order' }]);

    await t.http.post(`/api/v1/iks/orders/${order.body.id}/acknowledgement`).set(await as('ola.leder')).send({}).expect(404);
    const ack = await t.http.post(`/api/v1/iks/orders/${order.body.id}/acknowledgement`).set(await as('berit.leder')).send({ note: 'Helsesykepleier Hansen stiller.' }).expect(200);
    expect(ack.body).toMatchObject({ acknowledgementNote: 'Helsesykepleier Hansen stiller.', acknowledgedAt: expect.any(String) });
    expect((await t.http.post(`/api/v1/iks/orders/${order.body.id}/acknowledgement`).set(await as('berit.leder')).send({})).status).toBe(409);
    const detail = await t.http.get(`/api/v1/iks/referrals/${referralId}`).set(await as('siri.iks')).expect(200);
    expect(detail.body.orders).toHaveLength(1);
    const log = await t.http.get(`/api/v1/cases/${caseId}/log`).set(await as('ola.leder'));
    expect(log.body.items.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['iks_competence_ordered', 'iks_order_acknowledged']));
  });

  it('ending the IKS involvement checks the exit criteria are met; closing the case ends an open referral', async () => {
    const { caseId, referralId } = await referredCase();
    await t.http.post(`/api/v1/iks/referrals/${referralId}/end`).set(await as('siri.iks')).set('If-Match', await caseEtag(t, 'siri.iks', caseId)).send({ exitCriteriaMet: true, summary: 'x' }).expect(422);
    await t.http.post(`/api/v1/iks/referrals/${referralId}/acceptance`).set(await as('siri.iks')).set('If-Match', await caseEtag(t, 'siri.iks', caseId)).send(acceptance).expect(200);
    const notMet = await t.http.post(`/api/v1/iks/referrals/${referralId}/end`).set(await as('siri.iks')).set('If-Match', await caseEtag(t, 'siri.iks', caseId)).send({ exitCriteriaMet: false, summary: 'Ikke ennå.' }).expect(422);
    expect([notMet.body.code, notMet.body.errors[0].field]).toEqual(['EXIT_CRITERIA_NOT_MET', 'exitCriteriaMet']);
    await t.http.post(`/api/v1/iks/referrals/${referralId}/end`).set(await as('siri.iks')).set('If-Match', await caseEtag(t, 'siri.iks', caseId)).send({ summary: 'x' }).expect(400);
    const ended = await t.http.post(`/api/v1/iks/referrals/${referralId}/end`).set(await as('siri.iks')).set('If-Match', await caseEtag(t, 'siri.iks', caseId)).send({ exitCriteriaMet: true, summary: 'Fire uker stabilt oppmøte.' }).expect(200);
    expect(ended.body).toMatchObject({ status: 'ended', endReason: 'exit_criteria_met', endSummary: 'Fire uker stabilt oppmøte.' });
    const log = await t.http.get(`/api/v1/cases/${caseId}/log`).set(await as('ola.leder'));
    expect(log.body.items.at(-1).type).toBe('iks_ended');

    const other = await referredCase();
    expect((await sendEvent(t, 'ola.leder', other.caseId, { type: 'close', reason: 'moved' })).status).toBe(200);
    const [row] = await ds.query(`SELECT status, "endReason" FROM iks_referral WHERE id = $1`, [other.referralId]);
    expect(row).toEqual({ status: 'ended', endReason: 'case_closed' });
  });

  it('documents the IKS endpoints in OpenAPI', async () => {
    const doc = (await t.http.get('/docs-json')).body;
    expect(doc.paths['/api/v1/iks/referrals'].get.responses['200'].content['application/json'].schema.$ref).toMatch(/IksQueueResponse/);
    expect(doc.paths['/api/v1/iks/referrals/{id}/acceptance'].post.requestBody.content['application/json'].schema.$ref).toMatch(/AcceptReferralDto/);
    expect(doc.paths['/api/v1/iks/referrals/{id}/return'].post.requestBody.content['application/json'].schema.$ref).toMatch(/ReturnReferralDto/);
    expect(doc.paths['/api/v1/iks/referrals/{id}/orders'].post.responses['201']).toBeDefined();
    expect(doc.paths['/api/v1/iks/orders/{orderId}/acknowledgement'].post.responses['200']).toBeDefined();
    expect(doc.paths['/api/v1/iks/referrals'].get.description).toMatch(/\+40/);
    for (const decision of ['acceptance', 'return', 'end']) {
      const op = doc.paths[`/api/v1/iks/referrals/{id}/${decision}`].post;
      expect([decision, op.parameters.find((p: { name: string; in: string }) => p.in === 'header' && p.name === 'If-Match')?.required]).toEqual([decision, true]);
    }
  });
});
