import type { Refusal } from '@app/domain';
import { ProblemException } from '../common/problem.js';

/**
 * A domain refusal as a problem document: a role problem is 403, a bad payload value 400 naming
 * every field, and a rule of the workflow (state, consent, route, coordinator) 422, each with the
 * domain's code.
 */
export function refusalToProblem(refusal: Refusal): ProblemException {
  switch (refusal.code) {
    case 'FORBIDDEN_ROLE':
      return new ProblemException(403, refusal.code, refusal.message);
    case 'VALIDATION_FAILED':
      return new ProblemException(400, refusal.code, refusal.message, refusal.errors ?? [{ field: refusal.field ?? 'type', message: refusal.message }]);
    default:
      return new ProblemException(422, refusal.code, refusal.message, refusal.field ? [{ field: refusal.field, message: refusal.message }] : undefined);
  }
}
