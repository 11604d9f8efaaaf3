import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SAFETY_GUIDANCE } from '@app/platform';
import type { BtiCase, Child, Concern, Guardian } from '@app/persistence';
import type { EventType } from '@app/domain';
import type { CaseView } from './case-access.policy.js';

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
}

export class ConcernView {
  @ApiProperty() description!: string;
  @ApiProperty({ type: [String] }) categories!: string[];
  @ApiProperty({ type: [String] }) riskFactors!: string[];
  @ApiProperty({ type: [String] }) protectiveFactors!: string[];
  @ApiProperty({ nullable: true, type: String }) childVoice!: string | null;
  @ApiProperty() suspectedViolenceOrAbuse!: boolean;
}

export class SafetyGuidanceView {
  @ApiProperty() message!: string;
  @ApiProperty({ type: [String] }) actions!: readonly string[];
}

export class CaseFlagsView {
  @ApiProperty() suspectedViolenceOrAbuse!: boolean;
}

export class CaseResponse {
  @ApiProperty() id!: string;
  @ApiProperty() municipalityId!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty() clusterId!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ nullable: true, type: String }) route!: string | null;
  @ApiProperty({ minimum: 0, maximum: 3 }) level!: number;
  @ApiProperty() anonymous!: boolean;
  @ApiProperty() reporterId!: string;
  @ApiProperty({ nullable: true, type: String }) assigneeId!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ['full', 'anonymised'] }) view!: CaseView;
  @ApiProperty({ type: ChildView }) child!: ChildView;
  @ApiProperty({ type: ConcernView }) concern!: ConcernView;
  @ApiProperty({ type: CaseFlagsView }) flags!: CaseFlagsView;
  @ApiPropertyOptional({ type: SafetyGuidanceView, description: 'Present when violence or abuse is suspected' }) safetyGuidance?: SafetyGuidanceView;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) childWelfareReportedAt!: Date | null;
  @ApiPropertyOptional({ format: 'uuid', description: 'Only in the response to report_to_child_welfare: the report document it made (GET /cases/:id/child-welfare-reports/:reportId)' })
  childWelfareReportId?: string;
  @ApiProperty({ type: [String] }) allowedEvents!: EventType[];
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export class CaseListResponse {
  @ApiProperty({ type: [CaseResponse] }) items!: CaseResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export interface PresentInput {
  row: BtiCase;
  child: Child;
  concern: Concern;
  view: CaseView;
  allowedEvents: EventType[];
  /** Decrypted national id; passed only where the caller may see it. */
  nationalId?: string;
}

/** The case as the caller may see it: anonymised views carry no name, national id or guardians. */
export function presentCase({ row, child, concern, view, allowedEvents, nationalId }: PresentInput): CaseResponse {
  const full = view === 'full';
  return {
    id: row.id,
    municipalityId: row.municipalityId,
    unitId: row.unitId,
    clusterId: row.clusterId,
    status: row.status,
    route: row.route,
    level: row.level,
    anonymous: row.anonymous,
    reporterId: row.reporterId,
    assigneeId: row.assigneeId,
    version: row.version,
    view,
    child: {
      firstName: full ? child.firstName : null,
      lastName: full ? child.lastName : null,
      birthDate: full ? child.birthDate : null,
      birthYear: Number(child.birthDate.slice(0, 4)),
      ...(full && nationalId ? { nationalId } : {}),
      guardians: full ? child.guardians : null,
    },
    concern: {
      description: concern.description,
      categories: concern.categories,
      riskFactors: concern.riskFactors,
      protectiveFactors: concern.protectiveFactors,
      childVoice: concern.childVoice,
      suspectedViolenceOrAbuse: concern.suspectedViolenceOrAbuse,
    },
    flags: { suspectedViolenceOrAbuse: row.suspectedViolenceOrAbuse },
    ...(row.suspectedViolenceOrAbuse ? { safetyGuidance: SAFETY_GUIDANCE } : {}),
    childWelfareReportedAt: row.childWelfareReportedAt,
    allowedEvents,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
