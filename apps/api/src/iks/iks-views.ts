import { holdsMunicipalityRole, IKS_REFERRAL_LIFECYCLE, leadsUnit, step, type IksReferralEvent } from '@app/domain';
import type { IksCompetenceOrder, IksReferral } from '@app/persistence';
import { toActor, type Principal } from '../auth/principal.js';
import { ProblemException } from '../common/problem.js';
import { explainScore, iksPriorityScore } from './iks-priority.js';
import type { CompetenceOrderView, IksReferralView } from './dto/iks.dto.js';
import type { QueueRow } from './iks-referral-store.js';

/**
 * The queue, a single referral and the answers to IKS commands go to the IKS coordinator and
 * members (maySeeReferral), who never see a case anonymised (libs/domain caseViewOf: IKS has no
 * anonymous mode); a referral of a case they no longer see keeps its texts for them, as before.
 */
export const IKS_OWN_VIEW = true;

/** Which referrals a caller's lists hold: the coordinator's all of the municipality's; a member's those they are in. */
export function coordinatesIks(principal: Principal): boolean {
  return holdsMunicipalityRole(toActor(principal), 'iks_coordinator');
}

/** The coordinator, a member named in the referral, the leader of the referring unit. */
export function maySeeReferral(principal: Principal, row: IksReferral): boolean {
  const actor = toActor(principal);
  if (coordinatesIks(principal)) return true;
  if (holdsMunicipalityRole(actor, 'iks_member') && row.memberIds.includes(principal.userId)) return true;
  return leadsUnit(actor, row.unitId);
}

/** The referral's lifecycle (libs/domain lifecycles.ts) lets `event` start from its status; 422 otherwise. */
export function requireStep(referral: IksReferral, event: IksReferralEvent, detail: string): void {
  if (!step(IKS_REFERRAL_LIFECYCLE, event, referral.status)) {
    throw new ProblemException(422, 'IKS_REFERRAL_STATUS', `${detail} (status: ${referral.status}).`, undefined, { referralStatus: referral.status });
  }
}

/**
 * A referral as the caller may see it. Someone who sees the case anonymised (a team member after
 * IKS handed it back) gets the log's rule (DESIGN 8.4): kinds, codes and dates; no texts (entry
 * plan, exit criteria, return reason, summary), no people.
 */
export function referralView(r: QueueRow, now: Date, identified: boolean): IksReferralView {
  const visible = r.caseSuspected !== null && r.caseSuspected !== undefined;
  const open = r.status === 'referred' || r.status === 'accepted';
  const riskFactorCount = visible ? Number(r.caseRiskFactorCount ?? 0) : null;
  const breakdown =
    visible && open
      ? iksPriorityScore({ suspectedViolenceOrAbuse: r.caseSuspected === true, riskFactorCount: riskFactorCount ?? 0, fromLevel: r.fromLevel, referredAt: new Date(r.createdAt) }, now)
      : null;
  const score = breakdown ? { ...breakdown, explanation: explainScore(breakdown, riskFactorCount ?? 0, r.fromLevel) } : null;
  return {
    id: r.id,
    caseId: r.caseId,
    unit: { id: r.unitId, code: r.unitCode, name: r.unitName, kind: r.unitKind },
    status: r.status,
    priority: r.priority,
    score,
    caseVersion: visible ? Number(r.caseVersion) : null,
    caseReference: r.caseReference ?? null,
    suspectedViolenceOrAbuse: visible ? r.caseSuspected : null,
    riskFactorCount,
    fromLevel: r.fromLevel,
    escalation: r.escalation,
    referredAt: new Date(r.createdAt),
    referredById: identified ? r.referredById : null,
    coreGroup: r.coreGroup ?? [],
    memberIds: identified ? (r.memberIds ?? []) : [],
    entryPlan: identified ? r.entryPlan : null,
    exitCriteria: identified ? r.exitCriteria : null,
    acceptedAt: r.acceptedAt,
    returnedAt: r.returnedAt,
    returnReason: identified ? r.returnReason : null,
    endedAt: r.endedAt,
    endReason: r.endReason,
    endSummary: identified ? r.endSummary : null,
  };
}

export function orderView(o: IksCompetenceOrder): CompetenceOrderView {
  return {
    id: o.id,
    referralId: o.referralId,
    caseId: o.caseId,
    serviceCode: o.serviceCode,
    unitLeaderId: o.unitLeaderId,
    note: o.note,
    orderedById: o.orderedById,
    createdAt: o.createdAt,
    acknowledgedAt: o.acknowledgedAt,
    acknowledgementNote: o.acknowledgementNote,
  };
}
