import type { RecipientRole } from '@app/domain';
import type { BtiCase } from '@app/persistence';
import type { EntityManager } from 'typeorm';

async function usersWithRole(em: EntityManager, role: string, scopeType: string, scopeId: string): Promise<string[]> {
  const rows = (await em.query(
    `SELECT DISTINCT "userId" FROM "role_assignment" WHERE "role" = $1 AND "scopeType" = $2 AND "scopeId" = $3 ORDER BY "userId"`,
    [role, scopeType, scopeId],
  )) as { userId: string }[];
  return rows.map((r) => r.userId);
}

export const unitLeaders = (em: EntityManager, c: BtiCase) => usersWithRole(em, 'unit_leader', 'unit', c.unitId);

/**
 * Resolves a reminder's recipient role against the case as it is now. Nobody may be forgotten:
 * when the role has no holder (no assignee, no coordinator in the municipality, a measure
 * without a known responsible) the unit leaders are notified instead.
 */
export async function resolveRecipients(
  em: EntityManager,
  c: BtiCase,
  role: RecipientRole,
  responsibleId?: string | null,
): Promise<string[]> {
  let users: string[] = [];
  switch (role) {
    case 'unit_leader':
      return unitLeaders(em, c);
    case 'assignee':
      users = c.assigneeId ? [c.assigneeId] : [];
      break;
    case 'assignee_or_reporter':
      users = [c.assigneeId ?? c.reporterId];
      break;
    case 'tfa_coordinator':
      users = await usersWithRole(em, 'tfa_coordinator', 'municipality', c.municipalityId);
      break;
    case 'iks_coordinator':
      users = await usersWithRole(em, 'iks_coordinator', 'municipality', c.municipalityId);
      break;
    case 'responsible':
      users = responsibleId ? [responsibleId] : [];
      break;
  }
  return users.length > 0 ? users : unitLeaders(em, c);
}
