import { locksSelfOut } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { QueryFailedError, type EntityManager } from 'typeorm';
import { AppUser, Cluster, RoleAssignmentRow, Unit } from '@app/persistence';
import type { Principal } from '../../auth/principal.js';
import { AuditTrail } from '../../audit/audit-trail.service.js';
import { problems, ProblemException } from '../../common/problem.js';
import { RowSecurity } from '../../database/row-security.js';
import { changeDetail, given, USER_FIELDS, USER_PERSONAL } from '../admin-change.js';
import { noticeHandoverToLeaders, openResponsibilities } from './handover-notice.js';
import type { CreateUserDto, ListUsersQuery, RemoveRoleDto, ResponsibilitiesView, RoleAssignmentDto, UpdateUserDto, UserView } from './people.dto.js';

/** Which scopes each role takes (DESIGN 3): unit staff in a unit, team members anywhere, the rest municipality-wide. */
const SCOPES_OF_ROLE: Record<string, readonly string[]> = {
  staff: ['unit'],
  unit_leader: ['unit'],
  team_member: ['unit', 'cluster', 'municipality'],
};
const MUNICIPALITY_ONLY = ['municipality'] as const;

const LIST_LIMIT = 500;

/** Staff of the caller's municipality and their role assignments (DESIGN 12.7). */
@Injectable()
export class PeopleAdmin {
  constructor(
    private readonly rowSecurity: RowSecurity,
    private readonly audit: AuditTrail,
  ) {}

  list(principal: Principal, query: ListUsersQuery): Promise<UserView[]> {
    const like = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    return this.rowSecurity.transaction(principal, (em) =>
      em.query(
        `${USER_SELECT}
         WHERE u."municipalityId" = $1
           AND ($2::text IS NULL OR u.username ILIKE $2 OR u."displayName" ILIKE $2 OR u.email ILIKE $2)
           AND ($3::boolean IS NULL OR u.active = $3)
           AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM role_assignment x WHERE x."userId" = u.id AND x.role = $4))
           AND ($5::uuid IS NULL OR EXISTS (SELECT 1 FROM role_assignment x WHERE x."userId" = u.id AND x."scopeType" = 'unit' AND x."scopeId" = $5))
         GROUP BY u.id ORDER BY u."displayName", u.id LIMIT ${LIST_LIMIT}`,
        [principal.municipalityId, like, query.active ?? null, query.role ?? null, query.unitId ?? null],
      ),
    );
  }

  create(principal: Principal, dto: CreateUserDto): Promise<UserView> {
    return this.rowSecurity.transaction(principal, async (em) => {
      const user = await unique(() =>
        em.save(AppUser, em.create(AppUser, { ...dto, email: dto.email ?? null, externalSubject: dto.externalSubject ?? null, service: dto.service ?? null, municipalityId: principal.municipalityId, active: true })),
      );
      await this.audit.recordChange(em, principal, 'admin.user.create', changeDetail({ type: 'user', id: user.id }, null, user, USER_FIELDS, USER_PERSONAL));
      return this.view(em, principal, user.id);
    });
  }

  update(principal: Principal, id: string, dto: UpdateUserDto): Promise<UserView> {
    return this.rowSecurity.transaction(principal, async (em) => {
      const before = await this.lockedUser(em, principal, id);
      if (dto.active === false && id === principal.userId) {
        throw new ProblemException(409, 'SELF_DEACTIVATION', 'Du kan ikke deaktivere deg selv.', [{ field: 'active', message: 'du kan ikke deaktivere deg selv' }]);
      }
      const after: AppUser = { ...before, ...given(dto) };
      await unique(() =>
        em.update(AppUser, { id }, { displayName: after.displayName, email: after.email, externalSubject: after.externalSubject, service: after.service, active: after.active }),
      );
      await this.audit.recordChange(em, principal, 'admin.user.update', changeDetail({ type: 'user', id }, before, after, USER_FIELDS, USER_PERSONAL));
      if (before.active && !after.active) await noticeHandoverToLeaders(em, principal.municipalityId, after);
      return this.view(em, principal, id);
    });
  }

  grantRole(principal: Principal, id: string, dto: RoleAssignmentDto): Promise<UserView> {
    return this.rowSecurity.transaction(principal, async (em) => {
      const user = await this.lockedUser(em, principal, id);
      await this.checkScope(em, principal, dto.role, dto.scopeType, dto.scopeId);
      const inserted = await em
        .createQueryBuilder()
        .insert()
        .into(RoleAssignmentRow)
        .values({ userId: id, role: dto.role, scopeType: dto.scopeType, scopeId: dto.scopeId })
        .orIgnore()
        .returning('id')
        .execute();
      const role = { role: dto.role, scopeType: dto.scopeType, scopeId: dto.scopeId };
      if (inserted.raw.length) {
        await this.audit.recordChange(em, principal, 'admin.role.grant', { target: { type: 'user', id }, before: null, after: role });
      }
      if (dto.service !== undefined && dto.service !== user.service) {
        await em.update(AppUser, { id }, { service: dto.service });
        await this.audit.recordChange(em, principal, 'admin.user.update', { target: { type: 'user', id }, before: { service: user.service }, after: { service: dto.service } });
      }
      return this.view(em, principal, id);
    });
  }

  revokeRole(principal: Principal, id: string, dto: RemoveRoleDto): Promise<void> {
    return this.rowSecurity.transaction(principal, async (em) => {
      await this.lockedUser(em, principal, id);
      if (locksSelfOut(principal, id, dto.role)) {
        throw new ProblemException(409, 'SELF_LOCKOUT', 'Du kan ikke ta fra deg selv administratorrollen.', [{ field: 'role', message: 'du kan ikke fjerne din egen administratorrolle' }]);
      }
      const removed = await em.delete(RoleAssignmentRow, { userId: id, role: dto.role, scopeType: dto.scopeType, scopeId: dto.scopeId });
      if (!removed.affected) throw problems.notFound('Brukeren har ikke den rollen.');
      await this.audit.recordChange(em, principal, 'admin.role.revoke', {
        target: { type: 'user', id },
        before: { role: dto.role, scopeType: dto.scopeType, scopeId: dto.scopeId },
        after: null,
      });
    });
  }

  responsibilities(principal: Principal, id: string): Promise<ResponsibilitiesView> {
    return this.rowSecurity.transaction(principal, async (em) => {
      await this.lockedUser(em, principal, id, false);
      return { userId: id, items: await openResponsibilities(em, id) };
    });
  }

  /** A user of the caller's municipality, locked for the change; 404 otherwise (another municipality's too). */
  private async lockedUser(em: EntityManager, principal: Principal, id: string, lock = true): Promise<AppUser> {
    const user = await em.findOne(AppUser, { where: { id, municipalityId: principal.municipalityId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!user) throw problems.notFound('Fant ikke brukeren.');
    return user;
  }

  /** The role takes this kind of scope, and the scope is an active unit or cluster, or the municipality, of the caller's. */
  async checkScope(em: EntityManager, principal: Principal, role: string, scopeType: string, scopeId: string): Promise<void> {
    const allowed = SCOPES_OF_ROLE[role] ?? MUNICIPALITY_ONLY;
    if (!allowed.includes(scopeType)) throw problems.validation([{ field: 'scopeType', message: `rollen gjelder for ${allowed.join(' eller ')}` }]);
    const exists =
      scopeType === 'municipality'
        ? scopeId === principal.municipalityId
        : scopeType === 'unit'
          ? await em.existsBy(Unit, { id: scopeId, municipalityId: principal.municipalityId, active: true })
          : await em.existsBy(Cluster, { id: scopeId, municipalityId: principal.municipalityId, active: true });
    if (!exists) throw problems.validation([{ field: 'scopeId', message: 'finnes ikke (aktiv) i kommunen' }]);
  }


  private async view(em: EntityManager, principal: Principal, id: string): Promise<UserView> {
    const [user] = await em.query(`${USER_SELECT} WHERE u.id = $1 AND u."municipalityId" = $2 GROUP BY u.id`, [id, principal.municipalityId]);
    return user;
  }
}

const USER_SELECT = `
  SELECT u.id, u.username, u."displayName", u.email, u."externalSubject", u.service, u.active,
         coalesce(json_agg(json_build_object('role', r.role, 'scopeType', r."scopeType", 'scopeId', r."scopeId") ORDER BY r.role, r."scopeId")
                  FILTER (WHERE r.id IS NOT NULL), '[]') AS roles
  FROM app_user u LEFT JOIN role_assignment r ON r."userId" = u.id`;

/** A username or identity-provider subject that is taken: 409 naming the field (not the value). */
async function unique<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const driverError = (error as QueryFailedError & { driverError?: { code?: string; detail?: string } }).driverError;
    if (error instanceof QueryFailedError && driverError?.code === '23505') {
      const field = /Key \("?(\w+)"?\)/.exec(driverError.detail ?? '')?.[1] ?? 'username';
      throw new ProblemException(409, 'USER_TAKEN', 'En annen bruker har samme verdi.', [{ field, message: 'er i bruk fra før' }]);
    }
    throw error;
  }
}
