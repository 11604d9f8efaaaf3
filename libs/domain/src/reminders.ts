import type { CaseState } from './case-state.js';
import { consentStatus, type Consent } from './consent.js';
import { DateTime } from 'luxon';
import { DEFAULT_REMINDER_DURATIONS, multiplyIsoDuration, parseIsoDuration, type ReminderDurations } from './durations.js';
import type { ReminderCancelled, ReminderScheduled } from './effects.js';
import { REMINDER_KINDS, type ReminderKind } from './reminder-kinds.js';
import { PRE_ROUTING_STATUSES, type Route } from './vocabulary.js';
import { dueAfter, dueAfterClock, dueBefore, onWorkingDay, OSLO } from './working-days.js';

/**
 * Reminder rules of DESIGN section 5 as pure functions. Each returns effects; the application
 * turns ReminderScheduled into a delayed job and ReminderCancelled into removing it. Whether a
 * job still matters when it fires is decided again by `reminderStillApplies` (a stale reminder
 * does nothing), so a missed cancel is harmless.
 */

function schedule(kind: ReminderKind, dueAt: Date, recipient: ReminderScheduled['recipient'], subjectId?: string): ReminderScheduled {
  return subjectId === undefined
    ? { type: 'ReminderScheduled', kind, dueAt, recipient }
    : { type: 'ReminderScheduled', kind, dueAt, recipient, subjectId };
}

function cancel(kind: ReminderKind, subjectId?: string): ReminderCancelled {
  return subjectId === undefined ? { type: 'ReminderCancelled', kind } : { type: 'ReminderCancelled', kind, subjectId };
}

/** A concern was logged (and again on reopen, where the case is re-assessed). */
export function remindersOnConcernLogged(
  state: CaseState,
  now: Date,
  durations: ReminderDurations = DEFAULT_REMINDER_DURATIONS,
): ReminderScheduled[] {
  const out: ReminderScheduled[] = [];
  if (state.assigneeId === null) out.push(schedule('unassigned', dueAfter(now, durations.unassigned), 'unit_leader'));
  out.push(schedule('assessment_due', dueAfter(now, durations.assessment_due), 'assignee_or_reporter'));
  out.push(schedule('assessment_due_leader', dueAfter(now, multiplyIsoDuration(durations.assessment_due, 2)), 'unit_leader'));
  out.push(schedule('decision_due', dueAfter(now, durations.decision_due), 'assignee_or_reporter'));
  out.push(schedule('decision_due_leader', dueAfter(now, durations.decision_due), 'unit_leader'));
  out.push(...remindersOnSafetyConcernRaised(state, now, durations));
  return out;
}

/**
 * The urgent child-welfare reminder of a flagged, unreported case. Clock time (DESIGN 8.1): a
 * child at risk does not wait for Monday, so it is never moved to a working day; its text names
 * the barnevernvakt for evenings, weekends and holidays.
 */
export function remindersOnSafetyConcernRaised(
  state: CaseState,
  now: Date,
  durations: ReminderDurations = DEFAULT_REMINDER_DURATIONS,
): ReminderScheduled[] {
  if (!state.suspectedViolenceOrAbuse || state.childWelfareReportedAt !== null) return [];
  return [schedule('child_welfare_report_missing', dueAfterClock(now, durations.child_welfare_report_missing), 'unit_leader')];
}

/** Level 0 ended in a decision (or the case closed): no decision reminder. */
export function remindersOnDecisionMade(): ReminderCancelled[] {
  return [cancel('decision_due'), cancel('decision_due_leader')];
}

/**
 * A unit leader assigned the case: the unassigned reminder is void. assessment_due needs no
 * rescheduling: its recipient (assignee or reporter) is resolved when it fires.
 */
export function remindersOnAssigned(_state: CaseState): ReminderCancelled[] {
  return [cancel('unassigned')];
}

/**
 * A measure was added: notify the responsible person on the evaluation date (moved to a working
 * day; never before `now`), then the unit leader when the evaluation is `evaluation_overdue` late.
 */
export function remindersOnMeasureAdded(
  evaluationDate: Date,
  now: Date,
  durations: ReminderDurations = DEFAULT_REMINDER_DURATIONS,
  measureId?: string,
): ReminderScheduled[] {
  const due = onWorkingDay(evaluationDate.getTime() < now.getTime() ? now : evaluationDate);
  return [
    schedule('evaluation_due', due, 'responsible', measureId),
    schedule('evaluation_overdue', dueAfter(evaluationDate, durations.evaluation_overdue), 'unit_leader', measureId),
  ];
}

/** A measure was evaluated: both its reminders are void. */
export function remindersOnMeasureEvaluated(measureId?: string): ReminderCancelled[] {
  return [cancel('evaluation_due', measureId), cancel('evaluation_overdue', measureId)];
}

/**
 * A consent with an end was recorded: warn the assignee `consent_expiry` before it ends, if that
 * moment is still in the future and before the end.
 */
export function remindersOnConsentRecorded(
  consent: Consent,
  now: Date,
  durations: ReminderDurations = DEFAULT_REMINDER_DURATIONS,
): ReminderScheduled[] {
  if (consent.validUntil === null) return [];
  const due = dueBefore(consent.validUntil, durations.consent_expiry);
  if (due.getTime() <= now.getTime() || due.getTime() >= consent.validUntil.getTime()) return [];
  return [schedule('consent_expiry', due, 'assignee', consent.id)];
}

export function remindersOnConsentWithdrawn(consentId: string): ReminderCancelled[] {
  return [cancel('consent_expiry', consentId)];
}

/** Reminders that belong to being on a route (scheduled when the route is taken). */
export function remindersOnRouteTaken(route: Route, now: Date, durations: ReminderDurations): ReminderScheduled[] {
  if (route === 'tfa') return [schedule('tfa_follow_up', dueAfter(now, durations.tfa_follow_up), 'tfa_coordinator')];
  if (route === 'iks') return [schedule('iks_pending', dueAfter(now, durations.iks_pending), 'iks_coordinator')];
  return [];
}

/** Reminders that end when the case leaves a route. */
export function remindersOnRouteLeft(route: Route | null): ReminderCancelled[] {
  if (route === 'tfa') return [cancel('tfa_follow_up')];
  if (route === 'iks') return [cancel('iks_pending')];
  return [];
}

/** Leaving discovered/assessing: level 0 has ended, so the assessment reminders are void. */
export function remindersOnAssessmentEnded(): ReminderCancelled[] {
  return [cancel('assessment_due'), cancel('assessment_due_leader')];
}

export function remindersOnChildWelfareReported(): ReminderCancelled[] {
  return [cancel('child_welfare_report_missing')];
}

/**
 * A transfer was accepted: without a named coordinator the receiving unit's leader is chased
 * (`unassigned`, resolved against the new unit when it fires); with one, that reminder is void.
 */
export function remindersOnTransferAccepted(
  next: CaseState,
  now: Date,
  durations: ReminderDurations = DEFAULT_REMINDER_DURATIONS,
): (ReminderScheduled | ReminderCancelled)[] {
  return next.assigneeId === null ? [schedule('unassigned', dueAfter(now, durations.unassigned), 'unit_leader')] : [cancel('unassigned')];
}

/**
 * A task from a log entry (a meeting's "fordeling av arbeidsoppgaver"): remind its responsible
 * `task_due` before the due date begins (00:00 Oslo). A lead of a day or more lands at 08:00 Oslo
 * on a working day (P1D for a task due Thursday: Wednesday 08:00); shorter leads stay exact. When
 * that moment has already passed (a task due today or tomorrow), the reminder is due at once.
 * `dueDate` is a calendar date, YYYY-MM-DD.
 */
export function remindersOnTaskRecorded(
  taskId: string,
  dueDate: string,
  now: Date,
  durations: ReminderDurations = DEFAULT_REMINDER_DURATIONS,
): ReminderScheduled[] {
  const lead = parseIsoDuration(durations.task_due);
  const start = DateTime.fromISO(dueDate, { zone: OSLO }).startOf('day');
  let due = start.minus(lead).toJSDate();
  if (lead.toMillis() >= 24 * 60 * 60 * 1000 && due.getTime() > now.getTime()) {
    due = onWorkingDay(DateTime.fromJSDate(due, { zone: OSLO }).set({ hour: 8, minute: 0, second: 0, millisecond: 0 }).toJSDate());
  }
  if (due.getTime() < now.getTime()) due = now;
  return [schedule('task_due', due, 'responsible', taskId)];
}

/** A closed case needs no reminders at all. Cancels every kind (per-subject ones by kind). */
export function remindersOnClosed(): ReminderCancelled[] {
  return REMINDER_KINDS.map((kind) => cancel(kind));
}

/** The IKS coordinator accepted or returned the referral: stop chasing them. */
export function remindersOnIksDecided(): ReminderCancelled[] {
  return [cancel('iks_pending')];
}

/** Facts outside CaseState that some reminders depend on; omitted facts are assumed to still hold. */
export interface ReminderFacts {
  now?: Date;
  /** For consent_expiry: the consent, re-read. */
  consent?: Consent;
  /** For iks_pending: the referral's current status. */
  iksReferralStatus?: 'referred' | 'accepted' | 'returned' | 'ended';
  /** For evaluation_due / evaluation_overdue: whether the measure has been evaluated since. */
  measureEvaluated?: boolean;
}

const ASSESSMENT_STATUSES = ['discovered', 'assessing'];

/**
 * The worker's check when a reminder job fires, after re-reading the case. Nothing applies to a
 * closed case. The rest:
 *   unassigned                     assigneeId is still null
 *   assessment_due(_leader)        still discovered or assessing
 *   tfa_follow_up                  route is still tfa
 *   iks_pending                    route is still iks and the referral is still `referred`
 *   evaluation_due / _overdue      the measure has not been evaluated
 *   consent_expiry                 the consent is still active (not withdrawn or already expired)
 *   child_welfare_report_missing   violence/abuse suspected and still no report recorded
 *   decision_due(_leader)          still discovered, assessing or deciding
 */
export function reminderStillApplies(kind: ReminderKind, state: CaseState, facts: ReminderFacts = {}): boolean {
  if (state.status === 'closed') return false;
  switch (kind) {
    case 'unassigned':
      return state.assigneeId === null;
    case 'assessment_due':
    case 'assessment_due_leader':
      return ASSESSMENT_STATUSES.includes(state.status);
    case 'tfa_follow_up':
      return state.route === 'tfa';
    case 'iks_pending':
      return state.route === 'iks' && (facts.iksReferralStatus ?? 'referred') === 'referred';
    case 'evaluation_due':
    case 'evaluation_overdue':
      return facts.measureEvaluated !== true;
    case 'consent_expiry':
      return facts.consent === undefined || facts.now === undefined || consentStatus(facts.consent, facts.now) === 'active';
    case 'child_welfare_report_missing':
      return state.suspectedViolenceOrAbuse && state.childWelfareReportedAt === null;
    case 'decision_due':
    case 'decision_due_leader':
      return PRE_ROUTING_STATUSES.includes(state.status);
    case 'task_due':
      return true;
  }
}

