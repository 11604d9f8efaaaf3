import type { RecipientRole } from '@app/domain';
import type { BtiCase } from '@app/persistence';
import type { EntityManager } from 'typeorm';

/** The role holders a batch of reminders can need, read in one statement. */
export interface Directory {
  unitLeaders: Map<string, string[]>;
  tfaCoordinators: Map<string, string[]>;
  iksCoordinators: Map<string, string[]>;
}

const MUNICIPALITY_ROLES = ['tfa_coordinator', 'iks_coordinator'];

/** Unit leaders of the cases' units and coordinators of their municipalities. */
export async function loadDirectory(em: EntityManager, cases: readonly BtiCase[]): Promise<Directory> {
  const units = [...new Set(cases.map((c) => c.unitId))];
  const municipalities = [...new Set(cases.map((c) => c.municipalityId))];
  const rows = (await em.query(
    `SELECT DISTINCT "role", "scopeId", "userId" FROM "role_assignment"
     WHERE ("role" = 'unit_leader' AND "scopeType" = 'unit' AND "scopeId" = ANY($1::uuid[]))
        OR ("role" = ANY($3::varchar[]) AND "scopeType" = 'municipality' AND "scopeId" = ANY($2::uuid[]))
     ORDER BY "userId"`,
    [units, municipalities, MUNICIPALITY_ROLES],
  )) as { role: string; scopeId: string; userId: string }[];
  const directory: Directory = { unitLeaders: new Map(), tfaCoordinators: new Map(), iksCoordinators: new Map() };
  const byRole: Record<string, Map<string, string[]>> = {
    unit_leader: directory.unitLeaders,
    tfa_coordinator: directory.tfaCoordinators,
    iks_coordinator: directory.iksCoordinators,
  };
  for (const r of rows) {
    const map = byRole[r.role];
    map.set(r.scopeId, [...(map.get(r.scopeId) ?? []), r.userId]);
  }
  return directory;
}

/**
 * Resolves a reminder's recipient role against the case as it is now. Nobody may be forgotten:
 * when the role has no holder (no assignee, no coordinator in the municipality, a measure
 * without a known responsible) the unit leaders are notified instead.
 */
export function resolveRecipients(directory: Directory, c: BtiCase, role: RecipientRole, responsibleId?: string | null): string[] {
  const leaders = directory.unitLeaders.get(c.unitId) ?? [];
  let users: string[] = [];
  switch (role) {
    case 'unit_leader':
      return leaders;
    case 'assignee':
      users = c.assigneeId ? [c.assigneeId] : [];
      break;
    case 'assignee_or_reporter':
      users = [c.assigneeId ?? c.reporterId];
      break;
    case 'tfa_coordinator':
      users = directory.tfaCoordinators.get(c.municipalityId) ?? [];
      break;
    case 'iks_coordinator':
      users = directory.iksCoordinators.get(c.municipalityId) ?? [];
      break;
    case 'responsible':
      users = responsibleId ? [responsibleId] : [];
      break;
  }
  return users.length > 0 ? users : leaders;
}
