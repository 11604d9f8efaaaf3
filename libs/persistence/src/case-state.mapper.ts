import type { CaseState, CaseStatus, Consent, Level, Route } from '@app/domain';
import type { BtiCase, ConsentRow } from './entities/index.js';

/** The domain's view of a stored case. */
export function toCaseState(row: BtiCase): CaseState {
  return {
    id: row.id,
    municipalityId: row.municipalityId,
    unitId: row.unitId,
    clusterId: row.clusterId,
    status: row.status as CaseStatus,
    route: row.route as Route | null,
    level: row.level as Level,
    anonymous: row.anonymous,
    reporterId: row.reporterId,
    reporterUnitId: row.reporterUnitId,
    assigneeId: row.assigneeId,
    pendingAssigneeId: row.pendingAssigneeId ?? null,
    suspectedViolenceOrAbuse: row.suspectedViolenceOrAbuse,
    childWelfareReportedAt: row.childWelfareReportedAt,
    guardiansMayBeInformedAt: row.guardiansMayBeInformedAt ?? null,
    transfer: row.transferToUnitId && row.transferToClusterId ? { toUnitId: row.transferToUnitId, toClusterId: row.transferToClusterId } : null,
    accessEndsAt: row.accessEndsAt ?? null,
  };
}

/** The domain's view of a stored consent. */
export function toDomainConsent(row: ConsentRow): Consent {
  return {
    id: row.id,
    recipients: row.recipients,
    decision: row.decision ?? 'given',
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    withdrawnAt: row.withdrawnAt,
  };
}
