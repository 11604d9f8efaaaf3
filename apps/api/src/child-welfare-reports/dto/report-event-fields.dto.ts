import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { EMAIL_PATTERN, PHONE_PATTERN } from '../report-document.js';
import { PostalAddressDto, ReportGuardianDto } from './report-facts.dto.js';

/**
 * Facts the KS Fiks document needs that a case may not hold, taken with `report_to_child_welfare`
 * (DESIGN 8.9). All optional here; the report names the ones it is missing (400). CaseEventDto
 * extends this class, so the fields are part of the event's body and the OpenAPI document.
 */
export class ChildWelfareReportFieldsDto {
  @ApiPropertyOptional({ description: 'report_to_child_welfare: your phone number (required by the report)', example: '+47 912 34 567', maxLength: 30 })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  @Matches(PHONE_PATTERN, { message: 'må være et telefonnummer (sifre, ev. + først og mellomrom eller bindestrek)' })
  reporterPhone?: string;

  @ApiPropertyOptional({ description: 'report_to_child_welfare: your e-mail address (default: the one registered on your user; the report requires one)', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(EMAIL_PATTERN, { message: 'må være en e-postadresse' })
  reporterEmail?: string;

  @ApiPropertyOptional({ description: 'report_to_child_welfare: your role, e.g. "Pedagogisk leder" (default: from your role in the unit)', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/^[^\r\n\u2028\u2029]*$/, { message: 'må stå på én linje' })
  reporterRole?: string;

  @ApiPropertyOptional({ type: PostalAddressDto, description: "report_to_child_welfare: the child's address, when the case has none (or it changed)" })
  @IsOptional()
  @ValidateNested()
  @Type(() => PostalAddressDto)
  childAddress?: PostalAddressDto;

  @ApiPropertyOptional({ description: 'report_to_child_welfare: whether the child has been told about the report (required by the report)' })
  @IsOptional()
  @IsBoolean()
  childInformed?: boolean;

  @ApiPropertyOptional({ description: 'report_to_child_welfare: why the child was not told', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reasonChildNotInformed?: string;

  @ApiPropertyOptional({ type: [ReportGuardianDto], description: 'report_to_child_welfare: the guardians to name, when the case has none recorded (replaces them in the report)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ReportGuardianDto)
  guardians?: ReportGuardianDto[];

  @ApiPropertyOptional({ type: PostalAddressDto, description: "report_to_child_welfare: the unit's postal address, when the unit has none registered" })
  @IsOptional()
  @ValidateNested()
  @Type(() => PostalAddressDto)
  unitAddress?: PostalAddressDto;
}
