import { jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from './harness/test-app.js';
import { caseEtag, logConcern, sendEvent, userId } from './harness/cases.js';

jest.setTimeout(60_000);

const osloDay = (offset: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date(Date.now() + offset * 86_400_000));
/** 00:00 in Oslo on a YYYY-MM-DD date, as an instant. */
const osloMidnight = (date: string) => {
  const noonUtc = new Date(`${date}T12:00:00Z`);
  const osloNoon = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', hour: '2-digit', hourCycle: 'h23' }).format(noonUtc));
  return new Date(Date.parse(`${date}T00:00:00Z`) - (osloNoon - 12) * 3_600_000).toISOString();
};

interface Deadline {
  kind: string;
  dueAt: string;
  overdue: boolean;
  responsibleId?: string;
}

/** `deadlines` in GET /cases/:id (DESIGN 12.1): each kind, from the reminder schedule and the case's rows. */
describe('case deadlines', () => {
  let t: TestApp;
  let db: DataSource;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestApp();
    db = t.db;
    for (const u of ['kari.ansatt', 'ola.leder']) ids[u] = await userId(t, u);
  });
  afterAll(async () => t?.close());

  const deadlinesOf = async (username: string, caseId: string): Promise<Deadline[]> => {
    const res = await t.http.get(`/api/v1/cases/${caseId}`).set(await t.auth(username)).expect(200);
    return res.body.deadlines;
  };
  const reminderDue = async (caseId: string, kind: string) =>
    ((await db.query(`SELECT "dueAt" FROM scheduled_reminder WHERE "caseId" = $1 AND kind = $2`, [caseId, kind]))[0].dueAt as Date).toISOString();

  it('decision_due comes from the schedule, turns overdue when its time has passed, and ends with the decision', async () => {
    const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    const decision = await reminderDue(created.id, 'decision_due');
    expect(await deadlinesOf('kari.ansatt', created.id)).toEqual([{ kind: 'decision_due', dueAt: decision, overdue: false }]);
    // The reminder fired a day ago and nobody decided: the deadline stands, overdue.
    await db.query(`UPDATE scheduled_reminder SET "dueAt" = now() - interval '1 day', status = 'fired' WHERE "caseId" = $1 AND kind = 'decision_due'`, [created.id]);
    expect(await deadlinesOf('kari.ansatt', created.id)).toEqual([{ kind: 'decision_due', dueAt: await reminderDue(created.id, 'decision_due'), overdue: true }]);

    await sendEvent(t, 'ola.leder', created.id, { type: 'start_assessment' });
    await sendEvent(t, 'ola.leder', created.id, { type: 'complete_assessment', summary: 'Vurdert.', guardiansInformed: true });
    expect((await sendEvent(t, 'ola.leder', created.id, { type: 'decide', route: 'own_unit', rationale: 'Tiltak i barnehagen.', assigneeId: ids['ola.leder'] })).status).toBe(200);
    expect(await deadlinesOf('kari.ansatt', created.id)).toEqual([]);
  });

  it('a flagged case has the report deadline of its child-welfare reminder', async () => {
    const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg', { concern: { suspectedViolenceOrAbuse: true, categories: ['violence_abuse'] } });
    const due = await reminderDue(created.id, 'child_welfare_report_missing');
    const deadlines = await deadlinesOf('ola.leder', created.id);
    expect(deadlines).toContainEqual({ kind: 'child_welfare_report_due', dueAt: due, overdue: false });
    expect(deadlines.map((d) => d.kind).sort()).toEqual(['child_welfare_report_due', 'decision_due']);
  });

  it('an acting case: next evaluation, consent expiry and open tasks with who is responsible; an overdue task is marked', async () => {
    const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    await sendEvent(t, 'ola.leder', created.id, { type: 'start_assessment' });
    await sendEvent(t, 'ola.leder', created.id, { type: 'complete_assessment', summary: 'Vurdert.', guardiansInformed: true });
    await sendEvent(t, 'ola.leder', created.id, { type: 'decide', route: 'own_unit', rationale: 'Tiltak i barnehagen.', assigneeId: ids['ola.leder'] });
    const caseId = created.id as string;
    const as = async () => ({ ...(await t.auth('ola.leder')), 'If-Match': await caseEtag(t, 'ola.leder', caseId) });

    await t.http.post(`/api/v1/cases/${caseId}/measures`).set(await as())
      .send({ catalogCode: 'icdp', responsibleId: ids['kari.ansatt'], startDate: osloDay(0), evaluationDate: osloDay(30) }).expect(201);
    const consent = await t.http.post(`/api/v1/cases/${caseId}/consents`).set(await as())
      .send({ givenBy: { name: 'Mor Testesen', relation: 'mother' }, recipients: ['tfa'], purpose: 'Drøfte tiltak med TFA.', form: 'written', validUntil: osloDay(60) }).expect(201);
    const meeting = await t.http.post(`/api/v1/cases/${caseId}/log`).set(await as()).send({
      type: 'meeting', text: 'Samarbeidsmøte.', at: new Date(Date.now() - 3_600_000).toISOString(), participants: ['Ola Leder', 'Mor'],
      tasks: [{ text: 'Ringe helsestasjonen', responsibleId: ids['kari.ansatt'], dueDate: osloDay(2) }, { text: 'Nytt møte', responsibleId: ids['ola.leder'], dueDate: osloDay(7) }],
    }).expect(201);

    const [validUntil] = await db.query(`SELECT "validUntil" FROM consent WHERE id = $1`, [consent.body.id]);
    expect(await deadlinesOf('ola.leder', caseId)).toEqual([
      { kind: 'task_due', dueAt: osloMidnight(osloDay(2)), overdue: false, responsibleId: ids['kari.ansatt'] },
      { kind: 'task_due', dueAt: osloMidnight(osloDay(7)), overdue: false, responsibleId: ids['ola.leder'] },
      { kind: 'evaluation_due', dueAt: osloMidnight(osloDay(30)), overdue: false, responsibleId: ids['kari.ansatt'] },
      { kind: 'consent_expiry', dueAt: (validUntil.validUntil as Date).toISOString(), overdue: false },
    ]);

    // A task whose day has passed is overdue; one due today is not yet.
    await db.query(`UPDATE case_task SET "dueDate" = $2 WHERE id = $1`, [meeting.body.tasks[0].id, osloDay(-1)]);
    await db.query(`UPDATE case_task SET "dueDate" = $2 WHERE id = $1`, [meeting.body.tasks[1].id, osloDay(0)]);
    const tasks = (await deadlinesOf('ola.leder', caseId)).filter((d) => d.kind === 'task_due');
    expect(tasks.map((d) => [d.dueAt, d.overdue])).toEqual([[osloMidnight(osloDay(-1)), true], [osloMidnight(osloDay(0)), false]]);

    // A withdrawn consent no longer expires; a closed case has no deadlines.
    await t.http.post(`/api/v1/cases/${caseId}/consents/${consent.body.id}/withdrawal`).set(await as()).send({ reason: 'Mor trakk samtykket.' }).expect(200);
    expect((await deadlinesOf('ola.leder', caseId)).map((d) => d.kind)).not.toContain('consent_expiry');
    expect((await sendEvent(t, 'ola.leder', caseId, { type: 'close', reason: 'resolved', note: 'Ferdig.' })).status).toBe(200);
    expect(await deadlinesOf('ola.leder', caseId)).toEqual([]);
  });
});
