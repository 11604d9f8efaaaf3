import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsNationalId } from '../common/validators.js';

/** How staff verified a guardian's national id; `registry` is for a future registry lookup, never typed by staff. */
export const STAFF_VERIFICATIONS = ['stated_by_staff', 'document_seen'] as const;
export type StaffVerification = (typeof STAFF_VERIFICATIONS)[number];

export class CreateGuardianDto {
  @ApiProperty({ description: 'Fødselsnummer or D-nummer (11 digits)' }) @IsNationalId() nationalId!: string;
  @ApiProperty({ maxLength: 100 }) @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
  @ApiProperty({ example: 'mor', maxLength: 40, description: 'As child.guardians takes it (mor, far, verge, …)' })
  @IsString() @IsNotEmpty() @MaxLength(40) relation!: string;
  @ApiProperty({ description: 'Har foreldreansvar' }) @IsBoolean() parentalResponsibility!: boolean;
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) contact?: string;
  @ApiProperty({ enum: STAFF_VERIFICATIONS }) @IsIn(STAFF_VERIFICATIONS) verification!: StaffVerification;
  @ApiPropertyOptional({ maxLength: 320, description: "The guardian's e-mail for notices (the kind of notice only, DESIGN 12.8.11)" }) @IsOptional() @IsEmail() @MaxLength(320) email?: string;
}

/** Adds a national id to a guardian the case already names (and may correct the other fields). */
export class UpdateGuardianDto {
  @ApiProperty({ description: 'Fødselsnummer or D-nummer (11 digits)' }) @IsNationalId() nationalId!: string;
  @ApiProperty({ enum: STAFF_VERIFICATIONS }) @IsIn(STAFF_VERIFICATIONS) verification!: StaffVerification;
  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) name?: string;
  @ApiPropertyOptional({ maxLength: 40 }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(40) relation?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() parentalResponsibility?: boolean;
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) contact?: string;
  @ApiPropertyOptional({ maxLength: 320, description: "The guardian's e-mail for notices (the kind of notice only, DESIGN 12.8.11)" }) @IsOptional() @IsEmail() @MaxLength(320) email?: string;
}

export class GuardianView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() relation!: string;
  @ApiProperty() parentalResponsibility!: boolean;
  @ApiProperty({ nullable: true, type: String }) contact!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'For notices (the kind of notice only)' }) email!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The registered national id (identified view only); null until registered' }) nationalId!: string | null;
  @ApiProperty({ enum: ['stated_by_staff', 'document_seen', 'registry'], nullable: true }) basis!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) verifiedBy!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) verifiedAt!: Date | null;
  @ApiProperty({ description: 'Whether this guardian can log in to the family portal (a national id is registered)' }) linked!: boolean;
}

export class GuardianListResponse {
  @ApiProperty({ type: [GuardianView] }) items!: GuardianView[];
}
