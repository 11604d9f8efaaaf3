import type { CaseStatus, CloseReason, EvaluationOutcome, Level, Route } from './vocabulary.js';
import type { RecipientRole, ReminderKind } from './reminder-kinds.js';
import type { ChildVoice } from './voice.js';

/**
 * Domain events returned with every accepted change. The application persists them: log entries,
 * outbox rows (reminder jobs, IKS referral), notifications. The state-changing ones
 * (StatusChanged, CaseRouted, RouteCleared, ChildWelfareReported) replay to the new state
 * (see replay.ts); the rest are facts for the application.
 */
export type DomainEffect =
  | { type: 'StatusChanged'; from: CaseStatus; to: CaseStatus }
  | { type: 'AssessmentCompleted'; guardiansInformed: boolean }
  | {
      type: 'CaseRouted';
      route: Route;
      level: Level;
      anonymous: boolean;
      previousRoute: Route | null;
      /** true for escalate / evaluate-escalate, false for decide and consent fallback. */
      escalation: boolean;
      /** With `anonymous`: the text the team reads (8.4). */
      anonymousSummary?: string;
    }
  /** Route back to null (reopen, IKS return): the case is re-assessed / re-decided. */
  | { type: 'RouteCleared'; previousRoute: Route | null }
  /** Create an IKS referral in status `referred`. */
  | { type: 'IksReferred' }
  | { type: 'CaseEvaluated'; outcome: EvaluationOutcome }
  | { type: 'ChildWelfareReported'; at: Date }
  | { type: 'CaseClosed'; reason: CloseReason }
  | { type: 'CaseReopened'; reason: string }
  /** Flagged later by `raise_safety_concern` (8.1). */
  | { type: 'SafetyConcernRaised' }
  /** A case hidden from the family is released to it (12.4); the first time is kept. */
  | { type: 'GuardiansReleased'; at: Date }
  /** Hidden from the family again: a new flag, or a report that does not inform the guardians (12.4). */
  | { type: 'GuardiansHidden' }
  /** The case's coordinator changes now (decide naming one, an accepted handover). */
  | { type: 'CoordinatorAssigned'; assigneeId: string; previousAssigneeId: string | null }
  /** A handover waits for the proposed person (8.2); they are notified `handover_offered`. */
  | { type: 'HandoverOffered'; pendingAssigneeId: string }
  | { type: 'HandoverDeclined'; pendingAssigneeId: string; reason: string }
  /** The child's (and guardians') voice to record (8.5); the latest is shown as `childVoice`. */
  | { type: 'VoiceRecorded'; child: ChildVoice | null; guardiansView: string | null }
  /** Notify assignee and unit leader; out-of-unit access ends when the route fell back. */
  | { type: 'ConsentWithdrawn'; consentId: string | null; previousRoute: Route | null; fellBackToOwnUnit: boolean }
  /** A transfer to another unit waits for its leader (notify them: `transfer_offered`). */
  | { type: 'TransferProposed'; toUnitId: string; toClusterId: string }
  /** The receiving unit took the case over: unit, cluster and coordinator change. */
  | { type: 'TransferAccepted'; fromUnitId: string; toUnitId: string; toClusterId: string; assigneeId: string | null }
  /** The pending transfer is off: rejected, the case closed, or the consent behind it withdrawn. */
  | { type: 'TransferWithdrawn'; toUnitId: string; why: 'rejected' | 'case_closed' | 'consent_withdrawn' }
  | ReminderScheduled
  | ReminderCancelled;

/**
 * `subjectId` names the measure or consent a reminder belongs to, so the application can build a
 * deterministic job id (caseId + kind + subjectId + dueAt).
 */
export interface ReminderScheduled {
  type: 'ReminderScheduled';
  kind: ReminderKind;
  dueAt: Date;
  recipient: RecipientRole;
  subjectId?: string;
}
export interface ReminderCancelled {
  type: 'ReminderCancelled';
  kind: ReminderKind;
  subjectId?: string;
}
export type ReminderEffect = ReminderScheduled | ReminderCancelled;
