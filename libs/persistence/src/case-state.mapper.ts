import type { CaseState, CaseStatus, Level, Route } from '@app/domain';
import type { BtiCase } from './entities/index.js';

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
    assigneeId: row.assigneeId,
    suspectedViolenceOrAbuse: row.suspectedViolenceOrAbuse,
    childWelfareReportedAt: row.childWelfareReportedAt,
  };
}
