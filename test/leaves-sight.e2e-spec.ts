import { jest } from '@jest/globals';
import { startTestApp, type TestApp } from './harness/test-app.js';
import { caseEtag, logConcern, sendEvent, unitIds, userId } from './harness/cases.js';

jest.setTimeout(60_000);

const osloDay = (offset: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date(Date.now() + offset * 86_400_000));

/**
 * Commands after which their actor can no longer see the case (issue 27 item 6): each completes,
 * answers 200 with the case as the caller last saw it and `leftView: true`, and the case is then
 * hidden from them (404). Never a 500 from row-level security refusing the caller's own write.
 */
describe('a command that takes the case out of its actor’s view', () => {
  let t: TestApp;
  let units: Record<string, string>;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestApp();
    units = await unitIds(t);
    for (const u of ['kari.ansatt', 'ola.leder', 'berit.leder']) ids[u] = await userId(t, u);
  }, 60_000);
  afterAll(() => t.close());

  const as = (username: string) => t.auth(username);
  const get = async (username: string, caseId: string) => t.http.get(`/api/v1/cases/${caseId}`).set(await as(username));

  it('decline_handover by a proposed stafettholder with no other link to the case', async () => {
    // The leader reports and coordinates; kari (staff of the unit, not the reporter) is offered the case.
    const created = await logConcern(t, 'ola.leder', 'solsiden-bhg');
    await t.http.put(`/api/v1/cases/${created.id}/assignee`).set(await as('ola.leder')).set('If-Match', '"1"').send({ assigneeId: ids['ola.leder'] }).expect(200);
    await t.http.put(`/api/v1/cases/${created.id}/assignee`).set(await as('ola.leder')).set('If-Match', '"2"').send({ assigneeId: ids['kari.ansatt'] }).expect(200);
    expect((await get('kari.ansatt', created.id)).body.allowedActions).toEqual(expect.arrayContaining(['accept_handover', 'decline_handover']));

    const declined = await sendEvent(t, 'kari.ansatt', created.id, { type: 'decline_handover', reason: 'Har ikke kapasitet nå.' });
    expect([declined.status, declined.body.leftView, declined.body.pendingAssigneeId, declined.body.allowedActions]).toEqual([200, true, null, []]);
    expect(declined.headers.etag).toBe('"4"');
    expect((await get('kari.ansatt', created.id)).status).toBe(404);
    const seen = await get('ola.leder', created.id);
    expect([seen.body.version, seen.body.assigneeId, seen.body.pendingAssigneeId]).toEqual([4, ids['ola.leder'], null]);
    const log = await t.http.get(`/api/v1/cases/${created.id}/log`).set(await as('ola.leder')).expect(200);
    expect(log.body.items.map((e: { type: string }) => e.type)).toContain('decline_handover');
  });

  /** A case of solsiden-bhg (coordinated by its leader) with a pending transfer to bakken-skole. */
  async function transferProposed(): Promise<{ caseId: string; consentId: string }> {
    const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    await t.http.put(`/api/v1/cases/${created.id}/assignee`).set(await as('ola.leder')).set('If-Match', '"1"').send({ assigneeId: ids['kari.ansatt'] }).expect(200);
    const consent = await t.http.post(`/api/v1/cases/${created.id}/consents`).set(await as('ola.leder')).set('If-Match', await caseEtag(t, 'ola.leder', created.id)).send({
      givenBy: { name: 'Mor Testesen', relation: 'mother' },
      recipients: ['receiving_unit'],
      purpose: 'Overføring til skolen ved skolestart.',
      form: 'written',
      validUntil: osloDay(60),
    });
    expect(consent.status).toBe(201);
    const proposed = await sendEvent(t, 'ola.leder', created.id, { type: 'propose_transfer', toUnitId: units['bakken-skole'], rationale: 'Barnet begynner på skolen.' });
    expect(proposed.status).toBe(200);
    return { caseId: created.id, consentId: consent.body.id };
  }

  it('reject_transfer by the receiving unit’s leader', async () => {
    const { caseId } = await transferProposed();
    const rejected = await sendEvent(t, 'berit.leder', caseId, { type: 'reject_transfer', reason: 'Ikke plass.' });
    expect([rejected.status, rejected.body.leftView, rejected.body.transferToUnitId ?? null]).toEqual([200, true, null]);
    expect((await get('berit.leder', caseId)).status).toBe(404);
  });

  it('the receiving unit’s leader withdraws the consent that let the case pass on', async () => {
    const { caseId, consentId } = await transferProposed();
    const withdrawn = await t.http
      .post(`/api/v1/cases/${caseId}/consents/${consentId}/withdrawal`)
      .set(await as('berit.leder'))
      .send({ reason: 'Foreldrene ønsker ikke at skolen får opplysningene.' });
    expect([withdrawn.status, withdrawn.body.leftView, withdrawn.body.consent.status]).toEqual([200, true, 'withdrawn']);
    expect((await get('berit.leder', caseId)).status).toBe(404);
    const seen = await get('ola.leder', caseId);
    expect([seen.body.transferToUnitId ?? null, seen.body.version]).toEqual([null, withdrawn.body.case.version]);
  });

  it('a command after which the actor still sees the case says so (leftView false)', async () => {
    const { caseId, consentId } = await transferProposed();
    const withdrawn = await t.http.post(`/api/v1/cases/${caseId}/consents/${consentId}/withdrawal`).set(await as('ola.leder')).send({ reason: 'Trukket.' });
    expect([withdrawn.status, withdrawn.body.leftView]).toEqual([200, false]);
  });
});
