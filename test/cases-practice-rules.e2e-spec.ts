import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from './harness/test-app.js';
import { caseEtag, logConcern, sendEvent, userId } from './harness/cases.js';
import { reportEvent } from './harness/child-welfare-report.js';

import { jest } from '@jest/globals';

// Explicit, and enough for the hooks: they start the API on the harness database (the first file
// also migrates it), tens of seconds on a loaded 2-core machine.
jest.setTimeout(60_000);

/** DESIGN 8.1 (safety path), 8.2 (decision deadline, coordinator, handover), 8.5 (voices), over HTTP with the demo users. */
describe('practice rules', () => {
  let t: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    t = await startTestApp();
    db = t.db;
  });
  afterAll(() => t.close());

  const reminders = (caseId: string, kind: string) =>
    db.query(`SELECT recipient, "dueAt" FROM scheduled_reminder WHERE "caseId" = $1 AND kind = $2`, [caseId, kind]) as Promise<{ recipient: string; dueAt: Date }[]>;
  const assign = async (caseId: string, assignee: string) =>
    t.http.put(`/api/v1/cases/${caseId}/assignee`).set(await t.auth('ola.leder')).set('If-Match', await caseEtag(t, 'ola.leder', caseId)).send({ assigneeId: await userId(t, assignee) });

  describe('8.1 safety path', () => {
    it.each([
      ['the category violence_abuse', { categories: ['violence_abuse'] }],
      ['a risk factor marked indicatesAbuse', { riskFactors: ['serious_violations'] }],
      ['the checkbox', { suspectedViolenceOrAbuse: true }],
    ])('flags a concern by %s, with bokmål guidance naming the barnevernvakt', async (_what, concern) => {
      const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg', { concern: { suspectedViolenceOrAbuse: false, ...concern } });
      expect(created.flags.suspectedViolenceOrAbuse).toBe(true);
      expect(created.safetyGuidance.message).toMatch(/barnevernvakten/);
      expect(created.safetyGuidance.message).toMatch(/politiet/);
      expect(created.safetyGuidance.message).toMatch(/Ikke konfronter foresatte/);
      // Clock time: exactly 24 hours after the concern, whatever the weekday (8.1).
      const [reminder] = await reminders(created.id, 'child_welfare_report_missing');
      expect(reminder!.dueAt.getTime() - Date.parse(created.createdAt)).toBeGreaterThanOrEqual(24 * 3600_000 - 5_000);
      expect(reminder!.dueAt.getTime() - Date.parse(created.createdAt)).toBeLessThanOrEqual(24 * 3600_000 + 5_000);
    });

    it('an unflagged concern is not flagged and has no guidance', async () => {
      const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
      expect([created.flags.suspectedViolenceOrAbuse, created.safetyGuidance]).toEqual([false, undefined]);
      expect(await reminders(created.id, 'child_welfare_report_missing')).toEqual([]);
    });

    it('raise_safety_concern flags a case later, starts the urgent reminder and is logged', async () => {
      const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
      const missing = await sendEvent(t, 'kari.ansatt', created.id, { type: 'raise_safety_concern' });
      expect([missing.status, missing.body.errors[0].field]).toEqual([400, 'note']);
      const res = await sendEvent(t, 'kari.ansatt', created.id, { type: 'raise_safety_concern', note: 'Barnet fortalte om slag hjemme.' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'discovered', flags: { suspectedViolenceOrAbuse: true } });
      expect(res.body.safetyGuidance.message).toMatch(/barnevernvakten/);
      expect(await reminders(created.id, 'child_welfare_report_missing')).toHaveLength(1);
      const log = await t.http.get(`/api/v1/cases/${created.id}/log`).set(await t.auth('ola.leder'));
      expect(log.body.items.map((e: { type: string }) => e.type)).toContain('raise_safety_concern');
    });

    it('a user outside the case gets 404 for raise_safety_concern', async () => {
      const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
      const res = await sendEvent(t, 'nina.ansatt', created.id, { type: 'raise_safety_concern', note: 'x' });
      expect(res.status).toBe(404);
    });

    describe('closing a flagged case without a report', () => {
      let caseId: string;
      beforeAll(async () => {
        caseId = (await logConcern(t, 'kari.ansatt', 'solsiden-bhg', { concern: { categories: ['violence_abuse'] } })).id;
        expect((await assign(caseId, 'kari.ansatt')).status).toBe(200);
      });

      it('the coordinator gets 403 FORBIDDEN_ROLE even with no_concern before acting', async () => {
        const res = await sendEvent(t, 'kari.ansatt', caseId, { type: 'close', reason: 'no_concern', justification: 'Samtalen avkreftet mistanken helt.' });
        expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
      });

      it('the unit leader without a justification of 20 characters gets 400 naming justification', async () => {
        for (const extra of [{}, { justification: 'For kort.' }]) {
          const res = await sendEvent(t, 'ola.leder', caseId, { type: 'close', reason: 'no_concern', ...extra });
          expect([res.status, res.body.code, res.body.errors[0].field]).toEqual([400, 'VALIDATION_FAILED', 'justification']);
        }
      });

      it('the unit leader with a justification closes it, and the log keeps the justification', async () => {
        const justification = 'Samtale med barnet og foresatte avkreftet mistanken.';
        const res = await sendEvent(t, 'ola.leder', caseId, { type: 'close', reason: 'no_concern', justification });
        expect([res.status, res.body.status]).toEqual([200, 'closed']);
        const log = await t.http.get(`/api/v1/cases/${caseId}/log`).set(await t.auth('ola.leder'));
        expect(log.body.items.find((e: { type: string }) => e.type === 'close').text).toContain(justification);
      });
    });

    it('after a report the coordinator may close with no_concern as before', async () => {
      const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg', { concern: { suspectedViolenceOrAbuse: true } });
      await assign(created.id, 'kari.ansatt');
      expect((await sendEvent(t, 'kari.ansatt', created.id, reportEvent({ grounds: 'Blåmerker.' }))).status).toBe(200);
      expect((await sendEvent(t, 'kari.ansatt', created.id, { type: 'close', reason: 'no_concern' })).status).toBe(200);
    });
  });

  describe('8.2 decision deadline, coordinator, handover', () => {
    it('schedules decision_due 14 days after the concern for the coordinator (or reporter) and the unit leader', async () => {
      const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
      const [own] = await reminders(created.id, 'decision_due');
      const [leader] = await reminders(created.id, 'decision_due_leader');
      expect([own!.recipient, leader!.recipient]).toEqual(['assignee_or_reporter', 'unit_leader']);
      expect(own!.dueAt.getTime() - Date.parse(created.createdAt)).toBeGreaterThanOrEqual(14 * 86_400_000 - 3_600_000);
    });

    it('decide without a coordinator: 422 COORDINATOR_REQUIRED; naming one who may not coordinate: 400 assigneeId; naming kari: she holds it', async () => {
      const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
      await sendEvent(t, 'ola.leder', created.id, { type: 'start_assessment' });
      await sendEvent(t, 'ola.leder', created.id, { type: 'complete_assessment', summary: 'Vurdert.', guardiansInformed: true });
      const none = await sendEvent(t, 'ola.leder', created.id, { type: 'decide', route: 'own_unit', rationale: 'Egen enhet.' });
      expect([none.status, none.body.code]).toEqual([422, 'COORDINATOR_REQUIRED']);
      const nina = await sendEvent(t, 'ola.leder', created.id, { type: 'decide', route: 'own_unit', rationale: 'Egen enhet.', assigneeId: await userId(t, 'nina.ansatt') });
      expect([nina.status, nina.body.errors[0].field]).toEqual([400, 'assigneeId']);
      const kari = await userId(t, 'kari.ansatt');
      const ok = await sendEvent(t, 'ola.leder', created.id, { type: 'decide', route: 'own_unit', rationale: 'Egen enhet.', assigneeId: kari });
      expect(ok.body).toMatchObject({ status: 'acting', assigneeId: kari });
      const notes = await db.query(`SELECT type FROM notification WHERE "caseId" = $1 AND "recipientId" = $2`, [created.id, kari]);
      expect(notes).toEqual([{ type: 'case_assigned' }]);
    });

    it('a handover waits for the proposed coordinator, who is notified and may accept', async () => {
      const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
      const kari = await userId(t, 'kari.ansatt');
      const per = await userId(t, 'per.ppt');
      await assign(created.id, 'kari.ansatt');
      await sendEvent(t, 'ola.leder', created.id, { type: 'start_assessment' });
      await sendEvent(t, 'ola.leder', created.id, { type: 'complete_assessment', summary: 'Vurdert.', guardiansInformed: true });
      await t.http.post(`/api/v1/cases/${created.id}/consents`).set(await t.auth('ola.leder')).set('If-Match', await caseEtag(t, 'ola.leder', created.id))
        .send({ givenBy: { name: 'Mor', relation: 'mother' }, recipients: ['ppt'], purpose: 'Team.', form: 'written', validUntil: '2099-12-31' }).expect(201);
      expect((await sendEvent(t, 'ola.leder', created.id, { type: 'decide', route: 'interdisciplinary_team', rationale: 'Team.' })).status).toBe(200);

      // hanne.helse's service is not named: she may not coordinate.
      const hanne = await assign(created.id, 'hanne.helse');
      expect([hanne.status, hanne.body.errors[0].field]).toEqual([400, 'assigneeId']);
      const offered = await assign(created.id, 'per.ppt');
      expect(offered.status).toBe(200);
      expect(offered.body).toMatchObject({ assigneeId: kari, pendingAssigneeId: per });
      const notes = await db.query(`SELECT type FROM notification WHERE "caseId" = $1 AND "recipientId" = $2`, [created.id, per]);
      expect(notes).toEqual([{ type: 'handover_offered' }]);
      const asPer = await t.http.get(`/api/v1/cases/${created.id}`).set(await t.auth('per.ppt')).expect(200);
      expect(asPer.body.allowedEvents).toEqual(expect.arrayContaining(['accept_handover', 'decline_handover']));
      const byKari = await sendEvent(t, 'kari.ansatt', created.id, { type: 'accept_handover' });
      expect([byKari.status, byKari.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
      const accepted = await sendEvent(t, 'per.ppt', created.id, { type: 'accept_handover' });
      expect(accepted.body).toMatchObject({ assigneeId: per, pendingAssigneeId: null });
    });

    it('the proposed coordinator may decline with a reason; the case stays with the current one', async () => {
      const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
      const kari = await userId(t, 'kari.ansatt');
      await assign(created.id, 'kari.ansatt');
      expect((await assign(created.id, 'ola.leder')).body.pendingAssigneeId).toBe(await userId(t, 'ola.leder'));
      const noReason = await sendEvent(t, 'ola.leder', created.id, { type: 'decline_handover' });
      expect([noReason.status, noReason.body.errors[0].field]).toEqual([400, 'reason']);
      const declined = await sendEvent(t, 'ola.leder', created.id, { type: 'decline_handover', reason: 'Kari kjenner barnet best.' });
      expect(declined.body).toMatchObject({ assigneeId: kari, pendingAssigneeId: null });
    });
  });

  describe("8.5 the child's and the guardians' voice", () => {
    it('from 12, a heard child needs how the view was weighed; every missing field is named', async () => {
      const created = await logConcern(t, 'nina.ansatt', 'bakken-skole', { child: { birthDate: '2012-05-01', nationalId: undefined } });
      await sendEvent(t, 'berit.leder', created.id, { type: 'start_assessment' });
      const res = await sendEvent(t, 'berit.leder', created.id, { type: 'complete_assessment', summary: 'x', guardiansInformed: true, childHeard: true });
      expect([res.status, res.body.errors.map((e: { field: string }) => e.field)]).toEqual([400, ['childView', 'childViewWeight']]);
      const ok = await sendEvent(t, 'berit.leder', created.id, {
        type: 'complete_assessment', summary: 'x', guardiansInformed: true, childHeard: true, childView: 'Vil bytte klasse.',
        childViewWeight: 'Tillagt stor vekt; tiltaket følger ønsket.', guardiansView: 'Foresatte er enige.',
      });
      expect(ok.status).toBe(200);
      expect(ok.body.childVoice).toEqual({ heard: true, view: 'Vil bytte klasse.', reasonNotHeard: null, weight: 'Tillagt stor vekt; tiltaket følger ønsket.', at: expect.any(String) });
      const [row] = await db.query(`SELECT "guardiansView" FROM child_voice WHERE "caseId" = $1`, [created.id]);
      expect(row.guardiansView).toBe('Foresatte er enige.');
    });

    it('a child under 7 needs no voice fields; evaluate may record a later view, shown as the latest', async () => {
      const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
      await sendEvent(t, 'ola.leder', created.id, { type: 'start_assessment' });
      expect((await sendEvent(t, 'ola.leder', created.id, { type: 'complete_assessment', summary: 'x', guardiansInformed: true })).status).toBe(200);
      await sendEvent(t, 'ola.leder', created.id, { type: 'decide', route: 'own_unit', rationale: 'r', assigneeId: await userId(t, 'kari.ansatt') });
      await sendEvent(t, 'ola.leder', created.id, { type: 'request_evaluation' });
      const res = await sendEvent(t, 'ola.leder', created.id, { type: 'evaluate', outcome: 'continue', note: 'n', childView: 'Liker de nye lekene.', guardiansView: 'Ser bedring.' });
      expect(res.body.childVoice).toMatchObject({ heard: true, view: 'Liker de nye lekene.' });
    });
  });

  it('OpenAPI describes the new fields and events', async () => {
    const doc = (await t.http.get('/docs-json')).body;
    const schemas = doc.components.schemas;
    expect(schemas.CaseEventDto.properties.type.enum).toEqual(expect.arrayContaining(['raise_safety_concern', 'accept_handover', 'decline_handover']));
    for (const field of ['justification', 'anonymousSummary', 'assigneeId', 'childHeard', 'reasonChildNotHeard', 'childViewWeight', 'guardiansView']) {
      expect(schemas.CaseEventDto.properties[field]).toBeDefined();
    }
    for (const field of ['pendingAssigneeId', 'anonymousSummary', 'childVoice', 'safetyGuidance', 'flags']) expect(schemas.CaseResponse.properties[field]).toBeDefined();
    expect(schemas.RecordConsentDto.properties.decision.enum).toEqual(['given', 'refused']);
    expect(schemas.RecordConsentDto.properties.recipients.items.enum).not.toContain('interdisciplinary_team');
  });
});
