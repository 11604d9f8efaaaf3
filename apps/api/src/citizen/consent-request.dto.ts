import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../common/validators.js';

export class CreateConsentRequestDto {
  @ApiProperty({ type: [String], description: 'Service codes (services.json)' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @IsString({ each: true }) services!: string[];
  @ApiProperty({ maxLength: 2000 }) @IsString() @IsNotEmpty() @MaxLength(2000) purpose!: string;
  @ApiProperty({ format: 'date', description: 'Last day the consent holds (inclusive)' }) @IsCalendarDate() validUntil!: string;
}

export class ConsentRequestView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ type: [String] }) services!: string[];
  @ApiProperty() purpose!: string;
  @ApiProperty({ format: 'date-time' }) validUntil!: Date;
  @ApiProperty({ enum: ['waiting', 'in_effect', 'refused'] }) status!: string;
  @ApiProperty({ enum: ['all_with_responsibility', 'one'] }) requires!: string;
  @ApiProperty({ description: 'From selfConsentAge the youth answers, not the guardians' }) askYouth!: boolean;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) consentId!: string | null;
}
