import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from './harness/test-app.js';
import { caseEtag, logConcern, sendEvent, userId } from './harness/cases.js';

import { jest } from '@jest/globals';

jest.setTimeout(90_000);

const osloDay = (offset: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date(Date.now() + offset * 86_400_000));

/**
 * Anonymised means anonymised everywhere (issue 28, DESIGN 8.4): a viewer with an anonymised view
 * of a case reads, of its measures, evaluations, log tasks, corrections and IKS referrals, only
 * kinds, codes and dates, as the log shows them: no texts, no people. One case carries a marked
 * text in each place; the health station's team member (consent names PPT, not her service) sees
 * it anonymised, the unit leader identified.
 */
describe('an anonymised viewer reads no texts and no people anywhere', () => {
  let t: TestApp;
  const tag = randomUUID().slice(0, 8);
  const marker = {
    entryPlan: `Inngangsplan ${tag}`,
    exitCriteria: `Utgangskriterium ${tag}`,
    endSummary: `Sluttsummering ${tag}`,
    measureTitle: `Egendefinert tiltak ${tag}`,
    measureDescription: `Tiltaksbeskrivelse ${tag}`,
    evaluationNote: `Evalueringsnotat ${tag}`,
    noteText: `Loggnotat ${tag}`,
    participant: `Deltaker ${tag}`,
    taskText: `Oppgave ${tag}`,
    correctionText: `Rettelse ${tag}`,
  };
  let caseId: string;
  const people: string[] = [];
  const entries = {} as { note: string; correction: string };

  const as = (username: string) => t.auth(username);

  beforeAll(async () => {
    t = await startTestApp();
    const db = t.db;
    const [kari, siri] = [await userId(t, 'kari.ansatt'), await userId(t, 'siri.iks')];
    people.push(kari, siri, await userId(t, 'ola.leder'));
    // An IKS case under a consent naming IKS and PPT, accepted, ended back to the unit's team.
    const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    caseId = created.id;
    await t.http.put(`/api/v1/cases/${caseId}/assignee`).set(await as('ola.leder')).set('If-Match', '"1"').send({ assigneeId: kari }).expect(200);
    await sendEvent(t, 'kari.ansatt', caseId, { type: 'start_assessment' });
    await sendEvent(t, 'kari.ansatt', caseId, { type: 'complete_assessment', summary: 'Sammensatte vansker.', guardiansInformed: true });
    await t.http.post(`/api/v1/cases/${caseId}/consents`).set(await as('ola.leder')).set('If-Match', await caseEtag(t, 'ola.leder', caseId))
      .send({ givenBy: { name: 'Mor Testesen', relation: 'mother' }, recipients: ['iks', 'ppt'], purpose: 'Samarbeid i IKS og teamet.', form: 'written', validUntil: osloDay(90) })
      .expect(201);
    expect((await sendEvent(t, 'ola.leder', caseId, { type: 'decide', route: 'iks', rationale: 'Behov for samtidig innsats.' })).status).toBe(200);
    const [referral] = await db.query(`SELECT id FROM iks_referral WHERE "caseId" = $1`, [caseId]);
    await t.http.post(`/api/v1/iks/referrals/${referral.id}/acceptance`).set(await as('siri.iks')).set('If-Match', await caseEtag(t, 'siri.iks', caseId))
      .send({ priority: 2, coreGroup: ['ppt'], memberIds: [siri], entryPlan: marker.entryPlan, exitCriteria: marker.exitCriteria })
      .expect(200);
    await t.http.post(`/api/v1/iks/referrals/${referral.id}/end`).set(await as('siri.iks')).set('If-Match', await caseEtag(t, 'siri.iks', caseId))
      .send({ exitCriteriaMet: true, summary: marker.endSummary, handBackRoute: 'interdisciplinary_team' })
      .expect(200);
    // A measure with its evaluation, a log note with a participant and a task, and a correction of it.
    const measure = await t.http.post(`/api/v1/cases/${caseId}/measures`).set(await as('kari.ansatt')).set('If-Match', await caseEtag(t, 'kari.ansatt', caseId))
      .send({ title: marker.measureTitle, description: marker.measureDescription, responsibleId: kari, startDate: osloDay(0), evaluationDate: osloDay(30) })
      .expect(201);
    await t.http.post(`/api/v1/cases/${caseId}/measures/${measure.body.id}/evaluations`).set(await as('kari.ansatt')).set('If-Match', await caseEtag(t, 'kari.ansatt', caseId))
      .send({ outcome: 'continue', note: marker.evaluationNote, nextEvaluationDate: osloDay(60) })
      .expect(201);
    const note = await t.http.post(`/api/v1/cases/${caseId}/log`).set(await as('kari.ansatt')).set('If-Match', await caseEtag(t, 'kari.ansatt', caseId))
      .send({ type: 'meeting', text: marker.noteText, participants: [marker.participant], tasks: [{ text: marker.taskText, responsibleId: kari, dueDate: osloDay(7) }] })
      .expect(201);
    const correction = await t.http.post(`/api/v1/cases/${caseId}/log/${note.body.id}/corrections`).set(await as('kari.ansatt')).set('If-Match', await caseEtag(t, 'kari.ansatt', caseId))
      .send({ text: marker.correctionText, reason: 'Feil dato.' })
      .expect(201);
    Object.assign(entries, { note: note.body.id, correction: correction.body.id });
  }, 180_000);
  afterAll(() => t.close());

  /** What `username` reads of the case on each endpoint. */
  async function readAll(username: string) {
    const headers = await as(username);
    const get = async (path: string) => {
      const res = await t.http.get(`/api/v1/cases/${caseId}${path}`).set(headers);
      expect([username, path, res.status]).toEqual([username, path, 200]);
      return res.body;
    };
    return {
      case: await get(''),
      measures: await get('/measures'),
      referrals: await get('/iks-referrals'),
      log: await get('/log?pageSize=100'),
      note: await get(`/log/${entries.note}`),
      correction: await get(`/log/${entries.correction}`),
    };
  }

  it('the unit leader (identified) reads every marked text: the markers are there to be hidden', async () => {
    const seen = await readAll('ola.leder');
    expect(seen.case.view).toBe('full');
    const text = JSON.stringify(seen);
    for (const m of Object.values(marker)) expect([m, text.includes(m)]).toEqual([m, true]);
    expect(seen.correction.correctsEntryId).toBe(entries.note);
  });

  it('the anonymised team member reads kinds, codes and dates only: no marker, no person', async () => {
    const seen = await readAll('hanne.helse');
    expect(seen.case.view).toBe('anonymised');
    const text = JSON.stringify(seen);
    for (const m of Object.values(marker)) expect([m, text.includes(m)]).toEqual([m, false]);
    for (const id of people) expect([id, text.includes(id)]).toEqual([id, false]);

    const [measure] = seen.measures.items;
    expect(measure).toMatchObject({ catalogCode: null, title: null, description: null, responsibleId: null, createdById: null, status: 'active', startDate: osloDay(0), evaluationDate: osloDay(60) });
    expect(measure.evaluations).toEqual([expect.objectContaining({ outcome: 'continue', note: null, evaluatedById: null, nextEvaluationDate: osloDay(60) })]);
    const [referral] = seen.referrals;
    expect(referral).toMatchObject({ status: 'ended', coreGroup: ['ppt'], memberIds: [], referredById: null, entryPlan: null, exitCriteria: null, endSummary: null, endReason: 'exit_criteria_met' });
    expect(seen.note).toMatchObject({ type: 'meeting', text: null, participants: [], tasks: [], actorId: null, correctedBy: [] });
    expect(seen.correction).toMatchObject({ type: 'correction', text: null, correctsEntryId: null });
  });
});
