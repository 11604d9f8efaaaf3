import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { RECEIVING_UNIT_RECIPIENT, SERVICE_CODES } from '@app/domain';
import { NAME_MAX, TEXT_MAX } from '../cases/dto/create-case.dto.js';
import { IsCalendarDate } from '../cases/dto/validators.js';

/**
 * Arenas a route shares with, the services of DESIGN section 3, and `receiving_unit` (the
 * guardians' permission to pass the case on to another unit, DESIGN 8.7).
 */
export const CONSENT_RECIPIENTS = ['interdisciplinary_team', 'tfa', 'iks', ...SERVICE_CODES, RECEIVING_UNIT_RECIPIENT] as const;

export const CONSENT_RELATIONS = ['mother', 'father', 'guardian', 'foster_parent', 'child', 'other'] as const;

export class GivenByDto {
  @ApiProperty({ maxLength: NAME_MAX }) @IsString() @IsNotEmpty() @MaxLength(NAME_MAX) name!: string;
  @ApiProperty({ enum: CONSENT_RELATIONS, description: 'A guardian, or the child where old enough' }) @IsIn(CONSENT_RELATIONS) relation!: string;
}

export class RecordConsentDto {
  @ApiProperty({ type: GivenByDto }) @IsDefined() @ValidateNested() @Type(() => GivenByDto) givenBy!: GivenByDto;
  @ApiProperty({ enum: CONSENT_RECIPIENTS, isArray: true, description: 'Consent is given to services, not to named employees' })
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
  @ApiProperty({ format: 'date', description: 'Last valid day, inclusive (Europe/Oslo)' }) @IsCalendarDate() validUntil!: string;
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
  @ApiProperty() purpose!: string;
  @ApiProperty({ enum: ['written', 'oral'] }) form!: string;
  @ApiProperty() recordedById!: string;
  @ApiProperty() validFrom!: Date;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'Exclusive end: the start of the day after the last valid day' }) validUntil!: Date | null;
  @ApiProperty({ enum: ['active', 'withdrawn', 'expired', 'pending'], description: 'Computed at read time' }) status!: string;
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
}
