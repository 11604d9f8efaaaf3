import { DataSource } from 'typeorm';
import { Queue, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { ConfigError, loadConfig, MAIL_QUEUE } from '@app/platform';
import { MailPipeline } from '../apps/worker/src/worker.factory.js';
// @ts-expect-error: plain ESM script without type declarations
import { freePort } from '../scripts/embedded-services.mjs';
// @ts-expect-error: plain ESM script without type declarations
import { readSinkMessages, startMailSink } from '../scripts/mail-sink.mjs';
import { logConcern, userId } from './harness/cases.js';
import { startTestApp, testEnv, type TestApp } from './harness/test-app.js';
import { startTestWorker, waitFor, type TestWorker } from './harness/worker.js';

import { jest } from '@jest/globals';

jest.setTimeout(60_000);

/**
 * Only the unassigned reminder (to the unit's leaders) and, for a suspected abuse, the urgent
 * child-welfare reminder fire during the test.
 */
const SHORT = { REMINDER_UNASSIGNED: 'PT1S', REMINDER_CHILD_WELFARE_REPORT: 'PT1S' };
const ABUSE = { concern: { suspectedViolenceOrAbuse: true, categories: ['violence_abuse'] } };

interface SinkMessage {
  messageId: string | null;
  envelopeTo: string[];
  subject: string;
  text: string;
  html: string;
}

/** Every e-mail the suite's sinks received that links to the case. */
function mailsAbout(caseId: string): SinkMessage[] {
  return (readSinkMessages(process.env.BTI_TEST_MAIL_DIR) as SinkMessage[]).filter((m) => m.text.includes(`/saker/${caseId}`));
}

interface Delivery {
  id: string;
  status: string;
  mode: string;
  attempts: number;
  lastError: string | null;
  messageId: string | null;
  email: string;
}

async function deliveriesOf(ds: DataSource, caseId: string): Promise<Delivery[]> {
  return ds.query(
    `SELECT d.id, d.status, d.mode, d.attempts, d."lastError", d."messageId", u.email
       FROM notification_delivery d JOIN notification n ON n.id = d."notificationId" JOIN app_user u ON u.id = d."recipientId"
      WHERE n."caseId" = $1 ORDER BY u.email`,
    [caseId],
  );
}

/** The addresses of everyone notified about the case who has one. */
async function notifiedAddresses(ds: DataSource, caseId: string): Promise<string[]> {
  const rows: { email: string }[] = await ds.query(
    `SELECT u.email FROM notification n JOIN app_user u ON u.id = n."recipientId" WHERE n."caseId" = $1 AND u.email IS NOT NULL ORDER BY u.email`,
    [caseId],
  );
  return rows.map((r) => r.email);
}

describe('e-mail notices', () => {
  let t: TestApp;
  let w: TestWorker | null = null;
  let ds: DataSource;
  beforeAll(async () => {
    if (!process.env.BTI_TEST_MAIL_DIR) throw new Error('The e-mail tests read the harness sink: run them without SMTP_URL.');
    t = await startTestApp(SHORT);
    ds = t.db;
  });
  afterEach(async () => {
    await w?.close();
    w = null;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a reminder produces exactly one e-mail to each person notified, with no personal data', async () => {
    w = await startTestWorker(SHORT);
    const c = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    const deliveries = await waitFor(async () => {
      const d = await deliveriesOf(ds, c.id);
      return d.length > 0 && d.every((x) => x.status === 'sent') && d;
    }, 20_000, 'the notice e-mails');
    const addresses = await notifiedAddresses(ds, c.id);
    expect(addresses).toContain('ola.leder@demo.bti.local'); // the unit leader of solsiden-bhg
    expect(deliveries.map((d) => d.email)).toEqual(addresses);

    // Another dispatcher round and a re-run of a sent job change nothing.
    const pipeline = w.app.get(MailPipeline);
    await pipeline.settle();
    const rerun = await pipeline.processor!.process({ name: 'notice', id: deliveries[0].id, data: { deliveryId: deliveries[0].id }, attemptsMade: 1, opts: { attempts: 10 } } as Job<never, never, 'notice'>);
    expect(rerun).toBe('sent');

    const mails = mailsAbout(c.id);
    expect(mails.map((m) => m.envelopeTo).flat().sort()).toEqual(addresses);
    const toLeader = mails.find((m) => m.envelopeTo.includes('ola.leder@demo.bti.local'))!;
    expect(toLeader.subject).toBe(`BTI: En sak mangler stafettholder (${c.reference})`);
    expect(toLeader.text).toContain(`Sak: ${c.reference}`);
    expect(toLeader.text).toContain(`${t.config.mail.publicUrl}/saker/${c.id}`);
    const delivery = deliveries.find((d) => d.email === 'ola.leder@demo.bti.local')!;
    expect(toLeader.messageId).toBe(`<notice.${delivery.id}@localhost>`);
    expect(delivery.messageId).toBe(toLeader.messageId);
    for (const m of mails) {
      const all = `${m.subject}\n${m.text}\n${m.html}`;
      for (const personal of ['Emma', 'Testesen', '13097248022', '2021-03-14', 'sluttet å spise', 'Solsiden']) expect(all).not.toContain(personal);
    }
  });
  it('a notification written by anyone is mailed at once on its NOTIFY, without waiting for the poll', async () => {
    w = await startTestWorker(SHORT, { mail: { dispatchIntervalMs: 10 * 60_000 } });
    const pipeline = w.app.get(MailPipeline);
    await waitFor(async () => pipeline.listener!.listening, 15_000, 'LISTEN');
    await pipeline.settle(); // the start-up round is over; the next poll is ten minutes away
    // A real case (foreign keys); its own reminders go to the unit leader, so only Tor's mail is read.
    const { id: caseId, reference } = (await logConcern(t, 'kari.ansatt', 'solsiden-bhg')) as { id: string; reference: string };
    const [tor] = await ds.query(`SELECT id FROM app_user WHERE username = 'tor.tfa'`);
    await ds.query(`INSERT INTO notification ("recipientId", type, "caseId", message) VALUES ($1, 'case_assigned', $2, 'Du er satt som koordinator for en sak.')`, [tor.id, caseId]);
    const toTor = () => mailsAbout(caseId).filter((m) => m.envelopeTo.includes('tor.tfa@demo.bti.local'));
    const [mail] = await waitFor(async () => toTor().length > 0 && toTor(), 15_000, 'the e-mail');
    expect(mail.envelopeTo).toEqual(['tor.tfa@demo.bti.local']);
    expect(mail.subject).toBe(`BTI: Du er satt som koordinator for en sak (${reference})`);
    expect(mail.text).not.toContain('Frist');
  });

  it('SMTP down at send time: retried with backoff, delivered exactly once when the server is back', async () => {
    const port: number = await freePort(); // nothing listens here yet
    w = await startTestWorker({ ...SHORT, SMTP_URL: `smtp://127.0.0.1:${port}` }, { mail: { backoffMs: 300 } });
    const c = await logConcern(t, 'nina.ansatt', 'bakken-skole');
    const failing = await waitFor(async () => {
      const d = await deliveriesOf(ds, c.id);
      return d.length > 0 && d.every((x) => x.status === 'pending' && x.attempts >= 2) && d;
    }, 30_000, 'failed attempts');
    expect(failing[0].lastError).toMatch(/ECONNREFUSED/);
    expect(failing[0].lastError).not.toContain('@'); // no address in what admins and logs see
    expect(mailsAbout(c.id)).toEqual([]);

    const sink = await startMailSink({ dir: process.env.BTI_TEST_MAIL_DIR, smtpPort: port });
    try {
      await waitFor(async () => (await deliveriesOf(ds, c.id)).every((d) => d.status === 'sent'), 30_000, 'delivery once SMTP is back');
      await w.app.get(MailPipeline).settle();
      const addresses = await notifiedAddresses(ds, c.id);
      expect(addresses).toContain('berit.leder@demo.bti.local');
      expect(mailsAbout(c.id).map((m) => m.envelopeTo).flat().sort()).toEqual(addresses);
    } finally {
      await sink.stop();
    }
  });

  it('an e-mail that keeps failing ends as failed: listed for admins and left in the mail queue’s failed set', async () => {
    const port: number = await freePort();
    w = await startTestWorker({ ...SHORT, SMTP_URL: `smtp://127.0.0.1:${port}` }, { mail: { backoffMs: 100, attempts: 2 } });
    const c = await logConcern(t, 'nina.ansatt', 'bakken-skole');
    const failed = await waitFor(async () => {
      const d = await deliveriesOf(ds, c.id);
      return d.length > 0 && d.every((x) => x.status === 'failed') && d;
    }, 30_000, 'final failure');
    const admin = await t.auth('anne.admin');
    const list = await t.http.get('/api/v1/mail-deliveries/failed?pageSize=100').set(admin).expect(200);
    for (const d of failed) {
      expect(list.body.items).toContainEqual(
        expect.objectContaining({ kind: 'notice', id: d.id, status: 'failed', attempts: 2, lastError: expect.stringMatching(/ECONNREFUSED/), failedAt: expect.any(String) }),
      );
    }
    await t.http.get('/api/v1/mail-deliveries/failed').set(await t.auth('ola.leder')).expect(403);
    await t.http.get('/api/v1/mail-deliveries/failed?pageSize=0').set(admin).expect(400);

    const redis = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });
    const queue = new Queue(MAIL_QUEUE, { connection: redis });
    try {
      expect(await (await queue.getJob(failed[0].id))!.getState()).toBe('failed');
    } finally {
      await queue.close();
      redis.disconnect();
    }
    const board = await t.http.get('/admin/queues/api/queues').set(await t.auth('ole.operator')).expect(200);
    expect(board.body.queues.map((q: { name: string }) => q.name)).toContain(MAIL_QUEUE);
    expect(mailsAbout(c.id)).toEqual([]);
  });

  it('daily digest: notices wait for 07:30 on a working day, one e-mail lists them, a second run sends nothing; urgent ones go at once', async () => {
    const berit = await t.auth('berit.leder');
    const beritId = await userId(t, 'berit.leder');
    await t.http.put('/api/v1/me/notification-settings').set(berit).send({ emailMode: 'daily_digest' }).expect(200);
    try {
      w = await startTestWorker(SHORT);
      const a = await logConcern(t, 'nina.ansatt', 'bakken-skole');
      const b = await logConcern(t, 'nina.ansatt', 'bakken-skole', ABUSE); // also an urgent notice to the leader
      const waiting = await waitFor(async () => {
        const rows: { caseId: string; type: string; mode: string; status: string; digestId: string | null }[] = await ds.query(
          `SELECT n."caseId", n.type, d.mode, d.status, d."digestId" FROM notification_delivery d JOIN notification n ON n.id = d."notificationId"
            WHERE d."recipientId" = $1 AND n."caseId" = ANY($2) ORDER BY n."caseId", n.type`,
          [beritId, [a.id, b.id]],
        );
        const urgentSent = rows.some((r) => r.type === 'child_welfare_report_missing' && r.status === 'sent');
        return rows.length === 3 && urgentSent && rows;
      }, 30_000, 'digest deliveries and the urgent e-mail');
      expect(waiting.filter((r) => r.type === 'unassigned').map((r) => [r.mode, r.status, r.digestId])).toEqual([
        ['digest', 'pending', null],
        ['digest', 'pending', null],
      ]);
      expect(waiting.find((r) => r.type === 'child_welfare_report_missing')!.mode).toBe('immediate');
      expect(mailsAbout(a.id)).toEqual([]);
      const urgent = mailsAbout(b.id);
      expect(urgent.map((m) => m.subject)).toEqual([`HASTER: Melding til barnevernet mangler (${b.reference})`]);

      const collector = w.app.get(MailPipeline).collector!;
      expect(await collector.run(new Date('2026-12-05T06:30:00Z'))).toEqual([]); // a Saturday
      expect(await collector.run(new Date('2026-12-25T06:30:00Z'))).toEqual([]); // Christmas Day, a Friday
      await collector.run(new Date('2026-12-01T06:30:00Z')); // Tuesday 07:30 in Oslo
      const [digest]: { id: string }[] = await ds.query(`SELECT id FROM mail_digest WHERE "recipientId" = $1 AND "digestDate" = '2026-12-01'`, [beritId]);
      await waitFor(async () => (await ds.query(`SELECT status FROM mail_digest WHERE id = $1`, [digest.id]))[0].status === 'sent', 30_000, 'the digest');
      expect(await collector.run(new Date('2026-12-01T09:00:00Z'))).toEqual([]); // the same day again
      await w.app.get(MailPipeline).settle();

      const digests = (readSinkMessages(process.env.BTI_TEST_MAIL_DIR) as SinkMessage[]).filter((m) => m.messageId === `<digest.${digest.id}@localhost>`);
      expect(digests).toHaveLength(1);
      expect(digests[0].envelopeTo).toEqual(['berit.leder@demo.bti.local']);
      expect(digests[0].subject).toBe('BTI: Daglig sammendrag tirsdag 1. desember 2026 (2 varsler)');
      expect(mailsAbout(a.id)).toEqual(digests);
      expect(mailsAbout(b.id)).toEqual([...urgent, ...digests]);
      const after: { status: string }[] = await ds.query(`SELECT status FROM notification_delivery WHERE "digestId" = $1`, [digest.id]);
      expect(after.map((r) => r.status)).toEqual(['sent', 'sent']);
    } finally {
      await t.http.put('/api/v1/me/notification-settings').set(berit).send({ emailMode: 'immediate' }).expect(200);
    }
  });

  it('GET/PUT /me/notification-settings: immediate by default, the caller’s own, bad input is a 400 naming the field', async () => {
    const per = await t.auth('per.ppt');
    expect((await t.http.get('/api/v1/me/notification-settings').set(per).expect(200)).body).toEqual({ emailMode: 'immediate', email: 'per.ppt@demo.bti.local' });
    const bad = await t.http.put('/api/v1/me/notification-settings').set(per).send({ emailMode: 'weekly', email: 'x@y.no' }).expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'emailMode']);
    expect((await t.http.put('/api/v1/me/notification-settings').set(per).send({ emailMode: 'daily_digest' }).expect(200)).body.emailMode).toBe('daily_digest');
    expect((await t.http.get('/api/v1/me/notification-settings').set(per).expect(200)).body.emailMode).toBe('daily_digest');
    expect((await t.http.get('/api/v1/me/notification-settings').set(await t.auth('tor.tfa')).expect(200)).body.emailMode).toBe('immediate');
    await t.http.put('/api/v1/me/notification-settings').set(per).send({ emailMode: 'immediate' }).expect(200);
    await t.http.get('/api/v1/me/notification-settings').expect(401);
    const doc = await t.http.get('/docs-json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/me/notification-settings', '/api/v1/mail-deliveries/failed']));
  });

  it.each([
    ['SMTP_URL', { SMTP_URL: 'http://relay.kommune.no' }],
    ['MAIL_FROM', { MAIL_FROM: 'bti at kommune' }],
    ['PUBLIC_URL', { PUBLIC_URL: 'bti.kommune.no' }],
  ])('a bad %s stops the start with one line naming it', (name, overrides) => {
    let error: unknown;
    try {
      loadConfig(testEnv(overrides));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(name);
    expect((error as Error).message).not.toContain('\n');
  });

  it('mail configuration: no SMTP_URL means no e-mail; PUBLIC_URL loses its trailing slash', () => {
    expect(loadConfig(testEnv({ SMTP_URL: '' })).mail).toEqual({ smtpUrl: null, from: 'BTI saksflyt <bti@localhost>', publicUrl: 'http://localhost:3000' });
    const mail = loadConfig(testEnv({ SMTP_URL: 'smtps://u:p@smtp.kommune.no:465', MAIL_FROM: 'BTI <bti@kommune.no>', PUBLIC_URL: 'https://bti.kommune.no/' })).mail;
    expect(mail).toEqual({ smtpUrl: 'smtps://u:p@smtp.kommune.no:465', from: 'BTI <bti@kommune.no>', publicUrl: 'https://bti.kommune.no' });
  });
});
