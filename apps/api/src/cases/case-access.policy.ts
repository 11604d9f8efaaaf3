import { Injectable } from '@nestjs/common';
import { hasCoveringConsent, ROUTE_RECIPIENT, type Consent, type Route } from '@app/domain';
import type { EntityManager } from 'typeorm';
import { AppUser, BtiCase, RoleAssignmentRow } from '@app/persistence';
import type { Principal } from '../auth/principal.js';

export type CaseView = 'full' | 'anonymised';

/**
 * Need-to-know (DESIGN section 7), decided in one place and applied in SQL, never by filtering
 * after loading:
 * - staff: cases they reported (while the case is still in that unit) or are assigned;
 * - unit leaders: every case of their unit, and a case proposed to be transferred to it (8.7);
 * - team members (unit/cluster scope), the TFA and IKS coordinators: cases routed to their arena,
 *   identifiable while a covering consent is active; the team also sees anonymous consultations;
 * - admins, auditors, analysts: no case content.
 */
@Injectable()
export class CaseAccessPolicy {
  /** A WHERE condition over the case alias `c` (and a correlated consent subquery). */
  visibleCondition(principal: Principal, now: Date, alias = 'c'): { sql: string; params: Record<string, unknown> } {
    const scopes = (role: string, type: string) => principal.roles.filter((r) => r.role === role && r.scopeType === type).map((r) => r.scopeId);
    const municipalityWide = (...roles: string[]) =>
      principal.roles.some((r) => roles.includes(r.role) && r.scopeType === 'municipality' && r.scopeId === principal.municipalityId);
    const consented = (recipient: string) =>
      `EXISTS (SELECT 1 FROM consent k WHERE k."caseId" = ${alias}.id AND '${recipient}' = ANY(k.recipients)
        AND k."validFrom" <= :accNow AND (k."validUntil" IS NULL OR k."validUntil" > :accNow)
        AND (k."withdrawnAt" IS NULL OR k."withdrawnAt" > :accNow))`;

    const params: Record<string, unknown> = { accUser: principal.userId, accMunicipality: principal.municipalityId, accNow: now };
    const any: string[] = [
      // A transfer to another unit ends the reporter's access (the sending unit is out).
      `(${alias}."reporterId" = :accUser AND ${alias}."reporterUnitId" = ${alias}."unitId")`,
      `${alias}."assigneeId" = :accUser`,
    ];

    const leaderUnits = scopes('unit_leader', 'unit');
    if (leaderUnits.length) {
      params.accLeaderUnits = leaderUnits;
      any.push(`${alias}."unitId" = ANY(:accLeaderUnits)`, `${alias}."transferToUnitId" = ANY(:accLeaderUnits)`);
    }
    const teamUnits = scopes('team_member', 'unit');
    const teamClusters = scopes('team_member', 'cluster');
    const teamEverywhere = municipalityWide('team_member');
    if (teamUnits.length || teamClusters.length || teamEverywhere) {
      params.accTeamUnits = teamUnits;
      params.accTeamClusters = teamClusters;
      const inScope = teamEverywhere ? 'TRUE' : `(${alias}."unitId" = ANY(:accTeamUnits) OR ${alias}."clusterId" = ANY(:accTeamClusters))`;
      any.push(`(${alias}.route = 'interdisciplinary_team' AND ${inScope} AND (${alias}.anonymous OR ${consented('interdisciplinary_team')}))`);
    }
    if (municipalityWide('tfa_coordinator')) any.push(`(${alias}.route = 'tfa' AND ${consented('tfa')})`);
    if (municipalityWide('iks_coordinator', 'iks_member')) any.push(`(${alias}.route = 'iks' AND ${consented('iks')})`);

    return { sql: `(${alias}."municipalityId" = :accMunicipality AND (${any.join(' OR ')}))`, params };
  }

  /** The unit's own people on the case: reporter, assignee, the unit leader. */
  isInsider(principal: Principal, row: Pick<BtiCase, 'reporterId' | 'reporterUnitId' | 'assigneeId' | 'unitId'>): boolean {
    return (
      (row.reporterId === principal.userId && row.reporterUnitId === row.unitId) ||
      row.assigneeId === principal.userId ||
      principal.roles.some((r) => r.role === 'unit_leader' && r.scopeType === 'unit' && r.scopeId === row.unitId)
    );
  }

  /**
   * Whether another user could open the case identified now, by the same rule as their own
   * requests. A measure's or a task's responsible must (their reminders lead to the case), so
   * nobody is made responsible without access (README: "Responsible people").
   */
  async canOpenIdentified(em: EntityManager, userId: string, row: BtiCase, consents: readonly Consent[], now: Date): Promise<boolean> {
    const user = await em.findOneBy(AppUser, { id: userId, municipalityId: row.municipalityId });
    if (!user) return false;
    const roles = await em.findBy(RoleAssignmentRow, { userId });
    const other = { userId, municipalityId: user.municipalityId, roles: roles.map((r) => ({ role: r.role, scopeType: r.scopeType, scopeId: r.scopeId })) } as Principal;
    const visible = this.visibleCondition(other, now);
    const sees = await em.getRepository(BtiCase).createQueryBuilder('c').where('c.id = :caseId', { caseId: row.id }).andWhere(visible.sql, visible.params).getExists();
    return sees && this.viewOf(other, row, consents, now) === 'full';
  }

  /** Insiders (reporter, assignee, unit leader) see everything; the arena sees identity only under consent. */
  viewOf(principal: Principal, row: BtiCase, consents: readonly Consent[], now: Date): CaseView {
    if (this.isInsider(principal, row)) return 'full';
    // The receiving unit's leader decides on a proposed transfer with the case identified (8.7).
    if (row.transferToUnitId && principal.roles.some((r) => r.role === 'unit_leader' && r.scopeType === 'unit' && r.scopeId === row.transferToUnitId)) return 'full';
    const recipient = row.route ? ROUTE_RECIPIENT[row.route as Route] : null;
    return recipient && hasCoveringConsent(consents, recipient, now) ? 'full' : 'anonymised';
  }
}
