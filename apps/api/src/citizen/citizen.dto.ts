import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class CitizenCaseRef {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ nullable: true, type: String, description: 'BTI-<year>-<n>' }) reference!: string | null;
  @ApiProperty() status!: string;
  @ApiProperty({ description: 'The status in plain words (bokmål)' }) statusText!: string;
}

export class CitizenChild {
  @ApiProperty({ format: 'uuid' }) childId!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty({ enum: ['guardian', 'youth'], description: 'How the caller is linked: as a guardian, or as the child themself' }) relation!: string;
  @ApiProperty({ type: [CitizenCaseRef] }) cases!: CitizenCaseRef[];
}

export class CitizenChildrenResponse {
  @ApiProperty({ type: [CitizenChild] }) items!: CitizenChild[];
}

export class CitizenPerson {
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) unitName!: string | null;
}

export class CitizenMeasure {
  @ApiProperty() title!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ format: 'date' }) startDate!: string;
  @ApiProperty({ format: 'date' }) evaluationDate!: string;
  @ApiProperty({ type: [String], description: 'Outcomes of its evaluations, oldest first' }) evaluations!: string[];
}

export class CitizenConsent {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: [String] }) services!: string[];
  @ApiProperty() decision!: string;
  @ApiProperty() form!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) validUntil!: Date | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) withdrawnAt!: Date | null;
}

export class CitizenDeadline {
  @ApiProperty({ example: 'consent_answer' }) kind!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: Date;
}

export class CitizenSharing {
  @ApiProperty({ format: 'date', description: "The youth's selfConsentAge birthday: guardians do not see what is written from this day unless the youth shares" })
  decidesFrom!: string;
  @ApiProperty({ description: 'The latest choice; false when none was made' }) shareWithGuardians!: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) decidedAt!: Date | null;
  @ApiProperty({ enum: ['youth', 'unit_leader'], nullable: true, type: String, description: 'The youth, or a unit leader overriding with a recorded reason' })
  decidedBy!: 'youth' | 'unit_leader' | null;
}

export class CitizenCaseResponse {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: ['guardian', 'youth'], description: 'How the caller is linked to the case' }) relation!: 'guardian' | 'youth';
  @ApiProperty({ type: CitizenSharing, nullable: true, description: "The youth's sharing choice (12.8.7); null for a guardian" }) sharing!: CitizenSharing | null;
  @ApiProperty({ nullable: true, type: String }) reference!: string | null;
  @ApiProperty() firstName!: string;
  @ApiProperty() status!: string;
  @ApiProperty() statusText!: string;
  @ApiProperty() level!: number;
  @ApiProperty({ nullable: true, type: String }) route!: string | null;
  @ApiProperty({ nullable: true, type: String }) routeText!: string | null;
  @ApiProperty({ description: 'The unit that has the case' }) unitName!: string;
  @ApiProperty({ type: CitizenPerson, nullable: true, description: 'Stafettholder' }) coordinator!: CitizenPerson | null;
  @ApiProperty({ type: [CitizenMeasure] }) measures!: CitizenMeasure[];
  @ApiProperty({ type: [CitizenConsent] }) consents!: CitizenConsent[];
  @ApiProperty({ type: [CitizenDeadline] }) deadlines!: CitizenDeadline[];
}

export class CitizenLogItem {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() type!: string;
  @ApiProperty({ format: 'date-time' }) at!: Date;
  @ApiProperty() text!: string;
  @ApiProperty({ description: 'Who wrote it: a name, «du», or «foresatt»/«ungdom» for another citizen' }) author!: string;
}

export class CitizenLogResponse {
  @ApiProperty({ type: [CitizenLogItem] }) items!: CitizenLogItem[];
}

export class CitizenAccessItem {
  @ApiProperty({ format: 'date-time' }) at!: Date;
  @ApiProperty({ description: '«du» for the caller\'s own reads' }) name!: string;
  @ApiProperty({ nullable: true, type: String }) role!: string | null;
  @ApiProperty({ nullable: true, type: String }) unitName!: string | null;
  @ApiProperty({ enum: ['read', 'change'] }) kind!: 'read' | 'change';
}

export class CitizenAccessLogResponse {
  @ApiProperty({ type: [CitizenAccessItem] }) items!: CitizenAccessItem[];
}

export class CitizenStatementDto {
  @ApiProperty({ maxLength: 4000 }) @IsString() @IsNotEmpty() @MaxLength(4000) text!: string;
}

export class ConsentAnswerDto {
  @ApiProperty({ enum: ['given', 'refused'] }) @IsIn(['given', 'refused']) answer!: 'given' | 'refused';
}

export class CitizenWithdrawalDto {
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}

export class CitizenWithdrawalView {
  @ApiProperty({ format: 'uuid' }) consentId!: string;
  @ApiProperty({ format: 'date-time' }) withdrawnAt!: Date;
}

export class CitizenConsentRequest {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ type: [String] }) services!: string[];
  @ApiProperty() purpose!: string;
  @ApiProperty({ format: 'date-time' }) validUntil!: Date;
  @ApiProperty({ enum: ['waiting', 'in_effect', 'refused'] }) status!: string;
  @ApiPropertyOptional({ format: 'uuid' }) consentId?: string;
  @ApiProperty({ enum: ['given', 'refused'], nullable: true, type: String, description: "The caller's own answer" }) myAnswer!: string | null;
}

export class CitizenConsentRequestList {
  @ApiProperty({ type: [CitizenConsentRequest] }) items!: CitizenConsentRequest[];
}

export class YouthSharingDto {
  @ApiProperty({ description: 'Whether the guardians may see what is written from your selfConsentAge' }) @IsBoolean() shareWithGuardians!: boolean;
}

export class YouthSharingView {
  @ApiProperty() shareWithGuardians!: boolean;
  @ApiProperty({ format: 'date-time' }) at!: Date;
}
