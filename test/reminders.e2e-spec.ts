import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DateTime } from 'luxon';
import { DataSource, type EntityManager } from 'typeorm';
import { isWorkingDay, reminderDurationsFrom, remindersOnConcernLogged, remindersOnRouteTaken, type Route } from '@app/domain';
import { BtiCase, Child, Concern, ConsentRow, Measure, MeasureEvaluation, toCaseState, writeReminderEffects } from '@app/persistence';
import { REMINDER_QUEUE, REMINDER_RETENTION_SCHEDULER, REMINDER_SWEEP_SCHEDULER } from '@app/platform';
import { logConcern, sendEvent, userId } from './harness/cases.js';
import { reportEvent } from './harness/child-welfare-report.js';
import { startTestApp, type TestApp } from './harness/test-app.js';
import { startTestWorker, waitFor, type TestWorker } from './harness/worker.js';

import { jest } from '@jest/globals';

jest.setTimeout(60_000);

/** Short durations: the leader's assessment reminder comes at twice PT2S. */
const SHORT = {
  REMINDER_UNASSIGNED: 'PT2S',
  REMINDER_ASSESSMENT_DUE: 'PT2S',
  REMINDER_CHILD_WELFARE_REPORT: 'PT2S',
  REMINDER_TFA_FOLLOW_UP: 'PT2S',
  REMINDER_IKS_PENDING: 'PT2S',
};

interface Note {
  type: string;
  username: string;
  urgent: boolean;
  jobKey: string;
  message: string;
}

async function reminderNotes(ds: DataSource, caseId: string): Promise<Note[]> {
  return ds.query(
    `SELECT n.type, u.username, n.urgent, n."jobKey", n.message FROM notification n JOIN app_user u ON u.id = n."recipientId"
     WHERE n."caseId" = $1 AND n."jobKey" IS NOT NULL ORDER BY n.type, u.username`,
    [caseId],
  );
}
const brief = (notes: Note[]) => notes.map((n) => `${n.type}→${n.username}`).sort();

async function reminderStatuses(ds: DataSource, caseId: string): Promise<Record<string, string>> {
  const rows: { kind: string; status: string }[] = await ds.query(`SELECT kind, status FROM scheduled_reminder WHERE "caseId" = $1`, [caseId]);
  return Object.fromEntries(rows.map((r) => [r.kind, r.status]));
}

/**
 * A complete case (child, case, concern) written directly to the database, for states the case
 * API cannot reach yet (routes needing consent and IKS features) and for controlled clocks.
 */
async function insertCase(em: EntityManager, fields: Partial<BtiCase> = {}): Promise<BtiCase> {
  const [unit] = await em.query(`SELECT id, "municipalityId", "clusterId" FROM unit WHERE code = 'solsiden-bhg'`);
  const [reporter] = await em.query(`SELECT id FROM app_user WHERE username = 'ola.leder'`);
  const child = await em.save(Child, em.create(Child, { municipalityId: unit.municipalityId, firstName: 'Testbarn', lastName: 'Rutesen', birthDate: '2019-05-05', nationalIdEncrypted: null, nationalIdHash: null, guardians: [] }));
  const row = await em.save(
    BtiCase,
    em.create(BtiCase, { municipalityId: unit.municipalityId, unitId: unit.id, clusterId: unit.clusterId, childId: child.id, reporterId: reporter.id, assigneeId: null, status: 'discovered', route: null, level: 0, anonymous: false, suspectedViolenceOrAbuse: false, childWelfareReportedAt: null, ...fields }),
  );
  await em.save(Concern, em.create(Concern, { caseId: row.id, description: 'Direkte i databasen (test).', categories: ['wellbeing'], riskFactors: [], protectiveFactors: [], childVoice: null, suspectedViolenceOrAbuse: row.suspectedViolenceOrAbuse }));
  return row;
}

async function insertRoutedCase(ds: DataSource, route: Route, now = new Date()): Promise<string> {
  return ds.transaction(async (em) => {
    const [leader] = await em.query(`SELECT id FROM app_user WHERE username = 'ola.leder'`);
    const row = await insertCase(em, { assigneeId: leader.id, status: 'acting', route, level: route === 'iks' ? 3 : 2 });
    await writeReminderEffects(em, row.id, remindersOnRouteTaken(route, now, reminderDurationsFrom(SHORT)));
    return row.id;
  });
}

describe('reminder pipeline', () => {
  let t: TestApp;
  let w: TestWorker;
  let ds: DataSource;
  beforeAll(async () => {
    t = await startTestApp(SHORT);
    w = await startTestWorker(SHORT);
    ds = t.db;
  });
  afterAll(async () => {
    await w?.close();
    await t?.close();
  });

  /**
   * Waits until the case has at least `n` reminder notifications, then for the worker's next two
   * sweeps (a positive signal that it read the schedule again), and returns them read afresh: a
   * duplicate a later sweep would write is counted, not raced.
   */
  async function settledNotes(caseId: string, n: number, what: string): Promise<Note[]> {
    await waitFor(async () => (await reminderNotes(ds, caseId)).length >= n, 20_000, what);
    await w.sweeps(2);
    return reminderNotes(ds, caseId);
  }

  it('a new concern: unassigned → unit leader, assessment_due → reporter, then (twice as late) → unit leader', async () => {
    const c = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    const notes = await settledNotes(c.id, 3, 'three notifications');
    expect(brief(notes)).toEqual(['assessment_due→kari.ansatt', 'assessment_due→ola.leder', 'unassigned→ola.leder']);
    expect(notes.every((n) => !n.urgent)).toBe(true);
    expect(notes.find((n) => n.type === 'unassigned')!.message).toMatch(/ingen stafettholder/);
    // decision_due (DESIGN 8.2, P14D) is still ahead.
    expect(await reminderStatuses(ds, c.id)).toEqual({ unassigned: 'fired', assessment_due: 'fired', assessment_due_leader: 'fired', decision_due: 'pending', decision_due_leader: 'pending' });
  });

  it('assigning cancels the unassigned reminder; assessment_due goes to the assignee', async () => {
    const c = await logConcern(t, 'ola.leder', 'solsiden-bhg');
    const kari = await userId(t, 'kari.ansatt');
    await t.http.put(`/api/v1/cases/${c.id}/assignee`).set(await t.auth('ola.leder')).set('If-Match', '"1"').send({ assigneeId: kari }).expect(200);
    const notes = await waitFor(async () => {
      const n = await reminderNotes(ds, c.id);
      return n.length >= 2 && n;
    }, 20_000, 'assessment notifications');
    await w.sweeps(2); // whatever else would fire has had the worker's next sweeps
    expect(brief(await reminderNotes(ds, c.id))).toEqual(['assessment_due→kari.ansatt', 'assessment_due→ola.leder']);
    expect(notes.some((n) => n.type === 'unassigned')).toBe(false);
    expect((await reminderStatuses(ds, c.id)).unassigned).toBe('cancelled');
  });

  it('suspected violence or abuse without a report: urgent child_welfare_report_missing to the unit leader', async () => {
    const c = await logConcern(t, 'kari.ansatt', 'solsiden-bhg', { concern: { suspectedViolenceOrAbuse: true, categories: ['violence_abuse'] } });
    await waitFor(async () => (await reminderNotes(ds, c.id)).find((n) => n.type === 'child_welfare_report_missing'), 20_000, 'urgent notification');
    await w.sweeps(2);
    const urgent = (await reminderNotes(ds, c.id)).filter((n) => n.type === 'child_welfare_report_missing');
    expect(urgent).toHaveLength(1);
    const [note] = urgent;
    expect(note).toMatchObject({ username: 'ola.leder', urgent: true });
    expect(note.message).toMatch(/barnevernet/);
    const list = await t.http.get('/api/v1/notifications?unread=true').set(await t.auth('ola.leder')).expect(200);
    expect(list.body.items[0]).toMatchObject({ type: 'child_welfare_report_missing', urgent: true }); // urgent first
  });

  it('an obsolete reminder produces nothing: reported to child welfare in time (cancelled)', async () => {
    const c = await logConcern(t, 'kari.ansatt', 'solsiden-bhg', { concern: { suspectedViolenceOrAbuse: true, categories: ['violence_abuse'] } });
    expect((await sendEvent(t, 'kari.ansatt', c.id, reportEvent({ grounds: 'Blåmerker.' }))).status).toBe(200);
    await waitFor(async () => (await reminderStatuses(ds, c.id)).unassigned === 'fired', 20_000, 'the other reminders');
    await w.sweeps(2);
    expect((await reminderStatuses(ds, c.id)).child_welfare_report_missing).toBe('cancelled');
    expect((await reminderNotes(ds, c.id)).map((n) => n.type)).not.toContain('child_welfare_report_missing');
  });

  it('an obsolete reminder produces nothing even when its cancel was missed: the processor re-reads the case', async () => {
    const c = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    // A change that wrote no outbox row: only the re-read when the job fires can notice it.
    await ds.query(`UPDATE bti_case SET "assigneeId" = "reporterId" WHERE id = $1`, [c.id]);
    await waitFor(async () => (await reminderStatuses(ds, c.id)).unassigned === 'obsolete', 20_000, 'obsolete unassigned');
    await w.sweeps(2);
    expect((await reminderNotes(ds, c.id)).map((n) => n.type)).not.toContain('unassigned');
  });

  it.each([
    ['tfa', 'tfa_follow_up', 'tor.tfa'],
    ['iks', 'iks_pending', 'siri.iks'],
  ] as const)('route %s: %s reaches %s', async (route, type, username) => {
    const caseId = await insertRoutedCase(ds, route);
    const notes = await settledNotes(caseId, 1, type);
    expect(brief(notes)).toEqual([`${type}→${username}`]);
  });

  it('evaluation_due → the measure\'s responsible (an earlier evaluation does not void it), evaluation_overdue → unit leader, consent_expiry → assignee', async () => {
    const soon = new Date(Date.now() + 1000);
    const caseId = await ds.transaction(async (em) => {
      const [kari] = await em.query(`SELECT id FROM app_user WHERE username = 'kari.ansatt'`);
      const [nina] = await em.query(`SELECT id FROM app_user WHERE username = 'nina.ansatt'`);
      const row = await insertCase(em, { assigneeId: kari.id, status: 'acting', route: 'own_unit', level: 1 });
      const measure = await em.save(
        Measure,
        em.create(Measure, { caseId: row.id, catalogCode: null, title: 'Tett oppfølging', levels: ['indicated'], description: null, responsibleId: nina.id, startDate: '2026-01-01', evaluationDate: '2026-02-01', createdById: kari.id }),
      );
      // Evaluated once already ("continue"): the next evaluation's reminder must still fire.
      await em.save(MeasureEvaluation, em.create(MeasureEvaluation, { measureId: measure.id, caseId: row.id, outcome: 'continue', note: 'Fortsetter.', nextEvaluationDate: '2026-03-01', evaluatedById: kari.id }));
      const consent = await em.save(
        ConsentRow,
        em.create(ConsentRow, { caseId: row.id, givenByName: 'Mor', givenByRelation: 'mother', recipients: ['ppt'], purpose: 'Test', form: 'written', recordedById: kari.id, validFrom: new Date(Date.now() - 60_000), validUntil: new Date(Date.now() + 86_400_000), withdrawnAt: null, withdrawnById: null, withdrawalReason: null }),
      );
      await writeReminderEffects(em, row.id, [
        { type: 'ReminderScheduled', kind: 'evaluation_due', dueAt: soon, recipient: 'responsible', subjectId: measure.id },
        { type: 'ReminderScheduled', kind: 'evaluation_overdue', dueAt: soon, recipient: 'unit_leader', subjectId: measure.id },
        { type: 'ReminderScheduled', kind: 'consent_expiry', dueAt: soon, recipient: 'assignee', subjectId: consent.id },
      ]);
      return row.id;
    });
    const notes = await settledNotes(caseId, 3, 'evaluation and consent reminders');
    expect(brief(notes)).toEqual(['consent_expiry→kari.ansatt', 'evaluation_due→nina.ansatt', 'evaluation_overdue→ola.leder']);
  });

  it('a route left before the reminder fires: nothing (route no longer tfa)', async () => {
    const caseId = await insertRoutedCase(ds, 'tfa');
    await ds.query(`UPDATE bti_case SET route = 'own_unit', level = 1 WHERE id = $1`, [caseId]);
    await waitFor(async () => (await reminderStatuses(ds, caseId)).tfa_follow_up === 'obsolete', 20_000, 'obsolete tfa');
    await w.sweeps(2);
    expect(await reminderNotes(ds, caseId)).toEqual([]);
  });

  it('working days end to end: P1D from a Friday lands on the next working day 08:00 Oslo, and the sweep leaves it pending until then', async () => {
    // Next Friday 12:00 Oslo, at least a week ahead (the reminder stays pending).
    let friday = DateTime.now().setZone('Europe/Oslo').plus({ days: 7 }).set({ hour: 12, minute: 0, second: 0, millisecond: 0 });
    while (friday.weekday !== 5) friday = friday.plus({ days: 1 });
    const durations = reminderDurationsFrom({ REMINDER_UNASSIGNED: 'P1D', REMINDER_CHILD_WELFARE_REPORT: 'PT24H' });
    const caseId = await ds.transaction(async (em) => {
      const copy = await insertCase(em, { suspectedViolenceOrAbuse: true });
      await writeReminderEffects(em, copy.id, remindersOnConcernLogged(toCaseState(copy), friday.toJSDate(), durations));
      return copy.id;
    });
    const rows: { kind: string; dueAt: Date; jobId: string }[] = await ds.query(`SELECT kind, "dueAt", "jobId" FROM scheduled_reminder WHERE "caseId" = $1`, [caseId]);
    await w.sweeps(2);
    expect(await reminderStatuses(ds, caseId)).toMatchObject({ unassigned: 'pending', child_welfare_report_missing: 'pending' });
    // The child-welfare reminder counts clock time (DESIGN 8.1): Saturday 12:00, not Monday.
    const urgent = rows.find((x) => x.kind === 'child_welfare_report_missing')!;
    expect(urgent.dueAt.getTime()).toBe(friday.plus({ hours: 24 }).toMillis());
    for (const kind of ['unassigned']) {
      const r = rows.find((x) => x.kind === kind)!;
      const due = DateTime.fromJSDate(r.dueAt, { zone: 'Europe/Oslo' });
      expect(isWorkingDay(r.dueAt)).toBe(true);
      expect(due.weekday).not.toBe(6);
      expect(due.weekday).not.toBe(7);
      expect(due > friday.plus({ days: 2 })).toBe(true); // not Saturday: moved past the weekend
      expect(due.toFormat('HH:mm')).toBe('08:00');
    }
  });

  it('reminders live in PostgreSQL only: a logged concern writes its scheduled_reminder rows and no job in Redis', async () => {
    const c = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    const rows: { jobId: string; id: string }[] = await ds.query(`SELECT id, "jobId" FROM scheduled_reminder WHERE "caseId" = $1`, [c.id]);
    expect(rows).toHaveLength(5); // unassigned, assessment_due(_leader), decision_due(_leader)
    for (const r of rows) expect(r.jobId.endsWith(`.${c.id}.${r.id}`)).toBe(true); // never reused, even after retention
    const queue = new Queue(REMINDER_QUEUE, { connection: { url: process.env.REDIS_URL! } });
    try {
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers.map((x) => x.key).sort()).toEqual([REMINDER_RETENTION_SCHEDULER, REMINDER_SWEEP_SCHEDULER].sort());
      const jobs = await queue.getJobs(['delayed', 'waiting', 'active', 'completed', 'failed']);
      expect(jobs.every((j) => j.name === 'due_sweep' || j.name === 'retention')).toBe(true);
    } finally {
      await queue.close();
    }
  });

  it('no job payload (nor anything else in Redis) contains a name or a national id', async () => {
    const c = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    await waitFor(async () => (await reminderStatuses(ds, c.id)).unassigned === 'fired', 20_000, 'jobs');
    const redis = new Redis(process.env.REDIS_URL!);
    try {
      const keys = await redis.keys('bull:*');
      let jobs = 0;
      let dump = '';
      for (const key of keys) {
        const type = await redis.type(key);
        if (type === 'hash') {
          const h = await redis.hgetall(key);
          dump += JSON.stringify(h);
          if (h.data !== undefined && h.name !== undefined) {
            jobs++;
            const data = JSON.parse(h.data);
            // The reminder queue's sweep and retention jobs carry nothing; the worker's mail queue ids only.
            const shapes = key.startsWith('bull:mail:') ? [['deliveryId'], ['digestId'], []] : [[]];
            expect(shapes).toContainEqual(Object.keys(data).sort());
            for (const v of Object.values(data)) expect(v).toMatch(/^[0-9a-f-]{36}$/);
          }
        } else if (type === 'string') dump += await redis.get(key);
        else if (type === 'list') dump += (await redis.lrange(key, 0, -1)).join();
        else if (type === 'zset') dump += (await redis.zrange(key, 0, -1)).join();
        else if (type === 'set') dump += (await redis.smembers(key)).join();
        else if (type === 'stream') dump += JSON.stringify(await redis.xrange(key, '-', '+'));
      }
      expect(jobs).toBeGreaterThan(0);
      for (const secret of ['Emma', 'Testesen', '13097248022', 'Mor Testesen', 'sluttet å spise']) expect(dump).not.toContain(secret);
    } finally {
      redis.disconnect();
    }
  });

  describe('scheduled through the API (HTTP only)', () => {
    /** A case in `deciding` in solsiden-bhg, assigned to kari, with a consent to `recipients` recorded over HTTP. */
    async function caseReadyToDecide(app: TestApp, recipients: string[], validUntil: string) {
      const created = await logConcern(app, 'kari.ansatt', 'solsiden-bhg');
      const kari = await userId(app, 'kari.ansatt');
      await app.http.put(`/api/v1/cases/${created.id}/assignee`).set(await app.auth('ola.leder')).set('If-Match', '"1"').send({ assigneeId: kari }).expect(200);
      expect((await sendEvent(app, 'ola.leder', created.id, { type: 'start_assessment' })).status).toBe(200);
      expect((await sendEvent(app, 'ola.leder', created.id, { type: 'complete_assessment', summary: 'Vurdert.', guardiansInformed: true })).status).toBe(200);
      const consent = await app.http
        .post(`/api/v1/cases/${created.id}/consents`)
        .set(await app.auth('ola.leder'))
        .set('If-Match', (await app.http.get(`/api/v1/cases/${created.id}`).set(await app.auth('ola.leder'))).headers.etag)
        .send({ givenBy: { name: 'Mor Testesen', relation: 'mother' }, recipients, purpose: 'Drøfte tiltak.', form: 'written', validUntil });
      expect(consent.status).toBe(201);
      return { caseId: created.id as string, consentId: consent.body.id as string };
    }
    const osloDate = (offsetDays = 0) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date(Date.now() + offsetDays * 86_400_000));

    it('decide tfa schedules tfa_follow_up, which reaches the TFA coordinator once', async () => {
      const { caseId } = await caseReadyToDecide(t, ['tfa'], osloDate(30));
      const decided = await sendEvent(t, 'ola.leder', caseId, { type: 'decide', route: 'tfa', rationale: 'Trenger TFA.' });
      expect(decided.body).toMatchObject({ status: 'acting', route: 'tfa' });
      const [row] = await ds.query(`SELECT status, recipient FROM scheduled_reminder WHERE "caseId" = $1 AND kind = 'tfa_follow_up'`, [caseId]);
      expect(row).toEqual({ status: 'pending', recipient: 'tfa_coordinator' });
      await waitFor(async () => (await reminderNotes(ds, caseId)).some((n) => n.type === 'tfa_follow_up'), 20_000, 'tfa_follow_up');
      await w.sweeps(2);
      expect(brief(await reminderNotes(ds, caseId)).filter((n) => n.startsWith('tfa_follow_up'))).toEqual(['tfa_follow_up→tor.tfa']);
    });

    it('recording a consent schedules consent_expiry before its end, which reaches the assignee once', async () => {
      // The consent ends at the next Oslo midnight; a warning this long before it falls ~10 s from now.
      const end = DateTime.now().setZone('Europe/Oslo').plus({ days: 1 }).startOf('day');
      const seconds = Math.floor(end.diffNow('seconds').seconds) - 10;
      const app = await startTestApp({ ...SHORT, REMINDER_CONSENT_EXPIRY: `PT${seconds}S` });
      try {
        const { caseId, consentId } = await caseReadyToDecide(app, ['tfa'], osloDate(0));
        const [row] = await ds.query(`SELECT status, "subjectId", recipient, "dueAt" FROM scheduled_reminder WHERE "caseId" = $1 AND kind = 'consent_expiry'`, [caseId]);
        expect(row).toMatchObject({ status: 'pending', subjectId: consentId, recipient: 'assignee' });
        expect(Math.abs(row.dueAt.getTime() - (end.toMillis() - seconds * 1000))).toBeLessThan(1000);
        await waitFor(async () => (await reminderNotes(ds, caseId)).some((n) => n.type === 'consent_expiry'), 30_000, 'consent_expiry');
        await w.sweeps(2);
        expect(brief(await reminderNotes(ds, caseId)).filter((n) => n.startsWith('consent_expiry'))).toEqual(['consent_expiry→kari.ansatt']);
      } finally {
        await app.close();
      }
    });

    it("a measure's evaluation date: evaluation_due reaches the responsible, and the system moves the acting case to evaluating once (log, audit)", async () => {
      const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
      const caseId = created.id as string;
      await sendEvent(t, 'ola.leder', caseId, { type: 'start_assessment' });
      await sendEvent(t, 'ola.leder', caseId, { type: 'complete_assessment', summary: 'Vurdert.', guardiansInformed: true });
      // DESIGN 8.2: a decision names its coordinator when the case has none.
      expect((await sendEvent(t, 'ola.leder', caseId, { type: 'decide', route: 'own_unit', rationale: 'Tiltak i barnehagen.', assigneeId: await userId(t, 'ola.leder') })).body.status).toBe('acting');
      // The responsible must be able to open the case (README: "Responsible people can open the case"): kari reported it.
      const kari = await userId(t, 'kari.ansatt');
      const etag = (await t.http.get(`/api/v1/cases/${caseId}`).set(await t.auth('ola.leder'))).headers.etag;
      const measure = await t.http
        .post(`/api/v1/cases/${caseId}/measures`)
        .set(await t.auth('ola.leder'))
        .set('If-Match', etag)
        .send({ catalogCode: 'icdp', responsibleId: kari, startDate: osloDate(0), evaluationDate: osloDate(0) });
      expect(measure.status).toBe(201);
      // Its evaluation_due falls on the evaluation day (08:00 Oslo at the earliest): the clock is
      // moved to it by moving the reminder's due time to now.
      // (Past 08:00 Oslo it is due already, and a sweep may fire it before this UPDATE: then it
      // moves nothing, and the reminder is there all the same.)
      await ds.query(`UPDATE scheduled_reminder SET "dueAt" = now() WHERE "caseId" = $1 AND kind = 'evaluation_due' AND status = 'pending'`, [caseId]);
      expect(await ds.query(`SELECT count(*)::int AS n FROM scheduled_reminder WHERE "caseId" = $1 AND kind = 'evaluation_due'`, [caseId])).toEqual([{ n: 1 }]);
      const version = Number(String(measure.headers.etag).replace(/"/g, '')); // the case's version after the measure
      await waitFor(async () => (await reminderNotes(ds, caseId)).some((n) => n.type === 'evaluation_due'), 20_000, 'evaluation_due');
      await w.sweeps(2);
      expect(brief(await reminderNotes(ds, caseId)).filter((n) => n.startsWith('evaluation_due'))).toEqual(['evaluation_due→kari.ansatt']);
      const after = await t.http.get(`/api/v1/cases/${caseId}`).set(await t.auth('ola.leder')).expect(200);
      expect(after.body).toMatchObject({ status: 'evaluating', version: version + 1 });
      const log = await t.http.get(`/api/v1/cases/${caseId}/log?pageSize=100`).set(await t.auth('ola.leder')).expect(200);
      const entries = log.body.items.filter((e: { type: string }) => e.type === 'request_evaluation');
      expect(entries).toEqual([expect.objectContaining({ actorId: null, text: 'Evaluering av tiltakene er startet.' })]);
      const audit: { actorUsername: string; municipalityId: string }[] = await ds.query(
        `SELECT "actorUsername", "municipalityId" FROM audit_event WHERE "caseId" = $1 AND action = 'case.event.request_evaluation'`,
        [caseId],
      );
      const [{ municipalityId }] = await ds.query(`SELECT "municipalityId" FROM bti_case WHERE id = $1`, [caseId]);
      expect(audit).toEqual([{ actorUsername: 'system', municipalityId }]);
    });
  });

  describe('exactly once, and failures that end somewhere known', () => {
    /** `n` cases with an `unassigned` reminder due at `dueAt`, written in one transaction. */
    async function dueCases(n: number, dueAt: Date): Promise<string[]> {
      return ds.transaction(async (em) => {
        const ids: string[] = [];
        for (let i = 0; i < n; i++) {
          const row = await insertCase(em);
          await writeReminderEffects(em, row.id, [{ type: 'ReminderScheduled', kind: 'unassigned', dueAt, recipient: 'unit_leader' }]);
          ids.push(row.id);
        }
        return ids;
      });
    }
    /** Notifications per (reminder, recipient) of these cases; one recipient (ola.leder) each. */
    async function notificationCounts(caseIds: string[]): Promise<number[]> {
      const rows: { n: number }[] = await ds.query(
        `SELECT count(n.id)::int AS n FROM scheduled_reminder r LEFT JOIN notification n ON n."jobKey" = r."jobId"
         WHERE r."caseId" = ANY($1) GROUP BY r.id ORDER BY r.id`,
        [caseIds],
      );
      return rows.map((r) => r.n);
    }

    it('a case another session holds FOR UPDATE (no request does; a delete or manual SQL) holds back only its own reminders, without waiting on it; they fire once it is released', async () => {
      // The batch takes its cases FOR KEY SHARE SKIP LOCKED before it inserts their notifications
      // (whose foreign key would take that lock and wait): so the other case fires meanwhile, and
      // the request can still cancel its case's reminder (no deadlock with the batch).
      const [held, free] = await dueCases(2, new Date(Date.now() + 500));
      const request = ds.createQueryRunner();
      await request.connect();
      await request.startTransaction();
      try {
        await request.query(`SELECT id FROM bti_case WHERE id = $1 FOR UPDATE`, [held]);
        await waitFor(async () => (await reminderStatuses(ds, free)).unassigned === 'fired', 20_000, 'the other case fired');
        await w.sweeps(2);
        expect((await reminderStatuses(ds, held)).unassigned).toBe('pending');
        const cancelled = await request.query(`UPDATE scheduled_reminder SET status = 'cancelled' WHERE "caseId" = $1 AND status = 'pending' RETURNING id`, [held]);
        expect(cancelled[0]).toHaveLength(1);
      } finally {
        await request.rollbackTransaction(); // the request gives up: its reminder is pending again
        await request.release();
      }
      await waitFor(async () => (await reminderStatuses(ds, held)).unassigned === 'fired', 20_000, 'the held case fired after release');
      await w.sweeps(2);
      expect(await notificationCounts([held, free])).toEqual([1, 1]);
    });

    it('sweeps run again, concurrently, from two workers and by hand: one notification per reminder and recipient', async () => {
      const w2 = await startTestWorker(SHORT, { batchSize: 7, concurrency: 3 });
      try {
        const caseIds = await dueCases(60, new Date(Date.now() + 1500));
        await waitFor(async () => (await ds.query(`SELECT 1 FROM scheduled_reminder WHERE "caseId" = ANY($1) AND "dueAt" <= now()`, [caseIds])).length === 60, 10_000, 'due');
        // Every firing path at once over the same due rows: both workers' sweeps, extra batches.
        await Promise.all([w.pipeline.sweep.run(), w2.pipeline.sweep.run(), w.pipeline.firing.fireNext(), w2.pipeline.firing.fireNext(), w2.pipeline.firing.fireNext()]);
        await waitFor(async () => (await ds.query(`SELECT 1 FROM scheduled_reminder WHERE "caseId" = ANY($1) AND status = 'fired'`, [caseIds])).length === 60, 20_000, 'all fired');
        // And once more after they fired: a sweep run again finds nothing to do.
        await Promise.all([w.pipeline.sweep.run(), w2.pipeline.sweep.run()]);
        await w.sweeps(2);
        expect(await notificationCounts(caseIds)).toEqual(caseIds.map(() => 1));
      } finally {
        await w2.close();
      }
    });

    it('a reminder whose settlement was lost (back to pending, as after restoring an older backup) notifies nobody twice', async () => {
      const [caseId] = await dueCases(1, new Date());
      await waitFor(async () => (await reminderStatuses(ds, caseId)).unassigned === 'fired', 20_000, 'fired');
      await ds.query(`UPDATE scheduled_reminder SET status = 'pending', "settledAt" = NULL WHERE "caseId" = $1`, [caseId]);
      await waitFor(async () => (await reminderStatuses(ds, caseId)).unassigned === 'fired', 20_000, 'fired again');
      await w.sweeps(2);
      expect(await notificationCounts([caseId])).toEqual([1]); // the unique (jobKey, recipientId) held
    });

    it('a reminder that cannot be fired: attempts with exponential backoff to a cap, no notification, batch-mates fire; fired once when the fault is gone', async () => {
      const [poison, mate] = await dueCases(2, new Date(Date.now() + 300));
      // A real database failure for this one case: its notification insert raises.
      await ds.query(`CREATE OR REPLACE FUNCTION test_refuse_notification() RETURNS trigger AS $$
        BEGIN IF NEW."caseId" = '${poison}' THEN RAISE EXCEPTION 'test: notification refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
      await ds.query(`CREATE TRIGGER test_refuse_notification BEFORE INSERT ON notification FOR EACH ROW EXECUTE FUNCTION test_refuse_notification()`);
      try {
        type Attempt = { attempts: number; lastAttemptAt: Date; backoffMs: number; status: string; lastError: string };
        const seen = new Map<number, Attempt>();
        const state = async (): Promise<Attempt> => {
          const [r] = await ds.query(
            `SELECT attempts, "lastAttemptAt", status, "lastError", extract(epoch FROM ("nextAttemptAt" - "lastAttemptAt")) * 1000 AS "backoffMs"
             FROM scheduled_reminder WHERE "caseId" = $1`,
            [poison],
          );
          return { ...r, backoffMs: Number(r.backoffMs) };
        };
        // TEST_WORKER_OPTIONS: base 200 ms, cap 2 000 ms → 200, 400, 800, 1 600, 2 000, 2 000 …
        await waitFor(async () => {
          const s = await state();
          if (s.attempts > 0) seen.set(s.attempts, s);
          return s.attempts >= 6;
        }, 30_000, 'six failed attempts');
        for (const [n, s] of seen) {
          expect(s).toMatchObject({ status: 'pending', lastError: expect.stringContaining('test: notification refused') });
          expect(Math.round(s.backoffMs)).toBe(Math.min(2000, 200 * 2 ** (n - 1)));
          const before = seen.get(n - 1);
          if (before) expect(s.lastAttemptAt.getTime() - before.lastAttemptAt.getTime()).toBeGreaterThanOrEqual(before.backoffMs - 1);
        }
        expect(await reminderNotes(ds, poison)).toEqual([]);
        expect(await notificationCounts([mate])).toEqual([1]); // not held back by its batch-mate
        expect((await reminderStatuses(ds, mate)).unassigned).toBe('fired');
      } finally {
        await ds.query(`DROP TRIGGER IF EXISTS test_refuse_notification ON notification`);
        await ds.query(`DROP FUNCTION IF EXISTS test_refuse_notification()`);
      }
      await waitFor(async () => (await reminderStatuses(ds, poison)).unassigned === 'fired', 20_000, 'recovered');
      await w.sweeps(2);
      expect(brief(await reminderNotes(ds, poison))).toEqual(['unassigned→ola.leder']);
    });

    it('retention deletes settled reminders past their time and keeps the rest', async () => {
      const caseIds = await dueCases(3, new Date(Date.now() + 3_600_000));
      const [old, recent, pending] = caseIds;
      await ds.query(`UPDATE scheduled_reminder SET status = 'fired', "settledAt" = now() - interval '91 days' WHERE "caseId" = $1`, [old]);
      await ds.query(`UPDATE scheduled_reminder SET status = 'cancelled', "settledAt" = now() - interval '1 day' WHERE "caseId" = $1`, [recent]);
      await ds.query(`UPDATE scheduled_reminder SET "dueAt" = now() + interval '1 year' WHERE "caseId" = $1`, [pending]);
      const removed = await w.pipeline.retention.run();
      expect(removed.reminders).toBeGreaterThanOrEqual(1);
      const left: { caseId: string }[] = await ds.query(`SELECT "caseId" FROM scheduled_reminder WHERE "caseId" = ANY($1) ORDER BY "caseId"`, [caseIds]);
      expect(left.map((r) => r.caseId).sort()).toEqual([recent, pending].sort());
    });
  });
});
