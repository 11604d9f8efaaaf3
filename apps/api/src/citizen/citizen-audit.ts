import type { EntityManager } from 'typeorm';
import type { CitizenPrincipal } from '../auth/citizen-principal.js';

/** The audit trail's actor id for a citizen (not a user: the citizen is named by `actorUsername`). */
export const CITIZEN_ACTOR_ID = '00000000-0000-0000-0000-0000000000c1';
/** `actorUsername` of a citizen's audit row: actor kind `citizen` and the national id's HMAC, never the id. */
export const citizenActorName = (hmac: string) => `citizen:${hmac}`;

/**
 * One audit row per case the citizen's request touched, in the request's transaction, in the
 * case's municipality's chain. The purpose is the citizen's own access (innsyn).
 */
export async function auditCitizen(em: EntityManager, citizen: CitizenPrincipal, action: string, caseIds: readonly string[]): Promise<void> {
  if (!caseIds.length) return;
  await em.query(
    `INSERT INTO audit_event ("municipalityId", "actorId", "actorUsername", action, "caseId", at, "requestId", purpose)
     SELECT c."municipalityId", $1, $2, $3, c.id, now(), $4, 'innsyn' FROM bti_case c WHERE c.id = ANY($5::uuid[])`,
    [CITIZEN_ACTOR_ID, citizenActorName(citizen.hmac), action, citizen.requestId.slice(0, 100), caseIds],
  );
}
