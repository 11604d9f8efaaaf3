import type { CloseReason, EvaluationOutcome, Route } from './vocabulary.js';

/** The state-machine events of DESIGN section 4, in table order. */
export const EVENT_TYPES = [
  'start_assessment',
  'complete_assessment',
  'decide',
  'escalate',
  'request_evaluation',
  'evaluate',
  'close',
  'reopen',
  'report_to_child_welfare',
  'raise_safety_concern',
  'accept_handover',
  'decline_handover',
  'propose_transfer',
  'accept_transfer',
  'reject_transfer',
  'step_down',
  'guardians_may_be_informed',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface StartAssessment {
  type: 'start_assessment';
}
export interface CompleteAssessment {
  type: 'complete_assessment';
  summary: string;
  guardiansInformed: boolean;
  /** Required when guardians were not informed, unless violence/abuse is suspected. */
  reasonNotInformed?: string;
  /** DESIGN 8.5, required from age 7 (voice.ts): whether the child was heard. */
  childHeard?: boolean;
  /** The child's own view (heard). */
  childView?: string;
  /** Why the child was not heard. */
  reasonChildNotHeard?: string;
  /** From age 12, heard: how the child's view was weighed. */
  childViewWeight?: string;
  /** The guardians' view (optional). */
  guardiansView?: string;
}
export interface Decide {
  type: 'decide';
  route: Route;
  rationale: string;
  /** Only meaningful with interdisciplinary_team: the team works without the child's identity. */
  anonymous?: boolean;
  /** Required with `anonymous: true` (≤ 2 000 characters): the only text the team reads (8.4). */
  anonymousSummary?: string;
  /** The coordinator (stafettholder) to take over, when the case has none (8.2). */
  assigneeId?: string;
}
export interface Escalate {
  type: 'escalate';
  route: Route;
  rationale: string;
  /** Additive to DESIGN: lets an escalation to interdisciplinary_team be anonymous like `decide`. */
  anonymous?: boolean;
  anonymousSummary?: string;
}
export interface RequestEvaluation {
  type: 'request_evaluation';
}
export interface Evaluate {
  type: 'evaluate';
  outcome: EvaluationOutcome;
  note: string;
  /** Required when outcome is `escalate`. */
  route?: Route;
  /** With outcome `close`: the closing reason (default `resolved`). */
  reason?: CloseReason;
  /** With outcome `escalate` to interdisciplinary_team. */
  anonymous?: boolean;
  anonymousSummary?: string;
  /** With outcome `close` on a flagged case without a report: the unit leader's reason (8.1). */
  justification?: string;
  /** Optional voices at an evaluation (8.5). */
  childView?: string;
  guardiansView?: string;
}
export interface Close {
  type: 'close';
  reason: CloseReason;
  note?: string;
  /** Flagged case without a recorded report: why no report (≥ 20 characters), unit leader only (8.1). */
  justification?: string;
}
export interface Reopen {
  type: 'reopen';
  reason: string;
}
/** How the report reached (or will reach) child welfare; the barnevernvakt is the out-of-hours service. */
export const CHILD_WELFARE_REPORT_CHANNELS = ['digital', 'letter', 'phone', 'barnevernvakt'] as const;
export type ChildWelfareReportChannel = (typeof CHILD_WELFARE_REPORT_CHANNELS)[number];

/** DESIGN 8.1: the report to child welfare (bekymringsmelding); the API also builds the national document from it (8.9). */
export interface ReportToChildWelfare {
  type: 'report_to_child_welfare';
  grounds: string;
  guardiansInformed: boolean;
  /** Required when the guardians were not informed (e.g. not to warn them where violence is suspected). */
  reasonGuardiansNotInformed?: string;
  channel: ChildWelfareReportChannel;
  /** Child welfare's own reference (journal number, Fiks id), when known. */
  reference?: string;
}

/** A child discloses mid-case: flags the case and starts the urgent reminder (8.1). */
export interface RaiseSafetyConcern {
  type: 'raise_safety_concern';
  note: string;
}
/** The unit leader releases a case hidden from the family (flagged, or reported without informing them): DESIGN 12.4. */
export interface GuardiansMayBeInformed {
  type: 'guardians_may_be_informed';
  note: string;
}
/** The proposed coordinator takes the case over (8.2). */
export interface AcceptHandover {
  type: 'accept_handover';
}
export interface DeclineHandover {
  type: 'decline_handover';
  reason: string;
}
/** Transfer between units (DESIGN 8.7): the sending unit's leader proposes. */
export interface ProposeTransfer {
  type: 'propose_transfer';
  toUnitId: string;
  rationale: string;
}
/** The receiving unit's leader takes the case over, naming its new coordinator or none. */
export interface AcceptTransfer {
  type: 'accept_transfer';
  /** Staff or leader of the receiving unit (the API checks this); none starts `unassigned`. */
  assigneeId?: string;
}
export interface RejectTransfer {
  type: 'reject_transfer';
  reason: string;
}
/** A lower route than today's (DESIGN 8.8), e.g. from the team back to the unit itself. */
export interface StepDown {
  type: 'step_down';
  route: Route;
  rationale: string;
  /** With route interdisciplinary_team: the team works without the child's identity. */
  anonymous?: boolean;
  /** Required with `anonymous: true` (8.4). */
  anonymousSummary?: string;
}

export type CaseEvent =
  | StartAssessment
  | CompleteAssessment
  | Decide
  | Escalate
  | RequestEvaluation
  | Evaluate
  | Close
  | Reopen
  | ReportToChildWelfare
  | RaiseSafetyConcern
  | GuardiansMayBeInformed
  | AcceptHandover
  | DeclineHandover
  | ProposeTransfer
  | AcceptTransfer
  | RejectTransfer
  | StepDown;

export type EventOf<T extends EventType> = Extract<CaseEvent, { type: T }>;

export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && (EVENT_TYPES as readonly string[]).includes(value);
}
