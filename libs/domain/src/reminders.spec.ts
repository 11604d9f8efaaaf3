import { apply } from './apply.js';
import type { DomainEffect } from './effects.js';
import { REMINDER_KINDS } from './reminder-kinds.js';
import {
  reminderStillApplies,
  remindersOnAssigned,
  remindersOnConcernLogged,
  remindersOnConsentRecorded,
  remindersOnMeasureAdded,
} from './reminders.js';
import { ACTORS, DAY, NOW, caseIn, caseState, consent, ctx } from './test-fixtures.js';
import { DEFAULT_REMINDER_DURATIONS, type ReminderDurations } from './durations.js';

const SECONDS: ReminderDurations = {
  unassigned: 'PT2S', assessment_due: 'PT7S', tfa_follow_up: 'PT14S', evaluation_overdue: 'PT7S',
  consent_expiry: 'PT30S', iks_pending: 'PT3S', child_welfare_report_missing: 'PT1S', decision_due: 'PT20S', task_due: 'PT5S',
};
const after = (s: number) => new Date(NOW.getTime() + s * 1000);
const kinds = (effects: DomainEffect[], type: 'ReminderScheduled' | 'ReminderCancelled') =>
  effects.filter((e) => e.type === type).map((e) => (e as { kind: string }).kind);

describe('remindersOnConcernLogged', () => {
  it('schedules unassigned, both assessment reminders and the child-welfare one when flagged', () => {
    const r = remindersOnConcernLogged(caseState({ assigneeId: null, suspectedViolenceOrAbuse: true }), NOW, SECONDS);
    expect(r).toEqual([
      { type: 'ReminderScheduled', kind: 'unassigned', dueAt: after(2), recipient: 'unit_leader' },
      { type: 'ReminderScheduled', kind: 'assessment_due', dueAt: after(7), recipient: 'assignee_or_reporter' },
      { type: 'ReminderScheduled', kind: 'assessment_due_leader', dueAt: after(14), recipient: 'unit_leader' },
      { type: 'ReminderScheduled', kind: 'decision_due', dueAt: after(20), recipient: 'assignee_or_reporter' },
      { type: 'ReminderScheduled', kind: 'decision_due_leader', dueAt: after(20), recipient: 'unit_leader' },
      { type: 'ReminderScheduled', kind: 'child_welfare_report_missing', dueAt: after(1), recipient: 'unit_leader' },
    ]);
  });
  it('skips unassigned with an assignee and the child-welfare one without suspicion', () => {
    expect(remindersOnConcernLogged(caseState(), NOW, SECONDS).map((e) => e.kind)).toEqual(['assessment_due', 'assessment_due_leader', 'decision_due', 'decision_due_leader']);
  });
  it('uses working days with the default durations (leader at 14 days)', () => {
    const [due, leader] = remindersOnConcernLogged(caseState(), NOW);
    expect(due!.dueAt).toEqual(new Date(NOW.getTime() + 7 * DAY));
    expect(leader!.dueAt).toEqual(new Date(NOW.getTime() + 14 * DAY)); // Wed 24 March, same clock time
  });
});

describe('other reminder rules', () => {
  it('assignment cancels the unassigned reminder', () => {
    expect(remindersOnAssigned(caseState())).toEqual([{ type: 'ReminderCancelled', kind: 'unassigned' }]);
  });
  it('a measure: evaluation_due at the date to the responsible, overdue later to the leader', () => {
    const evalDate = new Date('2027-04-07T06:00:00Z'); // Wed 08:00 Oslo
    expect(remindersOnMeasureAdded(evalDate, NOW, DEFAULT_REMINDER_DURATIONS, 'm-1')).toEqual([
      { type: 'ReminderScheduled', kind: 'evaluation_due', dueAt: evalDate, recipient: 'responsible', subjectId: 'm-1' },
      { type: 'ReminderScheduled', kind: 'evaluation_overdue', dueAt: new Date('2027-04-14T06:00:00Z'), recipient: 'unit_leader', subjectId: 'm-1' },
    ]);
  });
  it('consent expiry: warned before validUntil, only if still in the future', () => {
    const c = consent(['tfa'], { id: 'c-9', validUntil: after(60) });
    expect(remindersOnConsentRecorded(c, NOW, SECONDS)).toEqual([
      { type: 'ReminderScheduled', kind: 'consent_expiry', dueAt: after(30), recipient: 'assignee', subjectId: 'c-9' },
    ]);
    expect(remindersOnConsentRecorded({ ...c, validUntil: after(20) }, NOW, SECONDS)).toEqual([]);
    expect(remindersOnConsentRecorded({ ...c, validUntil: null }, NOW, SECONDS)).toEqual([]);
  });
});

describe('apply emits reminder effects', () => {
  const c = ctx({ reminderDurations: SECONDS, consents: [consent(['tfa', 'iks'])] });
  it('completing the assessment cancels the assessment reminders', () => {
    const r = apply(caseIn('assessing'), { type: 'complete_assessment', summary: 's', guardiansInformed: true }, ACTORS.assignee, c);
    expect(r.ok && kinds(r.effects, 'ReminderCancelled')).toEqual(['assessment_due', 'assessment_due_leader']);
  });
  it('starting the assessment keeps them', () => {
    const r = apply(caseIn('discovered'), { type: 'start_assessment' }, ACTORS.reporter, c);
    expect(r.ok && kinds(r.effects, 'ReminderCancelled')).toEqual([]);
  });
  it('deciding tfa schedules the TFA follow-up', () => {
    const r = apply(caseIn('deciding'), { type: 'decide', route: 'tfa', rationale: 'r' }, ACTORS.leader, c);
    expect(r.ok && r.effects).toContainEqual({ type: 'ReminderScheduled', kind: 'tfa_follow_up', dueAt: after(14), recipient: 'tfa_coordinator' });
  });
  it('escalating to iks refers the case, schedules iks_pending and ends the tfa follow-up', () => {
    const r = apply(caseIn('acting', { route: 'tfa', level: 2 }), { type: 'escalate', route: 'iks', rationale: 'r' }, ACTORS.leader, c);
    expect(r.ok && r.effects).toEqual(expect.arrayContaining([
      { type: 'IksReferred' },
      { type: 'ReminderScheduled', kind: 'iks_pending', dueAt: after(3), recipient: 'iks_coordinator' },
      { type: 'ReminderCancelled', kind: 'tfa_follow_up' },
    ]));
  });
  it('reporting to child welfare cancels the missing-report reminder', () => {
    const r = apply(caseIn('assessing', { suspectedViolenceOrAbuse: true }), { type: 'report_to_child_welfare', grounds: 'g', guardiansInformed: true, channel: 'digital' }, ACTORS.reporter, c);
    expect(r.ok && r.effects).toEqual([
      { type: 'ChildWelfareReported', at: NOW },
      { type: 'ReminderCancelled', kind: 'child_welfare_report_missing' },
    ]);
  });
  it('closing cancels every reminder kind', () => {
    const r = apply(caseIn('acting'), { type: 'close', reason: 'resolved' }, ACTORS.leader, c);
    expect(r.ok && kinds(r.effects, 'ReminderCancelled').sort()).toEqual([...REMINDER_KINDS].sort());
  });
  it('reopening clears the route and schedules the assessment reminders again', () => {
    const r = apply(caseIn('closed', { route: 'tfa', level: 2 }), { type: 'reopen', reason: 'Ny bekymring.' }, ACTORS.leader, c);
    expect(r).toMatchObject({ ok: true, next: { status: 'assessing', route: null, level: 0 } });
    expect(r.ok && kinds(r.effects, 'ReminderScheduled')).toEqual(['assessment_due', 'assessment_due_leader', 'decision_due', 'decision_due_leader']);
  });
});

describe('reminderStillApplies (the worker re-checks when a job fires)', () => {
  it('nothing applies to a closed case', () => {
    for (const kind of REMINDER_KINDS) expect(reminderStillApplies(kind, caseIn('closed', { assigneeId: null }))).toBe(false);
  });
  it('unassigned only while nobody is assigned', () => {
    expect(reminderStillApplies('unassigned', caseIn('assessing', { assigneeId: null }))).toBe(true);
    expect(reminderStillApplies('unassigned', caseIn('assessing'))).toBe(false);
  });
  it('assessment reminders only while discovered or assessing', () => {
    expect(reminderStillApplies('assessment_due', caseIn('assessing'))).toBe(true);
    expect(reminderStillApplies('assessment_due_leader', caseIn('deciding'))).toBe(false);
  });
  it('tfa and iks reminders only while on that route (iks: referral still referred)', () => {
    expect(reminderStillApplies('tfa_follow_up', caseIn('acting', { route: 'tfa', level: 2 }))).toBe(true);
    expect(reminderStillApplies('tfa_follow_up', caseIn('acting'))).toBe(false);
    const iks = caseIn('acting', { route: 'iks', level: 3 });
    expect(reminderStillApplies('iks_pending', iks, { iksReferralStatus: 'referred' })).toBe(true);
    expect(reminderStillApplies('iks_pending', iks, { iksReferralStatus: 'accepted' })).toBe(false);
  });
  it('child welfare reminder only while suspected and unreported', () => {
    expect(reminderStillApplies('child_welfare_report_missing', caseIn('assessing', { suspectedViolenceOrAbuse: true }))).toBe(true);
    expect(reminderStillApplies('child_welfare_report_missing', caseIn('assessing', { suspectedViolenceOrAbuse: true, childWelfareReportedAt: NOW }))).toBe(false);
  });
  it('consent expiry only while the consent is active; evaluation only while not evaluated', () => {
    const c = consent(['tfa'], { withdrawnAt: NOW });
    expect(reminderStillApplies('consent_expiry', caseIn('acting'), { consent: c, now: NOW })).toBe(false);
    expect(reminderStillApplies('consent_expiry', caseIn('acting'), { consent: { ...c, withdrawnAt: null }, now: NOW })).toBe(true);
    expect(reminderStillApplies('evaluation_due', caseIn('acting'), { measureEvaluated: true })).toBe(false);
    expect(reminderStillApplies('evaluation_overdue', caseIn('acting'))).toBe(true);
  });
});
