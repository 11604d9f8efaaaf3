import type { Actor } from './actor.js';
import type { CaseState } from './case-state.js';
import { holdersOf, type RelationContext } from './relations.js';
import type { RecipientRole } from './reminder-kinds.js';
import type { Relation } from './transitions.js';

/**
 * The relations to the case (the permission table's vocabulary, transitions.ts) each reminder
 * recipient names, tried in order until one has a holder: a coordinator is one only while the
 * case is on their route, a reporter only while the case is in their unit.
 */
export const RECIPIENT_RELATIONS: Record<RecipientRole, readonly Relation[]> = {
  unit_leader: ['unit_leader'],
  assignee: ['assignee'],
  assignee_or_reporter: ['assignee', 'reporter'],
  tfa_coordinator: ['route_coordinator'],
  iks_coordinator: ['iks_coordinator'],
  responsible: ['measure_responsible'],
};

/**
 * Whom a reminder goes to, among `candidates`, against the case as it is now. Nobody may be
 * forgotten: when the relation has no holder (no assignee, no coordinator, a measure without a
 * known responsible) the unit's leaders get it instead.
 */
export function reminderRecipients(candidates: readonly Actor[], recipient: RecipientRole, state: CaseState, ctx: RelationContext): string[] {
  for (const relation of RECIPIENT_RELATIONS[recipient]) {
    const holders = holdersOf(candidates, relation, state, ctx);
    if (holders.length > 0) return holders;
  }
  return holdersOf(candidates, 'unit_leader', state, ctx);
}
