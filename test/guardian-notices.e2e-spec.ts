import { jest } from '@jest/globals';
// @ts-expect-error: plain ESM script without type declarations
import { readSinkMessages } from '../scripts/mail-sink.mjs';
import { caseEtag } from './harness/cases.js';
import { addGuardian, familyCase } from './harness/citizen.js';
import { startTestApp, type TestApp } from './harness/test-app.js';
import { startTestWorker, waitFor, type TestWorker } from './harness/worker.js';

jest.setTimeout(120_000);

// Synthetic national ids (month + 80).
const MOTHER = '03888510086';
const FATHER = '21908210015';
const CHILD = '14892050083';
const osloDay = (offset: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date(Date.now() + offset * 86_400_000));

interface SinkMessage { envelopeTo: string[]; subject: string; text: string; html: string }
const mailsTo = (address: string): SinkMessage[] => (readSinkMessages(process.env.BTI_TEST_MAIL_DIR) as SinkMessage[]).filter((m) => m.envelopeTo.includes(address));

/** Guardians' e-mails (DESIGN 12.8.11): the kind of notice only, one of each kind a day per guardian. */
describe('e-mail notices to guardians', () => {
  let t: TestApp;
  let w: TestWorker;
  beforeAll(async () => {
    if (!process.env.BTI_TEST_MAIL_DIR) throw new Error('The e-mail tests read the harness sink: run them without SMTP_URL.');
    t = await startTestApp();
    w = await startTestWorker();
  });
  afterAll(async () => {
    await w?.close();
    await t?.close();
  });

  async function writeLog(caseId: string, text: string, confidential?: string) {
    const res = await t.http.post(`/api/v1/cases/${caseId}/log`).set(await t.auth('kari.ansatt')).set('If-Match', await caseEtag(t, 'kari.ansatt', caseId)).send({ type: 'note', text, ...(confidential ? { confidential } : {}) });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }
  const notices = (caseId: string) => t.db.query(`SELECT kind, status FROM citizen_notice WHERE "caseId" = $1 ORDER BY kind`, [caseId]);

  it('mails a waiting consent request and a shared log entry, once a day each, saying nothing about the case or the child', async () => {
    const mona = `mona.${Date.now()}@example.test`;
    const caseId = await familyCase(t, { firstName: 'Synnøve', nationalId: CHILD, birthDate: '2020-09-14' });
    const guardian = await addGuardian(t, caseId, { nationalId: MOTHER, name: 'Mona Varselsen', relation: 'mor', email: mona });
    await addGuardian(t, caseId, { nationalId: FATHER, name: 'Per Varselsen', relation: 'far' }); // no address: no e-mail
    const listed = await t.http.get(`/api/v1/cases/${caseId}/guardians`).set(await t.auth('kari.ansatt')).expect(200);
    expect(listed.body.items.find((g: { id: string }) => g.id === guardian.id)).toEqual(expect.objectContaining({ email: mona }));

    await t.http
      .post(`/api/v1/cases/${caseId}/consent-requests`)
      .set(await t.auth('kari.ansatt'))
      .set('If-Match', await caseEtag(t, 'kari.ansatt', caseId))
      .send({ services: ['health_station'], purpose: 'Samarbeid med helsesykepleier om Synnøve.', validUntil: osloDay(30) })
      .expect(201);
    await writeLog(caseId, 'Synnøve hadde en god dag.');
    await writeLog(caseId, 'Synnøve lekte ute hele dagen.');

    const mails = await waitFor(async () => (mailsTo(mona).length >= 2 ? mailsTo(mona) : null), 20_000, 'two e-mails to the guardian');
    expect(mails.map((m) => m.subject).sort()).toEqual(['BTI: Det er nytt innhold i en sak du har innsyn i', 'BTI: Du har fått en forespørsel om samtykke']);
    const reference = (await t.http.get(`/api/v1/cases/${caseId}`).set(await t.auth('kari.ansatt'))).body.reference;
    for (const m of mails) {
      expect(m.text).toContain('/innbygger');
      for (const secret of ['Synnøve', 'Varselsen', 'Mona', caseId, reference, MOTHER, 'helsesykepleier']) expect(`${m.subject}\n${m.text}\n${m.html}`).not.toContain(secret);
    }
    expect(await notices(caseId)).toEqual([{ kind: 'consent_request', status: 'sent' }, { kind: 'log_shared', status: 'sent' }]);
    expect(mailsTo(mona)).toHaveLength(2);
    expect(w.logs.text).not.toContain(mona);
  });

  it('does not mail what the guardian cannot see, and mails once the unit leader clears it', async () => {
    const mona = `mona.skjermet.${Date.now()}@example.test`;
    const caseId = await familyCase(t, { nationalId: CHILD, birthDate: '2020-09-14' });
    await addGuardian(t, caseId, { nationalId: MOTHER, name: 'Mona Testesen', relation: 'mor', email: mona });
    const entryId = await writeLog(caseId, 'Barnet ba oss ikke si noe hjemme.', 'child_asked');
    expect(await notices(caseId)).toEqual([]);
    await t.http.post(`/api/v1/cases/${caseId}/log/${entryId}/declassification`).set(await t.auth('ola.leder')).set('If-Match', await caseEtag(t, 'ola.leder', caseId)).expect(200);
    const [mail] = await waitFor(async () => (mailsTo(mona).length ? mailsTo(mona) : null), 20_000, 'the e-mail after clearing');
    expect(mail.subject).toBe('BTI: Det er nytt innhold i en sak du har innsyn i');
  });

  it('refuses a malformed address naming the field', async () => {
    const caseId = await familyCase(t, { nationalId: CHILD, birthDate: '2020-09-14' });
    const res = await t.http
      .post(`/api/v1/cases/${caseId}/guardians`)
      .set(await t.auth('kari.ansatt'))
      .set('If-Match', await caseEtag(t, 'kari.ansatt', caseId))
      .send({ nationalId: MOTHER, name: 'Mona', relation: 'mor', parentalResponsibility: true, verification: 'document_seen', email: 'ikke-en-adresse' });
    expect([res.status, res.body.errors?.map((e: { field: string }) => e.field)]).toEqual([400, ['email']]);
  });
});
