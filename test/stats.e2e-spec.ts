import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from './harness/test-app.js';
import { logConcern } from './harness/cases.js';

import { jest } from '@jest/globals';

// Explicit, and enough for the hooks: they start the API on the harness database (the first file
// also migrates it), which takes tens of seconds on a loaded 2-core machine.
jest.setTimeout(60_000);

/**
 * Statistics for the annual report (issue 7). The figures are checked in a municipality of their
 * own, made here, so cases other tests write to the shared database never change them.
 */
describe('GET /stats/overview', () => {
  let t: TestApp;
  let ds: DataSource;
  const tag = `s${Date.now()}`;
  let clusterA: string;
  let clusterB: string;
  let someCase: string;

  const T0 = Date.parse('2021-06-01T10:00:00Z');
  const at = (days: number) => new Date(T0 + days * 86_400_000);

  beforeAll(async () => {
    t = await startTestApp({}, { login: 'test-issuer' });
    ds = t.db;
    const [m] = await ds.query(`INSERT INTO municipality (code, name, profile) VALUES ($1, 'Statistikk kommune', $2) RETURNING id`, [tag, { routes: ['own_unit', 'interdisciplinary_team', 'iks'] }]);
    const [a] = await ds.query(`INSERT INTO cluster ("municipalityId", code, name) VALUES ($1, 'nord', 'Nord') RETURNING id`, [m.id]);
    const [b] = await ds.query(`INSERT INTO cluster ("municipalityId", code, name) VALUES ($1, 'sor', 'Sør') RETURNING id`, [m.id]);
    clusterA = a.id;
    clusterB = b.id;
    const unit = async (code: string, kind: string, clusterId: string) =>
      (await ds.query(`INSERT INTO unit ("municipalityId", "clusterId", code, name, kind) VALUES ($1, $2, $3, $3, $4) RETURNING id`, [m.id, clusterId, code, kind]))[0].id as string;
    const units = {
      kg: await unit('kg', 'kindergarten', clusterA),
      ps: await unit('ps', 'primary_school', clusterA),
      hs: await unit('hs', 'health_station', clusterA),
      lss: await unit('lss', 'lower_secondary_school', clusterB),
    };
    const user = async (username: string, role: string) => {
      const [u] = await ds.query(`INSERT INTO app_user ("municipalityId", username, "displayName") VALUES ($1, $2, $2) RETURNING id`, [m.id, username]);
      await ds.query(`INSERT INTO role_assignment ("userId", role, "scopeType", "scopeId") VALUES ($1, $2, 'municipality', $3)`, [u.id, role, m.id]);
      return u.id as string;
    };
    await user(`${tag}.analytiker`, 'analyst');
    const staff = await user(`${tag}.ansatt`, 'staff');

    async function cases(n: number, unitId: string, clusterId: string, f: { level: number; route: string | null; decideFrom?: number; reported?: number; measureFrom?: number; iks?: boolean }) {
      for (let i = 0; i < n; i++) {
        const [child] = await ds.query(`INSERT INTO child ("municipalityId", "firstName", "lastName", "birthDate") VALUES ($1, 'A', 'B', '2018-01-01') RETURNING id`, [m.id]);
        const [c] = await ds.query(
          `INSERT INTO bti_case ("municipalityId", "unitId", "clusterId", "childId", "reporterId", status, route, level, "childWelfareReportedAt", "createdAt")
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
          [m.id, unitId, clusterId, child.id, staff, f.route ? 'acting' : 'discovered', f.route, f.level, i < (f.reported ?? 0) ? at(1) : null, at(0)],
        );
        someCase = c.id;
        await ds.query(`INSERT INTO concern ("caseId", description) VALUES ($1, 'x')`, [c.id]);
        if (f.decideFrom !== undefined) {
          await ds.query(`INSERT INTO case_log_entry ("caseId", type, "actorId", at, text) VALUES ($1, 'decide', $2, $3, 'x')`, [c.id, staff, at(f.decideFrom + (f.route === 'iks' ? 0 : i))]);
        }
        if (f.measureFrom !== undefined) {
          await ds.query(
            `INSERT INTO measure ("caseId", title, "responsibleId", "startDate", "evaluationDate", "createdById", "createdAt") VALUES ($1, 'x', $2, '2021-06-01', '2021-07-01', $2, $3)`,
            [c.id, staff, at(f.measureFrom + i)],
          );
        }
        if (f.iks) {
          await ds.query(`INSERT INTO iks_referral ("municipalityId", "caseId", "unitId", status, "referredById", "acceptedAt") VALUES ($1, $2, $3, 'accepted', $4, $5)`, [m.id, c.id, unitId, staff, at(12)]);
        }
      }
    }
    await cases(6, units.kg, clusterA, { level: 1, route: 'own_unit', decideFrom: 2, reported: 5, measureFrom: 3 });
    await cases(5, units.ps, clusterA, { level: 2, route: 'interdisciplinary_team', decideFrom: 1, reported: 4 });
    await cases(4, units.hs, clusterA, { level: 0, route: null });
    await cases(6, units.lss, clusterB, { level: 3, route: 'iks', decideFrom: 10, iks: true });
  });
  afterAll(() => t.close());

  const overview = async (query: string, username = `${tag}.analytiker`) => t.http.get(`/api/v1/stats/overview?${query}`).set(await t.auth(username));
  const shown = (value: number) => ({ value, suppressed: false });
  const hidden = { value: null, suppressed: true };

  it('is for the analyst role only: 403 for everyone else', async () => {
    for (const username of ['kari.ansatt', 'ola.leder', 'siri.iks', 'anne.admin', 'eva.revisor', `${tag}.ansatt`]) {
      const res = await overview('from=2021-01-01&to=2021-12-31', username);
      expect([username, res.status, res.body.code]).toEqual([username, 403, 'FORBIDDEN_ROLE']);
    }
    expect((await overview('', 'lars.analytiker')).status).toBe(200);
  });

  it('the analyst sees no case: GET /cases/:id is 404 and the list is empty', async () => {
    await t.http.get(`/api/v1/cases/${someCase}`).set(await t.auth(`${tag}.analytiker`)).expect(404);
    const list = await t.http.get('/api/v1/cases').set(await t.auth(`${tag}.analytiker`)).expect(200);
    expect(list.body.total).toBe(0);
    const demo = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    await t.http.get(`/api/v1/cases/${demo.id}`).set(await t.auth('lars.analytiker')).expect(404);
    await t.http.get(`/api/v1/cases/${demo.id}/log`).set(await t.auth('lars.analytiker')).expect(404);
  });

  it('suppresses cells of 4, shows cells of 5 and 6, by unit kind', async () => {
    const res = await overview(`from=2021-01-01&to=2021-12-31&clusterId=${clusterA}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ from: '2021-01-01', to: '2021-12-31', clusterId: clusterA, minimumCellSize: 5 });
    const kind = (k: string) => res.body.byUnitKind.find((b: { key: string }) => b.key === k).figures;
    expect(kind('health_station').concernsLogged).toEqual(hidden); // 4
    expect(kind('primary_school').concernsLogged).toEqual(shown(5));
    expect(kind('kindergarten').concernsLogged).toEqual(shown(6));
    expect(kind('lower_secondary_school').concernsLogged).toEqual(hidden); // 0 (other cluster)
    expect(res.body.byUnitKind.map((b: { key: string; label: string }) => b.key)).toEqual(['health_station', 'kindergarten', 'primary_school', 'lower_secondary_school', 'other']);
    // Derived figures follow: the 4-case group shows nothing at all; a share with 4 in the numerator is hidden.
    expect(kind('health_station').medianDaysToDecision).toEqual(hidden);
    expect(Object.values(kind('health_station').casesByLevel).every((c) => (c as { suppressed: boolean }).suppressed)).toBe(true);
    expect(kind('kindergarten').medianDaysToDecision).toEqual(shown(4.5));
    expect(kind('kindergarten').medianDaysToFirstMeasure).toEqual(shown(5.5));
    expect(kind('kindergarten').childWelfareReports).toEqual(shown(5));
    expect(kind('kindergarten').childWelfareReportShare).toEqual(shown(0.833));
    expect(kind('primary_school').medianDaysToDecision).toEqual(shown(3));
    expect(kind('primary_school').childWelfareReports).toEqual(hidden); // 4
    expect(kind('primary_school').childWelfareReportShare).toEqual(hidden);
    expect(kind('primary_school').medianDaysToFirstMeasure).toEqual(hidden); // no measures

    expect(res.body.total.concernsLogged).toEqual(shown(15));
    expect(res.body.total.casesByLevel).toEqual({ '0': hidden, '1': shown(6), '2': shown(5), '3': hidden });
    expect(res.body.total.casesByRoute).toEqual({ none: hidden, own_unit: shown(6), interdisciplinary_team: shown(5), tfa: hidden, iks: hidden });
    expect(res.body.total.childWelfareReports).toEqual(shown(9));
    expect(res.body.total.childWelfareReportShare).toEqual(shown(0.6));
    expect(res.body.byCluster).toEqual([{ key: clusterA, label: 'Nord', figures: res.body.total }]);
    const [audited] = await ds.query(`SELECT a.action, a."caseId" FROM audit_event a JOIN app_user u ON u.id = a."actorId" WHERE u.username = $1 ORDER BY a.id DESC LIMIT 1`, [`${tag}.analytiker`]);
    expect(audited).toEqual({ action: 'stats.overview', caseId: null });
  });

  it('never leaves one hidden cell that a shown total would reveal, and counts IKS cases', async () => {
    const res = await overview('from=2021-01-01&to=2021-12-31');
    const { total } = res.body;
    expect(total.concernsLogged).toEqual(shown(21));
    // Levels 4 / 6 / 5 / 6: the 4 alone hidden could be recovered as 21 − 6 − 5 − 6, so the 5 is hidden too.
    expect(total.casesByLevel).toEqual({ '0': hidden, '1': shown(6), '2': hidden, '3': shown(6) });
    expect(total.medianDaysToDecision).toEqual(shown(5));
    expect(total.iksReferred).toEqual(shown(6));
    expect(total.iksCases).toEqual(shown(6));
    expect(total.childWelfareReportShare).toEqual(shown(0.429));
    const cluster = (id: string) => res.body.byCluster.find((b: { key: string }) => b.key === id);
    expect(cluster(clusterA).figures.concernsLogged).toEqual(shown(15));
    // Sør has 6 IKS cases and Nord 0; Nord's hidden 0 would be 6 − 6 beside a shown Sør, so both are hidden.
    expect(cluster(clusterB)).toMatchObject({ label: 'Sør', figures: { concernsLogged: shown(6), iksCases: hidden, casesByRoute: { iks: hidden } } });
    expect(cluster(clusterA).figures.iksCases).toEqual(hidden);
    for (const family of [total.casesByLevel, total.casesByRoute]) {
      expect(Object.values(family).filter((c) => (c as { suppressed: boolean }).suppressed).length).not.toBe(1);
    }
  });

  it('counts only concerns logged in the period', async () => {
    const res = await overview('from=2021-01-01&to=2021-05-31');
    expect(res.body.total.concernsLogged).toEqual(hidden);
    expect(res.body.total.medianDaysToDecision).toEqual(hidden);
    const lastDay = await overview('from=2021-06-01&to=2021-06-01');
    expect(lastDay.body.total.concernsLogged).toEqual(shown(21));
  });

  it('validates the query: dates, order, and a cluster of the caller’s municipality', async () => {
    const bad = await overview('from=2021-02-30&to=tomorrow&clusterId=abc');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['clusterId', 'from', 'to']);
    const order = await overview('from=2021-12-31&to=2021-01-01');
    expect([order.status, order.body.errors[0].field]).toEqual([400, 'from']);
    const foreign = await overview(`clusterId=${clusterA}`, 'lars.analytiker');
    expect([foreign.status, foreign.body.errors[0].field]).toEqual([400, 'clusterId']);
    expect((await overview('extra=1')).status).toBe(400);
  });

  it('documents the endpoint in OpenAPI', async () => {
    const doc = (await t.http.get('/docs-json')).body;
    expect(doc.paths['/api/v1/stats/overview'].get.responses['200'].content['application/json'].schema.$ref).toMatch(/OverviewResponse/);
    expect(doc.components.schemas.CellView.properties.suppressed).toBeDefined();
  });
});
