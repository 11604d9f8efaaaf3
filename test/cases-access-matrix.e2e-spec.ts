import { DataSource } from 'typeorm';
import { caseViewOf, may, type Action, type Actor, type CaseView } from '@app/domain';
import { BtiCase, ConsentRow, toCaseState, toDomainConsent } from '@app/persistence';
import { PrincipalService } from '../apps/api/src/auth/principal.service.js';
import { CaseAccessPolicy } from '../apps/api/src/case-core/case-access.policy.js';
import pg from 'pg';
import { logins, startTestApp, type TestApp } from './harness/test-app.js';
import { caseEtag, logConcern, sendEvent, userId } from './harness/cases.js';

import { jest } from '@jest/globals';

// Explicit, and enough for the hooks: they start the API on the harness database (the first file
// also migrates it), tens of seconds on a loaded 2-core machine.
jest.setTimeout(60_000);

/**
 * THE ACCESS MATRIX (DESIGN 7, 8.3, 8.4; issue 19 item 5): every user × every case shape × the
 * case endpoints. One hand-written table says who sees which case and how; the domain predicate
 * (`caseViewOf`), the access layer's SQL run alone (as the superuser, whom row-level security does
 * not filter), the row-level policy alone (as `bti_app`, and as the API's own login `bti_api`,
 * without the access layer's condition) and the API (both together, on `bti_api`) must each agree with it, so a leak in any one layer fails here even while
 * the other layer still hides the case.
 */
type Expected = CaseView | null;
const F: Expected = 'full';
const A: Expected = 'anonymised';
const _: Expected = null;

// Cases: own unit (solsiden), another unit (bakken), team with consent to ppt, to health_station,
// anonymous team, team under a round-one consent to the arena, TFA, IKS. Every solsiden case has
// kari as reporter (and coordinator from C on), ola as unit leader.
// `handover`: a TFA case whose consent also names PPT, offered to per.ppt as new coordinator
// (not yet accepted): the proposed person sees it (DESIGN 8.2).
const CASES = ['own', 'bakken', 'teamPpt', 'teamHealth', 'teamAnonymous', 'teamLegacy', 'tfa', 'iks', 'handover'] as const;
type CaseName = (typeof CASES)[number];

const MATRIX: Record<string, Record<CaseName, Expected>> = {
  //                  own  bakken teamPpt teamHealth teamAnonymous teamLegacy tfa iks handover
  'kari.ansatt':     { own: F, bakken: _, teamPpt: F, teamHealth: F, teamAnonymous: F, teamLegacy: F, tfa: F, iks: F, handover: F },
  'ola.leder':       { own: F, bakken: _, teamPpt: F, teamHealth: F, teamAnonymous: F, teamLegacy: F, tfa: F, iks: F, handover: F },
  'nina.ansatt':     { own: _, bakken: F, teamPpt: _, teamHealth: _, teamAnonymous: _, teamLegacy: _, tfa: _, iks: _, handover: _ },
  'berit.leder':     { own: _, bakken: F, teamPpt: _, teamHealth: _, teamAnonymous: _, teamLegacy: _, tfa: _, iks: _, handover: _ },
  'per.ppt':         { own: _, bakken: _, teamPpt: F, teamHealth: A, teamAnonymous: A, teamLegacy: F, tfa: _, iks: _, handover: F },
  'hanne.helse':     { own: _, bakken: _, teamPpt: A, teamHealth: F, teamAnonymous: A, teamLegacy: F, tfa: _, iks: _, handover: _ },
  'tor.tfa':         { own: _, bakken: _, teamPpt: _, teamHealth: _, teamAnonymous: _, teamLegacy: _, tfa: F, iks: _, handover: F },
  'siri.iks':        { own: _, bakken: _, teamPpt: _, teamHealth: _, teamAnonymous: _, teamLegacy: _, tfa: _, iks: F, handover: _ },
  'anne.admin':      { own: _, bakken: _, teamPpt: _, teamHealth: _, teamAnonymous: _, teamLegacy: _, tfa: _, iks: _, handover: _ },
  'eva.revisor':     { own: _, bakken: _, teamPpt: _, teamHealth: _, teamAnonymous: _, teamLegacy: _, tfa: _, iks: _, handover: _ },
  'lars.analytiker': { own: _, bakken: _, teamPpt: _, teamHealth: _, teamAnonymous: _, teamLegacy: _, tfa: _, iks: _, handover: _ },
  // A PPT member of the other demo cluster (frei), and a second municipality's own coordinators
  // and team member (test data): nothing of demo's, whatever their roles and services say.
  'frida.frei':      { own: _, bakken: _, teamPpt: _, teamHealth: _, teamAnonymous: _, teamLegacy: _, tfa: _, iks: _, handover: _ },
  'ks.tfa':          { own: _, bakken: _, teamPpt: _, teamHealth: _, teamAnonymous: _, teamLegacy: _, tfa: _, iks: _, handover: _ },
  'ks.iks':          { own: _, bakken: _, teamPpt: _, teamHealth: _, teamAnonymous: _, teamLegacy: _, tfa: _, iks: _, handover: _ },
  'ks.team':         { own: _, bakken: _, teamPpt: _, teamHealth: _, teamAnonymous: _, teamLegacy: _, tfa: _, iks: _, handover: _ },
  // A Kristiansund PPT member whose role rows point into demo (its sentrum cluster, its TFA), as a
  // bad import could write them: only the municipality clause of each layer keeps demo's cases
  // from them, so this row fails when that clause is missing from any one layer.
  'ks.feilrolle':    { own: _, bakken: _, teamPpt: _, teamHealth: _, teamAnonymous: _, teamLegacy: _, tfa: _, iks: _, handover: _ },
};

/**
 * THE ACTION MATRIX (issue 27 item 7): who may do what on which case, by hand, for the actions
 * below; every user of MATRIX not named under an action may do it on no case. Checked against the
 * permission table (`may`), the API (a command sent with a stale If-Match answers 412 when
 * permitted and 403/404 when not, so nothing is written; `allowedActions` never lists more) and
 * row-level security (a permitted action is on a case it shows).
 */
const SOLSIDEN: CaseName[] = ['own', 'teamPpt', 'teamHealth', 'teamAnonymous', 'teamLegacy', 'tfa', 'iks', 'handover'];
const ROUTED: CaseName[] = SOLSIDEN.filter((c) => c !== 'own');
const ACTION_MATRIX: Partial<Record<Action, Record<string, CaseName[]>>> = {
  // Reporter, stafettholder, unit leader.
  start_assessment: { 'kari.ansatt': SOLSIDEN, 'ola.leder': SOLSIDEN, 'nina.ansatt': ['bakken'], 'berit.leder': ['bakken'] },
  'case.assign': { 'ola.leder': SOLSIDEN, 'berit.leder': ['bakken'] },
  // The unit's own people, and the proposed new stafettholder (per.ppt on `handover`).
  'consent.manage': { 'kari.ansatt': SOLSIDEN, 'ola.leder': SOLSIDEN, 'nina.ansatt': ['bakken'], 'berit.leder': ['bakken'], 'per.ppt': ['handover'] },
  // Stafettholder (kari from the decision on) and unit leader.
  'measure.add': { 'kari.ansatt': ROUTED, 'ola.leder': SOLSIDEN, 'berit.leder': ['bakken'] },
  // Working on the case and seeing who the child is: not the anonymised team members, not the proposed stafettholder.
  'log.write': {
    'kari.ansatt': SOLSIDEN, 'ola.leder': SOLSIDEN, 'nina.ansatt': ['bakken'], 'berit.leder': ['bakken'],
    'per.ppt': ['teamPpt', 'teamLegacy'], 'hanne.helse': ['teamHealth', 'teamLegacy'], 'tor.tfa': ['tfa', 'handover'], 'siri.iks': ['iks'],
  },
  // Everyone who sees the case identified.
  'report.read': {
    'kari.ansatt': SOLSIDEN, 'ola.leder': SOLSIDEN, 'nina.ansatt': ['bakken'], 'berit.leder': ['bakken'],
    'per.ppt': ['teamPpt', 'teamLegacy', 'handover'], 'hanne.helse': ['teamHealth', 'teamLegacy'], 'tor.tfa': ['tfa', 'handover'], 'siri.iks': ['iks'],
  },
  'iks.accept': { 'siri.iks': ['iks'] },
};

describe('access matrix: domain, API and row-level security agree with one table', () => {
  let t: TestApp;
  let db: DataSource;
  let apiLogin: pg.Client;
  const ids = {} as Record<CaseName, string>;

  /** Test users beyond the demo seed: one in demo's other cluster, four in Kristiansund. */
  async function seedOutsiders(): Promise<void> {
    const [demo] = await db.query(`SELECT id FROM municipality WHERE code = 'demo'`);
    const [ks] = await db.query(`SELECT id FROM municipality WHERE code = 'kristiansund'`);
    const [frei] = await db.query(`SELECT id FROM cluster WHERE "municipalityId" = $1 AND code = 'frei'`, [demo.id]);
    const [sentrum] = await db.query(`SELECT id FROM cluster WHERE "municipalityId" = $1 AND code = 'sentrum'`, [demo.id]);
    await db.query(`INSERT INTO cluster ("municipalityId", code, name) VALUES ($1, 'nordlandet', 'Nordlandet') ON CONFLICT DO NOTHING`, [ks.id]);
    const [nordlandet] = await db.query(`SELECT id FROM cluster WHERE "municipalityId" = $1 AND code = 'nordlandet'`, [ks.id]);
    const users: [string, string, string, string, string, string][] = [
      ['frida.frei', demo.id, 'team_member', 'cluster', frei.id, 'ppt'],
      ['ks.tfa', ks.id, 'tfa_coordinator', 'municipality', ks.id, 'tfa'],
      ['ks.iks', ks.id, 'iks_coordinator', 'municipality', ks.id, 'iks'],
      ['ks.team', ks.id, 'team_member', 'cluster', nordlandet.id, 'ppt'],
      ['ks.feilrolle', ks.id, 'team_member', 'cluster', sentrum.id, 'ppt'],
      ['ks.feilrolle', ks.id, 'tfa_coordinator', 'municipality', demo.id, 'ppt'],
    ];
    for (const [username, municipalityId, role, scopeType, scopeId, service] of users) {
      await db.query(
        `INSERT INTO app_user (username, "municipalityId", "displayName", service) VALUES ($1, $2, $1, $3) ON CONFLICT (username) DO NOTHING`,
        [username, municipalityId, service],
      );
      await db.query(
        `INSERT INTO role_assignment ("userId", role, "scopeType", "scopeId") SELECT id, $2, $3, $4 FROM app_user WHERE username = $1 ON CONFLICT DO NOTHING`,
        [username, role, scopeType, scopeId],
      );
    }
  }

  /** A solsiden case coordinated by kari, assessed, optionally with a consent, then decided. */
  async function routed(route: string, consent: string[] | null, extra: object = {}): Promise<string> {
    const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    const kari = await userId(t, 'kari.ansatt');
    await sendEvent(t, 'ola.leder', created.id, { type: 'start_assessment' });
    await sendEvent(t, 'ola.leder', created.id, { type: 'complete_assessment', summary: 'Vurdert.', guardiansInformed: true });
    if (consent) {
      await t.http.post(`/api/v1/cases/${created.id}/consents`).set(await t.auth('ola.leder')).set('If-Match', await caseEtag(t, 'ola.leder', created.id))
        .send({ givenBy: { name: 'Mor Testesen', relation: 'mother' }, recipients: consent, purpose: 'Samarbeid.', form: 'written', validUntil: '2099-12-31' })
        .expect(201);
    }
    const decided = await sendEvent(t, 'ola.leder', created.id, { type: 'decide', route, rationale: 'Begrunnet.', assigneeId: kari, ...extra });
    expect(decided.status).toBe(200);
    return created.id;
  }

  beforeAll(async () => {
    t = await startTestApp({}, { login: 'test-issuer' });
    db = t.db;
    apiLogin = new pg.Client({ connectionString: logins.api });
    await apiLogin.connect();
    await seedOutsiders();
    ids.own = (await logConcern(t, 'kari.ansatt', 'solsiden-bhg')).id;
    ids.bakken = (await logConcern(t, 'nina.ansatt', 'bakken-skole')).id;
    ids.teamPpt = await routed('interdisciplinary_team', ['ppt']);
    ids.teamHealth = await routed('interdisciplinary_team', ['health_station']);
    ids.teamAnonymous = await routed('interdisciplinary_team', null, { anonymous: true, anonymousSummary: 'Gutt i barnehage.' });
    // Round one's consent to the arena, as stored before PracticeRules: read, never rewritten.
    ids.teamLegacy = await routed('interdisciplinary_team', null, { anonymous: true, anonymousSummary: 'Først anonymt.' });
    await db.query(
      `INSERT INTO consent ("caseId", "givenByName", "givenByRelation", recipients, purpose, form, "recordedById", "validFrom")
       SELECT $1, 'Mor', 'mother', ARRAY['interdisciplinary_team'], 'Runde én', 'written', "reporterId", now() - interval '1 minute' FROM bti_case WHERE id = $1`,
      [ids.teamLegacy],
    );
    await db.query(`UPDATE bti_case SET anonymous = false, "anonymousSummary" = NULL WHERE id = $1`, [ids.teamLegacy]);
    ids.tfa = await routed('tfa', ['tfa']);
    ids.iks = await routed('iks', ['iks']);
    ids.handover = await routed('tfa', ['tfa', 'ppt']);
    const offer = await t.http.put(`/api/v1/cases/${ids.handover}/assignee`).set(await t.auth('ola.leder'))
      .set('If-Match', await caseEtag(t, 'ola.leder', ids.handover)).send({ assigneeId: await userId(t, 'per.ppt') });
    expect(offer.body.pendingAssigneeId).toBe(await userId(t, 'per.ppt'));
  }, 180_000);
  afterAll(async () => {
    await apiLogin?.end();
    await t.close();
  });

  /** The domain's answer, from the stored rows (read as the owner, beside RLS). */
  async function domainView(username: string, caseId: string): Promise<Expected> {
    const [user] = await db.query(`SELECT id, "municipalityId", service FROM app_user WHERE username = $1`, [username]);
    const roles = await db.query(`SELECT role, "scopeType", "scopeId" FROM role_assignment WHERE "userId" = $1`, [user.id]);
    const actor: Actor = { userId: user.id, municipalityId: user.municipalityId, service: user.service, roles };
    const row = await db.getRepository(BtiCase).findOneByOrFail({ id: caseId });
    const consents = (await db.getRepository(ConsentRow).findBy({ caseId })).map(toDomainConsent);
    return caseViewOf(actor, toCaseState(row), consents, new Date());
  }

  /** Whether PostgreSQL's row-level policy shows the case (and its child) to the user, with no application filter. */
  async function rlsShows(username: string, caseId: string): Promise<boolean> {
    const [user] = await db.query(`SELECT id, "municipalityId" FROM app_user WHERE username = $1`, [username]);
    return db.transaction(async (em) => {
      await em.query(`SELECT set_config('bti.user_id', $1, true), set_config('bti.municipality_id', $2, true), set_config('role', 'bti_app', true)`, [user.id, user.municipalityId]);
      const cases = await em.query(`SELECT id FROM bti_case WHERE id = $1`, [caseId]);
      const children = await em.query(`SELECT ch.id FROM child ch JOIN bti_case c ON c."childId" = ch.id WHERE c.id = $1`, [caseId]);
      expect(children.length).toBe(cases.length);
      return cases.length === 1;
    });
  }

  /** The same, as the API's own login (`bti_api`) connects in production: no role switch, only the identity. */
  async function rlsShowsToApiLogin(username: string, caseId: string): Promise<boolean> {
    const [user] = await db.query(`SELECT id, "municipalityId" FROM app_user WHERE username = $1`, [username]);
    await apiLogin.query('BEGIN');
    try {
      await apiLogin.query(`SELECT set_config('bti.user_id', $1, true), set_config('bti.municipality_id', $2, true)`, [user.id, user.municipalityId]);
      const { rows: [who] } = await apiLogin.query(`SELECT session_user AS login`);
      expect(who.login).toBe('bti_api');
      const { rows: cases } = await apiLogin.query(`SELECT id FROM bti_case WHERE id = $1`, [caseId]);
      const { rows: children } = await apiLogin.query(`SELECT ch.id FROM child ch JOIN bti_case c ON c."childId" = ch.id WHERE c.id = $1`, [caseId]);
      expect(children.length).toBe(cases.length);
      return cases.length === 1;
    } finally {
      await apiLogin.query('ROLLBACK');
    }
  }

  /** Whether the access layer's own SQL condition shows the case, run as the owner (row-level security does not apply). */
  async function policyShows(username: string, caseId: string): Promise<boolean> {
    const stored = await t.app.get(PrincipalService).byUsername(username);
    const principal = { ...stored!, requestId: `matrix-${username}`, purpose: 'saksbehandling' };
    const visible = t.app.get(CaseAccessPolicy).visibleCondition(principal, new Date());
    return db.getRepository(BtiCase).createQueryBuilder('c').where('c.id = :caseId', { caseId }).andWhere(visible.sql, visible.params).getExists();
  }

  it('the owner connection bypasses row-level security, so the policy check below tests the policy alone', async () => {
    const [who] = await db.query(`SELECT rolsuper OR rolbypassrls AS bypass FROM pg_roles WHERE rolname = current_user`);
    expect(who.bypass).toBe(true);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM bti_case WHERE id = ANY($1)`, [Object.values(ids)]);
    expect(n).toBe(CASES.length);
  });

  it('the test data has a second municipality with its own TFA and IKS coordinators, and team members of other clusters', async () => {
    const rows = await db.query(
      `SELECT u.username, m.code AS municipality, r.role, r."scopeType", COALESCE(cl.code, m2.code) AS scope
       FROM app_user u JOIN municipality m ON m.id = u."municipalityId" JOIN role_assignment r ON r."userId" = u.id
       LEFT JOIN cluster cl ON cl.id = r."scopeId" LEFT JOIN municipality m2 ON m2.id = r."scopeId"
       WHERE u.username IN ('frida.frei', 'ks.tfa', 'ks.iks', 'ks.team') ORDER BY u.username`,
    );
    expect(rows).toEqual([
      { username: 'frida.frei', municipality: 'demo', role: 'team_member', scopeType: 'cluster', scope: 'frei' },
      { username: 'ks.iks', municipality: 'kristiansund', role: 'iks_coordinator', scopeType: 'municipality', scope: 'kristiansund' },
      { username: 'ks.team', municipality: 'kristiansund', role: 'team_member', scopeType: 'cluster', scope: 'nordlandet' },
      { username: 'ks.tfa', municipality: 'kristiansund', role: 'tfa_coordinator', scopeType: 'municipality', scope: 'kristiansund' },
    ]);
    // The cases they must not see are routed and consented: to the team of sentrum (not frei), to TFA, to IKS.
    const cases = await db.query(`SELECT c.route, cl.code AS cluster FROM bti_case c JOIN cluster cl ON cl.id = c."clusterId" WHERE c.id = ANY($1) ORDER BY c.route`, [[ids.teamPpt, ids.tfa, ids.iks]]);
    expect(cases).toEqual([{ route: 'iks', cluster: 'sentrum' }, { route: 'interdisciplinary_team', cluster: 'sentrum' }, { route: 'tfa', cluster: 'sentrum' }]);
  });

  const cells = Object.entries(MATRIX).flatMap(([username, row]) => CASES.map((c) => [username, c, row[c]] as const));

  it.each(cells)('%s × %s → %s', async (username, caseName, expected) => {
    const caseId = ids[caseName];
    const headers = await t.auth(username);
    expect([username, caseName, await domainView(username, caseId)]).toEqual([username, caseName, expected]);
    // Each layer alone: a leak in one fails here even while the other still hides the case.
    expect([username, caseName, 'access policy SQL, RLS bypassed', await policyShows(username, caseId)]).toEqual([username, caseName, 'access policy SQL, RLS bypassed', expected !== null]);
    expect([username, caseName, 'row-level security alone', await rlsShows(username, caseId)]).toEqual([username, caseName, 'row-level security alone', expected !== null]);
    expect([username, caseName, 'row-level security, API login', await rlsShowsToApiLogin(username, caseId)]).toEqual([username, caseName, 'row-level security, API login', expected !== null]);

    const got = await t.http.get(`/api/v1/cases/${caseId}`).set(headers);
    const log = await t.http.get(`/api/v1/cases/${caseId}/log`).set(headers);
    const consents = await t.http.get(`/api/v1/cases/${caseId}/consents`).set(headers);
    const list = await t.http.get('/api/v1/cases?pageSize=100').set(headers).expect(200);
    const listed = list.body.items.find((c: { id: string }) => c.id === caseId);
    if (expected === null) {
      expect([got.status, log.status, consents.status]).toEqual([404, 404, 404]);
      expect(listed).toBeUndefined();
      const event = await t.http.post(`/api/v1/cases/${caseId}/events`).set(headers).set('If-Match', '"1"').send({ type: 'start_assessment' });
      expect(event.status).toBe(404);
      return;
    }
    expect([got.status, got.body.view, listed?.view]).toEqual([200, expected, expected]);
    expect([log.status, consents.status]).toEqual([200, 200]);
    const identity = JSON.stringify([got.body, listed, log.body, consents.body]);
    if (expected === 'anonymised') {
      for (const secret of ['Emma', 'Testesen', '2021-03-14', 'sluttet å spise', 'Mor Testesen']) expect(identity).not.toContain(secret);
      expect(log.body.items.every((e: { text: string | null }) => e.text === null)).toBe(true);
    } else {
      expect(got.body.child.firstName).toBe('Emma');
    }
  });

  /** The domain's actor and the case as the permission table sees them, from the stored rows. */
  async function subjectOf(username: string, caseId: string) {
    const [user] = await db.query(`SELECT id, "municipalityId", service FROM app_user WHERE username = $1`, [username]);
    const roles = await db.query(`SELECT role, "scopeType", "scopeId" FROM role_assignment WHERE "userId" = $1`, [user.id]);
    const actor: Actor = { userId: user.id, municipalityId: user.municipalityId, service: user.service, roles };
    const row = await db.getRepository(BtiCase).findOneByOrFail({ id: caseId });
    const consents = (await db.getRepository(ConsentRow).findBy({ caseId })).map(toDomainConsent);
    return { actor, subject: { state: toCaseState(row), consents, now: new Date() } };
  }

  /** The action sent to the API with a stale If-Match: 412 when permitted (nothing written), 403 or 404 when not. */
  async function attempt(action: Action, caseId: string, headers: Record<string, string>): Promise<number | null> {
    const stale = { ...headers, 'If-Match': '"999"' };
    const url = `/api/v1/cases/${caseId}`;
    const iso = (days: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date(Date.now() + days * 86_400_000));
    switch (action) {
      case 'start_assessment':
        return (await t.http.post(`${url}/events`).set(stale).send({ type: 'start_assessment' })).status;
      case 'case.assign':
        return (await t.http.put(`${url}/assignee`).set(stale).send({ assigneeId: await userId(t, 'kari.ansatt') })).status;
      case 'consent.manage':
        return (await t.http.post(`${url}/consents`).set(stale).send({ givenBy: { name: 'Mor', relation: 'mother' }, recipients: ['ppt'], purpose: 'Matrise.', form: 'written', validUntil: '2099-12-31' })).status;
      case 'measure.add':
        return (await t.http.post(`${url}/measures`).set(stale).send({ catalogCode: 'icdp', responsibleId: await userId(t, 'kari.ansatt'), startDate: iso(0), evaluationDate: iso(30) })).status;
      case 'log.write':
        return (await t.http.post(`${url}/log`).set(stale).send({ type: 'note', text: 'Matrise.' })).status;
      case 'report.read':
        return (await t.http.get(`${url}/child-welfare-reports`).set(headers)).status;
      default:
        return null; // the IKS decisions name a referral: domain and allowedActions only
    }
  }

  const actionCells = Object.keys(MATRIX).flatMap((username) => CASES.map((c) => [username, c] as const));

  it.each(actionCells)('actions of %s on %s', async (username, caseName) => {
    const caseId = ids[caseName];
    const headers = await t.auth(username);
    const { actor, subject } = await subjectOf(username, caseId);
    const shown = await rlsShows(username, caseId);
    const got = await t.http.get(`/api/v1/cases/${caseId}`).set(headers);
    const listed: string[] = got.status === 200 ? got.body.allowedActions : [];
    for (const [action, who] of Object.entries(ACTION_MATRIX) as [Action, Record<string, CaseName[]>][]) {
      const expected = (who[username] ?? []).includes(caseName);
      const cell = [username, caseName, action];
      expect([...cell, 'permission table', may(actor, action, subject)]).toEqual([...cell, 'permission table', expected]);
      if (expected) expect([...cell, 'row-level security shows the case', shown]).toEqual([...cell, 'row-level security shows the case', true]);
      if (!expected) expect([...cell, 'allowedActions', listed.includes(action)]).toEqual([...cell, 'allowedActions', false]);
      const status = await attempt(action, caseId, headers);
      if (status === null) continue;
      const permitted = action === 'report.read' ? status === 200 : status === 412;
      const refused = got.status === 200 ? status === 403 : status === 404;
      expect([...cell, 'API', status, expected ? permitted : refused]).toEqual([...cell, 'API', status, true]);
    }
  });

  it('the second municipality sees an empty list, even of its own routes', async () => {
    for (const username of ['ks.tfa', 'ks.iks', 'ks.team', 'ks.feilrolle']) {
      const list = await t.http.get('/api/v1/cases?pageSize=100').set(await t.auth(username)).expect(200);
      expect([username, list.body.total]).toEqual([username, 0]);
    }
  });
});
