/** ID-porten's levels, lowest first (DESIGN 12.4: a login below the configured level is refused). */
const LEVELS = ['idporten-loa-low', 'idporten-loa-substantial', 'idporten-loa-high'];

/** Whether a token's acr is at least the required level (an unknown acr never is). */
export function acrSatisfies(actual: unknown, required: string): boolean {
  const have = typeof actual === 'string' ? LEVELS.indexOf(actual) : -1;
  return have >= 0 && have >= LEVELS.indexOf(required);
}
