import { reminderRecipients, type Actor, type RecipientRole, type RoleAssignment } from '@app/domain';
import { toCaseState, type BtiCase } from '@app/persistence';
import type { EntityManager } from 'typeorm';

/** The role assignments held at the batch's units, clusters and municipalities, by scope. */
export type Directory = Map<string, (RoleAssignment & { userId: string })[]>;

/** Every role held at a scope of the cases, read in one statement; who gets what is the domain's (reminderRecipients). */
export async function loadDirectory(em: EntityManager, cases: readonly BtiCase[]): Promise<Directory> {
  const scopes = [...new Set(cases.flatMap((c) => [c.unitId, c.clusterId, c.municipalityId].filter((id): id is string => !!id)))];
  const rows = (await em.query(
    `SELECT "userId", "role", "scopeType", "scopeId" FROM "role_assignment" WHERE "scopeId" = ANY($1::uuid[]) ORDER BY "userId"`,
    [scopes],
  )) as (RoleAssignment & { userId: string })[];
  const directory: Directory = new Map();
  for (const r of rows) directory.set(r.scopeId, [...(directory.get(r.scopeId) ?? []), r]);
  return directory;
}

/**
 * Whom a reminder goes to against the case as it is now, by the relations of the permission table
 * (libs/domain reminder-recipients.ts); the unit's leaders when nobody holds the relation.
 */
export function resolveRecipients(directory: Directory, c: BtiCase, recipient: RecipientRole, responsibleId?: string | null): string[] {
  return reminderRecipients(candidatesOf(directory, c, responsibleId), recipient, toCaseState(c), { now: new Date(), consents: [], measureResponsibleId: responsibleId ?? null });
}

/** The people a reminder about the case could go to: the role holders at its scopes, and the people it names. */
function candidatesOf(directory: Directory, c: BtiCase, responsibleId?: string | null): Actor[] {
  const actors = new Map<string, Actor>();
  const actor = (userId: string) => actors.get(userId) ?? actors.set(userId, { userId, municipalityId: c.municipalityId, roles: [] }).get(userId)!;
  for (const scopeId of [c.unitId, c.clusterId, c.municipalityId]) {
    for (const { userId, ...role } of directory.get(scopeId ?? '') ?? []) actor(userId).roles.push(role);
  }
  for (const named of [c.assigneeId, c.reporterId, responsibleId]) if (named) actor(named);
  return [...actors.values()];
}
