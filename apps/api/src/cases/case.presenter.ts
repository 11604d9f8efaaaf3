import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SAFETY_GUIDANCE } from '@app/platform';
import type { BtiCase, Child, ChildVoiceRow, Concern, Guardian, PostalAddressValue } from '@app/persistence';
import { PostalAddressDto } from '../child-welfare-reports/dto/report-facts.dto.js';
import { CASE_ACTIONS, isEventType, type CaseAction, type EventType } from '@app/domain';
import type { CaseView } from '../case-core/case-access.policy.js';
import { DEADLINE_KINDS, type DeadlineRow } from '../case-core/case-store.js';

export class GuardianView {
  @ApiProperty() name!: string;
  @ApiProperty() relation!: string;
  @ApiProperty() parentalResponsibility!: boolean;
  @ApiPropertyOptional() contact?: string;
}

export class ChildView {
  @ApiProperty({ nullable: true, type: String }) firstName!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastName!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) birthDate!: string | null;
  @ApiProperty() birthYear!: number;
  @ApiPropertyOptional({ description: 'Only in GET /cases/:id for callers who see the case identifiable' }) nationalId?: string;
  @ApiProperty({ type: [GuardianView], nullable: true }) guardians!: Guardian[] | null;
  @ApiProperty({ type: PostalAddressDto, nullable: true, description: "Where the child lives (null when unknown or anonymised); the report to child welfare starts from it" })
  address!: PostalAddressValue | null;
}

export class ConcernView {
  @ApiProperty({ nullable: true, type: String, description: 'null for a caller who sees the case anonymised (DESIGN 8.4)' }) description!: string | null;
  @ApiProperty({ type: [String] }) categories!: string[];
  @ApiProperty({ type: [String] }) riskFactors!: string[];
  @ApiProperty({ type: [String] }) protectiveFactors!: string[];
  @ApiProperty({ nullable: true, type: String, description: 'The voice noted with the concern; null when anonymised' }) childVoice!: string | null;
  @ApiProperty({ description: 'What the reporter ticked; the case flag (flags.suspectedViolenceOrAbuse) also follows category and risk factors' })
  suspectedViolenceOrAbuse!: boolean;
}

export class ChildVoiceView {
  @ApiProperty({ nullable: true, type: Boolean, description: 'Whether the child was heard' }) heard!: boolean | null;
  @ApiProperty({ nullable: true, type: String, description: "The child's view" }) view!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why the child was not heard' }) reasonNotHeard!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "How the view was weighed (from age 12)" }) weight!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) at!: Date;
}

export class SafetyGuidanceView {
  @ApiProperty() message!: string;
  @ApiProperty({ type: [String] }) actions!: readonly string[];
}

export class CaseFlagsView {
  @ApiProperty({
    description:
      'Safety path (DESIGN 8.1): true when the concern says violence or abuse is suspected, has category violence_abuse or a risk factor ' +
      'marked indicatesAbuse, or when raise_safety_concern was recorded later',
  })
  suspectedViolenceOrAbuse!: boolean;
}

export class DeadlineView {
  @ApiProperty({ enum: DEADLINE_KINDS, description: 'decision_due: level 0 ends in a decision (8.2); evaluation_due: an active measure; consent_expiry; task_due: a task from the log; child_welfare_report_due: a flagged case not yet reported (8.1)' })
  kind!: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'For evaluation_due and task_due: the start of the day (Europe/Oslo)' }) dueAt!: Date;
  @ApiProperty() overdue!: boolean;
  @ApiPropertyOptional({ format: 'uuid', description: 'Who must act (measure or task responsible); absent when anonymised' }) responsibleId?: string;
}

export class CaseResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'BTI-2026-0042', description: 'Unique in the municipality; what people say on the phone and what notices carry instead of a name' })
  reference!: string;
  @ApiProperty() municipalityId!: string;
  @ApiProperty({ nullable: true, type: String, description: 'null for a caller who sees the case anonymised (DESIGN 8.4)' }) unitId!: string | null;
  @ApiProperty() clusterId!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ nullable: true, type: String }) route!: string | null;
  @ApiProperty({ minimum: 0, maximum: 3 }) level!: number;
  @ApiProperty() anonymous!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'With anonymous: the only text the anonymised team reads (DESIGN 8.4)' })
  anonymousSummary!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null when anonymised' }) reporterId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The coordinator (stafettholder); null when none, or anonymised' }) assigneeId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'A handover offered and not yet accepted (DESIGN 8.2); null when anonymised' })
  pendingAssigneeId!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'The municipality profile version the case follows to its end (routes, reminder durations, self-consent age).' })
  profileVersion!: number;
  @ApiProperty({ enum: ['full', 'anonymised'] }) view!: CaseView;
  @ApiProperty({ type: ChildView }) child!: ChildView;
  @ApiProperty({ type: ConcernView }) concern!: ConcernView;
  @ApiProperty({ type: CaseFlagsView }) flags!: CaseFlagsView;
  @ApiPropertyOptional({ type: SafetyGuidanceView, description: 'Bokmål guidance, present when the case is flagged (DESIGN 8.1)' }) safetyGuidance?: SafetyGuidanceView;
  @ApiProperty({ type: ChildVoiceView, nullable: true, description: "The child's voice from the latest record (DESIGN 8.5); null when none or anonymised" })
  childVoice!: ChildVoiceView | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) childWelfareReportedAt!: Date | null;
  @ApiPropertyOptional({ format: 'uuid', description: 'Only in the response to report_to_child_welfare: the report document it made (GET /cases/:id/child-welfare-reports/:reportId)' })
  childWelfareReportId?: string;
  @ApiProperty({ type: [String], description: 'The events among allowedActions' }) allowedEvents!: EventType[];
  @ApiProperty({
    enum: CASE_ACTIONS,
    isArray: true,
    description: 'What the caller may do on this case now (libs/domain permissions.ts): the events by name and the other case actions (`case.assign`, `measure.add`, `log.write`, …)',
  })
  allowedActions!: CaseAction[];
  @ApiPropertyOptional({
    description: 'Only in the answer to a command: true when the command took the case out of the caller’s view (this is the case as they last saw it; a GET now answers 404)',
  })
  leftView?: boolean;
  @ApiPropertyOptional({ type: [DeadlineView], description: 'Only in GET /cases/:id: the open deadlines, soonest first (DESIGN 12.1)' }) deadlines?: DeadlineView[];
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export class CaseListItem extends CaseResponse {
  @ApiProperty({ nullable: true, type: String, description: "The coordinator's (stafettholder's) name; null when none, or anonymised" })
  coordinatorName!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: "The earliest of the decision deadline (undecided), a measure's evaluation and the report of a flagged case; null when none",
  })
  nextDeadline!: Date | null;
  @ApiProperty({ description: 'Undecided past the decision deadline («over fristen»)' }) overdue!: boolean;
}

export class CaseListResponse {
  @ApiProperty({ type: [CaseListItem] }) items!: CaseListItem[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export interface PresentInput {
  row: BtiCase;
  child: Child;
  concern: Concern;
  view: CaseView;
  allowedActions: CaseAction[];
  /** Decrypted national id; passed only where the caller may see it. */
  nationalId?: string;
  /** The latest child-voice record (8.5). */
  childVoice?: ChildVoiceRow | null;
  deadlines?: DeadlineRow[];
}

/**
 * The case as the caller may see it. An anonymised viewer (DESIGN 8.4) sees only: municipality and
 * cluster (no unit, no people), the child's birth year, categories and factor codes, and the
 * anonymous summary; never the description, the child's voice, names or guardians.
 */
export function presentCase({ row, child, concern, view, allowedActions, nationalId, childVoice, deadlines }: PresentInput): CaseResponse {
  const full = view === 'full';
  return {
    id: row.id,
    reference: row.reference,
    municipalityId: row.municipalityId,
    unitId: full ? row.unitId : null,
    clusterId: row.clusterId,
    status: row.status,
    route: row.route,
    level: row.level,
    // 8.4: whoever sees the case anonymised is told so, whether the unit chose it or consent is missing.
    anonymous: full ? row.anonymous : true,
    anonymousSummary: row.anonymousSummary ?? null,
    reporterId: full ? row.reporterId : null,
    assigneeId: full ? row.assigneeId : null,
    pendingAssigneeId: full ? (row.pendingAssigneeId ?? null) : null,
    version: row.version,
    profileVersion: row.profileVersion,
    view,
    child: {
      firstName: full ? child.firstName : null,
      lastName: full ? child.lastName : null,
      birthDate: full ? child.birthDate : null,
      birthYear: Number(child.birthDate.slice(0, 4)),
      ...(full && nationalId ? { nationalId } : {}),
      guardians: full ? child.guardians : null,
      address: full ? (child.address ?? null) : null,
    },
    concern: {
      description: full ? concern.description : null,
      categories: concern.categories,
      riskFactors: concern.riskFactors,
      protectiveFactors: concern.protectiveFactors,
      childVoice: full ? concern.childVoice : null,
      suspectedViolenceOrAbuse: concern.suspectedViolenceOrAbuse,
    },
    flags: { suspectedViolenceOrAbuse: row.suspectedViolenceOrAbuse },
    ...(row.suspectedViolenceOrAbuse ? { safetyGuidance: SAFETY_GUIDANCE } : {}),
    childVoice:
      full && childVoice
        ? { heard: childVoice.heard, view: childVoice.view, reasonNotHeard: childVoice.reasonNotHeard, weight: childVoice.weight, at: childVoice.at }
        : null,
    childWelfareReportedAt: row.childWelfareReportedAt,
    allowedEvents: allowedActions.filter(isEventType),
    allowedActions,
    ...(deadlines
      ? { deadlines: deadlines.map(({ kind, dueAt, overdue, responsibleId }) => ({ kind, dueAt, overdue, ...(full && responsibleId ? { responsibleId } : {}) })) }
      : {}),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** A list row: the case as the caller sees it and what the list computed (the name only with the identity). */
export function presentListItem(
  response: CaseResponse,
  list: { overdue: boolean; nextDeadline: Date | null; coordinatorName: string | null },
): CaseListItem {
  return {
    ...response,
    coordinatorName: response.view === 'full' && response.assigneeId ? list.coordinatorName : null,
    nextDeadline: list.nextDeadline,
    overdue: list.overdue,
  };
}
