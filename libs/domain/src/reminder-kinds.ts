/** Reminder kinds (DESIGN section 5); equal to the notification types the API exposes, plus the
 * leader's second assessment reminder, which the API shows as `assessment_due`. */
export const REMINDER_KINDS = [
  'unassigned',
  'assessment_due',
  'assessment_due_leader',
  'tfa_follow_up',
  'evaluation_due',
  'evaluation_overdue',
  'consent_expiry',
  'iks_pending',
  'child_welfare_report_missing',
  // Level 0 ends in a decision within 14 days (DESIGN 8.2): assignee (or reporter), then the leader.
  'decision_due',
  'decision_due_leader',
  'task_due',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Whom the worker notifies when the reminder fires; resolved against the case at that time. */
export const RECIPIENT_ROLES = [
  'unit_leader',
  'assignee',
  'assignee_or_reporter',
  'tfa_coordinator',
  'iks_coordinator',
  'responsible',
] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];

