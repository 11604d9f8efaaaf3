import type { EventOf, EventType } from './events.js';
import type { CaseStatus } from './vocabulary.js';

/**
 * THE WORKFLOW. One row per event (DESIGN section 4): the statuses it may start from, the status
 * it leads to, and who may apply it. Payload rules live in guards.ts, effects in apply.ts.
 *
 *   discovered → assessing → deciding → acting ⇄ evaluating → closed  (closed → assessing by reopen;
 *   on a closed case only reopen and the release to the family apply)
 *
 * `who` lists relations to the case (relations.ts); any one suffices. Payload-dependent limits on
 * top of these are noted in the comment and enforced in guards.ts with FORBIDDEN_ROLE.
 */
export const TRANSITIONS: { [E in EventType]: Transition<E> } = {
  start_assessment:        { from: ['discovered'], to: 'assessing', who: ['reporter', 'assignee', 'unit_leader'] },
  complete_assessment:     { from: ['assessing'],  to: 'deciding',  who: ['assignee', 'unit_leader'] },
  // assignee: own_unit only; iks only by the unit leader.
  decide:                  { from: ['deciding'],   to: 'acting',    who: ['unit_leader', 'assignee'] },
  escalate:                { from: ['acting'],     to: 'same',      who: ['unit_leader'] },
  // system: the job that fires on a measure's evaluation date.
  request_evaluation:      { from: ['acting'],     to: 'evaluating', who: ['assignee', 'unit_leader', 'system'] },
  // outcome escalate: unit leader only (escalate's guards).
  evaluate:                { from: ['evaluating'], to: (e) => (e.outcome === 'close' ? 'closed' : 'acting'), who: ['assignee', 'unit_leader'] },
  // assignee: only reason no_concern, only before acting.
  close:                   { from: 'open',         to: 'closed',    who: ['unit_leader', 'assignee_before_acting'] },
  reopen:                  { from: ['closed'],     to: 'assessing', who: ['unit_leader'] },
  // never needs consent (barnevernloven § 13-2: the duty is the employee's own); only someone who
  // knows who the child is can report (8.1): an anonymised team member cannot.
  report_to_child_welfare: { from: 'open',         to: 'same',      who: ['identified_viewer'] },
  // flags the case later: children often disclose mid-case (8.1).
  raise_safety_concern:    { from: 'open',         to: 'same',      who: ['identified_viewer'] },
  // a handover takes effect only when the proposed coordinator accepts (8.2).
  accept_handover:         { from: 'open',         to: 'same',      who: ['pending_assignee'] },
  decline_handover:        { from: 'open',         to: 'same',      who: ['pending_assignee'] },
  // Transfer between units (8.7): needs an active consent naming receiving_unit; one at a time.
  propose_transfer:        { from: 'open',         to: 'same',      who: ['unit_leader'] },
  // The receiving unit's leader: unitId, cluster and coordinator change; the sending unit is out.
  accept_transfer:         { from: 'open',         to: 'same',      who: ['receiving_unit_leader'] },
  reject_transfer:         { from: 'open',         to: 'same',      who: ['receiving_unit_leader'] },
  // To a route of a lower level (8.8); the same consent guards as taking that route.
  step_down:               { from: ['acting'],     to: 'same',      who: ['unit_leader'] },
  // A hidden case (flagged, or reported without informing the guardians) is shown to the family from now (DESIGN 12.4);
  // also once closed: the family keeps access until deletion (12.8.2).
  guardians_may_be_informed: { from: ['discovered', 'assessing', 'deciding', 'acting', 'evaluating', 'closed'], to: 'same', who: ['unit_leader'] },
};

export type Relation =
  | 'reporter'
  | 'assignee'
  | 'unit_leader'
  | 'assignee_before_acting'
  | 'working_on_case'
  | 'identified_viewer'
  | 'pending_assignee'
  | 'system'
  /** Leader of the unit a pending transfer proposes; nobody when no transfer is pending. */
  | 'receiving_unit_leader'
  /** A team member whose scope contains a case routed to the interdisciplinary team. */
  | 'team_member'
  /** The TFA coordinator of a case routed to TFA, the IKS coordinator of one routed to IKS. */
  | 'route_coordinator'
  /** The IKS coordinator of a case routed to IKS (decides on its referral). */
  | 'iks_coordinator'
  /** An IKS core-group member of a case routed to IKS. */
  | 'iks_member'
  /** The person responsible for the measure in question (permissions.ts `CaseSubject.measureResponsibleId`). */
  | 'measure_responsible';

export interface Transition<E extends EventType> {
  /** Statuses the event may start from; 'open' = every status except closed. */
  from: readonly CaseStatus[] | 'open';
  /** Target status; 'same' keeps the status; a function decides from the payload. */
  to: CaseStatus | 'same' | ((event: EventOf<E>) => CaseStatus);
  who: readonly Relation[];
}
