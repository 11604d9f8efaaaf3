import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from './harness/test-app.js';
import { caseEtag, logConcern, sendEvent, userId } from './harness/cases.js';

import { jest } from '@jest/globals';

// Explicit, and enough for the hooks: they start the API on the harness database (the first file
// also migrates it), which takes tens of seconds on a loaded 2-core machine.
jest.setTimeout(60_000);

/** Measures (tiltak) and their evaluations (issue 7). */
describe('measures', () => {
  let t: TestApp;
  let ds: DataSource;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestApp();
    ds = t.db;
    for (const u of ['kari.ansatt', 'ola.leder', 'nina.ansatt', 'lars.analytiker', 'per.ppt']) ids[u] = await userId(t, u);
  });
  afterAll(() => t.close());

  const as = (username: string) => t.auth(username);
  const iso = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

  /** A solsiden case decided to own unit (acting), coordinated by the unit leader (kari is only the reporter). */
  async function actingCase() {
    const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    await sendEvent(t, 'ola.leder', created.id, { type: 'start_assessment' });
    await sendEvent(t, 'ola.leder', created.id, { type: 'complete_assessment', summary: 'Vurdert.', guardiansInformed: true });
    const decided = await sendEvent(t, 'ola.leder', created.id, { type: 'decide', route: 'own_unit', rationale: 'Tiltak i barnehagen.', assigneeId: await userId(t, 'ola.leder') });
    expect(decided.body.status).toBe('acting');
    return created.id as string;
  }

  const catalogMeasure = () => ({ catalogCode: 'icdp', responsibleId: ids['kari.ansatt'], startDate: iso(0), evaluationDate: iso(30) });

  it('the unit leader adds a catalog measure: level shown, log entry, evaluation reminders scheduled', async () => {
    const caseId = await actingCase();
    const before = await t.http.get(`/api/v1/cases/${caseId}`).set(await as('ola.leder'));
    // A change to the case: If-Match missing → 428, stale → 412, and nothing is written.
    const missing = await t.http.post(`/api/v1/cases/${caseId}/measures`).set(await as('ola.leder')).send(catalogMeasure()).expect(428);
    expect(missing.body.code).toBe('PRECONDITION_REQUIRED');
    const stale = await t.http.post(`/api/v1/cases/${caseId}/measures`).set(await as('ola.leder')).set('If-Match', `"${before.body.version - 1}"`).send(catalogMeasure()).expect(412);
    expect(stale.body.code).toBe('VERSION_MISMATCH');
    expect(await ds.query(`SELECT 1 FROM measure WHERE "caseId" = $1`, [caseId])).toHaveLength(0);
    const res = await t.http.post(`/api/v1/cases/${caseId}/measures`).set(await as('ola.leder')).set('If-Match', before.headers.etag).send(catalogMeasure()).expect(201);
    expect(res.headers.etag).toBe(`"${before.body.version + 1}"`);
    expect(res.body).toMatchObject({
      caseId,
      catalogCode: 'icdp',
      title: 'ICDP foreldreveiledning',
      levels: ['universal', 'selected'],
      responsibleId: ids['kari.ansatt'],
      evaluationDate: iso(30),
      status: 'active',
      evaluations: [],
    });
    const log = await t.http.get(`/api/v1/cases/${caseId}/log`).set(await as('ola.leder'));
    const entry = log.body.items.at(-1);
    expect(entry.type).toBe('measure_added');
    expect(entry.text).toMatch(/ICDP foreldreveiledning \(universelt, selektivt\)\. Ansvarlig: Kari Ansatt/);
    // Dates as Norwegians write them (issue 25), never ISO.
    expect(entry.text).toMatch(/Oppstart \d{1,2}\. [a-zæøå]+ \d{4}, evaluering \d{1,2}\. [a-zæøå]+ \d{4}\./);
    expect(entry.text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const reminders = await ds.query(`SELECT kind, recipient, status FROM scheduled_reminder WHERE "caseId" = $1 AND "subjectId" = $2 ORDER BY kind`, [caseId, res.body.id]);
    expect(reminders).toEqual([
      { kind: 'evaluation_due', recipient: 'responsible', status: 'pending' },
      { kind: 'evaluation_overdue', recipient: 'unit_leader', status: 'pending' },
    ]);
    const audited = await ds.query(`SELECT action FROM audit_event WHERE "caseId" = $1 AND "actorId" = $2`, [caseId, ids['ola.leder']]);
    expect(audited.map((a: { action: string }) => a.action)).toContain('measure.create');
    // Adding a measure changes the case: its version moves on by one, as the ETag said.
    expect((await t.http.get(`/api/v1/cases/${caseId}`).set(await as('ola.leder'))).body.version).toBe(before.body.version + 1);
  });

  it('adds a free-text measure with its prevention level, and lists measures for whoever sees the case', async () => {
    const caseId = await actingCase();
    const res = await t.http.post(`/api/v1/cases/${caseId}/measures`).set(await as('ola.leder')).set('If-Match', await caseEtag(t, 'ola.leder', caseId))
      .send({ title: 'Fast voksen ved levering', levels: ['indicated'], description: 'Hver morgen.', responsibleId: ids['ola.leder'], startDate: iso(-3), evaluationDate: iso(14) })
      .expect(201);
    expect(res.body).toMatchObject({ catalogCode: null, title: 'Fast voksen ved levering', levels: ['indicated'], description: 'Hver morgen.' });
    const list = await t.http.get(`/api/v1/cases/${caseId}/measures`).set(await as('kari.ansatt')).expect(200);
    expect(list.body).toMatchObject({ total: 1, page: 1, items: [{ id: res.body.id }] });
    await t.http.get(`/api/v1/cases/${caseId}/measures`).set(await as('nina.ansatt')).expect(404);
    await t.http.get(`/api/v1/cases/${caseId}/measures`).set(await as('lars.analytiker')).expect(404);
  });

  it.each([
    ['catalogCode', { catalogCode: 'made_up' }],
    ['catalogCode', { catalogCode: undefined }],
    ['title', { title: 'Egen variant' }],
    ['levels', { levels: ['universal'] }],
    ['levels', { catalogCode: undefined, title: 'X', levels: ['sometimes'] }],
    ['title', { catalogCode: undefined, title: 'x'.repeat(201) }],
    ['responsibleId', { responsibleId: 'kari' }],
    ['startDate', { startDate: '2025-02-30' }],
    ['evaluationDate', { evaluationDate: 'next week' }],
    ['evaluationDate', { startDate: iso(10), evaluationDate: iso(5) }],
    ['evaluationDate', { startDate: iso(-30), evaluationDate: iso(-1) }],
    ['extra', { extra: true }],
  ])('refuses a bad %s with 400 naming it', async (field, patch) => {
    const caseId = await actingCase();
    const body = { ...catalogMeasure(), ...patch };
    const res = await t.http.post(`/api/v1/cases/${caseId}/measures`).set(await as('ola.leder')).set('If-Match', await caseEtag(t, 'ola.leder', caseId)).send(body).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await ds.query(`SELECT 1 FROM measure WHERE "caseId" = $1`, [caseId])).toHaveLength(0);
  });

  it('refuses a responsible person who does not work with children (analyst, unknown user)', async () => {
    const caseId = await actingCase();
    for (const responsibleId of [ids['lars.analytiker'], '00000000-0000-4000-8000-000000000000']) {
      const res = await t.http.post(`/api/v1/cases/${caseId}/measures`).set(await as('ola.leder')).set('If-Match', await caseEtag(t, 'ola.leder', caseId)).send({ ...catalogMeasure(), responsibleId }).expect(400);
      expect(res.body.errors[0].field).toBe('responsibleId');
    }
  });

  it('refuses a responsible person who cannot open the case (README: they get its reminders); nothing is written', async () => {
    const caseId = await actingCase();
    const before = await caseEtag(t, 'ola.leder', caseId);
    // nina works at another unit; per.ppt's team has no route to this case.
    for (const responsibleId of [ids['nina.ansatt'], ids['per.ppt']]) {
      const res = await t.http.post(`/api/v1/cases/${caseId}/measures`).set(await as('ola.leder')).set('If-Match', before).send({ ...catalogMeasure(), responsibleId }).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'responsibleId' })]);
    }
    expect(await caseEtag(t, 'ola.leder', caseId)).toBe(before);
    const list = await t.http.get(`/api/v1/cases/${caseId}/measures`).set(await as('ola.leder'));
    expect(list.body.total).toBe(0);
  });

  it('who and when: coordinator or unit leader; the reporter 403, outsiders 404; only once the case is decided', async () => {
    const caseId = await actingCase();
    const reporter = await t.http.post(`/api/v1/cases/${caseId}/measures`).set(await as('kari.ansatt')).set('If-Match', await caseEtag(t, 'kari.ansatt', caseId)).send(catalogMeasure());
    expect([reporter.status, reporter.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    await t.http.post(`/api/v1/cases/${caseId}/measures`).set(await as('nina.ansatt')).set('If-Match', await caseEtag(t, 'nina.ansatt', caseId)).send(catalogMeasure()).expect(404);
    await t.http.post(`/api/v1/cases/${caseId}/measures`).set(await as('berit.leder')).set('If-Match', await caseEtag(t, 'berit.leder', caseId)).send(catalogMeasure()).expect(404);
    // Once assigned, the coordinator (stafettholder) may.
    const etag = (await t.http.get(`/api/v1/cases/${caseId}`).set(await as('ola.leder'))).headers.etag;
    await t.http.put(`/api/v1/cases/${caseId}/assignee`).set(await as('ola.leder')).set('If-Match', etag).send({ assigneeId: ids['kari.ansatt'] }).expect(200);
    // A handover takes effect when the proposed coordinator accepts (DESIGN 8.2).
    expect((await sendEvent(t, 'kari.ansatt', caseId, { type: 'accept_handover' })).status).toBe(200);
    await t.http.post(`/api/v1/cases/${caseId}/measures`).set(await as('kari.ansatt')).set('If-Match', await caseEtag(t, 'kari.ansatt', caseId)).send(catalogMeasure()).expect(201);

    const undecided = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    const early = await t.http.post(`/api/v1/cases/${undecided.id}/measures`).set(await as('ola.leder')).set('If-Match', await caseEtag(t, 'ola.leder', undecided.id)).send(catalogMeasure()).expect(422);
    expect(early.body.code).toBe('TRANSITION_NOT_ALLOWED');
  });

  it('evaluates: continue moves the evaluation date and reschedules the reminders; stop ends the measure', async () => {
    const caseId = await actingCase();
    const measure = (await t.http.post(`/api/v1/cases/${caseId}/measures`).set(await as('ola.leder')).set('If-Match', await caseEtag(t, 'ola.leder', caseId)).send(catalogMeasure()).expect(201)).body;
    const url = `/api/v1/cases/${caseId}/measures/${measure.id}/evaluations`;

    const noDate = await t.http.post(url).set(await as('ola.leder')).set('If-Match', await caseEtag(t, 'ola.leder', caseId)).send({ outcome: 'continue', note: 'Fungerer.' }).expect(400);
    expect(noDate.body.errors[0].field).toBe('nextEvaluationDate');
    const badOutcome = await t.http.post(url).set(await as('ola.leder')).set('If-Match', await caseEtag(t, 'ola.leder', caseId)).send({ outcome: 'escalate', note: '' }).expect(400);
    expect(badOutcome.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['note', 'outcome']);
    const past = await t.http.post(url).set(await as('ola.leder')).set('If-Match', await caseEtag(t, 'ola.leder', caseId)).send({ outcome: 'adjust', note: 'x', nextEvaluationDate: iso(-2) }).expect(400);
    expect(past.body.errors[0].field).toBe('nextEvaluationDate');
    await t.http.post(`/api/v1/cases/${caseId}/measures/00000000-0000-4000-8000-000000000000/evaluations`).set(await as('ola.leder')).set('If-Match', await caseEtag(t, 'ola.leder', caseId)).send({ outcome: 'stop', note: 'x' }).expect(404);
    await t.http.post(url).set(await as('nina.ansatt')).set('If-Match', await caseEtag(t, 'nina.ansatt', caseId)).send({ outcome: 'stop', note: 'x' }).expect(404);

    // An evaluation takes the case's If-Match like every change to the case.
    await t.http.post(url).set(await as('kari.ansatt')).send({ outcome: 'continue', note: 'x', nextEvaluationDate: iso(60) }).expect(428);
    await t.http.post(url).set(await as('kari.ansatt')).set('If-Match', '"1"').send({ outcome: 'continue', note: 'x', nextEvaluationDate: iso(60) }).expect(412);
    // Kari is the responsible person (and the reporter, so she sees the case): she may evaluate.
    const cont = await t.http.post(url).set(await as('kari.ansatt')).set('If-Match', await caseEtag(t, 'kari.ansatt', caseId)).send({ outcome: 'continue', note: 'Fungerer godt.', nextEvaluationDate: iso(60) }).expect(201);
    expect(cont.body).toMatchObject({ status: 'active', evaluationDate: iso(60), evaluations: [{ outcome: 'continue', note: 'Fungerer godt.', nextEvaluationDate: iso(60), evaluatedById: ids['kari.ansatt'] }] });
    const reminders = await ds.query(`SELECT kind, status FROM scheduled_reminder WHERE "subjectId" = $1 ORDER BY "createdAt", kind`, [measure.id]);
    expect(reminders).toEqual([
      { kind: 'evaluation_due', status: 'cancelled' },
      { kind: 'evaluation_overdue', status: 'cancelled' },
      { kind: 'evaluation_due', status: 'pending' },
      { kind: 'evaluation_overdue', status: 'pending' },
    ]);

    const withDate = await t.http.post(url).set(await as('ola.leder')).set('If-Match', await caseEtag(t, 'ola.leder', caseId)).send({ outcome: 'stop', note: 'x', nextEvaluationDate: iso(5) }).expect(400);
    expect(withDate.body.errors[0].field).toBe('nextEvaluationDate');
    const stop = await t.http.post(url).set(await as('ola.leder')).set('If-Match', await caseEtag(t, 'ola.leder', caseId)).send({ outcome: 'stop', note: 'Målet er nådd.' }).expect(201);
    expect(stop.body).toMatchObject({ status: 'ended', endedAt: expect.any(String) });
    expect(stop.body.evaluations.map((e: { outcome: string }) => e.outcome)).toEqual(['continue', 'stop']);
    expect(await ds.query(`SELECT count(*)::int AS n FROM scheduled_reminder WHERE "subjectId" = $1 AND status = 'pending'`, [measure.id])).toEqual([{ n: 0 }]);
    const again = await t.http.post(url).set(await as('ola.leder')).set('If-Match', await caseEtag(t, 'ola.leder', caseId)).send({ outcome: 'stop', note: 'x' }).expect(422);
    expect(again.body.code).toBe('MEASURE_ENDED');

    const log = await t.http.get(`/api/v1/cases/${caseId}/log`).set(await as('ola.leder'));
    const evaluated = log.body.items.filter((e: { type: string }) => e.type === 'measure_evaluated');
    expect(evaluated.map((e: { text: string }) => e.text)).toEqual([
      expect.stringMatching(/videreføres\. Neste evaluering .* Notat: Fungerer godt\./),
      expect.stringMatching(/avsluttes\. Notat: Målet er nådd\./),
    ]);
  });

  it('documents the measure endpoints in OpenAPI', async () => {
    const doc = (await t.http.get('/docs-json')).body;
    expect(doc.paths['/api/v1/cases/{id}/measures'].post.requestBody.content['application/json'].schema.$ref).toMatch(/CreateMeasureDto/);
    expect(doc.paths['/api/v1/cases/{id}/measures'].get.responses['200'].content['application/json'].schema.$ref).toMatch(/MeasureListResponse/);
    expect(doc.paths['/api/v1/cases/{id}/measures/{measureId}/evaluations'].post.requestBody.content['application/json'].schema.$ref).toMatch(/EvaluateMeasureDto/);
    for (const path of ['/api/v1/cases/{id}/measures', '/api/v1/cases/{id}/measures/{measureId}/evaluations']) {
      const header = doc.paths[path].post.parameters.find((p: { name: string; in: string }) => p.in === 'header' && p.name === 'If-Match');
      expect([path, header?.required]).toEqual([path, true]);
    }
  });
});
