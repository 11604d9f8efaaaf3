import { jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from './harness/test-app.js';
import { logConcern, sendEvent, userId } from './harness/cases.js';
import { startTestWorker, waitFor, type TestWorker } from './harness/worker.js';

// Real servers, a real worker and a loaded machine: every hook and test gets a minute.
jest.setTimeout(60_000);

const osloDay = (offset: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date(Date.now() + offset * 86_400_000));

/** The log as the working record (DESIGN 8.6, issue 13): entries, tasks with reminders, corrections. */
describe('case log entries, tasks and corrections', () => {
  let t: TestApp;
  let worker: TestWorker;
  let db: DataSource;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    // The default task lead (REMINDER_TASK_DUE=P1D): tasks due today or tomorrow are reminded at
    // once, a later one the day before; the worker fires them as they come due.
    t = await startTestApp();
    worker = await startTestWorker();
    db = t.db;
    for (const u of ['kari.ansatt', 'ola.leder', 'nina.ansatt', 'per.ppt']) ids[u] = await userId(t, u);
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  const as = (username: string) => t.auth(username);
  const etagOf = async (username: string, caseId: string) => (await t.http.get(`/api/v1/cases/${caseId}`).set(await as(username))).headers.etag as string;
  const write = async (username: string, caseId: string, body: object, ifMatch?: string) =>
    t.http.post(`/api/v1/cases/${caseId}/log`).set(await as(username)).set('If-Match', ifMatch ?? (await etagOf(username, caseId))).send(body);

  /** A solsiden-bhg case coordinated by kari, acting on own_unit. */
  async function actingCase(): Promise<string> {
    const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    await t.http.put(`/api/v1/cases/${created.id}/assignee`).set(await as('ola.leder')).set('If-Match', '"1"').send({ assigneeId: ids['kari.ansatt'] }).expect(200);
    expect((await sendEvent(t, 'kari.ansatt', created.id, { type: 'start_assessment' })).status).toBe(200);
    expect((await sendEvent(t, 'kari.ansatt', created.id, { type: 'complete_assessment', summary: 'Vurdert.', guardiansInformed: true })).status).toBe(200);
    expect((await sendEvent(t, 'kari.ansatt', created.id, { type: 'decide', route: 'own_unit', rationale: 'Tiltak i barnehagen.' })).status).toBe(200);
    return created.id;
  }

  it('a meeting with two tasks: each task_due reminder reaches its responsible through the worker', async () => {
    const caseId = await actingCase();
    const before = Number((await etagOf('ola.leder', caseId)).replace(/"/g, ''));
    const res = await write('ola.leder', caseId, {
      type: 'meeting',
      text: 'Samarbeidsmøte om tiltakene i barnehagen. Foresatte er positive.',
      at: new Date(Date.now() - 3600_000).toISOString(),
      participants: ['Ola Leder (enhetsleder)', 'Kari Ansatt (pedagogisk leder)', 'Mor'],
      tasks: [
        { text: 'Avtale nytt foreldremøte', responsibleId: ids['kari.ansatt'], dueDate: osloDay(0) },
        { text: 'Kontakte helsesykepleier', responsibleId: ids['ola.leder'], dueDate: osloDay(1) },
        { text: 'Evaluere etter høstferien', responsibleId: ids['kari.ansatt'], dueDate: osloDay(20) },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe(`"${before + 1}"`);
    expect(res.body).toMatchObject({ type: 'meeting', actorId: ids['ola.leder'], participants: ['Ola Leder (enhetsleder)', 'Kari Ansatt (pedagogisk leder)', 'Mor'], correctsEntryId: null });
    expect(res.body.tasks.map((x: { responsibleId: string }) => x.responsibleId)).toEqual([ids['kari.ansatt'], ids['ola.leder'], ids['kari.ansatt']]);
    expect(res.body.text).toMatch(/^Møte \(\d{1,2}\. [a-zæøå]+ \d{4} kl\. \d{2}\.\d{2}\): Samarbeidsmøte/);
    expect(res.body.text).toMatch(/- Avtale nytt foreldremøte \(ansvarlig: Kari Ansatt, frist \d{1,2}\. [a-zæøå]+ \d{4}\)/);
    expect(res.body.text).toContain('Deltakere: Ola Leder (enhetsleder), Kari Ansatt (pedagogisk leder), Mor.');
    expect(res.body.text).toContain('- Avtale nytt foreldremøte (ansvarlig: ');

    const reminders = await db.query(`SELECT recipient, "subjectId", "dueAt" > now() + interval '10 days' AS later FROM scheduled_reminder WHERE "caseId" = $1 AND kind = 'task_due' ORDER BY "dueAt", "subjectId"`, [caseId]);
    expect(reminders.map((r: { subjectId: string }) => r.subjectId).sort()).toEqual(res.body.tasks.map((x: { id: string }) => x.id).sort());
    expect(reminders.map((r: { recipient: string; later: boolean }) => [r.recipient, r.later])).toEqual([['responsible', false], ['responsible', false], ['responsible', true]]);
    expect(reminders[2].subjectId).toBe(res.body.tasks[2].id);

    const notes = await waitFor(async () => {
      const rows: { recipientId: string; message: string }[] = await db.query(`SELECT "recipientId", message FROM notification WHERE "caseId" = $1 AND type = 'task_due' ORDER BY "recipientId"`, [caseId]);
      return rows.length >= 2 ? rows : null;
    }, 30_000, 'two task_due notifications');
    expect(notes.map((n) => n.recipientId).sort()).toEqual([ids['kari.ansatt'], ids['ola.leder']].sort());
    // The task due in 20 days has not fired: its reminder is still pending.
    const [third] = await db.query(`SELECT status FROM scheduled_reminder WHERE "subjectId" = $1`, [res.body.tasks[2].id]);
    expect(third.status).toBe('pending');
    expect(notes[0]!.message).not.toMatch(/Emma|foreldremøte|helsesykepleier/);
    // Through the API too: kari's own notifications hold it.
    const mine = await t.http.get('/api/v1/notifications').set(await as('kari.ansatt'));
    expect(mine.body.items.filter((n: { type: string; caseId: string }) => n.type === 'task_due' && n.caseId === caseId)).toHaveLength(1);

    // The log lists the meeting; its detail has participants and tasks.
    const log = (await t.http.get(`/api/v1/cases/${caseId}/log`).set(await as('kari.ansatt'))).body.items;
    expect(log.at(-1)).toMatchObject({ id: res.body.id, type: 'meeting' });
    const detail = await t.http.get(`/api/v1/cases/${caseId}/log/${res.body.id}`).set(await as('kari.ansatt'));
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ participants: res.body.participants, tasks: res.body.tasks, correctedBy: [] });
  });

  it('notes and conversations; a correction is a new entry and the original never changes', async () => {
    const caseId = await actingCase();
    const note = await write('kari.ansatt', caseId, { type: 'conversation_child', text: 'Barnet fortalte at det er trist hjemme.' });
    expect(note.status).toBe(201);
    const original = (await t.http.get(`/api/v1/cases/${caseId}/log/${note.body.id}`).set(await as('kari.ansatt'))).body;
    const [rowBefore] = await db.query(`SELECT * FROM case_log_entry WHERE id = $1`, [note.body.id]);

    const corr = await t.http
      .post(`/api/v1/cases/${caseId}/log/${note.body.id}/corrections`)
      .set(await as('kari.ansatt'))
      .set('If-Match', await etagOf('kari.ansatt', caseId))
      .send({ text: 'Barnet fortalte at det er trist i barnehagen, ikke hjemme.', reason: 'Feil sted i notatet.' });
    expect(corr.status).toBe(201);
    expect(corr.body).toMatchObject({ type: 'correction', correctsEntryId: note.body.id });
    expect(corr.body.text).toContain('Begrunnelse: Feil sted i notatet.');

    const [rowAfter] = await db.query(`SELECT * FROM case_log_entry WHERE id = $1`, [note.body.id]);
    expect(rowAfter).toEqual(rowBefore);
    const after = (await t.http.get(`/api/v1/cases/${caseId}/log/${note.body.id}`).set(await as('kari.ansatt'))).body;
    expect(after).toEqual({ ...original, correctedBy: [corr.body.id] });
    const types = (await t.http.get(`/api/v1/cases/${caseId}/log`).set(await as('ola.leder'))).body.items.map((e: { type: string }) => e.type);
    expect(types.slice(-2)).toEqual(['conversation_child', 'correction']);

    // A workflow entry can be corrected as well; an unknown entry is 404.
    const decideEntry = (await db.query(`SELECT id FROM case_log_entry WHERE "caseId" = $1 AND type = 'decide'`, [caseId]))[0].id;
    const c2 = await t.http.post(`/api/v1/cases/${caseId}/log/${decideEntry}/corrections`).set(await as('ola.leder')).set('If-Match', await etagOf('ola.leder', caseId)).send({ text: 'Begrunnelsen gjaldt også hjemmet.', reason: 'Presisering.' });
    expect(c2.status).toBe(201);
    const missing = await t.http.post(`/api/v1/cases/${caseId}/log/00000000-0000-4000-8000-000000000000/corrections`).set(await as('ola.leder')).set('If-Match', await etagOf('ola.leder', caseId)).send({ text: 'x', reason: 'y' });
    expect(missing.status).toBe(404);
  });

  it('If-Match like every state-changing case request: missing 428, stale 412, and nothing is written', async () => {
    const caseId = await actingCase();
    const count = async () => (await db.query(`SELECT count(*)::int AS n FROM case_log_entry WHERE "caseId" = $1`, [caseId]))[0].n;
    const n = await count();
    const missing = await t.http.post(`/api/v1/cases/${caseId}/log`).set(await as('kari.ansatt')).send({ type: 'note', text: 'x' });
    expect([missing.status, missing.body.code]).toEqual([428, 'PRECONDITION_REQUIRED']);
    const stale = await write('kari.ansatt', caseId, { type: 'note', text: 'x' }, '"1"');
    expect([stale.status, stale.body.code]).toEqual([412, 'VERSION_MISMATCH']);
    expect(await count()).toBe(n);
  });

  it('refuses bad entries by name and writes nothing: unknown type, empty text, future time, a responsible without access, a past due date', async () => {
    const caseId = await actingCase();
    const count = async () => (await db.query(`SELECT (SELECT count(*) FROM case_log_entry WHERE "caseId" = $1)::int AS e, (SELECT count(*) FROM case_task WHERE "caseId" = $1)::int AS t`, [caseId]))[0];
    const n = await count();
    const fields = async (body: object) => {
      const res = await write('ola.leder', caseId, body);
      expect(res.status).toBe(400);
      return res.body.errors.map((e: { field: string }) => e.field).sort();
    };
    expect(await fields({ type: 'diary', text: 'x' })).toEqual(['type']);
    expect(await fields({ type: 'note', text: '' })).toEqual(['text']);
    expect(await fields({ type: 'note', text: 'x', at: 'igår' })).toEqual(['at']);
    expect(await fields({ type: 'note', text: 'x', at: new Date(Date.now() + 86_400_000).toISOString() })).toEqual(['at']);
    expect(await fields({ type: 'note', text: 'x', participants: ['a'.repeat(101)] })).toEqual(['participants']);
    expect(await fields({ type: 'meeting', text: 'x', tasks: [{ text: 'y', responsibleId: 'kari', dueDate: osloDay(1) }] })).toEqual(['tasks[0].responsibleId']);
    // nina works at another unit and cannot open the case: she cannot be made responsible.
    expect(await fields({
      type: 'meeting',
      text: 'x',
      tasks: [
        { text: 'y', responsibleId: ids['kari.ansatt'], dueDate: osloDay(-1) },
        { text: 'z', responsibleId: ids['nina.ansatt'], dueDate: osloDay(1) },
      ],
    })).toEqual(['tasks[0].dueDate', 'tasks[1].responsibleId']);
    expect(await count()).toEqual(n);
  });

  it('only those working on the case with an identified view write; the anonymised team sees types and dates only', async () => {
    const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg');
    await t.http.put(`/api/v1/cases/${created.id}/assignee`).set(await as('ola.leder')).set('If-Match', '"1"').send({ assigneeId: ids['kari.ansatt'] }).expect(200);
    await sendEvent(t, 'kari.ansatt', created.id, { type: 'start_assessment' });
    await sendEvent(t, 'kari.ansatt', created.id, { type: 'complete_assessment', summary: 'Vurdert.', guardiansInformed: true });
    expect((await sendEvent(t, 'ola.leder', created.id, { type: 'decide', route: 'interdisciplinary_team', rationale: 'Drøftes anonymt.', anonymous: true, anonymousSummary: 'Barn i barnehage.' })).status).toBe(200);
    const note = await write('ola.leder', created.id, { type: 'conversation_guardians', text: 'Far forteller om søvnvansker.' });
    expect(note.status).toBe(201);

    const byTeam = await write('per.ppt', created.id, { type: 'note', text: 'Råd fra PPT.' });
    expect([byTeam.status, byTeam.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    const seen = await t.http.get(`/api/v1/cases/${created.id}/log/${note.body.id}`).set(await as('per.ppt'));
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ id: note.body.id, type: 'conversation_guardians', text: null, participants: [], tasks: [], actorId: null });
    expect(JSON.stringify(seen.body)).not.toContain('søvnvansker');
    // Strangers get 404 for the case's log entries.
    expect((await t.http.get(`/api/v1/cases/${created.id}/log/${note.body.id}`).set(await as('nina.ansatt'))).status).toBe(404);
    expect((await write('nina.ansatt', created.id, { type: 'note', text: 'x' }, '"1"')).status).toBe(404);
  });

  it('a closed case takes no new entries (422) but can still be corrected', async () => {
    const caseId = await actingCase();
    const note = await write('kari.ansatt', caseId, { type: 'note', text: 'Siste notat.' });
    expect((await sendEvent(t, 'ola.leder', caseId, { type: 'close', reason: 'resolved' })).status).toBe(200);
    const refused = await write('ola.leder', caseId, { type: 'note', text: 'x' });
    expect([refused.status, refused.body.code]).toEqual([422, 'TRANSITION_NOT_ALLOWED']);
    const corr = await t.http.post(`/api/v1/cases/${caseId}/log/${note.body.id}/corrections`).set(await as('ola.leder')).set('If-Match', await etagOf('ola.leder', caseId)).send({ text: 'Siste notat (rettet).', reason: 'Skrivefeil.' });
    expect(corr.status).toBe(201);
  });

  it('documents the log endpoints, their If-Match and the task fields in OpenAPI', async () => {
    const doc = (await t.http.get('/docs-json')).body;
    for (const path of ['/api/v1/cases/{id}/log', '/api/v1/cases/{id}/log/{entryId}/corrections']) {
      const op = doc.paths[path].post;
      expect([path, op.parameters.find((p: { name: string; in: string }) => p.in === 'header' && p.name === 'If-Match')?.required]).toEqual([path, true]);
      expect(op.responses['201']).toBeDefined();
    }
    expect(doc.paths['/api/v1/cases/{id}/log/{entryId}'].get.responses['200']).toBeDefined();
    expect(Object.keys(doc.components.schemas.LogTaskDto.properties).sort()).toEqual(['dueDate', 'responsibleId', 'text']);
    expect(doc.components.schemas.CreateLogEntryDto.properties.type.enum).toEqual(['note', 'conversation_child', 'conversation_guardians', 'meeting']);
  });
});
