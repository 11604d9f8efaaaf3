import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { ROLES, SERVICE_CODES } from '@app/domain';

export const SCOPE_TYPES = ['unit', 'cluster', 'municipality'] as const;
const USERNAME = /^[a-z0-9][a-z0-9._@-]*$/;

export class CreateUserDto {
  @ApiProperty({ example: 'lise.larsen', maxLength: 100 })
  @IsString()
  @Matches(USERNAME, { message: 'må være små bokstaver, tall, punktum, @, _ og bindestrek' })
  @MaxLength(100)
  username!: string;
  @ApiProperty({ example: 'Lise Larsen', maxLength: 200 }) @IsString() @IsNotEmpty() @MaxLength(200) displayName!: string;
  @ApiPropertyOptional({ example: 'lise.larsen@kommune.no', maxLength: 320 }) @IsOptional() @IsEmail({}, { message: 'må være en e-postadresse' }) @MaxLength(320) email?: string;
  @ApiPropertyOptional({ description: "The identity provider's subject (OIDC_SUBJECT_CLAIM; Entra ID: oid)", maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  externalSubject?: string;
  @ApiPropertyOptional({ enum: SERVICE_CODES, description: 'The service a team, TFA or IKS member works in' }) @IsOptional() @IsIn(SERVICE_CODES) service?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) displayName?: string;
  @ApiPropertyOptional({ maxLength: 320, nullable: true, type: String }) @IsOptional() @IsEmail({}, { message: 'må være en e-postadresse' }) @MaxLength(320) email?: string | null;
  @ApiPropertyOptional({ maxLength: 200, nullable: true, type: String }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) externalSubject?: string | null;
  @ApiPropertyOptional({ enum: SERVICE_CODES, nullable: true, type: String }) @IsOptional() @IsIn(SERVICE_CODES) service?: string | null;
  @ApiPropertyOptional({ description: 'false deactivates: refused on the next request; their unit leaders are told what to hand over' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class RoleAssignmentDto {
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role!: string;
  @ApiProperty({ enum: SCOPE_TYPES }) @IsIn(SCOPE_TYPES) scopeType!: (typeof SCOPE_TYPES)[number];
  @ApiProperty({ format: 'uuid', description: 'The unit, cluster or municipality' }) @IsUUID('all') scopeId!: string;
  @ApiPropertyOptional({ enum: SERVICE_CODES, description: "Sets the user's service (team, TFA and IKS members)" }) @IsOptional() @IsIn(SERVICE_CODES) service?: string;
}

export class RemoveRoleDto {
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role!: string;
  @ApiProperty({ enum: SCOPE_TYPES }) @IsIn(SCOPE_TYPES) scopeType!: (typeof SCOPE_TYPES)[number];
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') scopeId!: string;
}

export class ListUsersQuery {
  @ApiPropertyOptional({ description: 'Part of the username, name or e-mail', maxLength: 100 }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Users with a role scoped to this unit' }) @IsOptional() @IsUUID('all') unitId?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}

export class RoleView {
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty({ enum: SCOPE_TYPES }) scopeType!: string;
  @ApiProperty() scopeId!: string;
}

export class UserView {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ nullable: true, type: String }) externalSubject!: string | null;
  @ApiProperty({ nullable: true, type: String }) service!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: [RoleView] }) roles!: RoleView[];
}

export class ResponsibilityView {
  @ApiProperty({ enum: ['case', 'task', 'measure'] }) kind!: string;
  @ApiProperty() id!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty() unitId!: string;
}

export class ResponsibilitiesView {
  @ApiProperty() userId!: string;
  @ApiProperty({ type: [ResponsibilityView], description: 'Open cases held as stafettholder, their tasks and active measures (ids only)' })
  items!: ResponsibilityView[];
}
