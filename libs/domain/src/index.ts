/**
 * libs/domain: the BTI case workflow as pure functions. Read transitions.ts for the workflow.
 */
export * from './vocabulary.js';
export * from './actor.js';
export * from './case-state.js';
export * from './events.js';
export * from './effects.js';
export * from './reminder-kinds.js';
export * from './refusal.js';
export * from './consent.js';
export * from './access.js';
export * from './retention.js';
export * from './transitions.js';
export { RELATION_CHECKS, hasAnyRelation, holdersOf, type RelationContext } from './relations.js';
export * from './permissions.js';
export * from './lifecycles.js';
export { GUARDS, MAX_TEXT_LENGTH, MAX_ANONYMOUS_SUMMARY_LENGTH, stepDownRefusal } from './guards.js';
export * from './safety.js';
export * from './voice.js';
export * from './handover.js';
export { apply, allowedEvents } from './apply.js';
export * from './replay.js';
export * from './durations.js';
export * from './working-days.js';
export {
  remindersOnConcernLogged,
  remindersOnAssigned,
  remindersOnMeasureAdded,
  remindersOnMeasureEvaluated,
  remindersOnConsentRecorded,
  remindersOnConsentWithdrawn,
  remindersOnRouteTaken,
  remindersOnRouteLeft,
  remindersOnAssessmentEnded,
  remindersOnChildWelfareReported,
  remindersOnClosed,
  remindersOnIksDecided,
  remindersOnSafetyConcernRaised,
  remindersOnDecisionMade,
  remindersOnTaskRecorded,
  remindersOnTransferAccepted,
  reminderStillApplies,
  type ReminderFacts,
} from './reminders.js';
export * from './iks.js';
export * from './labels.js';
export * from './log-data.js';
export * from './consent-request.js';
export * from './reminder-recipients.js';
