import type { EntityManager } from 'typeorm';
import type { AppUser } from '@app/persistence';
import type { ResponsibilityView } from './people.dto.js';

/**
 * Open cases the user holds, their tasks and active measures: ids only. The owner-defined function
 * (migration MunicipalityAdministration) answers only an admin of the caller's municipality.
 */
export function openResponsibilities(em: EntityManager, userId: string): Promise<ResponsibilityView[]> {
  return em.query(`SELECT kind, id, "caseId", "unitId" FROM bti_open_responsibilities($1) ORDER BY kind, "caseId", id`, [userId]);
}

/**
 * Tells the leaders of the units a deactivated user worked in, or held cases in, what must be
 * handed over: their username and the counts (the list is behind the responsibilities endpoint).
 */
export async function noticeHandoverToLeaders(em: EntityManager, municipalityId: string, user: AppUser): Promise<void> {
  const open = await openResponsibilities(em, user.id);
  const count = (kind: string) => open.filter((r) => r.kind === kind).length;
  const leaders: { id: string }[] = await em.query(
    `SELECT DISTINCT l."userId" AS id FROM role_assignment l JOIN app_user a ON a.id = l."userId" AND a.active
     WHERE l.role = 'unit_leader' AND l."scopeType" = 'unit' AND l."userId" <> $1 AND a."municipalityId" = $3
       AND (l."scopeId" = ANY($2::uuid[]) OR l."scopeId" IN (SELECT r."scopeId" FROM role_assignment r WHERE r."userId" = $1 AND r."scopeType" = 'unit'))`,
    [user.id, [...new Set(open.map((r) => r.unitId))], municipalityId],
  );
  const message =
    `${user.username} er deaktivert. Åpne ansvar som må overføres: ${count('case')} saker som stafettholder, ` +
    `${count('task')} oppgaver og ${count('measure')} tiltak.`;
  // No RETURNING (as em.insert would ask): the admin may write a leader's notice, not read it back.
  if (leaders.length) {
    await em.query(`INSERT INTO notification ("recipientId", type, "caseId", message, urgent) SELECT l, 'handover_needed', NULL, $2, false FROM unnest($1::uuid[]) AS l`, [
      leaders.map((l) => l.id),
      message,
    ]);
  }
}
