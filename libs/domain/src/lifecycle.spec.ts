import { maySeeCase } from './access.js';
import { apply } from './apply.js';
import { onConsentWithdrawn } from './consent.js';
import { DEFAULT_REMINDER_DURATIONS } from './durations.js';
import type { CaseEvent } from './events.js';
import { onIksEnded } from './iks.js';
import { remindersOnTaskRecorded } from './reminders.js';
import { ACTORS, CLUSTER2, DAY, NOW, TRANSFER_TO_U2, UNIT, UNIT2, caseIn, consent, ctx } from './test-fixtures.js';

const passOn = consent(['receiving_unit']);
const propose = (extra: Partial<Extract<CaseEvent, { type: 'propose_transfer' }>> = {}): CaseEvent => ({
  type: 'propose_transfer', toUnitId: UNIT2, rationale: 'Barnet begynner på skolen.', ...extra,
});

describe('propose_transfer (DESIGN 8.7)', () => {
  it('needs an active consent naming receiving_unit', () => {
    expect(apply(caseIn('acting'), propose(), ACTORS.leader, ctx())).toMatchObject({ ok: false, code: 'CONSENT_REQUIRED', field: 'toUnitId' });
    const withdrawn = consent(['receiving_unit'], { withdrawnAt: new Date(NOW.getTime() - 1000) });
    expect(apply(caseIn('acting'), propose(), ACTORS.leader, ctx({ consents: [withdrawn] }))).toMatchObject({ code: 'CONSENT_REQUIRED' });
    expect(apply(caseIn('acting'), propose(), ACTORS.leader, ctx({ consents: [consent(['ppt', 'tfa'])] }))).toMatchObject({ code: 'CONSENT_REQUIRED' });
  });
  it('records the pending transfer and lets the receiving leader see the case identified', () => {
    const r = apply(caseIn('assessing'), propose(), ACTORS.leader, ctx({ consents: [passOn] }));
    expect(r).toMatchObject({ ok: true, next: { status: 'assessing', unitId: UNIT, transfer: TRANSFER_TO_U2 } });
    expect(r.ok && r.effects).toContainEqual({ type: 'TransferProposed', toUnitId: UNIT2, toClusterId: CLUSTER2 });
    expect(maySeeCase(ACTORS.otherLeader, caseIn('assessing'), [passOn], NOW)).toBe(false);
    expect(r.ok && maySeeCase(ACTORS.otherLeader, r.next, [passOn], NOW)).toBe(true);
  });
  it('refuses an unknown unit, the own unit, a missing rationale and a second pending transfer, naming the field', () => {
    const c = ctx({ consents: [passOn] });
    expect(apply(caseIn('acting'), propose({ toUnitId: 'nowhere' }), ACTORS.leader, c)).toMatchObject({ code: 'VALIDATION_FAILED', field: 'toUnitId' });
    expect(apply(caseIn('acting'), propose({ toUnitId: UNIT }), ACTORS.leader, c)).toMatchObject({ code: 'VALIDATION_FAILED', field: 'toUnitId' });
    expect(apply(caseIn('acting'), propose({ rationale: ' ' }), ACTORS.leader, c)).toMatchObject({ code: 'VALIDATION_FAILED', field: 'rationale' });
    expect(apply(caseIn('acting', { transfer: { ...TRANSFER_TO_U2 } }), propose(), ACTORS.leader, c)).toMatchObject({ code: 'VALIDATION_FAILED', field: 'toUnitId' });
  });
  it('is for the unit leader only', () => {
    expect(apply(caseIn('acting'), propose(), ACTORS.assignee, ctx({ consents: [passOn] }))).toMatchObject({ code: 'FORBIDDEN_ROLE' });
  });
});

describe('accept_transfer and reject_transfer', () => {
  const pending = caseIn('acting', { transfer: { ...TRANSFER_TO_U2 } });

  it('accepting moves unit, cluster and coordinator; the sending unit loses access, the log text says so', () => {
    const r = apply(pending, { type: 'accept_transfer', assigneeId: 'new-assignee' }, ACTORS.otherLeader, ctx({ consents: [passOn] }));
    expect(r).toMatchObject({ ok: true, next: { unitId: UNIT2, clusterId: CLUSTER2, assigneeId: 'new-assignee', transfer: null, status: 'acting', route: 'own_unit' } });
    if (!r.ok) return;
    for (const actor of [ACTORS.leader, ACTORS.reporter, ACTORS.assignee, ACTORS.colleague]) expect(maySeeCase(actor, r.next, [passOn], NOW)).toBe(false);
    expect(maySeeCase(ACTORS.otherLeader, r.next, [passOn], NOW)).toBe(true);
    expect(r.effects).toContainEqual({ type: 'ReminderCancelled', kind: 'unassigned' });
  });
  it('accepting without a coordinator starts the unassigned reminder for the receiving unit', () => {
    const r = apply(pending, { type: 'accept_transfer' }, ACTORS.otherLeader, ctx({ consents: [passOn] }));
    expect(r).toMatchObject({ ok: true, next: { assigneeId: null } });
    expect(r.ok && r.effects.find((e) => e.type === 'ReminderScheduled')).toMatchObject({ kind: 'unassigned', recipient: 'unit_leader' });
  });
  it('accepting needs the consent still to be active', () => {
    const withdrawn = consent(['receiving_unit'], { withdrawnAt: new Date(NOW.getTime() - 1000) });
    expect(apply(pending, { type: 'accept_transfer' }, ACTORS.otherLeader, ctx({ consents: [withdrawn] }))).toMatchObject({ code: 'CONSENT_REQUIRED' });
  });
  it('rejecting leaves everything as it was, except the pending transfer; a reason is required', () => {
    expect(apply(pending, { type: 'reject_transfer', reason: '' }, ACTORS.otherLeader, ctx())).toMatchObject({ code: 'VALIDATION_FAILED', field: 'reason' });
    const r = apply(pending, { type: 'reject_transfer', reason: 'Ingen plass.' }, ACTORS.otherLeader, ctx());
    expect(r).toMatchObject({ ok: true, next: { ...caseIn('acting'), transfer: null } });
    expect(r.ok && maySeeCase(ACTORS.otherLeader, r.next, [passOn], NOW)).toBe(false);
  });
  it('closing the case or withdrawing the consent ends a pending transfer', () => {
    const closed = apply(pending, { type: 'close', reason: 'resolved' }, ACTORS.leader, ctx());
    expect(closed).toMatchObject({ ok: true, next: { status: 'closed', transfer: null } });
    const w = onConsentWithdrawn(pending, [{ ...passOn, withdrawnAt: NOW }], NOW, passOn.id);
    expect(w.next.transfer).toBeNull();
    expect(w.effects).toContainEqual({ type: 'TransferWithdrawn', toUnitId: UNIT2, why: 'consent_withdrawn' });
    // Another consent still naming receiving_unit keeps it.
    expect(onConsentWithdrawn(pending, [{ ...passOn, withdrawnAt: NOW }, consent(['receiving_unit'], { id: 'other' })], NOW).next.transfer).toEqual(TRANSFER_TO_U2);
  });
});

describe('step_down (DESIGN 8.8)', () => {
  const onTeam = caseIn('acting', { route: 'interdisciplinary_team', level: 2, anonymous: true });
  const onIks = caseIn('acting', { route: 'iks', level: 3 });

  it('lowers the route and its level; leaving iks or tfa cancels their reminders', () => {
    expect(apply(onTeam, { type: 'step_down', route: 'own_unit', rationale: 'r' }, ACTORS.leader, ctx())).toMatchObject({ ok: true, next: { route: 'own_unit', level: 1, anonymous: false } });
    const r = apply(onIks, { type: 'step_down', route: 'interdisciplinary_team', rationale: 'r', anonymous: true, anonymousSummary: 'Oppsummering.' }, ACTORS.leader, ctx());
    expect(r).toMatchObject({ ok: true, next: { route: 'interdisciplinary_team', level: 2 } });
    expect(r.ok && r.effects).toContainEqual({ type: 'ReminderCancelled', kind: 'iks_pending' });
    expect(r.ok && r.effects).toContainEqual(expect.objectContaining({ type: 'CaseRouted', previousRoute: 'iks', escalation: false }));
  });
  it('refuses the same or a higher level, and a lower route without its consent', () => {
    expect(apply(onTeam, { type: 'step_down', route: 'tfa', rationale: 'r' }, ACTORS.leader, ctx())).toMatchObject({ code: 'VALIDATION_FAILED', field: 'route' });
    expect(apply(onTeam, { type: 'step_down', route: 'iks', rationale: 'r' }, ACTORS.leader, ctx())).toMatchObject({ code: 'VALIDATION_FAILED', field: 'route' });
    expect(apply(caseIn('acting'), { type: 'step_down', route: 'own_unit', rationale: 'r' }, ACTORS.leader, ctx())).toMatchObject({ code: 'VALIDATION_FAILED', field: 'route' });
    expect(apply(onIks, { type: 'step_down', route: 'tfa', rationale: 'r' }, ACTORS.leader, ctx())).toMatchObject({ code: 'CONSENT_REQUIRED' });
    expect(apply(onIks, { type: 'step_down', route: 'tfa', rationale: 'r' }, ACTORS.leader, ctx({ consents: [consent(['tfa'])] }))).toMatchObject({ ok: true, next: { route: 'tfa', level: 2 } });
  });
  it('is for the unit leader, from acting', () => {
    expect(apply(onTeam, { type: 'step_down', route: 'own_unit', rationale: 'r' }, ACTORS.assignee, ctx())).toMatchObject({ code: 'FORBIDDEN_ROLE' });
    expect(apply({ ...onTeam, status: 'evaluating' }, { type: 'step_down', route: 'own_unit', rationale: 'r' }, ACTORS.leader, ctx())).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
  });
});

describe('onIksEnded (DESIGN 8.8)', () => {
  const onIks = caseIn('acting', { route: 'iks', level: 3 });
  it('hands the case back to own_unit: route and level step down, IKS members lose access', () => {
    const r = onIksEnded(onIks, 'own_unit', 'Målene er nådd.', ctx({ consents: [consent(['iks'])] }));
    expect(r).toMatchObject({ next: { route: 'own_unit', level: 1 } });
    if ('ok' in r) return;
    expect(maySeeCase(ACTORS.iksMember, onIks, [consent(['iks', 'nav'])], NOW)).toBe(true);
    expect(maySeeCase(ACTORS.iksMember, r.next, [consent(['iks', 'nav'])], NOW)).toBe(false);
    expect(maySeeCase(ACTORS.iks, r.next, [consent(['iks'])], NOW)).toBe(false);
    expect(r.logText).toContain('egen enhet');
  });
  it('hands the case back to the team only with a consent naming it', () => {
    expect(onIksEnded(onIks, 'interdisciplinary_team', 's', ctx())).toMatchObject({ ok: false, code: 'CONSENT_REQUIRED', field: 'handBackRoute' });
    const r = onIksEnded(onIks, 'interdisciplinary_team', 's', ctx({ consents: [consent(['interdisciplinary_team'])] }));
    expect(r).toMatchObject({ next: { route: 'interdisciplinary_team', level: 2, anonymous: false } });
    expect(onIksEnded(onIks, 'tfa' as never, 's', ctx())).toMatchObject({ ok: false, field: 'handBackRoute' });
  });
  it('leaves a case that is no longer on route iks as it is', () => {
    expect(onIksEnded(caseIn('acting'), 'own_unit', 's', ctx())).toMatchObject({ next: caseIn('acting') });
  });
});

describe('remindersOnTaskRecorded', () => {
  // NOW: Wednesday 10 March 2027, 11:00 Oslo.
  it('reminds a day before the due date at 08:00 Oslo on a working day', () => {
    expect(remindersOnTaskRecorded('t1', '2027-03-18', NOW)).toEqual([
      { type: 'ReminderScheduled', kind: 'task_due', dueAt: new Date('2027-03-17T07:00:00Z'), recipient: 'responsible', subjectId: 't1' },
    ]);
    // Due Monday 15 March: the day before is a Sunday, so Monday 08:00.
    expect(remindersOnTaskRecorded('t1', '2027-03-15', NOW)[0]!.dueAt).toEqual(new Date('2027-03-15T07:00:00Z'));
  });
  it('is due at once when that moment has passed (a task due today or tomorrow)', () => {
    expect(remindersOnTaskRecorded('t1', '2027-03-10', NOW)[0]!.dueAt).toEqual(NOW);
    expect(remindersOnTaskRecorded('t1', '2027-03-11', NOW)[0]!.dueAt).toEqual(NOW);
  });
  it('a short lead (tests) stays exact before the due date begins', () => {
    const r = remindersOnTaskRecorded('t1', '2027-03-12', NOW, { ...DEFAULT_REMINDER_DURATIONS, task_due: 'PT1H' });
    expect(r[0]!.dueAt).toEqual(new Date('2027-03-11T22:00:00Z'));
    expect(r[0]!.dueAt.getTime() - NOW.getTime()).toBeLessThan(2 * DAY);
  });
});
