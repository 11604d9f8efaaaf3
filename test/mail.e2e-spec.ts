import { DataSource } from 'typeorm';
import type { Job } from 'bullmq';
import { MailPipeline } from '../apps/worker/src/worker.factory.js';
// @ts-expect-error: plain ESM script without type declarations
import { freePort } from '../scripts/embedded-services.mjs';
// @ts-expect-error: plain ESM script without type declarations
import { readSinkMessages, startMailSink } from '../scripts/mail-sink.mjs';
import { logConcern } from './harness/cases.js';
import { startTestApp, type TestApp } from './harness/test-app.js';
import { startTestWorker, waitFor, type TestWorker } from './harness/worker.js';

import { jest } from '@jest/globals';

jest.setTimeout(60_000);

/** Only the unassigned reminder fires during the test: one notice to the unit's leaders. */
const SHORT = { REMINDER_UNASSIGNED: 'PT1S' };

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
    t = await startTestApp(SHORT);
    ds = t.app.get(DataSource);
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
    expect(toLeader.subject).toBe('BTI: En sak mangler saksansvarlig');
    expect(toLeader.text).toContain(`${t.config.mail.publicUrl}/saker/${c.id}`);
    const delivery = deliveries.find((d) => d.email === 'ola.leder@demo.bti.local')!;
    expect(toLeader.messageId).toBe(`<notice.${delivery.id}@localhost>`);
    expect(delivery.messageId).toBe(toLeader.messageId);
    for (const m of mails) {
      const all = `${m.subject}\n${m.text}\n${m.html}`;
      for (const personal of ['Emma', 'Testesen', '13097248022', '2021-03-14', 'sluttet å spise', 'Solsiden']) expect(all).not.toContain(personal);
    }
  });
});
