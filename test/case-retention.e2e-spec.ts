import { jest } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { AuditVerifier } from '../apps/api/src/audit/audit-verifier.js';
import { ArchivePipeline } from '../apps/worker/src/archive/archive-pipeline.service.js';
import { sealAll } from './harness/audit.js';
import { logConcern, sendEvent } from './harness/cases.js';
import { reportEvent } from './harness/child-welfare-report.js';
import { logins, startTestApp, type TestApp } from './harness/test-app.js';
import { createDataSource } from '@app/persistence';
import { startTestWorker, waitFor, type TestWorker } from './harness/worker.js';

jest.setTimeout(240_000);

const CLOSE = { type: 'close', reason: 'no_concern', justification: 'Samtale med barnet og foresatte avkreftet mistanken.' };
const osloToday = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());

describe('Retention and deletion (DESIGN 12.5, 12.8)', () => {
  let t: TestApp;
  let w: TestWorker;
  let db: DataSource;
  const row = async (id: string) =>
    (await db.query(`SELECT "closedAt", "accessEndsAt", "deleteAfter", "deletedAt", bti_oslo_add("closedAt", 'P90D') AS "p90", bti_oslo_add("closedAt", 'P3Y') AS "p3y" FROM bti_case WHERE id = $1`, [id]))[0];
  const status = async (username: string, id: string) => (await t.http.get(`/api/v1/cases/${id}`).set(await t.auth(username))).status;

  beforeAll(async () => {
    t = await startTestApp();
    w = await startTestWorker();
    db = t.db;
  });
  afterAll(async () => {
    await w?.close();
    await t?.close();
  });

  it('closing stores accessEndsAt and deleteAfter from the profile version (P90D, P3Y on the Oslo calendar); reopen clears them', async () => {
    const c = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    expect((await sendEvent(t, 'ola.leder', c.id, CLOSE)).status).toBe(200);
    const closed = await row(c.id);
    expect(closed.closedAt).not.toBeNull();
    expect([closed.accessEndsAt, closed.deleteAfter]).toEqual([closed.p90, closed.p3y]);
    expect((await sendEvent(t, 'ola.leder', c.id, { type: 'reopen', reason: 'Ny informasjon fra skolen om barnet.' })).status).toBe(200);
    expect(await row(c.id)).toMatchObject({ closedAt: null, accessEndsAt: null, deleteAfter: null });
  });

  it('a closed case is read-only: recording a consent is refused with 422 TRANSITION_NOT_ALLOWED, and allowed again after reopen', async () => {
    const c = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    expect((await sendEvent(t, 'ola.leder', c.id, CLOSE)).status).toBe(200);
    const consent = { givenBy: { name: 'Mor Testesen', relation: 'mother' }, recipients: ['tfa'], purpose: 'Drøfte tiltak med TFA.', form: 'written', validUntil: '2099-12-31' };
    const record = async () => {
      const etag = (await t.http.get(`/api/v1/cases/${c.id}`).set(await t.auth('ola.leder'))).headers.etag;
      return t.http.post(`/api/v1/cases/${c.id}/consents`).set(await t.auth('ola.leder')).set('If-Match', etag).send(consent);
    };
    const refused = await record();
    expect([refused.status, refused.body.code]).toEqual([422, 'TRANSITION_NOT_ALLOWED']);
    expect((await sendEvent(t, 'ola.leder', c.id, { type: 'reopen', reason: 'Ny informasjon fra skolen om barnet.' })).status).toBe(200);
    expect((await record()).status).toBe(201);
  });

  it('by the Oslo calendar: closed 90 days ago today, only the unit leader sees it; closed 89 days ago, the reporter still does', async () => {
    const c = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    expect((await sendEvent(t, 'ola.leder', c.id, CLOSE)).status).toBe(200);
    const setClosed = (days: number) =>
      db.query(
        `UPDATE bti_case SET "closedAt" = ((now() AT TIME ZONE 'Europe/Oslo') - make_interval(days => $2) - interval '1 minute') AT TIME ZONE 'Europe/Oslo',
                             "accessEndsAt" = bti_oslo_add(((now() AT TIME ZONE 'Europe/Oslo') - make_interval(days => $2) - interval '1 minute') AT TIME ZONE 'Europe/Oslo', 'P90D')
          WHERE id = $1`,
        [c.id, days],
      );
    await setClosed(89);
    expect([await status('kari.ansatt', c.id), await status('ola.leder', c.id)]).toEqual([200, 200]);
    await setClosed(90);
    expect([await status('kari.ansatt', c.id), await status('ola.leder', c.id)]).toEqual([404, 200]);
    const list = await t.http.get('/api/v1/cases?status=closed&pageSize=100').set(await t.auth('kari.ansatt'));
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(c.id);
  });

  describe('kassasjon', () => {
    const MARKERS = { first: 'Kassandra', last: 'Slettemark', text: 'Merkeord-slettes-7311', report: 'Rapportmerke-8422' };
    let caseId: string;
    let kept: string;
    let statsBefore: unknown;

    beforeAll(async () => {
      const c = await logConcern(t, 'kari.ansatt', 'solsiden-bhg', {
        child: { firstName: MARKERS.first, lastName: MARKERS.last },
        concern: { description: `Bekymring ${MARKERS.text}`, childVoice: `Barnet sier ${MARKERS.text}` },
      });
      caseId = c.id;
      expect((await sendEvent(t, 'kari.ansatt', caseId, reportEvent({ grounds: `Grunnlag ${MARKERS.report}` }))).status).toBe(200);
      expect((await sendEvent(t, 'ola.leder', caseId, { ...CLOSE, justification: `Avsluttet etter samtale ${MARKERS.text}.` })).status).toBe(200);
      kept = (await logConcern(t, 'kari.ansatt', 'solsiden-bhg')).id;
      expect((await sendEvent(t, 'ola.leder', kept, CLOSE)).status).toBe(200);
      // Both past closedCaseKeep.
      await db.query(`UPDATE bti_case SET "deleteAfter" = now() - interval '1 second' WHERE id = ANY($1)`, [[caseId, kept]]);
      statsBefore = (await t.http.get(`/api/v1/stats/overview?from=${osloToday()}&to=${osloToday()}`).set(await t.auth('lars.analytiker'))).body;
    });

    /** Every text-like column of every table that holds `marker`. */
    const markerHits = async (marker: string): Promise<string[]> => {
      const columns = (await db.query(
        `SELECT table_name, column_name FROM information_schema.columns
          WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'ARRAY', 'json', 'character')`,
      )) as { table_name: string; column_name: string }[];
      const hits: string[] = [];
      for (const { table_name, column_name } of columns) {
        const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM "${table_name}" WHERE "${column_name}"::text ILIKE $1`, [`%${marker}%`]);
        if (n > 0) hits.push(`${table_name}.${column_name}`);
      }
      return hits;
    };

    const deletion = () => w.app.get(ArchivePipeline).deletion.run(`test:${Date.now()}`);

    it('only the worker login may run the extraction and erasure functions (DESIGN 12.3)', async () => {
      const api = await createDataSource(logins.api).initialize();
      try {
        for (const call of [`SELECT bti_erase_case($1, 'x')`, `SELECT * FROM bti_retention_due($1, 1)`, `SELECT * FROM bti_archive_cases($1, '2026-01-01', '2026-12-31', NULL, NULL, 1)`]) {
          await expect(api.query(call, [caseId])).rejects.toThrow(/permission denied/);
        }
      } finally {
        await api.destroy();
      }
    });

    it('with archive: true nothing is deleted before an extraction holding the case is deposited', async () => {
      expect(await markerHits(MARKERS.first)).toEqual(expect.arrayContaining(['child.firstName']));
      expect(await markerHits(MARKERS.text)).toEqual(expect.arrayContaining(['concern.description', 'concern.childVoice']));
      await deletion();
      expect((await row(caseId)).deletedAt).toBeNull();
    });

    it('the archivist extracts over HTTP (202, then done), downloads the zip, records the deposit; others are refused', async () => {
      expect((await t.http.post('/api/v1/archive/extractions').set(await t.auth('ola.leder')).send({ from: osloToday(), to: osloToday() })).status).toBe(403);
      const bad = await t.http.post('/api/v1/archive/extractions').set(await t.auth('arne.arkivar')).send({ from: 'i går', to: osloToday() });
      expect([bad.status, bad.body.errors.map((e: { field: string }) => e.field)]).toEqual([400, ['from']]);
      // A date that matches the pattern but is not in the calendar: 400 naming it, not a 500 from the database.
      const impossible = await t.http.post('/api/v1/archive/extractions').set(await t.auth('arne.arkivar')).send({ from: '2026-02-30', to: osloToday() });
      expect([impossible.status, impossible.body.errors.map((e: { field: string }) => e.field)]).toEqual([400, ['from']]);
      expect(await status('arne.arkivar', caseId)).toBe(404);

      const started = await t.http.post('/api/v1/archive/extractions').set(await t.auth('arne.arkivar')).send({ from: osloToday(), to: osloToday() });
      expect(started.status).toBe(202);
      const id = started.body.id as string;
      const view = await waitFor(async () => {
        const res = await t.http.get(`/api/v1/archive/extractions/${id}`).set(await t.auth('arne.arkivar'));
        return res.body.status !== 'running' ? res.body : null;
      }, 120_000, 'extraction done');
      expect(view).toMatchObject({ status: 'done' });
      expect(view.cases).toBeGreaterThanOrEqual(2);

      const zip = await t.http.get(`/api/v1/archive/extractions/${id}/package`).set(await t.auth('arne.arkivar')).buffer(true).parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
      expect([zip.status, zip.headers['content-type']]).toEqual([200, 'application/zip']);
      const body = zip.body as Buffer;
      expect(body.subarray(0, 2).toString()).toBe('PK');
      expect(body.includes(Buffer.from('arkivstruktur.xml'))).toBe(true);
      expect(body.includes(Buffer.from('DOKUMENT/'))).toBe(true);

      const dep = await t.http.post(`/api/v1/archive/extractions/${id}/deposited`).set(await t.auth('arne.arkivar')).send({ reference: 'IKA-2026/1' });
      expect([dep.status, dep.body.depositReference]).toEqual([200, 'IKA-2026/1']);
      expect((await t.http.post(`/api/v1/archive/extractions/${id}/deposited`).set(await t.auth('arne.arkivar')).send({ reference: 'x' })).status).toBe(409);
      const jobs = await db.query(`SELECT action FROM audit_event WHERE detail->'target'->>'id' = $1 OR detail->>'extractionId' = $1 ORDER BY id`, [id]);
      expect(jobs.map((j: { action: string }) => j.action)).toEqual(expect.arrayContaining(['archive.extract', 'archive.download', 'archive.deposit']));
    });

    it('then the daily run deletes the case: 404 to everyone, its markers in no table, statistics and audit chain intact', async () => {
      const run = await deletion();
      expect(run.deleted).toBeGreaterThanOrEqual(2);
      expect((await row(caseId)).deletedAt).not.toBeNull();
      for (const user of ['kari.ansatt', 'ola.leder', 'eva.revisor', 'anne.admin', 'arne.arkivar']) expect([user, await status(user, caseId)]).toEqual([user, 404]);

      for (const marker of Object.values(MARKERS)) expect([marker, await markerHits(marker)]).toEqual([marker, []]);
      const statsAfter = (await t.http.get(`/api/v1/stats/overview?from=${osloToday()}&to=${osloToday()}`).set(await t.auth('lars.analytiker'))).body;
      expect(statsAfter).toEqual(statsBefore);

      const [audit] = await db.query(`SELECT "actorUsername", detail FROM audit_event WHERE action = 'retention.delete' AND "caseId" = $1`, [caseId]);
      expect(audit).toEqual({ actorUsername: 'system', detail: { rule: 'archived_and_deposited' } });
      await sealAll(db);
      const chains = await new AuditVerifier(db).verifyAll();
      expect(chains.every((c) => c.valid)).toBe(true);

      const report = await t.http.get('/api/v1/retention/deletions').set(await t.auth('eva.revisor'));
      expect(report.status).toBe(200);
      expect(report.body.items[0]).toMatchObject({ rule: 'archived_and_deposited' });
      expect(report.body.totalCases).toBeGreaterThanOrEqual(2);
      expect((await t.http.get('/api/v1/retention/deletions').set(await t.auth('arne.arkivar'))).status).toBe(403);
    });

    it('with archive: false a case is deleted only when the profile names a disposal basis', async () => {
      const c = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
      expect((await sendEvent(t, 'ola.leder', c.id, CLOSE)).status).toBe(200);
      const [{ municipalityId, profileVersion }] = await db.query(`SELECT "municipalityId", "profileVersion" FROM bti_case WHERE id = $1`, [c.id]);
      const addVersion = async (retention: object) => {
        const [{ v }] = await db.query(
          `INSERT INTO municipality_profile_version ("municipalityId", version, document, "createdAt", "publishedAt")
           SELECT "municipalityId", (SELECT max(version) + 1 FROM municipality_profile_version WHERE "municipalityId" = $1), document || jsonb_build_object('retention', $3::jsonb), now(), now()
             FROM municipality_profile_version WHERE "municipalityId" = $1 AND version = $2 RETURNING version AS v`,
          [municipalityId, profileVersion, JSON.stringify(retention)],
        );
        await db.query(`UPDATE bti_case SET "profileVersion" = $2, "deleteAfter" = now() - interval '1 second' WHERE id = $1`, [c.id, v]);
      };
      await addVersion({ closedCaseAccess: 'P90D', closedCaseKeep: 'P3Y', archive: false });
      await deletion();
      expect((await row(c.id)).deletedAt).toBeNull();
      await addVersion({ closedCaseAccess: 'P90D', closedCaseKeep: 'P3Y', archive: false, disposalBasis: 'Kassasjonsvedtak fra Arkivverket' });
      await deletion();
      expect((await row(c.id)).deletedAt).not.toBeNull();
    });
  });

  describe('review findings', () => {
    const deletion = () => w.app.get(ArchivePipeline).deletion.run(`test:${Date.now()}`);
    const extractAndDeposit = async (reference: string) => {
      const started = await t.http.post('/api/v1/archive/extractions').set(await t.auth('arne.arkivar')).send({ from: osloToday(), to: osloToday() });
      expect(started.status).toBe(202);
      await waitFor(async () => {
        const res = await t.http.get(`/api/v1/archive/extractions/${started.body.id}`).set(await t.auth('arne.arkivar'));
        return res.body.status === 'done' ? res.body : null;
      }, 120_000, 'extraction done');
      expect((await t.http.post(`/api/v1/archive/extractions/${started.body.id}/deposited`).set(await t.auth('arne.arkivar')).send({ reference })).status).toBe(200);
    };
    const correct = async (username: string, caseId: string, entryId: string) => {
      const etag = (await t.http.get(`/api/v1/cases/${caseId}`).set(await t.auth(username))).headers.etag;
      return t.http.post(`/api/v1/cases/${caseId}/log/${entryId}/corrections`).set(await t.auth(username)).set('If-Match', etag).send({ text: 'Rettet tekst.', reason: 'Skrivefeil.' });
    };

    it('a closed case is read-only at once for its other workers: the reporter cannot correct its log (422); the unit leader can', async () => {
      const c = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
      expect((await sendEvent(t, 'ola.leder', c.id, CLOSE)).status).toBe(200);
      const [entry] = await db.query(`SELECT id FROM case_log_entry WHERE "caseId" = $1 ORDER BY at LIMIT 1`, [c.id]);
      const byReporter = await correct('kari.ansatt', c.id, entry.id);
      expect([byReporter.status, byReporter.body.code]).toEqual([422, 'TRANSITION_NOT_ALLOWED']);
      expect((await correct('ola.leder', c.id, entry.id)).status).toBe(201);
    });

    it('the deletion gate wants the archived copy of the current closing: reopened, logged and closed again after its extraction, the case stays until extracted anew', async () => {
      const c = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
      expect((await sendEvent(t, 'ola.leder', c.id, CLOSE)).status).toBe(200);
      await extractAndDeposit('IKA-2026/gate-1');
      expect((await sendEvent(t, 'ola.leder', c.id, { type: 'reopen', reason: 'Ny informasjon fra skolen om barnet.' })).status).toBe(200);
      const etag = (await t.http.get(`/api/v1/cases/${c.id}`).set(await t.auth('ola.leder'))).headers.etag;
      expect((await t.http.post(`/api/v1/cases/${c.id}/log`).set(await t.auth('ola.leder')).set('If-Match', etag).send({ type: 'note', text: 'Nytt etter gjenåpning.' })).status).toBe(201);
      expect((await sendEvent(t, 'ola.leder', c.id, CLOSE)).status).toBe(200);
      // Under a profile version that archives (a test above published one that does not).
      await db.query(
        `UPDATE bti_case c SET "deleteAfter" = now() - interval '1 second',
           "profileVersion" = (SELECT min(v.version) FROM municipality_profile_version v WHERE v."municipalityId" = c."municipalityId") WHERE id = $1`,
        [c.id],
      );
      await deletion();
      expect((await row(c.id)).deletedAt).toBeNull();
      await extractAndDeposit('IKA-2026/gate-2');
      await deletion();
      expect((await row(c.id)).deletedAt).not.toBeNull();
      const [audit] = await db.query(`SELECT detail FROM audit_event WHERE action = 'retention.delete' AND "caseId" = $1`, [c.id]);
      expect(audit.detail).toEqual({ rule: 'archived_and_deposited' });
    });
  });
});
