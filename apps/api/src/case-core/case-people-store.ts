import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { holdersOf, type Actor, type CaseState, type Relation, type RoleAssignment } from '@app/domain';

/**
 * The people around a case. Whom a notice about it goes to, by the relations of the permission table (libs/domain
 * relations.ts), never by a role written here: the role holders at the case's scopes are read in
 * one statement and the domain picks those who hold the relation.
 */
@Injectable()
export class CasePeopleStore {
  async holders(em: EntityManager, relation: Relation, state: CaseState): Promise<string[]> {
    const scopes = [state.unitId, state.clusterId, state.municipalityId, state.transfer?.toUnitId, state.transfer?.toClusterId].filter((id): id is string => !!id);
    const rows = (await em.query(`SELECT "userId", "role", "scopeType", "scopeId" FROM "role_assignment" WHERE "scopeId" = ANY($1::uuid[])`, [scopes])) as (RoleAssignment & {
      userId: string;
    })[];
    const actors = new Map<string, Actor>();
    for (const { userId, ...role } of rows) {
      const actor = actors.get(userId) ?? actors.set(userId, { userId, municipalityId: state.municipalityId, roles: [] }).get(userId)!;
      actor.roles.push(role);
    }
    return holdersOf([...actors.values()], relation, state);
  }

  /** Name and main role (a unit's first) of the log's authors, for the timeline (issue 25). */
  async authorsOf(em: EntityManager, municipalityId: string, actorIds: (string | null)[]): Promise<Map<string, LogAuthor>> {
    const ids = [...new Set(actorIds.filter((id): id is string => id !== null))];
    if (ids.length === 0) return new Map();
    const rows: ({ id: string } & LogAuthor)[] = await em.query(
      `SELECT u.id, u."displayName" AS name, r.role, coalesce(un.name, cl.name) AS "unitName"
         FROM app_user u
         LEFT JOIN LATERAL (SELECT * FROM role_assignment r WHERE r."userId" = u.id
                             ORDER BY array_position(ARRAY['unit_leader', 'staff', 'team_member', 'tfa_coordinator', 'iks_coordinator', 'iks_member'], r.role::text) NULLS LAST, r.role
                             LIMIT 1) r ON true
         LEFT JOIN unit un ON r."scopeType" = 'unit' AND un.id = r."scopeId"
         LEFT JOIN cluster cl ON r."scopeType" = 'cluster' AND cl.id = r."scopeId"
        WHERE u.id = ANY($1::uuid[]) AND u."municipalityId" = $2`,
      [ids, municipalityId],
    );
    return new Map(rows.map(({ id, ...author }) => [id, author]));
  }
}

/** Who wrote a log entry, as the timeline shows them. */
export interface LogAuthor {
  name: string;
  role: string | null;
  unitName: string | null;
}
