import { mayCoordinate } from './access.js';
import { isUnitLeaderOf, type Actor } from './actor.js';
import type { CaseState, DomainContext } from './case-state.js';
import { refuse, type Result } from './refusal.js';
import { remindersOnAssigned } from './reminders.js';

/**
 * The coordinator (stafettholder) lifecycle of DESIGN 8.2, beside the case machine:
 *
 *   no coordinator ──assign──▶ coordinator A
 *   coordinator A ──offer B──▶ A, pending B ──accept_handover (B)──▶ coordinator B
 *                                           ──decline_handover (B)─▶ coordinator A
 *   a new offer replaces a pending one.
 *
 * `offerHandover` is `PUT /cases/:id/assignee`; accepting and declining are events of the table
 * (transitions.ts), because only the proposed person may send them.
 */
export function offerHandover(state: CaseState, candidate: Actor | null, actor: Actor, ctx: DomainContext): Result {
  if (!isUnitLeaderOf(actor, state)) return refuse('FORBIDDEN_ROLE', 'Bare enhetslederen for enheten kan tildele saken.');
  if (state.status === 'closed') return refuse('TRANSITION_NOT_ALLOWED', 'En avsluttet sak kan ikke tildeles.');
  if (!candidate || !mayCoordinate(candidate, state, ctx.consents, ctx.now)) {
    return refuse(
      'VALIDATION_FAILED',
      'Koordinator må være ansatt eller leder i sakens enhet, eller fra nivå 2 et teammedlem hvis tjeneste samtykket omfatter.',
      'assigneeId',
    );
  }
  if (candidate.userId === state.assigneeId) return refuse('VALIDATION_FAILED', 'Personen er allerede koordinator for saken.', 'assigneeId');
  if (state.assigneeId === null) {
    const next: CaseState = { ...state, assigneeId: candidate.userId, pendingAssigneeId: null };
    return {
      ok: true,
      next,
      effects: [{ type: 'CoordinatorAssigned', assigneeId: candidate.userId, previousAssigneeId: null }, ...remindersOnAssigned(next)],
      logText: 'Saken har fått stafettholder.',
    };
  }
  return {
    ok: true,
    next: { ...state, pendingAssigneeId: candidate.userId },
    effects: [{ type: 'HandoverOffered', pendingAssigneeId: candidate.userId }],
    logText: 'Overlevering foreslått: saken overtas når ny stafettholder godtar den.',
  };
}
