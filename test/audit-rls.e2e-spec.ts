import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { BtiCase, Child, ConsentRow } from '@app/persistence';
import { PrincipalService } from '../apps/api/src/auth/principal.service.js';
import type { Principal } from '../apps/api/src/auth/principal.js';
import { RowSecurity } from '../apps/api/src/database/row-security.js';
import { sealAll, verifyThroughApi } from './harness/audit.js';
import { startTestApp, type TestApp } from './harness/test-app.js';
import { caseEtag, logConcern, sendEvent, unitIds, userId, concernBody } from './harness/cases.js';
import { reportEvent } from './harness/child-welfare-report.js';

import { jest } from '@jest/globals';

// Explicit, and enough for the hooks: they start the API on the harness database (the first file
// also migrates it), which takes tens of seconds on a loaded 2-core machine.
jest.setTimeout(60_000);

describe('audit trail and row-level security', () => {
  let t: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    t = await startTestApp();
    db = t.db;
  });
  afterAll(() => t.close());

  describe('row-level security (the second line), through the API’s own transaction helper', () => {
    let kariCase: string;
    let ninaCase: string;
    beforeAll(async () => {
      kariCase = (await logConcern(t, 'kari.ansatt', 'solsiden-bhg')).id;
      ninaCase = (await logConcern(t, 'nina.ansatt', 'bakken-skole')).id;
      // A report to child welfare on each, through the API.
      expect((await sendEvent(t, 'kari.ansatt', kariCase, reportEvent())).status).toBe(200);
      expect((await sendEvent(t, 'nina.ansatt', ninaCase, reportEvent())).status).toBe(200);
      // A row in every table with a policy for Nina's case (hidden from Kari), written as the owner.
      const nina = await userId(t, 'nina.ansatt');
      await db.query(
        `INSERT INTO consent ("caseId", "givenByName", "givenByRelation", recipients, purpose, form, "recordedById", "validFrom")
         VALUES ($1, 'Mor', 'mother', '{ppt}', 'Test', 'oral', $2, now())`,
        [ninaCase, nina],
      );
      const [measure] = await db.query(
        `INSERT INTO measure ("caseId", title, "responsibleId", "startDate", "evaluationDate", "createdById") VALUES ($1, 'Tiltak', $2, '2026-01-01', '2026-02-01', $2) RETURNING id`,
        [ninaCase, nina],
      );
      await db.query(`INSERT INTO measure_evaluation ("measureId", "caseId", outcome, note, "evaluatedById") VALUES ($1, $2, 'continue', 'x', $3)`, [measure.id, ninaCase, nina]);
      await db.query(`INSERT INTO child_voice ("caseId", event, heard, view, "actorId") VALUES ($1, 'complete_assessment', true, 'Barnets syn', $2)`, [ninaCase, nina]);
      const [entry] = await db.query(`SELECT id FROM case_log_entry WHERE "caseId" = $1 LIMIT 1`, [ninaCase]);
      await db.query(`INSERT INTO case_task ("caseId", "logEntryId", text, "responsibleId", "dueDate", "createdById") VALUES ($1, $2, 'Oppgave', $3, '2026-02-01', $3)`, [ninaCase, entry.id, nina]);
      await db.query(`INSERT INTO youth_sharing ("caseId", "sharesWithGuardians", "decidedBy", "citizenHmac") VALUES ($1, true, 'youth', $2)`, [ninaCase, 'a'.repeat(64)]);
      const [request] = await db.query(
        `INSERT INTO consent_request ("caseId", services, purpose, "validUntil", requires, "askYouth", "requestedById") VALUES ($1, '{ppt}', 'Test', now() + interval '30 days', 'one', false, $2) RETURNING id`,
        [ninaCase, nina],
      );
      await db.query(`INSERT INTO consent_request_answer ("requestId", "citizenHmac", answer, acr) VALUES ($1, $2, 'given', 'idporten-loa-high')`, [request.id, 'a'.repeat(64)]);
    });

    /** The API's own helper (RowSecurity.transaction), as every case request uses it, with a repository query inside and no CaseAccessPolicy. */
    async function asUser<T>(username: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
      const stored = await t.app.get(PrincipalService).byUsername(username);
      const principal: Principal = { ...stored!, requestId: `rls-${randomUUID()}`, purpose: 'saksbehandling' };
      return t.app.get(RowSecurity).transaction(principal, work);
    }

    /** How each table with a policy reaches its case. */
    const rowsOfCase: Record<string, string> = {
      bti_case: 'SELECT id FROM bti_case WHERE id = $1',
      child: 'SELECT id FROM child WHERE id = (SELECT "childId" FROM bti_case WHERE id = $1)',
      concern: 'SELECT id FROM concern WHERE "caseId" = $1',
      case_log_entry: 'SELECT id FROM case_log_entry WHERE "caseId" = $1',
      consent: 'SELECT id FROM consent WHERE "caseId" = $1',
      measure: 'SELECT id FROM measure WHERE "caseId" = $1',
      measure_evaluation: 'SELECT id FROM measure_evaluation WHERE "caseId" = $1',
      child_welfare_report: 'SELECT id FROM child_welfare_report WHERE "caseId" = $1',
      child_voice: 'SELECT id FROM child_voice WHERE "caseId" = $1',
      case_task: 'SELECT id FROM case_task WHERE "caseId" = $1',
      case_guardian: 'SELECT id FROM case_guardian WHERE "caseId" = $1',
      youth_sharing: 'SELECT id FROM youth_sharing WHERE "caseId" = $1',
      consent_request: 'SELECT id FROM consent_request WHERE "caseId" = $1',
      consent_request_answer: 'SELECT a.id FROM consent_request_answer a JOIN consent_request r ON r.id = a."requestId" WHERE r."caseId" = $1',
    };

    it('runs as the application role with the caller’s identity, not as the owner', async () => {
      const kari = await userId(t, 'kari.ansatt');
      const [who] = await asUser('kari.ansatt', (em) =>
        em.query(`SELECT current_user AS "user", current_setting('bti.user_id', true) AS "userId", (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user) AS bypass`),
      );
      expect(who).toEqual({ user: 'bti_app', userId: kari, bypass: false });
    });

    /** Tables under row-level security by other rules than the case's (test/database-posture.e2e-spec.ts tests them). */
    const otherRules = ['archive_extraction', 'audit_event', 'citizen_notice', 'iks_competence_order', 'iks_referral', 'mail_digest', 'notification', 'notification_delivery', 'notification_setting', 'retention_deletion', 'scheduled_reminder'];

    it('the table list covers every table with row-level security, and the security is forced on each', async () => {
      const tables = await db.query(`SELECT relname, relforcerowsecurity AS forced FROM pg_class WHERE relrowsecurity AND relnamespace = 'public'::regnamespace ORDER BY relname`);
      expect(tables.map((r: { relname: string }) => r.relname)).toEqual([...Object.keys(rowsOfCase), ...otherRules].sort());
      expect(tables.filter((r: { forced: boolean }) => !r.forced)).toEqual([]);
    });

    it.each(Object.keys(rowsOfCase))(
      '%s: a query without the access policy sees only rows of cases the caller may see',
      async (table) => {
        const sql = rowsOfCase[table];
        // The owner sees Nina's rows: they exist.
        expect((await db.query(sql, [ninaCase])).length).toBeGreaterThan(0);
        const seen = await asUser('kari.ansatt', async (em) => ({ hidden: await em.query(sql, [ninaCase]), own: await em.query(sql, [kariCase]) }));
        expect(seen.hidden).toEqual([]);
        if (!table.startsWith('measure') && !['consent', 'child_voice', 'case_task', 'youth_sharing', 'consent_request', 'consent_request_answer'].includes(table)) expect(seen.own.length).toBeGreaterThan(0);
        // Nina's unit leader sees them through the same helper.
        expect((await asUser('berit.leder', (em) => em.query(sql, [ninaCase]))).length).toBeGreaterThan(0);
      },
    );

    it('a repository query without the policy sees only what the caller may see', async () => {
      const ids = await asUser('kari.ansatt', (em) => em.find(BtiCase));
      expect(ids.map((c) => c.id)).toContain(kariCase);
      expect(ids.map((c) => c.id)).not.toContain(ninaCase);
      const kari = await userId(t, 'kari.ansatt');
      expect(ids.every((c) => c.reporterId === kari || c.assigneeId === kari)).toBe(true);
      const [ninaChild] = await db.query('SELECT "childId" FROM bti_case WHERE id = $1', [ninaCase]);
      expect(await asUser('kari.ansatt', (em) => em.findOneBy(Child, { id: ninaChild.childId }))).toBeNull();
      expect(await asUser('kari.ansatt', (em) => em.findBy(ConsentRow, { caseId: ninaCase }))).toEqual([]);
    });

    it('without an identity the application role sees no case at all', async () => {
      const rows = await db.transaction(async (em) => {
        await em.query(`SELECT set_config('role', 'bti_app', true)`);
        return em.query('SELECT count(*)::int AS n FROM bti_case');
      });
      expect(rows[0].n).toBe(0);
    });

    it('the unit leader sees the whole unit; the analyst nothing', async () => {
      const leader = await asUser('ola.leder', (em) => em.find(BtiCase));
      const units = await unitIds(t);
      expect(leader.length).toBeGreaterThan(0);
      expect(leader.every((c) => c.unitId === units['solsiden-bhg'])).toBe(true);
      expect(await asUser('lars.analytiker', (em) => em.count(BtiCase))).toBe(0);
    });
  });

  describe('hash chain', () => {
    it('refuses UPDATE and DELETE of audit rows and links; the sealed chain verifies', async () => {
      await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
      await sealAll(db);
      expect(await verifyThroughApi(t, 'eva.revisor', 500)).toMatchObject({ valid: true, brokenAtId: null, unsealed: 0 });
      const [row] = await db.query('SELECT id FROM audit_event ORDER BY id DESC LIMIT 1 OFFSET 1');
      await expect(db.query(`UPDATE audit_event SET purpose = 'x' WHERE id = $1`, [row.id])).rejects.toThrow(/append-only/);
      await expect(db.query(`DELETE FROM audit_event WHERE id = $1`, [row.id])).rejects.toThrow(/append-only/);
      await expect(db.query(`UPDATE audit_seal SET hash = repeat('0', 64) WHERE "eventId" = $1`, [row.id])).rejects.toThrow(/append-only/);
      await expect(db.query(`DELETE FROM audit_seal WHERE "eventId" = $1`, [row.id])).rejects.toThrow(/append-only/);
    });

    it('the application role may insert audit rows but neither change them nor touch the chain', async () => {
      const denied = async (sql: string) =>
        db.transaction(async (em) => {
          await em.query(`SELECT set_config('role', 'bti_app', true)`);
          await em.query(sql);
        });
      await expect(denied(`UPDATE audit_event SET purpose = 'x' WHERE false`)).rejects.toThrow(/permission denied/);
      await expect(denied(`DELETE FROM audit_seal WHERE false`)).rejects.toThrow(/permission denied/);
      await expect(denied(`INSERT INTO audit_seal SELECT * FROM audit_seal WHERE false`)).rejects.toThrow(/permission denied/);
      await expect(denied(`UPDATE audit_chain SET "lastSeq" = 0 WHERE false`)).rejects.toThrow(/permission denied/);
    });
  });

  describe('GET /audit', () => {
    it('is for the auditor only: 403 for everyone else', async () => {
      for (const username of ['kari.ansatt', 'ola.leder', 'anne.admin', 'lars.analytiker', 'siri.iks']) {
        const res = await t.http.get('/api/v1/audit').set(await t.auth(username));
        expect([username, res.status, res.body.code]).toEqual([username, 403, 'FORBIDDEN_ROLE']);
        expect((await t.http.get('/api/v1/audit/verify').set(await t.auth(username))).status).toBe(403);
      }
    });

    it('filters by case, actor and time, newest first, with the contract fields', async () => {
      const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
      await t.http.get(`/api/v1/cases/${created.id}`).set(await t.auth('ola.leder')).set('X-Purpose', 'oppfølging').expect(200);
      const auditor = await t.auth('eva.revisor');
      const res = await t.http.get(`/api/v1/audit?caseId=${created.id}`).set(auditor).expect(200);
      expect(res.body.items.map((e: { action: string }) => e.action)).toEqual(['case.read', 'case.create']);
      expect(res.body.items[0]).toEqual({
        id: expect.any(String), actorId: await userId(t, 'ola.leder'), actorUsername: 'ola.leder', actorName: 'Ola Leder', action: 'case.read', caseId: created.id,
        at: expect.any(String), requestId: expect.any(String), purpose: 'oppfølging', sealed: false, seq: null, hash: null, detail: null,
      });
      await sealAll(db);
      const sealed = (await t.http.get(`/api/v1/audit?caseId=${created.id}`).set(auditor).expect(200)).body.items[0];
      expect(sealed).toMatchObject({ id: res.body.items[0].id, sealed: true, seq: expect.stringMatching(/^\d+$/), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      const byActor = await t.http.get(`/api/v1/audit?caseId=${created.id}&actorId=${await userId(t, 'kari.ansatt')}`).set(auditor).expect(200);
      expect(byActor.body.items.map((e: { action: string }) => e.action)).toEqual(['case.create']);
      const future = await t.http.get(`/api/v1/audit?caseId=${created.id}&from=2999-01-01T00:00:00Z`).set(auditor).expect(200);
      expect(future.body.total).toBe(0);
      const bad = await t.http.get('/api/v1/audit?caseId=x&from=yesterday&to=2020-W01').set(auditor).expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['caseId', 'from', 'to']);
      await t.http.get('/api/v1/audit?from=2020-123').set(auditor).expect(400);
      await t.http.get('/api/v1/audit?from=2026-01-01&to=2026-01-02T08:00:00Z').set(auditor).expect(200);
    });
  });

  describe('every endpoint that touches case data writes an audit event', () => {
    type Call = (caseId: string) => Promise<import('supertest').Response>;
    let caseId: string;
    let consentId: string;
    let logEntryId: string;
    let guardianId: string;
    /** A case referred to IKS (and acting), its referral, a second referral to return, a measure, an order. */
    const iks = { caseId: '', referralId: '', returnCaseId: '', returnReferralId: '', measureId: '', orderId: '' };
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const as = async (username: string) => ({ ...(await t.auth(username)), 'X-Request-Id': lastRequestId });
    const requestId = () => `audit-${randomUUID()}`;
    let lastRequestId = '';
    /** The report the events call records, read by the report endpoints after it. */
    let reportId = '';

    /** Table of case-data endpoints; the OpenAPI check below fails when a new one is missing here. */
    const calls: Record<string, Call> = {
      'POST /api/v1/cases': async () => {
        const units = await unitIds(t);
        return t.http.post('/api/v1/cases').set(await t.auth('kari.ansatt')).set('X-Request-Id', lastRequestId).send(concernBody(units['solsiden-bhg']));
      },
      'GET /api/v1/cases': async () => t.http.get('/api/v1/cases').set(await t.auth('ola.leder')).set('X-Request-Id', lastRequestId),
      'GET /api/v1/cases/{id}': async (id) => t.http.get(`/api/v1/cases/${id}`).set(await t.auth('ola.leder')).set('X-Request-Id', lastRequestId),
      'GET /api/v1/cases/{id}/log': async (id) => t.http.get(`/api/v1/cases/${id}/log`).set(await t.auth('ola.leder')).set('X-Request-Id', lastRequestId),
      'POST /api/v1/cases/{id}/log': async (id) => {
        const res = await t.http
          .post(`/api/v1/cases/${id}/log`)
          .set(await t.auth('ola.leder'))
          .set('If-Match', await caseEtag(t, 'ola.leder', id))
          .set('X-Request-Id', lastRequestId)
          .send({ type: 'note', text: 'Notat.' });
        logEntryId = res.body.id;
        return res;
      },
      'GET /api/v1/cases/{id}/log/{entryId}': async (id) => t.http.get(`/api/v1/cases/${id}/log/${logEntryId}`).set(await t.auth('ola.leder')).set('X-Request-Id', lastRequestId),
      'POST /api/v1/cases/{id}/log/{entryId}/corrections': async (id) =>
        t.http
          .post(`/api/v1/cases/${id}/log/${logEntryId}/corrections`)
          .set(await t.auth('ola.leder'))
          .set('If-Match', await caseEtag(t, 'ola.leder', id))
          .set('X-Request-Id', lastRequestId)
          .send({ text: 'Rettet notat.', reason: 'Skrivefeil.' }),
      'POST /api/v1/cases/{id}/log/{entryId}/declassification': async (id) => {
        const confidential = await t.http
          .post(`/api/v1/cases/${id}/log`)
          .set(await t.auth('ola.leder'))
          .set('If-Match', await caseEtag(t, 'ola.leder', id))
          .send({ type: 'note', text: 'Barnet ba oss ikke fortelle det hjemme.', confidential: 'child_asked' });
        return t.http
          .post(`/api/v1/cases/${id}/log/${confidential.body.id}/declassification`)
          .set(await t.auth('ola.leder'))
          .set('If-Match', await caseEtag(t, 'ola.leder', id))
          .set('X-Request-Id', lastRequestId);
      },
      'POST /api/v1/cases/{id}/youth-sharing/override': async (id) =>
        t.http
          .post(`/api/v1/cases/${id}/youth-sharing/override`)
          .set(await t.auth('ola.leder'))
          .set('If-Match', await caseEtag(t, 'ola.leder', id))
          .set('X-Request-Id', lastRequestId)
          .send({ shareWithGuardians: true, reason: 'Foresatte trenger dette for å ivareta foreldreansvaret.' }),
      'POST /api/v1/cases/{id}/events': async (id) => {
        const headers = await t.auth('ola.leder');
        const etag = (await t.http.get(`/api/v1/cases/${id}`).set(headers)).headers.etag;
        const res = await t.http.post(`/api/v1/cases/${id}/events`).set(headers).set('If-Match', etag).set('X-Request-Id', lastRequestId).send(reportEvent({ grounds: 'Test.' }));
        reportId = res.body.childWelfareReportId;
        return res;
      },
      'GET /api/v1/cases/{id}/child-welfare-reports': async (id) => t.http.get(`/api/v1/cases/${id}/child-welfare-reports`).set(await as('ola.leder')),
      'GET /api/v1/cases/{id}/child-welfare-reports/{reportId}': async (id) => t.http.get(`/api/v1/cases/${id}/child-welfare-reports/${reportId}`).set(await as('ola.leder')),
      'GET /api/v1/cases/{id}/child-welfare-reports/{reportId}/document': async (id) =>
        t.http.get(`/api/v1/cases/${id}/child-welfare-reports/${reportId}/document`).set(await as('ola.leder')),
      'PUT /api/v1/cases/{id}/assignee': async (id) => {
        const headers = await t.auth('ola.leder');
        const etag = (await t.http.get(`/api/v1/cases/${id}`).set(headers)).headers.etag;
        return t.http.put(`/api/v1/cases/${id}/assignee`).set(headers).set('If-Match', etag).set('X-Request-Id', lastRequestId).send({ assigneeId: await userId(t, 'kari.ansatt') });
      },
      'GET /api/v1/cases/{id}/consents': async (id) => t.http.get(`/api/v1/cases/${id}/consents`).set(await t.auth('ola.leder')).set('X-Request-Id', lastRequestId),
      'POST /api/v1/cases/{id}/consents': async (id) => {
        const res = await t.http
          .post(`/api/v1/cases/${id}/consents`)
          .set(await t.auth('ola.leder'))
          .set('If-Match', await caseEtag(t, 'ola.leder', id))
          .set('X-Request-Id', lastRequestId)
          .send({ givenBy: { name: 'Far', relation: 'father' }, recipients: ['ppt'], purpose: 'Test', form: 'oral', validUntil: '2099-12-31' });
        consentId = res.body.id;
        return res;
      },
      'POST /api/v1/cases/{id}/consents/{consentId}/withdrawal': async (id) =>
        t.http.post(`/api/v1/cases/${id}/consents/${consentId}/withdrawal`).set(await t.auth('ola.leder')).set('X-Request-Id', lastRequestId).send({ reason: 'Test' }),
      'GET /api/v1/cases/{id}/guardians': async (id) => t.http.get(`/api/v1/cases/${id}/guardians`).set(await as('ola.leder')),
      'POST /api/v1/cases/{id}/guardians': async (id) => {
        const res = await t.http
          .post(`/api/v1/cases/${id}/guardians`)
          .set(await as('ola.leder'))
          .set('If-Match', await caseEtag(t, 'ola.leder', id))
          .send({ nationalId: '03888510086', name: 'Mor', relation: 'mor', parentalResponsibility: true, verification: 'document_seen' });
        guardianId = res.body.id;
        return res;
      },
      'PUT /api/v1/cases/{id}/guardians/{guardianId}': async (id) =>
        t.http.put(`/api/v1/cases/${id}/guardians/${guardianId}`).set(await as('ola.leder')).set('If-Match', await caseEtag(t, 'ola.leder', id)).send({ nationalId: '03888510086', verification: 'stated_by_staff' }),
      // The stafettholder (kari, assigned by the assignee call above) asks the family.
      'POST /api/v1/cases/{id}/consent-requests': async (id) =>
        t.http
          .post(`/api/v1/cases/${id}/consent-requests`)
          .set(await as('kari.ansatt'))
          .set('If-Match', await caseEtag(t, 'kari.ansatt', id))
          .send({ services: ['ppt'], purpose: 'Samarbeid.', validUntil: '2099-12-31' }),
      'GET /api/v1/cases/{id}/iks-referrals': async () => t.http.get(`/api/v1/cases/${iks.caseId}/iks-referrals`).set(await as('ola.leder')),
      'GET /api/v1/iks/referrals': async () => t.http.get('/api/v1/iks/referrals').set(await as('siri.iks')),
      'GET /api/v1/iks/referrals/{id}': async () => t.http.get(`/api/v1/iks/referrals/${iks.referralId}`).set(await as('siri.iks')),
      'POST /api/v1/iks/referrals/{id}/priority': async () => t.http.post(`/api/v1/iks/referrals/${iks.referralId}/priority`).set(await as('siri.iks')).send({ priority: 2 }),
      'POST /api/v1/iks/referrals/{id}/return': async () =>
        t.http.post(`/api/v1/iks/referrals/${iks.returnReferralId}/return`).set(await as('siri.iks')).set('If-Match', await caseEtag(t, 'siri.iks', iks.returnCaseId)).send({ reason: 'Egen enhet kan følge opp.' }),
      'POST /api/v1/iks/referrals/{id}/acceptance': async () =>
        t.http
          .post(`/api/v1/iks/referrals/${iks.referralId}/acceptance`)
          .set(await as('siri.iks'))
          .set('If-Match', await caseEtag(t, 'siri.iks', iks.caseId))
          .send({ priority: 2, coreGroup: ['slt_coordinator', 'ppt'], entryPlan: 'Oppstartsmøte.', exitCriteria: 'Stabilt oppmøte.' }),
      'POST /api/v1/iks/referrals/{id}/orders': async () => {
        const res = await t.http
          .post(`/api/v1/iks/referrals/${iks.referralId}/orders`)
          .set(await as('siri.iks'))
          .send({ serviceCode: 'ppt', unitLeaderId: await userId(t, 'ola.leder'), note: 'PPT i kjernegruppen.' });
        iks.orderId = res.body.id;
        return res;
      },
      'GET /api/v1/iks/orders': async () => t.http.get('/api/v1/iks/orders').set(await as('siri.iks')),
      'POST /api/v1/iks/orders/{orderId}/acknowledgement': async () => t.http.post(`/api/v1/iks/orders/${iks.orderId}/acknowledgement`).set(await as('ola.leder')).send({}),
      'POST /api/v1/cases/{id}/measures': async () => {
        const res = await t.http
          .post(`/api/v1/cases/${iks.caseId}/measures`)
          .set(await as('ola.leder'))
          .set('If-Match', await caseEtag(t, 'ola.leder', iks.caseId))
          .send({ catalogCode: 'icdp', responsibleId: await userId(t, 'kari.ansatt'), startDate: day(0), evaluationDate: day(30) });
        iks.measureId = res.body.id;
        return res;
      },
      'GET /api/v1/cases/{id}/measures': async () => t.http.get(`/api/v1/cases/${iks.caseId}/measures`).set(await as('ola.leder')),
      'POST /api/v1/cases/{id}/measures/{measureId}/evaluations': async () =>
        t.http.post(`/api/v1/cases/${iks.caseId}/measures/${iks.measureId}/evaluations`).set(await as('ola.leder')).set('If-Match', await caseEtag(t, 'ola.leder', iks.caseId)).send({ outcome: 'stop', note: 'Fungerer.' }),
      'POST /api/v1/iks/referrals/{id}/end': async () =>
        t.http.post(`/api/v1/iks/referrals/${iks.referralId}/end`).set(await as('siri.iks')).set('If-Match', await caseEtag(t, 'siri.iks', iks.caseId)).send({ exitCriteriaMet: true, summary: 'Målene er nådd.' }),
    };

    /** Which case an endpoint's audit events must name. */
    const expectedCase = (endpoint: string) =>
      endpoint.endsWith('/return') ? iks.returnCaseId : (endpoint.includes('/iks/') || endpoint.includes('iks-referrals') || endpoint.includes('/measures') ? iks.caseId : caseId);

    /** A case decided to IKS under consent, through the API; returns its referral id. */
    async function referToIks(): Promise<{ caseId: string; referralId: string }> {
      const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
      await sendEvent(t, 'ola.leder', created.id, { type: 'start_assessment' });
      await sendEvent(t, 'ola.leder', created.id, { type: 'complete_assessment', summary: 'Sammensatt.', guardiansInformed: true });
      await t.http
        .post(`/api/v1/cases/${created.id}/consents`)
        .set(await t.auth('ola.leder'))
        .set('If-Match', await caseEtag(t, 'ola.leder', created.id))
        .send({ givenBy: { name: 'Mor', relation: 'mother' }, recipients: ['iks'], purpose: 'IKS', form: 'written', validUntil: day(60) })
        .expect(201);
      expect((await sendEvent(t, 'ola.leder', created.id, { type: 'decide', route: 'iks', rationale: 'Komplekst.', assigneeId: await userId(t, 'kari.ansatt') })).status).toBe(200);
      const [referral] = await db.query(`SELECT id FROM iks_referral WHERE "caseId" = $1`, [created.id]);
      return { caseId: created.id, referralId: referral.id };
    }

    beforeAll(async () => {
      caseId = (await logConcern(t, 'kari.ansatt', 'solsiden-bhg')).id;
      Object.assign(iks, await referToIks());
      const returned = await referToIks();
      iks.returnCaseId = returned.caseId;
      iks.returnReferralId = returned.referralId;
    });

    it('the table covers every case-data endpoint in the OpenAPI document', async () => {
      const doc = (await t.http.get('/docs-json')).body;
      const caseEndpoints = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
        .filter(([path]) => /^\/api\/v1\/(cases|iks)\b/.test(path))
        .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`));
      expect(caseEndpoints.filter((e) => !(e in calls))).toEqual([]);
    });

    it.each(Object.keys(calls))('%s', async (endpoint) => {
      lastRequestId = requestId();
      const res = await calls[endpoint](caseId);
      expect(res.status).toBeLessThan(300);
      expect(res.headers['x-request-id']).toBe(lastRequestId);
      const events = await db.query('SELECT action, "caseId" FROM audit_event WHERE "requestId" = $1', [lastRequestId]);
      expect(events.length).toBeGreaterThan(0);
      if (endpoint.includes('{')) expect(events.map((e: { caseId: string }) => e.caseId)).toContain(expectedCase(endpoint));
    });

    it('a read fails when its audit event cannot be written', async () => {
      await db.query('ALTER TABLE audit_event ADD CONSTRAINT audit_test_block CHECK (purpose <> $$blokkert$$) NOT VALID');
      try {
        const res = await t.http.get(`/api/v1/cases/${caseId}`).set(await t.auth('ola.leder')).set('X-Purpose', 'blokkert');
        expect(res.status).toBe(500);
        expect(JSON.stringify(res.body)).not.toContain('Emma');
      } finally {
        await db.query('ALTER TABLE audit_event DROP CONSTRAINT audit_test_block');
      }
    });
  });

  it('a write whose audit row cannot be written is rolled back: no state change, no log entry, no reminder change', async () => {
    const snapshot = async (id: string) => ({
      kase: (await db.query('SELECT status, version, "updatedAt" FROM bti_case WHERE id = $1', [id]))[0],
      log: await db.query('SELECT id FROM case_log_entry WHERE "caseId" = $1 ORDER BY id', [id]),
      reminders: await db.query('SELECT id, status FROM scheduled_reminder WHERE "caseId" = $1 ORDER BY id', [id]),
      notifications: await db.query('SELECT id FROM notification WHERE "caseId" = $1 ORDER BY id', [id]),
      audit: await db.query('SELECT id FROM audit_event WHERE "caseId" = $1 ORDER BY id', [id]),
    });
    const event = { type: 'complete_assessment', summary: 'Vurdert.', guardiansInformed: true };
    const headers = await t.auth('ola.leder');
    const etagOf = async (id: string) => (await t.http.get(`/api/v1/cases/${id}`).set(headers)).headers.etag;
    const post = (id: string, etag: string, purpose = 'saksbehandling') =>
      t.http.post(`/api/v1/cases/${id}/events`).set(headers).set('If-Match', etag).set('X-Purpose', purpose).send(event);
    // The same event on a twin case writes a log entry and cancels the assessment reminders, so "none" below means something.
    const twin = (await logConcern(t, 'kari.ansatt', 'solsiden-bhg')).id;
    await sendEvent(t, 'ola.leder', twin, { type: 'start_assessment' });
    const twinEtag = await etagOf(twin);
    const twinBefore = await snapshot(twin);
    expect((await post(twin, twinEtag)).status).toBe(200);
    const twinAfter = await snapshot(twin);
    expect(twinAfter.kase.status).toBe('deciding');
    expect(twinAfter.log.length).toBeGreaterThan(twinBefore.log.length);
    expect(twinAfter.reminders).not.toEqual(twinBefore.reminders); // reminders are written in scheduled_reminder (no outbox)

    const blocked = (await logConcern(t, 'kari.ansatt', 'solsiden-bhg')).id;
    await sendEvent(t, 'ola.leder', blocked, { type: 'start_assessment' });
    await db.query('ALTER TABLE audit_event ADD CONSTRAINT audit_test_block_write CHECK (purpose <> $$blokkert$$) NOT VALID');
    const etag = await etagOf(blocked);
    let before;
    try {
      before = await snapshot(blocked);
      const res = await post(blocked, etag, 'blokkert');
      expect(res.status).toBe(500);
    } finally {
      await db.query('ALTER TABLE audit_event DROP CONSTRAINT audit_test_block_write');
    }
    expect(await snapshot(blocked)).toEqual(before);
  });

  it('sendEvent helper sanity: the events endpoint is audited with the event type', async () => {
    const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    await sendEvent(t, 'ola.leder', created.id, { type: 'start_assessment' });
    const rows = await db.query(`SELECT action FROM audit_event WHERE "caseId" = $1 ORDER BY id`, [created.id]);
    expect(rows.map((r: { action: string }) => r.action)).toContain('case.event.start_assessment');
  });
});
