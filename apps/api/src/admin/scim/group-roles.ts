import type { EntityManager } from 'typeorm';
import type { ScimGroup } from '@app/persistence';

/** Gives `userIds` the group's role and scope (nothing for a group the admin has not mapped yet). */
export async function grantGroupRole(em: EntityManager, group: ScimGroup, userIds: readonly string[]): Promise<void> {
  if (!group.role || !userIds.length) return;
  await em.query(
    `INSERT INTO role_assignment ("userId", role, "scopeType", "scopeId") SELECT u, $2, $3, $4 FROM unnest($1::uuid[]) AS u
     ON CONFLICT ("userId", role, "scopeType", "scopeId") DO NOTHING`,
    [userIds, group.role, group.scopeType, group.scopeId],
  );
}

/** Takes the group's role and scope from `userIds`, unless another mapped group they are in gives the same. */
export async function revokeGroupRole(em: EntityManager, group: ScimGroup, userIds: readonly string[]): Promise<void> {
  if (!group.role || !userIds.length) return;
  await em.query(
    `DELETE FROM role_assignment r
     WHERE r."userId" = ANY($1::uuid[]) AND r.role = $2 AND r."scopeType" = $3 AND r."scopeId" = $4
       AND NOT EXISTS (SELECT 1 FROM scim_group_member m JOIN scim_group g ON g.id = m."groupId"
                       WHERE m."userId" = r."userId" AND g.id <> $5 AND g.role = r.role AND g."scopeType" = r."scopeType" AND g."scopeId" = r."scopeId")`,
    [userIds, group.role, group.scopeType, group.scopeId, group.id],
  );
}
