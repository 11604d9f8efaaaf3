import { jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from './harness/test-app.js';
import { waitFor } from './harness/worker.js';
import { concernBody, sendEvent } from './harness/cases.js';
import { reportEvent } from './harness/child-welfare-report.js';

jest.setTimeout(90_000);

const DAY = 24 * 3600 * 1000;

/**
 * DESIGN 12.7: the profile as versions. A municipality of its own, so publishing here changes no
 * other test's cases: version 1 has a 14-day decision deadline, version 2 will have 7.
 */
describe('administration: profile versions', () => {
  let a: TestApp;
  let b: TestApp;
  let db: DataSource;
  let unitId: string;
  const suffix = randomUUID().slice(0, 8);
  const admin = `admin.${suffix}`;
  const staff = `ansatt.${suffix}`;
  const v1 = { routes: ['own_unit', 'interdisciplinary_team'], reminders: { REMINDER_DECISION_DUE: 'P14D' }, selfConsentAge: 16 };

  beforeAll(async () => {
    // The users these tests make are no demo users: they log in through the test issuer.
    a = await startTestApp({}, { login: 'test-issuer' });
    b = await startTestApp({}, { login: 'test-issuer' });
    db = a.db;
    const [m] = await db.query(`INSERT INTO municipality (code, name, profile) VALUES ($1, 'Profilprøve kommune', $2) RETURNING id`, [`profil_${suffix}`, v1]);
    // A trigger makes its profile version 1 (migration MunicipalityAdministration).
    expect(await db.query(`SELECT version FROM municipality_profile_version WHERE "municipalityId" = $1 AND "publishedAt" IS NOT NULL`, [m.id])).toEqual([{ version: 1 }]);
    const [c] = await db.query(`INSERT INTO cluster ("municipalityId", code, name) VALUES ($1, 'sentrum', 'Sentrum') RETURNING id`, [m.id]);
    [{ id: unitId }] = await db.query(`INSERT INTO unit ("municipalityId", "clusterId", code, name, kind) VALUES ($1, $2, 'eik-bhg', 'Eik barnehage', 'kindergarten') RETURNING id`, [m.id, c.id]);
    for (const [username, role, scopeId] of [[admin, 'admin', m.id], [staff, 'staff', unitId]]) {
      const [u] = await db.query(`INSERT INTO app_user ("municipalityId", username, "displayName") VALUES ($1, $2, $2) RETURNING id`, [m.id, username]);
      await db.query(`INSERT INTO role_assignment ("userId", role, "scopeType", "scopeId") VALUES ($1, $2, $3, $4)`, [u.id, role, role === 'admin' ? 'municipality' : 'unit', scopeId]);
    }
  });
  afterAll(() => Promise.all([a.close(), b.close()]));

  async function newCase(t: TestApp): Promise<{ id: string; profileVersion: number; decisionDue: number; createdAt: number }> {
    const res = await t.http.post('/api/v1/cases').set(await t.auth(staff)).send(concernBody(unitId)).expect(201);
    const [r] = await db.query(`SELECT "dueAt" FROM scheduled_reminder WHERE "caseId" = $1 AND kind = 'decision_due'`, [res.body.id]);
    const [c] = await db.query(`SELECT "createdAt" FROM bti_case WHERE id = $1`, [res.body.id]);
    return { id: res.body.id, profileVersion: res.body.profileVersion, decisionDue: new Date(r.dueAt).getTime(), createdAt: new Date(c.createdAt).getTime() };
  }

  it('an invalid draft lists every error as a JSON pointer with a bokmål message', async () => {
    const res = await a.http
      .put('/api/v1/admin/profile/draft')
      .set(await a.auth(admin))
      .send({ document: { routes: ['own_unit', 'teleport'], reminders: { REMINDER_DECISION_DUE: 'sju dager' }, selfConsentAge: 12, hemmelig: true } })
      .expect(422);
    expect(res.body.code).toBe('PROFILE_INVALID');
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/hemmelig', '/reminders/REMINDER_DECISION_DUE', '/routes/1', '/selfConsentAge']);
    expect(res.body.errors).toContainEqual({ pointer: '/reminders/REMINDER_DECISION_DUE', message: 'må være en ISO 8601-varighet, f.eks. P7D eller PT24H' });
    expect(res.body.errors).toContainEqual({ pointer: '/hemmelig', message: 'er ikke et kjent felt' });
    expect(res.body.errors).toContainEqual({ pointer: '/selfConsentAge', message: 'må være lik en av de forhåndsdefinerte verdiene' });
  });

  it('a case keeps its version to the end; new cases take the newly published one, in every API process', async () => {
    const adminAuth = await a.auth(admin);
    const old = await newCase(a);
    expect(old.profileVersion).toBe(1);
    expect(old.decisionDue - old.createdAt).toBeGreaterThanOrEqual(14 * DAY);
    expect((await newCase(b)).profileVersion).toBe(1); // b now caches version 1 as the latest

    const draft = await a.http.put('/api/v1/admin/profile/draft').set(adminAuth).send({ document: { ...v1, reminders: { REMINDER_DECISION_DUE: 'P7D' } } }).expect(200);
    expect(draft.body).toMatchObject({ version: 2, publishedAt: null });
    const shown = await a.http.get('/api/v1/admin/profile').set(adminAuth).expect(200);
    expect(shown.body.published.version).toBe(1);
    expect(shown.body.draft).toMatchObject({ version: 2, document: { reminders: { REMINDER_DECISION_DUE: 'P7D' } } });

    expect((await a.http.post('/api/v1/admin/profile/draft/publish').set(adminAuth).expect(200)).body).toEqual({ version: 2 });
    await a.http.post('/api/v1/admin/profile/draft/publish').set(adminAuth).expect(409);

    const fresh = await newCase(a);
    expect(fresh.profileVersion).toBe(2);
    expect(fresh.decisionDue - fresh.createdAt).toBeGreaterThanOrEqual(7 * DAY);
    // Seven days moved past weekends and holidays (Easter is the longest run) stays below fourteen.
    expect(fresh.decisionDue - fresh.createdAt).toBeLessThan(13 * DAY);
    // The other process hears of it by NOTIFY (each process listens on a connection of its own), not by a cache expiring.
    const [{ listeners }] = await db.query(`SELECT count(*)::int AS listeners FROM pg_stat_activity WHERE query = 'LISTEN bti_profile_published'`);
    expect(listeners).toBeGreaterThanOrEqual(2);
    const seen = await waitFor(async () => {
      const c = await newCase(b);
      return c.profileVersion === 2 && c;
    }, 10_000, 'API instance b to take version 2');
    expect(seen.profileVersion).toBe(2);

    // The old case still follows version 1.
    const again = await a.http.get(`/api/v1/cases/${old.id}`).set(await a.auth(staff)).expect(200);
    expect(again.body.profileVersion).toBe(1);
    const [r] = await db.query(`SELECT "dueAt" FROM scheduled_reminder WHERE "caseId" = $1 AND kind = 'decision_due'`, [old.id]);
    expect(new Date(r.dueAt).getTime()).toBe(old.decisionDue);
  });

  it('a published version refuses changes: 409 from the API, an error from the database', async () => {
    const res = await a.http.put('/api/v1/admin/profile/versions/1').set(await a.auth(admin)).send({ document: v1 }).expect(409);
    expect(res.body.code).toBe('VERSION_PUBLISHED');
    const [{ id }] = await db.query(`SELECT id FROM municipality WHERE code = $1`, [`profil_${suffix}`]);
    await expect(db.query(`UPDATE municipality_profile_version SET document = '{}' WHERE "municipalityId" = $1 AND version = 1`, [id])).rejects.toThrow(/never changes/);
    await expect(db.query(`DELETE FROM municipality_profile_version WHERE "municipalityId" = $1 AND version = 2`, [id])).rejects.toThrow(/never changes/);
  });

  it.each(['99999999999', '0', '1.5', 'x'])('a version number that names no version (%s) answers 404, never a 500 from the database', async (version) => {
    const res = await a.http.put(`/api/v1/admin/profile/versions/${version}`).set(await a.auth(admin)).send({ document: v1 }).expect(404);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });

  it('the changes are audit events; only this municipality’s admin may edit its profile', async () => {
    const events = await db.query(`SELECT action, detail FROM audit_event WHERE action LIKE 'admin.profile.%' AND "actorUsername" = $1 ORDER BY id`, [admin]);
    expect(events.map((e: { action: string }) => e.action)).toEqual(['admin.profile.draft', 'admin.profile.publish']);
    expect(events[1].detail.after).toEqual({ version: 2 });
    await a.http.get('/api/v1/admin/profile').set(await a.auth(staff)).expect(403);
    // The demo municipality's admin sees the demo profile, not this one.
    const demo = await a.http.get('/api/v1/admin/profile').set(await a.auth('anne.admin')).expect(200);
    expect(demo.body.published.document.reminders?.REMINDER_DECISION_DUE).toBeUndefined();
  });

  it('the report to child welfare is addressed by the case\'s version, not the latest', async () => {
    const adminAuth = await a.auth(admin);
    const publish = async (municipalityNumber: string, district: string) => {
      const document = { ...v1, municipalityNumber, childWelfareDistrict: { number: district, name: `Bydel ${district}` } };
      await a.http.put('/api/v1/admin/profile/draft').set(adminAuth).send({ document }).expect(200);
      return (await a.http.post('/api/v1/admin/profile/draft/publish').set(adminAuth).expect(200)).body.version as number;
    };
    const report = async (caseId: string) => {
      const res = await sendEvent(a, staff, caseId, reportEvent({ unitAddress: { line1: 'Eikveien 1', postalCode: '4611', postalPlace: 'Prøve' } }));
      expect(res.status).toBe(200);
      const doc = await a.http.get(`/api/v1/cases/${caseId}/child-welfare-reports/${res.body.childWelfareReportId}`).set(await a.auth(staff)).expect(200);
      return { kommunenummer: doc.body.kommunenummer, bydelsnummer: doc.body.bydelsnummer };
    };
    const older = await publish('9901', '01');
    const before = await newCase(a);
    expect(before.profileVersion).toBe(older);
    const newer = await publish('9902', '02');
    const after = await newCase(a);
    expect(after.profileVersion).toBe(newer);

    expect(await report(before.id)).toEqual({ kommunenummer: '9901', bydelsnummer: '01' });
    expect(await report(after.id)).toEqual({ kommunenummer: '9902', bydelsnummer: '02' });
  });
});
