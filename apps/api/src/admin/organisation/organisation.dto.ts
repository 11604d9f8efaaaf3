import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { UNIT_KINDS } from '@app/persistence';
import { PostalAddressDto } from '../../child-welfare-reports/dto/report-facts.dto.js';

const CODE = /^[a-z0-9][a-z0-9-]*$/;
const CODE_MESSAGE = 'må være små bokstaver, tall og bindestrek';
const ORG_NUMBER = /^\d{9}$/;

export class CreateClusterDto {
  @ApiProperty({ example: 'nordbyen', maxLength: 60 }) @IsString() @Matches(CODE, { message: CODE_MESSAGE }) @MaxLength(60) code!: string;
  @ApiProperty({ example: 'Nordbyen', maxLength: 200 }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
}

export class UpdateClusterDto {
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @ApiPropertyOptional({ description: 'false deactivates (never deletes); refused while the cluster has active units' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class ClusterView {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() active!: boolean;
}

export class CreateUnitDto {
  @ApiProperty({ example: 'lia-bhg', maxLength: 60 }) @IsString() @Matches(CODE, { message: CODE_MESSAGE }) @MaxLength(60) code!: string;
  @ApiProperty({ example: 'Lia barnehage', maxLength: 200 }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiProperty({ enum: UNIT_KINDS }) @IsIn(UNIT_KINDS) kind!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') clusterId!: string;
  @ApiPropertyOptional({ type: PostalAddressDto }) @IsOptional() @ValidateNested() @Type(() => PostalAddressDto) address?: PostalAddressDto;
  @ApiPropertyOptional({ example: '974600951', description: 'Organisasjonsnummer, nine digits' })
  @IsOptional()
  @Matches(ORG_NUMBER, { message: 'må være ni siffer' })
  organisationNumber?: string;
}

export class UpdateUnitDto {
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @ApiPropertyOptional({ enum: UNIT_KINDS }) @IsOptional() @IsIn(UNIT_KINDS) kind?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') clusterId?: string;
  @ApiPropertyOptional({ type: PostalAddressDto, nullable: true }) @IsOptional() @ValidateNested() @Type(() => PostalAddressDto) address?: PostalAddressDto | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Matches(ORG_NUMBER, { message: 'må være ni siffer' }) organisationNumber?: string | null;
  @ApiPropertyOptional({ description: 'false deactivates the unit (never deleted: its cases keep it)' }) @IsOptional() @IsBoolean() active?: boolean;
}

export class ListOrganisationQuery {
  @ApiPropertyOptional({ description: 'Only active (true) or only deactivated (false); both when absent' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}

export class UnitView {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind!: string;
  @ApiProperty() clusterId!: string;
  @ApiProperty({ type: PostalAddressDto, nullable: true }) address!: PostalAddressDto | null;
  @ApiProperty({ nullable: true, type: String }) organisationNumber!: string | null;
  @ApiProperty() active!: boolean;
}
