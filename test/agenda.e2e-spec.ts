import { jest } from '@jest/globals';
import { caseEtag, logConcern, sendEvent, unitIds, userId } from './harness/cases.js';
import { startTestApp, type TestApp } from './harness/test-app.js';

jest.setTimeout(90_000);

const osloDay = (offset: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date(Date.now() + offset * 86_400_000));

interface AgendaItem { kind: string; caseId: string; reference: string; dueAt: string; overdue: boolean; subjectId?: string; link: string }

/** GET /me/agenda (DESIGN 12.1): each kind, to its own person only. */
describe('GET /api/v1/me/agenda', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const cases: Record<string, { id: string; reference: string }> = {};

  const agenda = async (username: string, days = 7) =>
    ((await t.http.get(`/api/v1/me/agenda?days=${days}`).set(await t.auth(username)).expect(200)).body.items as AgendaItem[]);
  /** The caller's items on this test's cases, as [kind, case name]. */
  const mine = async (username: string, days = 7) => {
    const names = new Map(Object.entries(cases).map(([name, c]) => [c.id, name]));
    return (await agenda(username, days)).filter((i) => names.has(i.caseId)).map((i) => [i.kind, names.get(i.caseId)]).sort();
  };

  beforeAll(async () => {
    t = await startTestApp();
    for (const u of ['kari.ansatt', 'ola.leder']) ids[u] = await userId(t, u);
    const units = await unitIds(t);
    const leader = await t.auth('ola.leder');

    // coordinated: kari coordinates it, decided to own unit, with a measure and a task for kari.
    const coordinated = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    await t.http.put(`/api/v1/cases/${coordinated.id}/assignee`).set(leader).set('If-Match', '"1"').send({ assigneeId: ids['kari.ansatt'] }).expect(200);
    await sendEvent(t, 'kari.ansatt', coordinated.id, { type: 'start_assessment' });
    await sendEvent(t, 'kari.ansatt', coordinated.id, { type: 'complete_assessment', summary: 'Vurdert.', guardiansInformed: true });
    expect((await sendEvent(t, 'kari.ansatt', coordinated.id, { type: 'decide', route: 'own_unit', rationale: 'Tiltak i barnehagen.' })).status).toBe(200);
    await t.http.post(`/api/v1/cases/${coordinated.id}/measures`).set(leader).set('If-Match', await caseEtag(t, 'ola.leder', coordinated.id))
      .send({ catalogCode: 'icdp', responsibleId: ids['kari.ansatt'], startDate: osloDay(0), evaluationDate: osloDay(3) }).expect(201);
    await t.http.post(`/api/v1/cases/${coordinated.id}/log`).set(leader).set('If-Match', await caseEtag(t, 'ola.leder', coordinated.id))
      .send({ type: 'meeting', text: 'Møte.', tasks: [{ text: 'Ring mor', responsibleId: ids['kari.ansatt'], dueDate: osloDay(2) }, { text: 'Senere', responsibleId: ids['kari.ansatt'], dueDate: osloDay(20) }] })
      .expect(201);
    cases.coordinated = coordinated;

    // undecided: kari coordinates it; its decision is due in 14 days.
    const undecided = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    await t.http.put(`/api/v1/cases/${undecided.id}/assignee`).set(leader).set('If-Match', '"1"').send({ assigneeId: ids['kari.ansatt'] }).expect(200);
    cases.undecided = undecided;

    // handedOver: kari coordinates it and ola is offered to take it over.
    const handedOver = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    await t.http.put(`/api/v1/cases/${handedOver.id}/assignee`).set(leader).set('If-Match', '"1"').send({ assigneeId: ids['kari.ansatt'] }).expect(200);
    await t.http.put(`/api/v1/cases/${handedOver.id}/assignee`).set(leader).set('If-Match', '"2"').send({ assigneeId: ids['ola.leder'] }).expect(200);
    cases.handedOver = handedOver;

    // flagged: violence suspected, no report yet: the leader's report is due within 24 hours.
    cases.flagged = await logConcern(t, 'kari.ansatt', 'solsiden-bhg', { concern: { suspectedViolenceOrAbuse: true } });

    // offered: the coordinated case is offered to bakken-skole.
    await t.http.post(`/api/v1/cases/${coordinated.id}/consents`).set(leader).set('If-Match', await caseEtag(t, 'ola.leder', coordinated.id))
      .send({ givenBy: { name: 'Mor Testesen', relation: 'mother' }, recipients: ['receiving_unit'], purpose: 'Overføring.', form: 'written', validUntil: osloDay(60) })
      .expect(201);
    expect((await sendEvent(t, 'ola.leder', coordinated.id, { type: 'propose_transfer', toUnitId: units['bakken-skole'], rationale: 'Skolestart.' })).status).toBe(200);
  });
  afterAll(() => t.close());

  it("staff: the tasks and evaluations they are responsible for, within the window; decisions of the cases they coordinate", async () => {
    expect(await mine('kari.ansatt')).toEqual([['evaluation', 'coordinated'], ['task', 'coordinated']]);
    expect(await mine('kari.ansatt', 21)).toEqual([['decision', 'undecided'], ['decision', 'handedOver'], ['evaluation', 'coordinated'], ['task', 'coordinated'], ['task', 'coordinated']].sort());
    const [task] = (await agenda('kari.ansatt')).filter((i) => i.caseId === cases.coordinated.id && i.kind === 'task');
    expect(task).toMatchObject({ reference: cases.coordinated.reference, overdue: false, link: `/saker/${cases.coordinated.id}`, subjectId: expect.any(String) });
  });

  it('leader: the handover waiting for their answer and the missing report of a flagged case in their unit', async () => {
    expect(await mine('ola.leder')).toEqual([['handover', 'handedOver'], ['report', 'flagged']]);
  });

  it('the receiving leader: the transfer offered to their unit; nobody else sees any of these', async () => {
    expect(await mine('berit.leder')).toEqual([['transfer', 'coordinated']]);
    expect(await mine('nina.ansatt', 60)).toEqual([]);
    expect(await mine('per.ppt', 60)).toEqual([]);
  });

  it('days outside 1–60 is a 400 naming days', async () => {
    for (const days of ['0', '61', 'x']) {
      const res = await t.http.get(`/api/v1/me/agenda?days=${days}`).set(await t.auth('kari.ansatt'));
      expect(res.status).toBe(400);
      expect([...new Set(res.body.errors.map((e: { field: string }) => e.field))]).toEqual(['days']);
    }
  });
});
