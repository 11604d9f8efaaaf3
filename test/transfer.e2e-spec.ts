import { jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Principal } from '../apps/api/src/auth/principal.js';
import { PrincipalService } from '../apps/api/src/auth/principal.service.js';
import { RowSecurity } from '../apps/api/src/database/row-security.js';
import { startTestApp, type TestApp } from './harness/test-app.js';
import { logConcern, sendEvent, unitIds, userId } from './harness/cases.js';

// Real servers, a real worker and a loaded machine: every hook and test gets a minute.
jest.setTimeout(60_000);

const osloDay = (offset: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date(Date.now() + offset * 86_400_000));

/** Transfer between units (DESIGN 8.7, issue 13): the log travels with the child. */
describe('transfer between units', () => {
  let t: TestApp;
  let db: DataSource;
  let units: Record<string, string>;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestApp();
    db = t.db;
    units = await unitIds(t);
    for (const u of ['kari.ansatt', 'ola.leder', 'nina.ansatt', 'berit.leder']) ids[u] = await userId(t, u);
  }, 60_000);
  afterAll(() => t.close());

  const as = (username: string) => t.auth(username);
  const get = async (username: string, caseId: string) => t.http.get(`/api/v1/cases/${caseId}`).set(await as(username));

  /** A solsiden-bhg case reported by kari, coordinated by kari, acting on own_unit. */
  async function actingCase(): Promise<string> {
    const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    await t.http.put(`/api/v1/cases/${created.id}/assignee`).set(await as('ola.leder')).set('If-Match', '"1"').send({ assigneeId: ids['kari.ansatt'] }).expect(200);
    expect((await sendEvent(t, 'kari.ansatt', created.id, { type: 'start_assessment' })).status).toBe(200);
    expect((await sendEvent(t, 'kari.ansatt', created.id, { type: 'complete_assessment', summary: 'Trenger tett oppfølging.', guardiansInformed: true })).status).toBe(200);
    expect((await sendEvent(t, 'kari.ansatt', created.id, { type: 'decide', route: 'own_unit', rationale: 'Tiltak i barnehagen.' })).status).toBe(200);
    return created.id;
  }

  async function consentToPassOn(caseId: string, recipients = ['receiving_unit']) {
    const etag = (await get('ola.leder', caseId)).headers.etag;
    const res = await t.http.post(`/api/v1/cases/${caseId}/consents`).set(await as('ola.leder')).set('If-Match', etag).send({
      givenBy: { name: 'Mor Testesen', relation: 'mother' },
      recipients,
      purpose: 'Overføring til skolen ved skolestart.',
      form: 'written',
      validUntil: osloDay(60),
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  const propose = (caseId: string, toUnitId = units['bakken-skole']) =>
    sendEvent(t, 'ola.leder', caseId, { type: 'propose_transfer', toUnitId, rationale: 'Barnet begynner på Bakken skole i august.' });

  it('moves a child from solsiden-bhg to bakken-skole: log intact, the kindergarten locked out (404)', async () => {
    const caseId = await actingCase();
    // Before any proposal the school's leader does not know the case exists.
    expect((await get('berit.leder', caseId)).status).toBe(404);

    const refused = await propose(caseId);
    expect([refused.status, refused.body.code]).toEqual([422, 'CONSENT_REQUIRED']);
    await consentToPassOn(caseId);
    const proposed = await propose(caseId);
    expect(proposed.status).toBe(200);
    expect(proposed.body).toMatchObject({ unitId: units['solsiden-bhg'], status: 'acting', route: 'own_unit' });

    // The receiving leader sees the case identified, is notified, and may accept or reject.
    const offered = await get('berit.leder', caseId);
    expect(offered.status).toBe(200);
    expect(offered.body.child).toMatchObject({ firstName: 'Emma', lastName: 'Testesen' });
    // The receiving leader sees the child identified, so the duty to report is open to them too (8.1).
    expect([...offered.body.allowedEvents].sort()).toEqual(['accept_transfer', 'raise_safety_concern', 'reject_transfer', 'report_to_child_welfare']);
    const [note] = await db.query(`SELECT type, message FROM notification WHERE "caseId" = $1 AND "recipientId" = $2`, [caseId, ids['berit.leder']]);
    expect(note.type).toBe('transfer_offered');
    expect(note.message).not.toContain('Emma');
    // Nobody else at the school yet.
    expect((await get('nina.ansatt', caseId)).status).toBe(404);
    // The kindergarten keeps working on it while the transfer is pending.
    expect((await get('kari.ansatt', caseId)).status).toBe(200);
    const logBefore = (await t.http.get(`/api/v1/cases/${caseId}/log`).set(await as('ola.leder'))).body.items;

    // Only the receiving leader accepts; the coordinator must work at the school.
    const byOla = await sendEvent(t, 'ola.leder', caseId, { type: 'accept_transfer' });
    expect([byOla.status, byOla.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    const badCoordinator = await sendEvent(t, 'berit.leder', caseId, { type: 'accept_transfer', assigneeId: ids['kari.ansatt'] });
    expect(badCoordinator.status).toBe(400);
    expect(badCoordinator.body.errors).toEqual([expect.objectContaining({ field: 'assigneeId' })]);
    const accepted = await sendEvent(t, 'berit.leder', caseId, { type: 'accept_transfer', assigneeId: ids['nina.ansatt'] });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ unitId: units['bakken-skole'], assigneeId: ids['nina.ansatt'], status: 'acting', route: 'own_unit' });

    // The kindergarten is out: the case, its log, its consents, and the list.
    for (const username of ['kari.ansatt', 'ola.leder']) {
      expect([username, (await get(username, caseId)).status]).toEqual([username, 404]);
      expect([username, (await t.http.get(`/api/v1/cases/${caseId}/log`).set(await as(username))).status]).toEqual([username, 404]);
      const list = await t.http.get('/api/v1/cases?pageSize=100').set(await as(username));
      expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(caseId);
      const stale = await sendEvent(t, username, caseId, { type: 'request_evaluation' });
      expect([username, stale.status]).toEqual([username, 404]);
    }
    // The school has it, with the whole log from the kindergarten and the transfer's entries.
    expect((await get('nina.ansatt', caseId)).status).toBe(200);
    const log = (await t.http.get(`/api/v1/cases/${caseId}/log`).set(await as('berit.leder'))).body.items;
    expect(log.slice(0, logBefore.length)).toEqual(logBefore);
    expect(log.map((e: { type: string }) => e.type).slice(-2)).toEqual(['propose_transfer', 'accept_transfer']);
    expect(log.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['concern_logged', 'assigned', 'start_assessment', 'complete_assessment', 'decide', 'consent_recorded']));
    const [row] = await db.query(`SELECT "unitId", "clusterId", "reporterId", "reporterUnitId", "transferToUnitId" FROM bti_case WHERE id = $1`, [caseId]);
    expect(row).toMatchObject({ unitId: units['bakken-skole'], reporterId: ids['kari.ansatt'], reporterUnitId: units['solsiden-bhg'], transferToUnitId: null });
    // The new coordinator is told.
    expect(await db.query(`SELECT type FROM notification WHERE "caseId" = $1 AND "recipientId" = $2`, [caseId, ids['nina.ansatt']])).toEqual([{ type: 'case_assigned' }]);
  });

  it('row-level security agrees: the kindergarten reads no row of the moved case even without the access policy', async () => {
    const caseId = await actingCase();
    await consentToPassOn(caseId);
    expect((await propose(caseId)).status).toBe(200);
    expect((await sendEvent(t, 'berit.leder', caseId, { type: 'accept_transfer' })).status).toBe(200);
    // Through the API's own transaction helper (as every case request), without CaseAccessPolicy.
    const count = async (username: string) => {
      const stored = await t.app.get(PrincipalService).byUsername(username);
      const principal: Principal = { ...stored!, requestId: `rls-${randomUUID()}`, purpose: 'saksbehandling' };
      return t.app.get(RowSecurity).transaction(principal, async (em) => {
        const [c] = await em.query(`SELECT count(*)::int AS n FROM bti_case WHERE id = $1`, [caseId]);
        const [l] = await em.query(`SELECT count(*)::int AS n FROM case_log_entry WHERE "caseId" = $1`, [caseId]);
        return [c.n, l.n > 0];
      });
    };
    expect(await count('kari.ansatt')).toEqual([0, false]);
    expect(await count('ola.leder')).toEqual([0, false]);
    expect(await count('berit.leder')).toEqual([1, true]);
  });

  it('accepting without a coordinator starts the unassigned reminder for the school', async () => {
    const caseId = await actingCase();
    await consentToPassOn(caseId);
    expect((await propose(caseId)).status).toBe(200);
    const accepted = await sendEvent(t, 'berit.leder', caseId, { type: 'accept_transfer' });
    expect(accepted.body).toMatchObject({ assigneeId: null, unitId: units['bakken-skole'] });
    const pending = await db.query(`SELECT recipient FROM scheduled_reminder WHERE "caseId" = $1 AND kind = 'unassigned' AND status = 'pending'`, [caseId]);
    expect(pending).toEqual([{ recipient: 'unit_leader' }]);
  });

  it('reject_transfer leaves everything as it was, and the school loses sight of the case again', async () => {
    const caseId = await actingCase();
    await consentToPassOn(caseId);
    expect((await propose(caseId)).status).toBe(200);
    const noReason = await sendEvent(t, 'berit.leder', caseId, { type: 'reject_transfer' });
    expect(noReason.status).toBe(400);
    const rejected = await sendEvent(t, 'berit.leder', caseId, { type: 'reject_transfer', reason: 'Barnet har fått plass på en annen skole.' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ unitId: units['solsiden-bhg'], allowedEvents: [] });
    expect((await get('berit.leder', caseId)).status).toBe(404);
    const kept = await get('ola.leder', caseId);
    expect(kept.body).toMatchObject({ unitId: units['solsiden-bhg'], assigneeId: ids['kari.ansatt'], status: 'acting' });
    // The answer was built in memory from what the definer function wrote: the same version and time as stored.
    expect({ version: rejected.body.version, updatedAt: rejected.body.updatedAt }).toEqual({ version: kept.body.version, updatedAt: kept.body.updatedAt });
    expect((await get('kari.ansatt', caseId)).status).toBe(200);
    const log = (await t.http.get(`/api/v1/cases/${caseId}/log`).set(await as('ola.leder'))).body.items;
    expect(log.at(-1)).toMatchObject({ type: 'reject_transfer', actorId: ids['berit.leder'] });
    // A new proposal is possible after a rejection.
    expect((await propose(caseId)).status).toBe(200);
  });

  it('withdrawing the consent stops a pending transfer at once', async () => {
    const caseId = await actingCase();
    const consentId = await consentToPassOn(caseId);
    expect((await propose(caseId)).status).toBe(200);
    const etag = (await get('ola.leder', caseId)).headers.etag;
    const w = await t.http.post(`/api/v1/cases/${caseId}/consents/${consentId}/withdrawal`).set(await as('ola.leder')).set('If-Match', etag).send({ reason: 'Foresatte ombestemte seg.' });
    expect(w.status).toBe(200);
    expect((await get('berit.leder', caseId)).status).toBe(404);
    const [row] = await db.query(`SELECT "transferToUnitId" FROM bti_case WHERE id = $1`, [caseId]);
    expect(row.transferToUnitId).toBeNull();
  });

  it('refuses bad transfer requests by name, never 5xx', async () => {
    const caseId = await actingCase();
    await consentToPassOn(caseId);
    const notUuid = await propose(caseId, 'bakken-skole');
    expect([notUuid.status, notUuid.body.errors?.[0]?.field]).toEqual([400, 'toUnitId']);
    const own = await propose(caseId, units['solsiden-bhg']);
    expect([own.status, own.body.errors?.[0]?.field]).toEqual([400, 'toUnitId']);
    const unknown = await propose(caseId, '00000000-0000-4000-8000-000000000000');
    expect([unknown.status, unknown.body.errors?.[0]?.field]).toEqual([400, 'toUnitId']);
    const byKari = await sendEvent(t, 'kari.ansatt', caseId, { type: 'propose_transfer', toUnitId: units['bakken-skole'], rationale: 'x' });
    expect([byKari.status, byKari.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    const foreignField = await sendEvent(t, 'ola.leder', caseId, { type: 'propose_transfer', toUnitId: units['bakken-skole'], rationale: 'x', grounds: 'y' });
    expect([foreignField.status, foreignField.body.errors?.[0]?.field]).toEqual([400, 'grounds']);
    const noIfMatch = await t.http.post(`/api/v1/cases/${caseId}/events`).set(await as('ola.leder')).send({ type: 'propose_transfer', toUnitId: units['bakken-skole'], rationale: 'x' });
    expect(noIfMatch.status).toBe(428);
  });
});

/** step_down (DESIGN 8.8): any route steps down the same way. */
describe('step_down', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 60_000);
  afterAll(() => t.close());

  it('the unit leader lowers the team route to own_unit; the team member loses sight; level never above the route', async () => {
    const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    const kari = await userId(t, 'kari.ansatt');
    await t.http.put(`/api/v1/cases/${created.id}/assignee`).set(await t.auth('ola.leder')).set('If-Match', '"1"').send({ assigneeId: kari }).expect(200);
    await sendEvent(t, 'kari.ansatt', created.id, { type: 'start_assessment' });
    await sendEvent(t, 'kari.ansatt', created.id, { type: 'complete_assessment', summary: 'Vurdert.', guardiansInformed: true });
    const decided = await sendEvent(t, 'ola.leder', created.id, { type: 'decide', route: 'interdisciplinary_team', rationale: 'Drøftes anonymt i teamet.', anonymous: true, anonymousSummary: 'Barn i barnehage, trist over tid.' });
    expect(decided.body).toMatchObject({ route: 'interdisciplinary_team', level: 2 });
    expect((await t.http.get(`/api/v1/cases/${created.id}`).set(await t.auth('per.ppt'))).status).toBe(200);

    const up = await sendEvent(t, 'ola.leder', created.id, { type: 'step_down', route: 'tfa', rationale: 'x' });
    expect([up.status, up.body.errors?.[0]?.field]).toEqual([400, 'route']);
    const byKari = await sendEvent(t, 'kari.ansatt', created.id, { type: 'step_down', route: 'own_unit', rationale: 'x' });
    expect(byKari.status).toBe(403);
    const down = await sendEvent(t, 'ola.leder', created.id, { type: 'step_down', route: 'own_unit', rationale: 'Teamet har gitt råd; enheten følger opp selv.' });
    expect(down.status).toBe(200);
    expect(down.body).toMatchObject({ route: 'own_unit', level: 1, status: 'acting' });
    expect((await t.http.get(`/api/v1/cases/${created.id}`).set(await t.auth('per.ppt'))).status).toBe(404);
  });
});
