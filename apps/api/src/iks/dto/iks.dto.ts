import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
  type ValidationOptions,
} from 'class-validator';
import { IKS_HAND_BACK_ROUTES, type IksHandBackRoute } from '@app/domain';
import { IKS_REFERRAL_STATUSES, type IksReferralStatus } from '@app/persistence';
import { TEXT_MAX } from '../../cases/dto/create-case.dto.js';
import { IKS_PRIORITIES } from '../iks-priority.js';

/** A string with at least one non-blank character. */
export function HasText(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: 'hasText', validator: { validate: (v: unknown) => typeof v === 'string' && v.trim().length > 0, defaultMessage: () => 'må fylles ut' } },
    options,
  );
}

export class ListReferralsQuery {
  @ApiPropertyOptional({ enum: IKS_REFERRAL_STATUSES, description: 'Without it: the open ones (referred and accepted)' })
  @IsOptional()
  @IsIn(IKS_REFERRAL_STATUSES)
  status?: IksReferralStatus;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) page: number = 1;
  @ApiPropertyOptional({ default: 50, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize: number = 50;
}

const PRIORITY_DOC = 'Manual priority: 1 akutt, 2 høy, 3 normal, 4 lav. It wins over the score.';

export class AcceptReferralDto {
  @ApiProperty({ enum: IKS_PRIORITIES, description: PRIORITY_DOC }) @IsInt() @IsIn(IKS_PRIORITIES) priority!: number;
  @ApiProperty({ type: [String], example: ['slt_coordinator', 'ppt', 'child_welfare'], description: "Service codes from the municipality profile's iksCoreGroup" })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  coreGroup!: string[];
  @ApiProperty({ maxLength: TEXT_MAX, description: 'Plan for entry: what IKS does first, who meets whom' }) @HasText() @MaxLength(TEXT_MAX) entryPlan!: string;
  @ApiProperty({ maxLength: TEXT_MAX, description: 'Exit criteria: when IKS hands the case back' }) @HasText() @MaxLength(TEXT_MAX) exitCriteria!: string;
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Users (iks_member or iks_coordinator) in the core group: they see this referral in the queue' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsUUID('all', { each: true })
  memberIds?: string[];
}

export class ReturnReferralDto {
  @ApiProperty({ maxLength: TEXT_MAX, description: 'Why IKS returns the case (written to the case log)' }) @HasText() @MaxLength(TEXT_MAX) reason!: string;
}

export class SetPriorityDto {
  @ApiProperty({ enum: IKS_PRIORITIES, nullable: true, description: `${PRIORITY_DOC} null clears it.` })
  @ValidateIf((o: SetPriorityDto) => o.priority !== null)
  @IsInt()
  @IsIn(IKS_PRIORITIES)
  priority!: number | null;
}

export class EndReferralDto {
  @ApiProperty({ description: 'The exit criteria recorded at acceptance are met (must be true)' }) @IsBoolean() exitCriteriaMet!: boolean;
  @ApiProperty({ maxLength: TEXT_MAX, description: 'How the exit criteria were met; the hand-back to the unit' }) @HasText() @MaxLength(TEXT_MAX) summary!: string;
  @ApiPropertyOptional({
    enum: IKS_HAND_BACK_ROUTES,
    description:
      "Where the case goes back to (DESIGN 8.8): the case leaves route iks, its level steps down to this route's, IKS members lose access. interdisciplinary_team needs an active consent naming the team (422 CONSENT_REQUIRED) or `anonymous: true`. Omitted: own_unit.",
  })
  @IsOptional()
  @IsIn(IKS_HAND_BACK_ROUTES)
  handBackRoute?: IksHandBackRoute;
  @ApiPropertyOptional({ description: 'With handBackRoute interdisciplinary_team: the team works without the child’s identity' })
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean;
}

export class CreateOrderDto {
  @ApiProperty({ example: 'ppt', maxLength: 60, description: "A service code: the profile's iksCoreGroup or a known service (health_station, bup, police, …)" })
  @HasText()
  @MaxLength(60)
  serviceCode!: string;
  @ApiProperty({ format: 'uuid', description: 'The unit leader asked to provide the competence' }) @IsUUID('all') unitLeaderId!: string;
  @ApiProperty({ maxLength: TEXT_MAX }) @HasText() @MaxLength(TEXT_MAX) note!: string;
}

export class AcknowledgeOrderDto {
  @ApiPropertyOptional({ maxLength: TEXT_MAX }) @IsOptional() @IsString() @MaxLength(TEXT_MAX) note?: string;
}

export class ListOrdersQuery {
  @ApiPropertyOptional({ description: 'true: only orders not yet acknowledged' })
  @IsOptional()
  @Type(() => String)
  @IsIn(['true', 'false'])
  open?: 'true' | 'false';
}

// ---- responses ----

export class UnitRefView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'kindergarten' }) kind!: string;
}

export class ScoreView {
  @ApiProperty({ description: '0–100' }) total!: number;
  @ApiProperty({ description: '+40 when violence or sexual abuse is suspected' }) suspectedViolenceOrAbuse!: number;
  @ApiProperty({ description: '+5 per risk factor, at most 30' }) riskFactors!: number;
  @ApiProperty({ description: '+5 per level tried before the referral, at most 10' }) level!: number;
  @ApiProperty({ description: '+1 per day waiting, at most 20' }) waitingTime!: number;
  @ApiProperty() waitingDays!: number;
  @ApiProperty({ example: 'Poengsum 55 av 100: mistanke om vold eller overgrep (+40), 3 risikofaktorer (+15)', description: 'The score in words (bokmål)' })
  explanation!: string;
}

export class CompetenceOrderView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) referralId!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() serviceCode!: string;
  @ApiProperty({ format: 'uuid' }) unitLeaderId!: string;
  @ApiProperty() note!: string;
  @ApiProperty({ format: 'uuid' }) orderedById!: string;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) acknowledgedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String }) acknowledgementNote!: string | null;
}

export class IksReferralView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ type: UnitRefView }) unit!: UnitRefView;
  @ApiProperty({ enum: IKS_REFERRAL_STATUSES }) status!: IksReferralStatus;
  @ApiProperty({ nullable: true, enum: IKS_PRIORITIES, type: Number, description: PRIORITY_DOC }) priority!: number | null;
  @ApiProperty({ type: ScoreView, nullable: true, description: 'null when the case is no longer visible to the caller (e.g. returned)' }) score!: ScoreView | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: "The case's version as this view read it (null when the case is not visible): send it as If-Match with a decision, so a change since is refused (412)",
  })
  caseVersion!: number | null;
  @ApiProperty({ nullable: true, type: String, example: 'BTI-2026-0042', description: 'The case reference; null when the case is not visible' }) caseReference!: string | null;
  @ApiProperty({ nullable: true, type: Boolean }) suspectedViolenceOrAbuse!: boolean | null;
  @ApiProperty({ nullable: true, type: Number }) riskFactorCount!: number | null;
  @ApiProperty({ description: 'Case level before the referral' }) fromLevel!: number;
  @ApiProperty({ description: 'Escalated (true) or decided straight to IKS' }) escalation!: boolean;
  @ApiProperty() referredAt!: Date;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'null when the case is seen anonymised' }) referredById!: string | null;
  @ApiProperty({ type: [String] }) coreGroup!: string[];
  @ApiProperty({ type: [String], description: 'empty when the case is seen anonymised' }) memberIds!: string[];
  @ApiProperty({ nullable: true, type: String, description: 'Texts (entry plan, exit criteria, return reason, summary) are null when the case is seen anonymised' }) entryPlan!: string | null;
  @ApiProperty({ nullable: true, type: String }) exitCriteria!: string | null;
  @ApiProperty({ nullable: true, type: Date }) acceptedAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date }) returnedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String }) returnReason!: string | null;
  @ApiProperty({ nullable: true, type: Date }) endedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String, example: 'exit_criteria_met' }) endReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) endSummary!: string | null;
  @ApiPropertyOptional({ type: [CompetenceOrderView], description: 'Only on a single referral' }) orders?: CompetenceOrderView[];
}

export class YearlyRangeView {
  @ApiProperty() min!: number;
  @ApiProperty() max!: number;
}

export class CapacityView {
  @ApiProperty({ description: 'Accepted referrals not yet ended' }) activeCases!: number;
  @ApiProperty({ description: 'Referrals waiting for an answer' }) pendingReferrals!: number;
  @ApiProperty({ description: 'Accepted this calendar year (Europe/Oslo)' }) acceptedThisYear!: number;
  @ApiProperty({ type: YearlyRangeView, nullable: true, description: "The profile's iksCasesPerYear" }) yearlyRange!: YearlyRangeView | null;
  @ApiProperty({ nullable: true, type: Number }) remainingThisYear!: number | null;
  @ApiProperty({ enum: ['available', 'limited', 'full', 'unknown'], description: 'below the range: available; within: limited; at its top: full' })
  level!: string;
  @ApiProperty({ description: 'Bokmål' }) message!: string;
}

export class IksQueueResponse {
  @ApiProperty({ type: [IksReferralView] }) items!: IksReferralView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ type: CapacityView }) capacity!: CapacityView;
}

export class CompetenceOrderListResponse {
  @ApiProperty({ type: [CompetenceOrderView] }) items!: CompetenceOrderView[];
  @ApiProperty() total!: number;
}
