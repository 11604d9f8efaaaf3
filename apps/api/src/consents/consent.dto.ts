import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { CONSENT_DECISIONS, CONSENT_RELATIONS, CONSENT_SERVICE_CODES } from '@app/domain';
import { NAME_MAX, TEXT_MAX } from '../cases/dto/create-case.dto.js';
import { IsCalendarDate } from '../common/validators.js';

/**
 * Consent is given to services (services.json, DESIGN 8.3). Round one's arena `interdisciplinary_team`
 * is no longer accepted in new consents; stored ones count as naming every team service.
 */
export const CONSENT_RECIPIENTS = CONSENT_SERVICE_CODES; // includes `receiving_unit` (DESIGN 8.7)

export class GivenByDto {
  @ApiProperty({ maxLength: NAME_MAX }) @IsString() @IsNotEmpty() @MaxLength(NAME_MAX) name!: string;
  @ApiProperty({
    enum: CONSENT_RELATIONS,
    description: "A person with parental responsibility, or `child` from the municipality's selfConsentAge (15 or 16); otherwise 400 naming givenBy.relation",
  })
  @IsIn(CONSENT_RELATIONS)
  relation!: string;
}

export class RecordConsentDto {
  @ApiProperty({ type: GivenByDto }) @IsDefined() @ValidateNested() @Type(() => GivenByDto) givenBy!: GivenByDto;
  @ApiProperty({
    enum: CONSENT_RECIPIENTS,
    isArray: true,
    description:
      'Services (services.json), not arenas or named employees. Route interdisciplinary_team needs one team service named, and a team ' +
      'member sees the child only when their own service is named; route tfa needs `tfa`, iks needs `iks`.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(CONSENT_RECIPIENTS.length)
  @IsIn(CONSENT_RECIPIENTS, { each: true })
  recipients!: string[];
  @ApiProperty({ maxLength: TEXT_MAX }) @IsString() @IsNotEmpty() @MaxLength(TEXT_MAX) purpose!: string;
  @ApiProperty({ enum: ['written', 'oral'], description: 'Oral consent is valid when recorded with who recorded it (the caller)' })
  @IsIn(['written', 'oral'])
  form!: 'written' | 'oral';
  @ApiPropertyOptional({ format: 'date', description: 'First valid day (Europe/Oslo); today when omitted' })
  @IsOptional()
  @IsCalendarDate()
  validFrom?: string;
  @ApiPropertyOptional({ format: 'date', description: 'Last valid day, inclusive (Europe/Oslo); required when the consent is given' })
  @IsOptional()
  @IsCalendarDate()
  validUntil?: string;
  @ApiPropertyOptional({
    enum: CONSENT_DECISIONS,
    description: '`given` when omitted; `refused` records a refusal: who refused, for which services and when; it grants nothing (DESIGN 8.3)',
  })
  @IsOptional()
  @IsIn(CONSENT_DECISIONS)
  decision?: 'given' | 'refused';
}

export class WithdrawConsentDto {
  @ApiProperty({ maxLength: TEXT_MAX }) @IsString() @IsNotEmpty() @MaxLength(TEXT_MAX) reason!: string;
}

export class GivenByView {
  @ApiProperty({ nullable: true, type: String, description: 'null for callers who see the case anonymised' }) name!: string | null;
  @ApiProperty() relation!: string;
}

export class ConsentView {
  @ApiProperty() id!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty({ type: GivenByView }) givenBy!: GivenByView;
  @ApiProperty({ type: [String] }) recipients!: string[];
  @ApiProperty({ enum: CONSENT_DECISIONS }) decision!: string;
  @ApiProperty({ nullable: true, type: String, description: 'null for callers who see the case anonymised' }) purpose!: string | null;
  @ApiProperty({ enum: ['written', 'oral', 'digital'], description: '`digital`: given by the family in the portal (DESIGN 12.4)' }) form!: string;
  @ApiProperty({ nullable: true, type: String, description: 'null for a digital consent (no staff recorded it)' }) recordedById!: string | null;
  @ApiProperty() validFrom!: Date;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'Exclusive end: the start of the day after the last valid day' }) validUntil!: Date | null;
  @ApiProperty({ enum: ['active', 'withdrawn', 'expired', 'pending', 'refused'], description: 'Computed at read time; `refused` for a recorded refusal' }) status!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) withdrawnAt!: Date | null;
  @ApiProperty({ nullable: true, type: String }) withdrawalReason!: string | null;
  @ApiProperty() createdAt!: Date;
}

export class ConsentListResponse {
  @ApiProperty({ type: [ConsentView] }) items!: ConsentView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class CaseRouteView {
  @ApiProperty({ nullable: true, type: String }) route!: string | null;
  @ApiProperty() level!: number;
  @ApiProperty() version!: number;
}

export class ConsentWithdrawalResponse {
  @ApiProperty({ type: ConsentView }) consent!: ConsentView;
  @ApiProperty({ type: CaseRouteView, description: 'The case after the withdrawal took effect' }) case!: CaseRouteView;
  @ApiProperty({ description: 'True when the withdrawal took the case out of the caller’s view (the receiving unit’s leader stopping a transfer): a GET now answers 404' })
  leftView!: boolean;
}
