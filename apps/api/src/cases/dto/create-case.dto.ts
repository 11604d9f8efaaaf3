import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PostalAddressDto } from '../../child-welfare-reports/dto/report-facts.dto.js';
import { IsCatalogCode, IsNationalId, IsPastDate } from '../../common/validators.js';

export const NAME_MAX = 100;
export const TEXT_MAX = 10_000;

export class GuardianDto {
  @ApiProperty({ maxLength: NAME_MAX }) @IsString() @IsNotEmpty() @MaxLength(NAME_MAX) name!: string;
  @ApiProperty({ example: 'mor', maxLength: 40 }) @IsString() @IsNotEmpty() @MaxLength(40) relation!: string;
  @ApiProperty({ description: 'Har foreldreansvar' }) @IsBoolean() parentalResponsibility!: boolean;
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) contact?: string;
}

export class ChildDto {
  @ApiProperty({ maxLength: NAME_MAX }) @IsString() @IsNotEmpty() @MaxLength(NAME_MAX) firstName!: string;
  @ApiProperty({ maxLength: NAME_MAX }) @IsString() @IsNotEmpty() @MaxLength(NAME_MAX) lastName!: string;
  @ApiProperty({ example: '2019-05-04', format: 'date' }) @IsPastDate() birthDate!: string;
  @ApiPropertyOptional({ description: 'Fødselsnummer or D-nummer (11 digits)' }) @IsOptional() @IsNationalId() nationalId?: string;
  @ApiPropertyOptional({ type: [GuardianDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => GuardianDto)
  guardians?: GuardianDto[];
  @ApiPropertyOptional({ type: PostalAddressDto, description: 'Where the child lives; a report to child welfare needs it (asked for then if missing)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PostalAddressDto)
  address?: PostalAddressDto;
}

export class ConcernDto {
  @ApiProperty({ maxLength: TEXT_MAX, description: 'What was observed' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  description!: string;
  @ApiProperty({ type: [String], description: 'Codes from /catalog/concern-categories' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsCatalogCode('concernCategories', { each: true })
  categories!: string[];
  @ApiProperty({ type: [String], description: 'Codes from /catalog/risk-factors' })
  @IsArray()
  @ArrayMaxSize(30)
  @IsCatalogCode('riskFactors', { each: true })
  riskFactors!: string[];
  @ApiProperty({ type: [String], description: 'Codes from /catalog/protective-factors' })
  @IsArray()
  @ArrayMaxSize(30)
  @IsCatalogCode('protectiveFactors', { each: true })
  protectiveFactors!: string[];
  @ApiPropertyOptional({ maxLength: TEXT_MAX, description: "The child's own voice" })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  childVoice?: string;
  @ApiProperty({ description: 'Violence or sexual abuse is suspected' }) @IsBoolean() suspectedViolenceOrAbuse!: boolean;
}

export class CreateCaseDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') unitId!: string;
  @ApiProperty({ type: ChildDto }) @IsDefined() @ValidateNested() @Type(() => ChildDto) child!: ChildDto;
  @ApiProperty({ type: ConcernDto }) @IsDefined() @ValidateNested() @Type(() => ConcernDto) concern!: ConcernDto;
}
