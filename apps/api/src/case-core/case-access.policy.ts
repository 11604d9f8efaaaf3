import { Injectable } from '@nestjs/common';
import { caseViewOf, holdsMunicipalityRole, isInsiderOf, isUnitLeaderOf, scopesOf, type CaseView, type Consent, type Role } from '@app/domain';
import { toCaseState, type BtiCase } from '@app/persistence';
import { toActor, type Principal } from '../auth/principal.js';

export type { CaseView };
export { toActor };

/**
 * The access layer: who may see and do what on a case, decided here on libs/domain's predicates
 * (`caseViewOf`, `isInsiderOf`, the transition table), never by ad-hoc role checks in services.
 *
 * Seeing is applied in SQL, never by filtering after loading: `visibleCondition` is the same rule
 * as `caseViewOf` (and as the row-level policy on `bti_case`, migration RowSecurityScopes);
 * test/cases-access-matrix.e2e-spec.ts checks the three against one table of cases and users.
 */
@Injectable()
export class CaseAccessPolicy {
  /**
   * A WHERE condition over the case alias `c`: the cases `caseViewOf` does not answer null for, or
   * with `view: 'full'` those it answers 'full' for (a search by the child's identity, 8.4).
   */
  visibleCondition(principal: Principal, _now: Date, alias = 'c', view: 'any' | 'full' = 'any'): { sql: string; params: Record<string, unknown> } {
    const actor = toActor(principal);
    const scopes = (role: Role, type: 'unit' | 'cluster') => scopesOf(actor, role, type);
    const municipalityWide = (...roles: Role[]) => roles.filter((role) => holdsMunicipalityRole(actor, role)).length > 0;

    const params: Record<string, unknown> = { accUser: principal.userId, accMunicipality: principal.municipalityId, accService: principal.service ?? null };
    const any: string[] = [
      // A transfer to another unit ends the reporter's access (the sending unit is out).
      `(${alias}."reporterId" = :accUser AND ${alias}."reporterUnitId" = ${alias}."unitId")`,
      `${alias}."assigneeId" = :accUser`,
      `${alias}."pendingAssigneeId" = :accUser`,
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
      // Identified when their service is named, anonymised otherwise: both are visible. The consent
      // sets are uncorrelated sub-selects: read once per statement, not per case row (migration ConsentOncePerStatement).
      const seen =
        view === 'full'
          ? `${alias}.id IN (SELECT bti_team_cases_naming(CAST(:accMunicipality AS uuid), CAST(:accService AS text)))`
          : `(${alias}.anonymous OR ${alias}.id IN (SELECT bti_team_consented_cases(CAST(:accMunicipality AS uuid))))`;
      any.push(`(${alias}.route = 'interdisciplinary_team' AND ${inScope} AND ${seen})`);
    }
    const arena = (route: 'tfa' | 'iks') =>
      `(${alias}.route = '${route}' AND ${alias}.id IN (SELECT bti_arena_consented_cases(CAST(:accMunicipality AS uuid), '${route}', CAST(:accService AS text))))`;
    if (municipalityWide('tfa_coordinator')) any.push(arena('tfa'));
    if (municipalityWide('iks_coordinator', 'iks_member')) any.push(arena('iks'));

    return { sql: `(${alias}."municipalityId" = :accMunicipality AND (${any.join(' OR ')}))`, params };
  }

  /** How the caller sees a case they can load: identified or anonymised (null only when hidden). */
  viewOf(principal: Principal, row: BtiCase, consents: readonly Consent[], now: Date): CaseView {
    return caseViewOf(toActor(principal), toCaseState(row), consents, now) ?? 'anonymised';
  }

  /** The unit's own people on the case (reporter, coordinator, proposed coordinator, unit leader). */
  isInsider(principal: Principal, row: BtiCase): boolean {
    return isInsiderOf(toActor(principal), toCaseState(row));
  }

  /** Consent is recorded and withdrawn by the unit's own people on the case. */
  mayManageConsent(principal: Principal, row: BtiCase): boolean {
    return this.isInsider(principal, row);
  }

  /** The unit leader of the case's unit (assigns, offers a handover). */
  isUnitLeader(principal: Principal, row: BtiCase): boolean {
    return isUnitLeaderOf(toActor(principal), toCaseState(row));
  }
}
