import { DataSource } from 'typeorm';
import { Notification } from '@app/persistence';
import { userId } from './harness/cases.js';
import { startTestApp, type TestApp } from './harness/test-app.js';

import { jest } from '@jest/globals';

// Explicit, and enough for the hooks: they start the API on the harness database (the first file
// also migrates it), which takes tens of seconds on a loaded 2-core machine.
jest.setTimeout(60_000);

describe('notifications API', () => {
  let t: TestApp;
  let ds: DataSource;
  let eva: string;
  const ids: string[] = [];
  beforeAll(async () => {
    t = await startTestApp();
    ds = t.db;
    // eva.revisor gets no reminders from other tests: her notifications are exactly these.
    eva = await userId(t, 'eva.revisor');
    const repo = ds.getRepository(Notification);
    for (let i = 0; i < 5; i++) {
      const n = await repo.save(
        repo.create({ recipientId: eva, type: i === 4 ? 'child_welfare_report_missing' : 'assessment_due', caseId: null, dueAt: new Date(), message: `Varsel ${i}`, urgent: i === 4, readAt: i === 0 ? new Date() : null }),
      );
      ids.push(n.id);
    }
  });
  afterAll(() => t.close());

  it('GET /notifications lists the caller’s own, paged, urgent first, with the contract fields', async () => {
    const res = await t.http.get('/api/v1/notifications?page=1&pageSize=2').set(await t.auth('eva.revisor')).expect(200);
    expect(res.body).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(res.body.items).toHaveLength(2);
    expect(res.body.items[0]).toEqual({
      id: ids[4],
      type: 'child_welfare_report_missing',
      caseId: null,
      caseReference: null,
      childName: null,
      dueAt: expect.any(String),
      createdAt: expect.any(String),
      readAt: null,
      message: 'Varsel 4',
      urgent: true,
    });
    const page3 = await t.http.get('/api/v1/notifications?page=3&pageSize=2').set(await t.auth('eva.revisor')).expect(200);
    expect(page3.body.items).toHaveLength(1);
    const other = await t.http.get('/api/v1/notifications').set(await t.auth('lars.analytiker')).expect(200);
    expect(other.body.items.map((n: { id: string }) => n.id)).not.toEqual(expect.arrayContaining([ids[1]]));
  });

  it('?unread=true / false filters; a bad value is a 400 naming the field', async () => {
    const unread = await t.http.get('/api/v1/notifications?unread=true').set(await t.auth('eva.revisor')).expect(200);
    expect(unread.body.total).toBe(4);
    const read = await t.http.get('/api/v1/notifications?unread=false').set(await t.auth('eva.revisor')).expect(200);
    expect(read.body.items.map((n: { id: string }) => n.id)).toEqual([ids[0]]);
    const bad = await t.http.get('/api/v1/notifications?unread=maybe&pageSize=0').set(await t.auth('eva.revisor')).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['pageSize', 'unread']);
  });

  it('POST /notifications/:id/read marks read (idempotent); someone else’s or unknown → 404', async () => {
    const first = await t.http.post(`/api/v1/notifications/${ids[1]}/read`).set(await t.auth('eva.revisor')).expect(200);
    expect(first.body.readAt).toEqual(expect.any(String));
    const again = await t.http.post(`/api/v1/notifications/${ids[1]}/read`).set(await t.auth('eva.revisor')).expect(200);
    expect(again.body.readAt).toBe(first.body.readAt);
    const unread = await t.http.get('/api/v1/notifications?unread=true').set(await t.auth('eva.revisor')).expect(200);
    expect(unread.body.total).toBe(3);
    const foreign = await t.http.post(`/api/v1/notifications/${ids[2]}/read`).set(await t.auth('lars.analytiker')).expect(404);
    expect(foreign.headers['content-type']).toMatch(/application\/problem\+json/);
    const [row] = await ds.query(`SELECT "readAt" FROM notification WHERE id = $1`, [ids[2]]);
    expect(row.readAt).toBeNull();
    await t.http.post('/api/v1/notifications/00000000-0000-4000-8000-000000000000/read').set(await t.auth('eva.revisor')).expect(404);
    await t.http.post('/api/v1/notifications/not-a-uuid/read').set(await t.auth('eva.revisor')).expect(404);
  });

  it('needs a token', async () => {
    await t.http.get('/api/v1/notifications').expect(401);
  });

  it('is in the OpenAPI document', async () => {
    const doc = await t.http.get('/docs-json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/notifications', '/api/v1/notifications/{id}/read']));
  });
});

describe('Bull Board at /admin/queues', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('401 without a token; 403 for everyone but the operator, a municipality admin included', async () => {
    await t.http.get('/admin/queues').expect(401);
    for (const username of ['kari.ansatt', 'ola.leder', 'eva.revisor', 'anne.admin']) {
      const res = await t.http.get('/admin/queues').set(await t.auth(username)).expect(403);
      expect(res.body.code).toBe('FORBIDDEN_ROLE');
    }
    await t.http.get('/admin/queues/api/queues').set(await t.auth('anne.admin')).expect(403);
    // An admin cannot pause the mail queue (the urgent e-mail of every municipality).
    await t.http.put('/admin/queues/api/queues/mail/pause').set(await t.auth('anne.admin')).expect(403);
  });

  it('200 for ole.operator: the UI, the queues, and operating them (pause and resume)', async () => {
    const operator = await t.auth('ole.operator');
    const ui = await t.http.get('/admin/queues').set(operator).expect(200);
    expect(ui.text).toMatch(/<html/i);
    const api = await t.http.get('/admin/queues/api/queues').set(operator).expect(200);
    expect(api.body.queues.map((q: { name: string }) => q.name)).toContain('reminders');
    await t.http.put('/admin/queues/api/queues/reminders/pause').set(operator).expect(200);
    const paused = await t.http.get('/admin/queues/api/queues').set(operator).expect(200);
    expect(paused.body.queues.find((q: { name: string }) => q.name === 'reminders').isPaused).toBe(true);
    await t.http.put('/admin/queues/api/queues/reminders/resume').set(operator).expect(200);
  });

  it('the operator reads no case and has no municipality action', async () => {
    const operator = await t.auth('ole.operator');
    const me = await t.http.get('/api/v1/me').set(operator).expect(200);
    expect(me.body.allowedActions).toEqual(['queues.operate']);
    const list = await t.http.get('/api/v1/cases').set(operator).expect(200);
    expect(list.body.total).toBe(0);
    await t.http.get('/api/v1/mail-deliveries/failed').set(operator).expect(403);
  });
});
