import { jest } from '@jest/globals';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail } from '../apps/api/src/audit/audit-trail.service.js';
import { PrincipalService } from '../apps/api/src/auth/principal.service.js';
import type { Principal } from '../apps/api/src/auth/principal.js';
import { RowSecurity } from '../apps/api/src/database/row-security.js';
import { AuditSealer } from '../apps/worker/src/audit/audit-sealer.js';
import { sealAll, verifyThroughApi } from './harness/audit.js';
import { assertFreshBuild } from './harness/build.js';
import { concernBody } from './harness/cases.js';
import { startTestApp, type TestApp, logins } from './harness/test-app.js';
import { startTestWorker, waitFor } from './harness/worker.js';

jest.setTimeout(60_000);

/**
 * Audit rows are written unsealed by the request and sealed per municipality by the worker
 * (DESIGN 11). Each test works in a municipality of its own, made here, so tampering with its
 * chain leaves the demo municipality's chain alone.
 */
describe('audit sealing', () => {
  let t: TestApp;
  let db: DataSource;
  const tag = `rev-${randomUUID().slice(0, 8)}`;
  const m = { id: '', unitId: '', staff: `${tag}.ansatt`, auditor: `${tag}.revisor` };

  beforeAll(async () => {
    t = await startTestApp({}, { login: 'test-issuer' });
    db = t.db;
    [{ id: m.id }] = await db.query(`INSERT INTO municipality (code, name, profile) VALUES ($1, 'Revisjon kommune', $2) RETURNING id`, [tag, { routes: ['own_unit'] }]);
    const [cluster] = await db.query(`INSERT INTO cluster ("municipalityId", code, name) VALUES ($1, 'k', 'K') RETURNING id`, [m.id]);
    [{ id: m.unitId }] = await db.query(
      `INSERT INTO unit ("municipalityId", "clusterId", code, name, kind) VALUES ($1, $2, 'bhg', 'Barnehagen', 'kindergarten') RETURNING id`,
      [m.id, cluster.id],
    );
    for (const [username, role, scopeType, scopeId] of [
      [m.staff, 'staff', 'unit', m.unitId],
      [m.auditor, 'auditor', 'municipality', m.id],
    ]) {
      const [u] = await db.query(`INSERT INTO app_user ("municipalityId", username, "displayName") VALUES ($1, $2, $2) RETURNING id`, [m.id, username]);
      await db.query(`INSERT INTO role_assignment ("userId", role, "scopeType", "scopeId") VALUES ($1, $2, $3, $4)`, [u.id, role, scopeType, scopeId]);
    }
  });
  afterAll(() => t.close());

  const logConcern = async () => {
    const res = await t.http.post('/api/v1/cases').set(await t.auth(m.staff)).send(concernBody(m.unitId));
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const auditOf = async (caseId: string) =>
    (await t.http.get(`/api/v1/audit?caseId=${caseId}`).set(await t.auth(m.auditor)).expect(200)).body.items as {
      id: string; action: string; sealed: boolean; seq: string | null; hash: string | null;
    }[];

  it('a request writes its audit row unsealed; the worker seals it into the municipality’s chain', async () => {
    const caseId = await logConcern();
    const [row] = await auditOf(caseId);
    expect(row).toMatchObject({ action: 'case.create', sealed: false, seq: null, hash: null });

    const worker = await startTestWorker();
    try {
      const sealed = await waitFor(async () => (await auditOf(caseId)).find((r) => r.sealed), 20_000, 'the worker to seal the row');
      expect(sealed).toMatchObject({ id: row.id, seq: expect.stringMatching(/^\d+$/), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    } finally {
      await worker.close();
    }
    const [link] = await db.query(`SELECT "municipalityId" FROM audit_seal WHERE "eventId" = $1`, [row.id]);
    expect(link.municipalityId).toBe(m.id);
  });

  it('verification walks the chain page by page and finds it intact, up to the head', async () => {
    const caseId = await logConcern();
    for (let i = 0; i < 6; i++) await t.http.get(`/api/v1/cases/${caseId}`).set(await t.auth(m.staff)).expect(200);
    await sealAll(db);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM audit_seal WHERE "municipalityId" = $1`, [m.id]);
    const result = await verifyThroughApi(t, m.auditor, 3);
    expect(result).toMatchObject({ valid: true, brokenAtId: null, checked: n, unsealed: 0 });
    expect(result.pages).toBeGreaterThanOrEqual(Math.ceil(n / 3));
  });

  describe('tamper detection (someone with the owner’s rights, triggers and foreign keys off)', () => {
    let links: { seq: string; eventId: string }[];
    beforeAll(async () => {
      const caseId = await logConcern();
      for (let i = 0; i < 4; i++) await t.http.get(`/api/v1/cases/${caseId}`).set(await t.auth(m.staff)).expect(200);
      await sealAll(db);
      links = await db.query(`SELECT seq::text AS seq, "eventId"::text AS "eventId" FROM audit_seal WHERE "municipalityId" = $1 ORDER BY seq`, [m.id]);
      expect(links.length).toBeGreaterThanOrEqual(5);
      expect((await verifyThroughApi(t, m.auditor)).valid).toBe(true);
    });
    afterEach(async () => {
      // Each test restores what it changed: the chain is intact again.
      expect((await verifyThroughApi(t, m.auditor)).valid).toBe(true);
    });

    /** Runs SQL as an intruder would: replication role switches triggers (append-only, foreign keys) off. */
    const behindTheTriggers = (work: (em: EntityManager) => Promise<unknown>) =>
      db.transaction(async (em) => {
        await em.query(`SET LOCAL session_replication_role = replica`);
        await work(em);
      });
    const middle = () => links[Math.floor(links.length / 2)];

    it('finds a tampered row', async () => {
      const { eventId } = middle();
      const [{ purpose }] = await db.query(`SELECT purpose FROM audit_event WHERE id = $1`, [eventId]);
      await behindTheTriggers((em) => em.query(`UPDATE audit_event SET purpose = 'skjult endring' WHERE id = $1`, [eventId]));
      try {
        expect(await verifyThroughApi(t, m.auditor, 2)).toMatchObject({ valid: false, brokenAtId: eventId });
        const cli = await verifyAuditCli();
        expect(cli.code).toBe(2);
        expect(cli.stdout).toContain(`brutt ved hendelse ${eventId}`);
      } finally {
        await behindTheTriggers((em) => em.query(`UPDATE audit_event SET purpose = $2 WHERE id = $1`, [eventId, purpose]));
      }
    });

    it('finds a deleted row', async () => {
      const { eventId } = middle();
      const [saved] = await db.query(`SELECT * FROM audit_event WHERE id = $1`, [eventId]);
      await behindTheTriggers((em) => em.query(`DELETE FROM audit_event WHERE id = $1`, [eventId]));
      try {
        expect(await verifyThroughApi(t, m.auditor, 2)).toMatchObject({ valid: false, brokenAtId: eventId });
      } finally {
        const columns = Object.keys(saved);
        await db.query(
          `INSERT INTO audit_event (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
          columns.map((c) => saved[c]),
        );
      }
    });

    it('finds a deleted row together with its link', async () => {
      const { seq, eventId } = middle();
      const [event] = await db.query(`SELECT * FROM audit_event WHERE id = $1`, [eventId]);
      const [link] = await db.query(`SELECT * FROM audit_seal WHERE "municipalityId" = $1 AND seq = $2`, [m.id, seq]);
      await behindTheTriggers(async (em) => {
        await em.query(`DELETE FROM audit_seal WHERE "municipalityId" = $1 AND seq = $2`, [m.id, seq]);
        await em.query(`DELETE FROM audit_event WHERE id = $1`, [eventId]);
      });
      try {
        const result = await verifyThroughApi(t, m.auditor, 2);
        expect(result).toMatchObject({ valid: false, brokenAtSeq: seq });
      } finally {
        for (const [table, row] of [['audit_event', event], ['audit_seal', link]] as const) {
          const columns = Object.keys(row);
          await db.query(
            `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
            columns.map((c) => row[c]),
          );
        }
      }
    });

    it('finds two rows whose order was swapped', async () => {
      const i = Math.floor(links.length / 2);
      const [a, b] = [links[i].eventId, links[i + 1].eventId];
      const swap = () =>
        behindTheTriggers(async (em) => {
          await em.query(`UPDATE audit_event SET id = -1 WHERE id = $1`, [a]);
          await em.query(`UPDATE audit_event SET id = $1 WHERE id = $2`, [a, b]);
          await em.query(`UPDATE audit_event SET id = $1 WHERE id = -1`, [b]);
        });
      await swap();
      try {
        expect(await verifyThroughApi(t, m.auditor, 2)).toMatchObject({ valid: false, brokenAtId: a });
      } finally {
        await swap();
      }
    });

    it('finds a cut-off tail (the last links removed)', async () => {
      const last = links[links.length - 1];
      const [link] = await db.query(`SELECT * FROM audit_seal WHERE "municipalityId" = $1 AND seq = $2`, [m.id, last.seq]);
      await behindTheTriggers((em) => em.query(`DELETE FROM audit_seal WHERE "municipalityId" = $1 AND seq = $2`, [m.id, last.seq]));
      try {
        expect(await verifyThroughApi(t, m.auditor, 2)).toMatchObject({ valid: false, brokenAtSeq: last.seq });
      } finally {
        const columns = Object.keys(link);
        await db.query(
          `INSERT INTO audit_seal (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((_, k) => `$${k + 1}`).join(', ')})`,
          columns.map((c) => link[c]),
        );
      }
    });
  });

  it('chains in numeric (txid, id) order where the ids cross a power of ten within one batch (999 → 1000), and seals on after it', async () => {
    // The sealer reads ids and txids as text: ordered as text, '1000' < '999', the batch would be
    // chained out of order and the head set to the textually last row, below rows already sealed,
    // and every later pass would fail on UQ_audit_seal_event. The xid counter crosses such a
    // boundary as well (it did at 999 → 1000 when this file ran after others).
    await sealAll(db);
    const [{ last }] = await db.query(`SELECT last_value::text AS last FROM audit_event_id_seq`);
    const boundary = 10n ** BigInt(String(BigInt(last) + 100n).length);
    await db.query(`SELECT setval('audit_event_id_seq', $1)`, [String(boundary - 3n)]);
    const [actor] = await db.query(`SELECT id FROM app_user WHERE username = $1`, [m.staff]);
    const ids: string[] = await db.transaction(async (em) => {
      const out: string[] = [];
      for (let i = 0; i < 5; i++) {
        const [row] = await em.query(
          `INSERT INTO audit_event ("municipalityId", "actorId", "actorUsername", action, at, "requestId", purpose)
           VALUES ($1, $2, $3, 'case.list', now(), $4, 'saksbehandling') RETURNING id::text AS id`,
          [m.id, actor.id, m.staff, `boundary-${i}`],
        );
        out.push(row.id);
      }
      return out;
    });
    expect(ids).toEqual([-2n, -1n, 0n, 1n, 2n].map((d) => String(boundary + d)));
    await sealAll(db);
    const chained: { eventId: string }[] = await db.query(
      `SELECT "eventId"::text AS "eventId" FROM audit_seal WHERE "eventId" = ANY($1) ORDER BY seq`,
      [ids],
    );
    expect(chained.map((r) => r.eventId)).toEqual(ids);
    const [head] = await db.query(`SELECT "lastEventId"::text AS id FROM audit_chain WHERE "municipalityId" = $1`, [m.id]);
    expect(head.id).toBe(ids[4]);
    // The chain goes on: a later request is sealed after them.
    const caseId = await logConcern();
    await sealAll(db);
    expect((await auditOf(caseId))[0]).toMatchObject({ sealed: true });
    expect(await verifyThroughApi(t, m.auditor, 500)).toMatchObject({ valid: true, unsealed: 0 });
  });

  it('three sealers at once beside writers in overlapping transactions: every row sealed once, one gap-free chain', async () => {
    // Several workers (and the test's sealAll beside a worker) may seal the same municipality at
    // once: the head's row lock must let exactly one extend the chain at a time. Small batches
    // make many head handovers; each writer's transaction spans two statements, so they overlap.
    const [actor] = await db.query(`SELECT id FROM app_user WHERE username = $1`, [m.staff]);
    const [{ before }] = await db.query(`SELECT count(*)::int AS before FROM audit_seal WHERE "municipalityId" = $1`, [m.id]);
    const insert = `INSERT INTO audit_event ("municipalityId", "actorId", "actorUsername", action, at, "requestId", purpose)
                    VALUES ($1, $2, $3, 'case.list', now(), $4, 'saksbehandling')`;
    const writer = async (k: number) => {
      for (let i = 0; i < 25; i++) {
        await db.transaction(async (em) => {
          await em.query(insert, [m.id, actor.id, m.staff, `race-${k}-${i}-a`]);
          await em.query(`SELECT count(*) FROM audit_event WHERE "municipalityId" = $1`, [m.id]);
          await em.query(insert, [m.id, actor.id, m.staff, `race-${k}-${i}-b`]);
        });
      }
    };
    let writing = true;
    const failures: string[] = [];
    const passes = [0, 0, 0];
    const sealer = async (k: number) => {
      const s = new AuditSealer(db, { intervalMs: 0, batchSize: 3 });
      while (writing || passes[k] === 0) {
        try {
          await s.sealOnce();
        } catch (error) {
          failures.push((error as Error).message);
        }
        passes[k]++;
      }
    };
    const sealers = [0, 1, 2].map(sealer);
    await Promise.all([0, 1, 2, 3, 4, 5].map(writer));
    writing = false;
    await Promise.all(sealers);
    await sealAll(db);
    expect(failures).toEqual([]);
    expect(passes.every((n) => n > 0)).toBe(true);
    const links: { seq: string; eventId: string }[] = await db.query(
      `SELECT s.seq::text AS seq, s."eventId"::text AS "eventId" FROM audit_seal s WHERE s."municipalityId" = $1 ORDER BY s.seq`,
      [m.id],
    );
    const [{ events }] = await db.query(`SELECT count(*)::int AS events FROM audit_event WHERE "municipalityId" = $1`, [m.id]);
    expect(links.length).toBe(events);
    expect(links.length - before).toBeGreaterThanOrEqual(300);
    expect(links.map((l) => Number(l.seq))).toEqual(links.map((_, i) => i + 1));
    expect(new Set(links.map((l) => l.eventId)).size).toBe(links.length);
    expect(await verifyThroughApi(t, m.auditor, 500)).toMatchObject({ valid: true, unsealed: 0 });
  });

  describe('no global lock', () => {
    /** Holds a transaction open mid-request, as the API runs one: row security, then its audit row. */
    async function holdOpen(username: string) {
      const stored = await t.app.get(PrincipalService).byUsername(username);
      const principal: Principal = { ...stored!, requestId: `held-${randomUUID()}`, purpose: 'saksbehandling' };
      let release!: () => void;
      let written!: () => void;
      const auditWritten = new Promise<void>((resolve) => (written = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      const done = t.app.get(RowSecurity).transaction(principal, async (em) => {
        await t.app.get(AuditTrail).record(em, principal, 'case.list', []);
        written();
        await released;
      });
      await auditWritten;
      return { requestId: principal.requestId, release: async () => (release(), await done) };
    }
    const sealOf = async (requestId: string) =>
      (await db.query(`SELECT s.seq::text AS seq FROM audit_event e LEFT JOIN audit_seal s ON s."eventId" = e.id WHERE e."requestId" = $1`, [requestId]))[0];

    it('a request in one municipality completes while a transaction of another is held open mid-request', async () => {
      const held = await holdOpen('kari.ansatt'); // the demo municipality
      try {
        const requestId = `b-${randomUUID()}`;
        const res = await t.http.post('/api/v1/cases').set(await t.auth(m.staff)).set('X-Request-Id', requestId).send(concernBody(m.unitId));
        expect(res.status).toBe(201);
        const read = await t.http.get(`/api/v1/cases/${res.body.id}`).set(await t.auth(m.staff));
        expect(read.status).toBe(200);
        const [row] = await db.query(`SELECT "municipalityId" FROM audit_event WHERE "requestId" = $1`, [requestId]);
        expect(row.municipalityId).toBe(m.id);
      } finally {
        await held.release();
      }
    });

    it('a late-committing older transaction is sealed, before the younger rows, never skipped', async () => {
      const older = await holdOpen(m.staff);
      const requestId = `younger-${randomUUID()}`;
      await t.http.get('/api/v1/cases').set(await t.auth(m.staff)).set('X-Request-Id', requestId).expect(200);
      await sealAll(db);
      // The younger request has committed, but an older transaction of its municipality may still add rows before it.
      expect((await sealOf(requestId)).seq).toBeNull();
      await older.release();
      await sealAll(db);
      const [olderSeq, youngerSeq] = [(await sealOf(older.requestId)).seq, (await sealOf(requestId)).seq];
      expect(olderSeq).not.toBeNull();
      expect(youngerSeq).not.toBeNull();
      expect(BigInt(olderSeq)).toBeLessThan(BigInt(youngerSeq));
      expect(await verifyThroughApi(t, m.auditor)).toMatchObject({ valid: true, unsealed: 0 });
    });
  });
});

/** The built CLI (`npm test` builds first), as an operator runs it. */
async function verifyAuditCli(): Promise<{ code: number; stdout: string }> {
  assertFreshBuild('api');
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['dist/apps/api/apps/api/src/cli.js', 'verify-audit'], {
      // As an operator should: with the worker's login (it reads every municipality's chain), not the superuser.
      env: { DATABASE_URL: logins.worker, PATH: process.env.PATH },
    });
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}
