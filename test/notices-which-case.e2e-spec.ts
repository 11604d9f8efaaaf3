import { jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { logConcern, sendEvent, unitIds, userId } from './harness/cases.js';
import { startTestApp, type TestApp } from './harness/test-app.js';

jest.setTimeout(90_000);

interface Notice { id: string; type: string; caseId: string | null; caseReference: string | null; childName: string | null; message: string; readAt: string | null }

/** Notices say which case (DESIGN 12.1): the reference in the stored text, the name only to who may still see it. */
describe('notices that say which case', () => {
  let t: TestApp;
  let ds: DataSource;
  const ids: Record<string, string> = {};

  const notices = async (username: string) =>
    (await t.http.get('/api/v1/notifications?pageSize=100').set(await t.auth(username)).expect(200)).body.items as Notice[];

  beforeAll(async () => {
    t = await startTestApp();
    ds = t.db;
    for (const u of ['kari.ansatt', 'ola.leder', 'berit.leder']) ids[u] = await userId(t, u);
  });
  afterAll(() => t.close());

  it("a request's notice begins with the case reference, never the child's name; the list adds the name for who can open the case identified", async () => {
    const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg', { child: { firstName: 'Synnøve', lastName: 'Varselsen' } });
    await t.http.put(`/api/v1/cases/${created.id}/assignee`).set(await t.auth('ola.leder')).set('If-Match', '"1"').send({ assigneeId: ids['kari.ansatt'] }).expect(200);
    const [notice] = (await notices('kari.ansatt')).filter((n) => n.caseId === created.id && n.type === 'case_assigned');
    expect(notice.message).toMatch(new RegExp(`^Sak ${created.reference}: Du er satt som stafettholder`));
    expect(notice).toMatchObject({ caseReference: created.reference, childName: 'Synnøve Varselsen' });
    const [stored] = await ds.query(`SELECT message FROM notification WHERE id = $1`, [notice.id]);
    expect(stored.message).not.toMatch(/Synnøve|Varselsen/);
  });

  it('a reader who can no longer open the case sees the reference without the name, and reading a name is audited', async () => {
    const units = await unitIds(t);
    const created = await logConcern(t, 'kari.ansatt', 'solsiden-bhg', { child: { firstName: 'Torgeir', lastName: 'Overført' } });
    await t.http.put(`/api/v1/cases/${created.id}/assignee`).set(await t.auth('ola.leder')).set('If-Match', '"1"').send({ assigneeId: ids['kari.ansatt'] }).expect(200);
    await sendEvent(t, 'kari.ansatt', created.id, { type: 'start_assessment' });
    await sendEvent(t, 'kari.ansatt', created.id, { type: 'complete_assessment', summary: 'Vurdert.', guardiansInformed: true });
    await sendEvent(t, 'kari.ansatt', created.id, { type: 'decide', route: 'own_unit', rationale: 'Tiltak.' });
    const etag = (await t.http.get(`/api/v1/cases/${created.id}`).set(await t.auth('ola.leder'))).headers.etag;
    await t.http.post(`/api/v1/cases/${created.id}/consents`).set(await t.auth('ola.leder')).set('If-Match', etag)
      .send({ givenBy: { name: 'Mor', relation: 'mother' }, recipients: ['receiving_unit'], purpose: 'Overføring.', form: 'written', validUntil: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10) }).expect(201);
    expect((await sendEvent(t, 'ola.leder', created.id, { type: 'propose_transfer', toUnitId: units['bakken-skole'], rationale: 'Skolestart.' })).status).toBe(200);
    const [offered] = (await notices('berit.leder')).filter((n) => n.caseId === created.id && n.type === 'transfer_offered');
    expect(offered).toMatchObject({ caseReference: created.reference, childName: 'Torgeir Overført' });
    expect(offered.message.startsWith(`Sak ${created.reference}: `)).toBe(true);

    const requestId = `notices-${Date.now()}`;
    await t.http.get('/api/v1/notifications?pageSize=100').set(await t.auth('berit.leder')).set('X-Request-Id', requestId).expect(200);
    const audited = await ds.query(`SELECT action FROM audit_event WHERE "requestId" = $1 AND "caseId" = $2`, [requestId, created.id]);
    expect(audited).toEqual([{ action: 'notification.list' }]);

    expect((await sendEvent(t, 'berit.leder', created.id, { type: 'reject_transfer', reason: 'Ikke plass.' })).status).toBe(200);
    const [after] = (await notices('berit.leder')).filter((n) => n.id === offered.id);
    expect(after).toMatchObject({ caseReference: created.reference, childName: null });
  });

  it('the unread count, «Marker alle som lest», and nobody else’s notices touched', async () => {
    await logConcern(t, 'kari.ansatt', 'solsiden-bhg', { concern: { suspectedViolenceOrAbuse: true } });
    const before = (await t.http.get('/api/v1/notifications/unread-count').set(await t.auth('kari.ansatt')).expect(200)).body.unread as number;
    expect(before).toBe((await notices('kari.ansatt')).filter((n) => n.readAt === null).length);
    expect(before).toBeGreaterThan(0);
    const olaBefore = (await t.http.get('/api/v1/notifications/unread-count').set(await t.auth('ola.leder')).expect(200)).body.unread;
    const marked = await t.http.post('/api/v1/notifications/read-all').set(await t.auth('kari.ansatt')).expect(200);
    expect(marked.body).toEqual({ marked: before });
    expect((await t.http.get('/api/v1/notifications/unread-count').set(await t.auth('kari.ansatt')).expect(200)).body).toEqual({ unread: 0 });
    expect((await t.http.get('/api/v1/notifications/unread-count').set(await t.auth('ola.leder')).expect(200)).body.unread).toBe(olaBefore);
  });
});
