import path from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DateTime } from 'luxon';
import { DataSource, type EntityManager } from 'typeorm';
import { isWorkingDay, reminderDurationsFrom, remindersOnConcernLogged, remindersOnRouteTaken, type Route } from '@app/domain';
import { BtiCase, Child, Concern, ConsentRow, Measure, MeasureEvaluation, toCaseState, writeReminderEffects } from '@app/persistence';
import { REMINDER_QUEUE } from '@app/platform';
// @ts-expect-error: plain ESM script without type declarations
import { startRedis, throwawayDir } from '../scripts/embedded-services.mjs';
import { logConcern, sendEvent, userId } from './harness/cases.js';
import { startTestApp, type TestApp } from './harness/test-app.js';
import { spawnWorkerProcess, startTestWorker, waitFor, type TestWorker } from './harness/worker.js';

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
    ds = t.app.get(DataSource);
  });
  afterAll(async () => {
    await w?.close();
    await t?.close();
  });

  it('a new concern: unassigned → unit leader, assessment_due → reporter, then (twice as late) → unit leader', async () => {
    const c = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    const notes = await waitFor(async () => {
      const n = await reminderNotes(ds, c.id);
      return n.length >= 3 && n;
    }, 20_000, 'three notifications');
    expect(brief(notes)).toEqual(['assessment_due→kari.ansatt', 'assessment_due→ola.leder', 'unassigned→ola.leder']);
    expect(notes.every((n) => !n.urgent)).toBe(true);
    expect(notes.find((n) => n.type === 'unassigned')!.message).toMatch(/ingen saksansvarlig/);
    expect(await reminderStatuses(ds, c.id)).toEqual({ unassigned: 'fired', assessment_due: 'fired', assessment_due_leader: 'fired' });
  });

  it('assigning cancels the unassigned reminder; assessment_due goes to the assignee', async () => {
    const c = await logConcern(t, 'ola.leder', 'solsiden-bhg');
    const kari = await userId(t, 'kari.ansatt');
    await t.http.put(`/api/v1/cases/${c.id}/assignee`).set(await t.auth('ola.leder')).set('If-Match', '"1"').send({ assigneeId: kari }).expect(200);
    const notes = await waitFor(async () => {
      const n = await reminderNotes(ds, c.id);
      return n.length >= 2 && n;
    }, 20_000, 'assessment notifications');
    await new Promise((r) => setTimeout(r, 500));
    expect(brief(await reminderNotes(ds, c.id))).toEqual(['assessment_due→kari.ansatt', 'assessment_due→ola.leder']);
    expect(notes.some((n) => n.type === 'unassigned')).toBe(false);
    expect((await reminderStatuses(ds, c.id)).unassigned).toBe('cancelled');
  });

  it('suspected violence or abuse without a report: urgent child_welfare_report_missing to the unit leader', async () => {
    const c = await logConcern(t, 'kari.ansatt', 'solsiden-bhg', { concern: { suspectedViolenceOrAbuse: true, categories: ['violence_abuse'] } });
    const note = await waitFor(async () => (await reminderNotes(ds, c.id)).find((n) => n.type === 'child_welfare_report_missing'), 20_000, 'urgent notification');
    expect(note).toMatchObject({ username: 'ola.leder', urgent: true });
    expect(note.message).toMatch(/barnevernet/);
    const list = await t.http.get('/api/v1/notifications?unread=true').set(await t.auth('ola.leder')).expect(200);
    expect(list.body.items[0]).toMatchObject({ type: 'child_welfare_report_missing', urgent: true }); // urgent first
  });

  it('an obsolete reminder produces nothing: reported to child welfare in time (cancelled)', async () => {
    const c = await logConcern(t, 'kari.ansatt', 'solsiden-bhg', { concern: { suspectedViolenceOrAbuse: true, categories: ['violence_abuse'] } });
    expect((await sendEvent(t, 'kari.ansatt', c.id, { type: 'report_to_child_welfare', grounds: 'Blåmerker.' })).status).toBe(200);
    await waitFor(async () => (await reminderStatuses(ds, c.id)).unassigned === 'fired', 20_000, 'the other reminders');
    expect((await reminderStatuses(ds, c.id)).child_welfare_report_missing).toBe('cancelled');
    expect((await reminderNotes(ds, c.id)).map((n) => n.type)).not.toContain('child_welfare_report_missing');
  });

  it('an obsolete reminder produces nothing even when its cancel was missed: the processor re-reads the case', async () => {
    const c = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    // A change that wrote no outbox row: only the re-read when the job fires can notice it.
    await ds.query(`UPDATE bti_case SET "assigneeId" = "reporterId" WHERE id = $1`, [c.id]);
    await waitFor(async () => (await reminderStatuses(ds, c.id)).unassigned === 'obsolete', 20_000, 'obsolete unassigned');
    expect((await reminderNotes(ds, c.id)).map((n) => n.type)).not.toContain('unassigned');
  });

  it.each([
    ['tfa', 'tfa_follow_up', 'tor.tfa'],
    ['iks', 'iks_pending', 'siri.iks'],
  ] as const)('route %s: %s reaches %s', async (route, type, username) => {
    const caseId = await insertRoutedCase(ds, route);
    const notes = await waitFor(async () => {
      const n = await reminderNotes(ds, caseId);
      return n.length > 0 && n;
    }, 20_000, type);
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
    const notes = await waitFor(async () => {
      const n = await reminderNotes(ds, caseId);
      return n.length >= 3 && n;
    }, 20_000, 'evaluation and consent reminders');
    expect(brief(notes)).toEqual(['consent_expiry→kari.ansatt', 'evaluation_due→nina.ansatt', 'evaluation_overdue→ola.leder']);
  });

  it('a route left before the reminder fires: nothing (route no longer tfa)', async () => {
    const caseId = await insertRoutedCase(ds, 'tfa');
    await ds.query(`UPDATE bti_case SET route = 'own_unit', level = 1 WHERE id = $1`, [caseId]);
    await waitFor(async () => (await reminderStatuses(ds, caseId)).tfa_follow_up === 'obsolete', 20_000, 'obsolete tfa');
    expect(await reminderNotes(ds, caseId)).toEqual([]);
  });

  it('working days end to end: P1D from a Friday lands on the next working day 08:00 Oslo, in the job delay too', async () => {
    // Next Friday 12:00 Oslo, at least a week ahead (the job stays delayed).
    let friday = DateTime.now().setZone('Europe/Oslo').plus({ days: 7 }).set({ hour: 12, minute: 0, second: 0, millisecond: 0 });
    while (friday.weekday !== 5) friday = friday.plus({ days: 1 });
    const durations = reminderDurationsFrom({ REMINDER_UNASSIGNED: 'P1D', REMINDER_CHILD_WELFARE_REPORT: 'PT24H' });
    const caseId = await ds.transaction(async (em) => {
      const copy = await insertCase(em, { suspectedViolenceOrAbuse: true });
      await writeReminderEffects(em, copy.id, remindersOnConcernLogged(toCaseState(copy), friday.toJSDate(), durations));
      return copy.id;
    });
    const rows: { kind: string; dueAt: Date; jobId: string }[] = await ds.query(`SELECT kind, "dueAt", "jobId" FROM scheduled_reminder WHERE "caseId" = $1`, [caseId]);
    for (const kind of ['unassigned', 'child_welfare_report_missing']) {
      const r = rows.find((x) => x.kind === kind)!;
      const due = DateTime.fromJSDate(r.dueAt, { zone: 'Europe/Oslo' });
      expect(isWorkingDay(r.dueAt)).toBe(true);
      expect(due.weekday).not.toBe(6);
      expect(due.weekday).not.toBe(7);
      expect(due > friday.plus({ days: 2 })).toBe(true); // not Saturday: moved past the weekend
      expect(due.toFormat('HH:mm')).toBe('08:00');
      // The delayed job fires at that instant.
      const queue = new Queue(REMINDER_QUEUE, { connection: { url: process.env.REDIS_URL! } });
      try {
        const job = await waitFor(async () => queue.getJob(r.jobId), 10_000, 'job in Redis');
        expect(Math.abs(job.timestamp + (job.delay ?? 0) - r.dueAt.getTime())).toBeLessThan(5_000);
        expect(await job.getState()).toBe('delayed');
      } finally {
        await queue.close();
      }
    }
  });

  it('the outbox rows are marked delivered, not deleted', async () => {
    const c = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    const rows = await waitFor(async () => {
      const r: { deliveredAt: Date | null }[] = await ds.query(`SELECT "deliveredAt" FROM outbox WHERE "caseId" = $1`, [c.id]);
      return r.length > 0 && r.every((x) => x.deliveredAt !== null) && r;
    }, 10_000, 'delivered outbox');
    expect(rows.length).toBeGreaterThanOrEqual(3);
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
            // Reminder jobs, and the e-mail jobs (ids only as well) of the worker's mail queue.
            const shapes = key.startsWith('bull:mail:') ? [['deliveryId'], ['digestId'], []] : [['caseId', 'reminderId']];
            expect(shapes).toContainEqual(Object.keys(data).sort());
            for (const v of Object.values(data)) expect(v).toMatch(/^[0-9a-f-]{36}$/);
          }
        } else if (type === 'string') dump += await redis.get(key);
        else if (type === 'list') dump += (await redis.lrange(key, 0, -1)).join();
        else if (type === 'zset') dump += (await redis.zrange(key, 0, -1)).join();
        else if (type === 'set') dump += (await redis.smembers(key)).join();
        else if (type === 'stream') dump += JSON.stringify(await redis.xrange(key, '-', '+'));
      }
      expect(jobs).toBeGreaterThan(3);
      for (const secret of ['Emma', 'Testesen', '13097248022', 'Mor Testesen', 'sluttet å spise']) expect(dump).not.toContain(secret);
    } finally {
      redis.disconnect();
    }
  });
});

describe('reminder pipeline under faults (own Redis)', () => {
  let t: TestApp;
  let ds: DataSource;
  let redis: { url: string; port: number; stop(): Promise<void> };
  let redisDir: string;
  beforeAll(async () => {
    redisDir = throwawayDir('bti-reminders-redis');
    redis = await startRedis({ dataDir: path.join(redisDir, 'a'), persistent: false });
    t = await startTestApp({ ...SHORT, REDIS_URL: redis.url });
    ds = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t?.close();
    await redis?.stop();
  });

  it('Redis down while a case is logged: 201, the outbox waits, and the reminders arrive once after Redis is back', async () => {
    const w = await startTestWorker({ ...SHORT, REDIS_URL: redis.url });
    try {
      await redis.stop();
      const c = await logConcern(t, 'kari.ansatt', 'solsiden-bhg', { concern: { suspectedViolenceOrAbuse: true, categories: ['violence_abuse'] } });
      await new Promise((r) => setTimeout(r, 2_500)); // past dueAt while Redis is away
      const waiting: { deliveredAt: Date | null }[] = await ds.query(`SELECT "deliveredAt" FROM outbox WHERE "caseId" = $1`, [c.id]);
      expect(waiting.length).toBeGreaterThan(0);
      expect(waiting.every((r) => r.deliveredAt === null)).toBe(true);
      redis = await startRedis({ dataDir: path.join(redisDir, 'b'), port: redis.port, persistent: false });
      await waitFor(async () => {
        const s = await reminderStatuses(ds, c.id);
        return Object.values(s).length === 4 && Object.values(s).every((x) => x === 'fired');
      }, 30_000, 'all four reminders fired');
      await new Promise((r) => setTimeout(r, 1_000));
      expect(brief(await reminderNotes(ds, c.id))).toEqual([
        'assessment_due→kari.ansatt',
        'assessment_due→ola.leder',
        'child_welfare_report_missing→ola.leder',
        'unassigned→ola.leder',
      ]);
    } finally {
      await w.close();
    }
  });

  it('the worker process killed during a job: the job completes once after a restart', async () => {
    const first = spawnWorkerProcess({ ...SHORT, REDIS_URL: redis.url, SLOW_JOB_MS: '60000' });
    let second: ReturnType<typeof spawnWorkerProcess> | undefined;
    try {
      await first.waitForOutput(/WORKER_READY/);
      const c = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
      const [, jobId] = await first.waitForOutput(new RegExp(`JOB_STARTED (\\S+\\.${c.id}\\.\\d+)`));
      first.child.kill('SIGKILL');
      await first.exited;
      const [status] = await ds.query(`SELECT status FROM scheduled_reminder WHERE "jobId" = $1`, [jobId]);
      expect(status.status).toBe('pending'); // killed mid-job: nothing written
      second = spawnWorkerProcess({ ...SHORT, REDIS_URL: redis.url });
      await waitFor(async () => {
        const s = await reminderStatuses(ds, c.id);
        return Object.values(s).length === 3 && Object.values(s).every((x) => x === 'fired');
      }, 40_000, 'reminders fired after restart');
      await new Promise((r) => setTimeout(r, 1_000));
      const notes = await reminderNotes(ds, c.id);
      expect(brief(notes)).toEqual(['assessment_due→kari.ansatt', 'assessment_due→ola.leder', 'unassigned→ola.leder']);
      expect(notes.filter((n) => n.jobKey === jobId)).toHaveLength(1);
    } finally {
      if (first.child.exitCode === null) first.child.kill('SIGKILL');
      if (second) {
        second.child.kill('SIGTERM');
        await second.exited;
      }
    }
  });

  it('SIGTERM lets the running job finish before the worker exits', async () => {
    const worker = spawnWorkerProcess({ ...SHORT, REDIS_URL: redis.url, SLOW_JOB_MS: '1500' });
    try {
      await worker.waitForOutput(/WORKER_READY/);
      const c = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
      const [, jobId] = await worker.waitForOutput(new RegExp(`JOB_STARTED (\\S+\\.${c.id}\\.\\d+)`));
      worker.child.kill('SIGTERM');
      await worker.exited;
      const [row] = await ds.query(`SELECT status FROM scheduled_reminder WHERE "jobId" = $1`, [jobId]);
      expect(row.status).toBe('fired');
      expect((await reminderNotes(ds, c.id)).filter((n) => n.jobKey === jobId)).toHaveLength(1);
    } finally {
      if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
    }
  });

  it('Redis flushed: reconciliation at worker start restores the pending delayed jobs', async () => {
    let w = await startTestWorker({ ...SHORT, REDIS_URL: redis.url });
    const caseId = await ds.transaction(async (em) => {
      const copy = await insertCase(em);
      await writeReminderEffects(em, copy.id, [{ type: 'ReminderScheduled', kind: 'unassigned', dueAt: new Date(Date.now() + 6_000), recipient: 'unit_leader' }]);
      return copy.id;
    });
    const [{ jobId }] = await ds.query(`SELECT "jobId" FROM scheduled_reminder WHERE "caseId" = $1`, [caseId]);
    const queue = new Queue(REMINDER_QUEUE, { connection: { url: redis.url } });
    try {
      await waitFor(async () => queue.getJob(jobId), 10_000, 'job added');
      await w.close();
      const client = new Redis(redis.url);
      await client.flushall();
      client.disconnect();
      expect(await queue.getJob(jobId)).toBeUndefined();
      w = await startTestWorker({ ...SHORT, REDIS_URL: redis.url });
      const restored = await waitFor(async () => queue.getJob(jobId), 10_000, 'job restored');
      expect(await restored.getState()).toBe('delayed');
      const notes = await waitFor(async () => {
        const n = await reminderNotes(ds, caseId);
        return n.length > 0 && n;
      }, 20_000, 'notification after restore');
      expect(brief(notes)).toEqual(['unassigned→ola.leder']);
    } finally {
      await queue.close();
      await w.close();
    }
  });
});
