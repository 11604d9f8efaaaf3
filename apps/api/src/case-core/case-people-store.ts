import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { holdersOf, type Actor, type CaseState, type Relation, type RoleAssignment } from '@app/domain';

/**
 * Whom a notice about a case goes to, by the relations of the permission table (libs/domain
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
}
