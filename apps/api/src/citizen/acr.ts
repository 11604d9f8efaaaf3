import { ProblemException } from '../common/problem.js';

/** ID-porten's levels, lowest first (DESIGN 12.4: a login below the configured level is refused). */
const LEVELS = ['idporten-loa-low', 'idporten-loa-substantial', 'idporten-loa-high'];

/** Whether a token's acr is at least the required level (an unknown acr never is). */
export function acrSatisfies(actual: unknown, required: string): boolean {
  const have = typeof actual === 'string' ? LEVELS.indexOf(actual) : -1;
  return have >= 0 && have >= LEVELS.indexOf(required);
}

/** The refusal of a login below the required level: at the callback and on every request with its token. */
export function insufficientAcr(): ProblemException {
  return new ProblemException(403, 'INSUFFICIENT_ACR', 'Innloggingen har for lavt sikkerhetsnivå. Logg inn med MinID, BankID, Buypass eller Commfides på høyt nivå.');
}
