import SCIMMY from 'scimmy';
import type { EntityManager } from 'typeorm';
import { ScimGroup } from '@app/persistence';
import { grantGroupRole, revokeGroupRole } from './group-roles.js';
import { inScimTransaction, type ScimContext } from './scim-context.js';

interface ScimGroupIn {
  displayName?: string;
  externalId?: string;
  members?: { value?: string }[];
}

/**
 * Groups of the identity provider. Membership gives the role and scope the admin mapped the group
 * to (PUT /admin/scim-groups, by displayName); an unmapped group's members get nothing yet.
 */
export const scimGroups = {
  async egress(resource: SCIMMY.Types.Resource, ctx: ScimContext) {
    return inScimTransaction(ctx, async (em) => {
      const shown = await readGroups(em, ctx.caller.municipalityId, resource.id ?? null);
      if (resource.id && !shown.length) throw new SCIMMY.Types.Error(404, null!, `Resource ${resource.id} not found`);
      return resource.filter && !resource.id ? resource.filter.match(shown) : shown;
    });
  },

  async ingress(resource: SCIMMY.Types.Resource, instance: ScimGroupIn, ctx: ScimContext) {
    return inScimTransaction(ctx, async (em, principal, audit) => {
      const displayName = instance.displayName?.trim().slice(0, 200);
      if (!displayName) throw new SCIMMY.Types.Error(400, 'invalidValue', 'displayName mangler');
      let group: ScimGroup | null;
      if (resource.id) {
        group = await em.findOne(ScimGroup, { where: { id: resource.id, municipalityId: ctx.caller.municipalityId }, lock: { mode: 'pessimistic_write' } });
        if (!group) throw new SCIMMY.Types.Error(404, null!, `Resource ${resource.id} not found`);
      } else {
        // A group the admin has already mapped by name is adopted; otherwise it starts unmapped.
        group = await em.findOne(ScimGroup, { where: { municipalityId: ctx.caller.municipalityId, displayName }, lock: { mode: 'pessimistic_write' } });
        group ??= await em.save(ScimGroup, em.create(ScimGroup, { municipalityId: ctx.caller.municipalityId, displayName, externalId: null, role: null, scopeType: null, scopeId: null }));
      }
      await em.update(ScimGroup, { id: group.id }, { displayName, externalId: instance.externalId?.slice(0, 200) ?? group.externalId });
      const { added, removed } = await setMembers(em, ctx, group.id, (instance.members ?? []).map((m) => m.value ?? ''));
      await grantGroupRole(em, group, added);
      await revokeGroupRole(em, group, removed);
      if (added.length || removed.length || !resource.id) {
        await audit.recordChange(em, principal, 'admin.scim-group.members', {
          target: { type: 'scim-group', id: group.id },
          before: { removed },
          after: { added, role: group.role, scopeType: group.scopeType, scopeId: group.scopeId },
        });
      }
      return (await readGroups(em, ctx.caller.municipalityId, group.id))[0];
    });
  },

  async degress(resource: SCIMMY.Types.Resource, ctx: ScimContext) {
    await inScimTransaction(ctx, async (em, principal, audit) => {
      const group = await em.findOneBy(ScimGroup, { id: resource.id, municipalityId: ctx.caller.municipalityId });
      if (!group) throw new SCIMMY.Types.Error(404, null!, `Resource ${resource.id} not found`);
      const { removed } = await setMembers(em, ctx, group.id, []);
      await revokeGroupRole(em, group, removed);
      await em.delete(ScimGroup, { id: group.id });
      await audit.recordChange(em, principal, 'admin.scim-group.delete', { target: { type: 'scim-group', id: group.id }, before: { removed }, after: null });
    });
  },
};

/** Groups as SCIM shows them, with their members; one group when `id` is given. */
async function readGroups(em: EntityManager, municipalityId: string, id: string | null) {
  const rows: { id: string; displayName: string; externalId: string | null; members: { value: string; display: string }[] }[] = await em.query(
    `SELECT g.id, g."displayName", g."externalId",
            coalesce(json_agg(json_build_object('value', u.id, 'display', u.username) ORDER BY u.username) FILTER (WHERE u.id IS NOT NULL), '[]') AS members
     FROM scim_group g LEFT JOIN scim_group_member m ON m."groupId" = g.id LEFT JOIN app_user u ON u.id = m."userId"
     WHERE g."municipalityId" = $1 AND ($2::uuid IS NULL OR g.id = $2) GROUP BY g.id ORDER BY g."displayName"`,
    [municipalityId, id],
  );
  return rows.map(({ externalId, ...g }) => ({ ...g, ...(externalId ? { externalId } : {}) }));
}

/** Makes the group's members exactly `wanted` (users of the municipality); returns who came and who went. */
async function setMembers(em: EntityManager, ctx: ScimContext, groupId: string, wanted: string[]): Promise<{ added: string[]; removed: string[] }> {
  const rows: { id: string }[] = wanted.length
    ? await em.query(`SELECT id::text AS id FROM app_user WHERE "municipalityId" = $1 AND id::text = ANY($2::text[])`, [ctx.caller.municipalityId, wanted])
    : [];
  const known = new Set(rows.map((r) => r.id));
  const unknown = wanted.filter((id) => !known.has(id));
  if (unknown.length) throw new SCIMMY.Types.Error(400, 'invalidValue', `members: ${unknown.length} ukjente brukere`);
  const current = new Set<string>((await em.query(`SELECT "userId"::text AS id FROM scim_group_member WHERE "groupId" = $1`, [groupId])).map((r: { id: string }) => r.id));
  const added = [...known].filter((id) => !current.has(id));
  const removed = [...current].filter((id) => !known.has(id));
  if (added.length) await em.query(`INSERT INTO scim_group_member ("groupId", "userId") SELECT $1, u FROM unnest($2::uuid[]) AS u`, [groupId, added]);
  if (removed.length) await em.query(`DELETE FROM scim_group_member WHERE "groupId" = $1 AND "userId" = ANY($2::uuid[])`, [groupId, removed]);
  return { added, removed };
}

