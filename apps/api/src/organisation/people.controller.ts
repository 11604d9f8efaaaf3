import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, Requires, type Principal } from '../auth/principal.js';

/** The roles of people a case may name: stafettholder, handover, responsible, participant (DESIGN 8.2, 8.6). */
export const NAMEABLE_ROLES = ['staff', 'unit_leader', 'team_member', 'tfa_coordinator', 'iks_coordinator', 'iks_member'] as const;

export class PeopleQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'People with a role in this unit' }) @IsOptional() @IsUUID('all') unitId?: string;
  @ApiPropertyOptional({ description: 'People of this service (services.json code)' }) @IsOptional() @IsString() @MaxLength(40) service?: string;
  @ApiPropertyOptional({ enum: NAMEABLE_ROLES }) @IsOptional() @IsIn(NAMEABLE_ROLES) role?: string;
  @ApiPropertyOptional({ description: 'Start of a first or last name, any case (æøå included)' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ type: [String], description: 'Only these people (ids a case names), at most 50' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',') : value))
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  ids?: string[];
}

export class PersonRoleView {
  @ApiProperty({ enum: NAMEABLE_ROLES }) role!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The unit (or, for a team member, the cluster) the role is held in; null for a municipality role' })
  unitName!: string | null;
}

export class PersonView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [PersonRoleView] }) roles!: PersonRoleView[];
  @ApiProperty({ nullable: true, type: String }) service!: string | null;
}

export class PeopleResponse {
  @ApiProperty({ type: [PersonView] }) items!: PersonView[];
}

/** At most this many people per answer: the picker narrows with `q`. */
const LIMIT = 50;

@ApiTags('organisation')
@ApiBearerAuth()
@Controller('people')
export class PeopleController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Requires('people.read')
  @ApiOperation({
    summary: 'People of your municipality you may name in a case',
    description:
      'Staff and leaders of a unit, team members of a service and coordinators: the people a case may name as stafettholder, responsible or ' +
      'participant. Name, roles and service only. For callers who work on cases (not auditors, analysts or admins: 403). At most 50, by name.',
  })
  @ApiOkResponse({ type: PeopleResponse })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: PeopleQuery): Promise<PeopleResponse> {
    const params: unknown[] = [principal.municipalityId, NAMEABLE_ROLES];
    const where: string[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (query.unitId) where.push(`r."scopeType" = 'unit' AND r."scopeId" = ${param(query.unitId)}`);
    if (query.role) where.push(`r.role = ${param(query.role)}`);
    if (query.service) where.push(`u.service = ${param(query.service)}`);
    if (query.ids) where.push(`u.id = ANY(${param(query.ids)}::uuid[])`);
    const q = query.q?.trim().toLocaleLowerCase('nb');
    if (q) {
      // pg_c_utf8: Unicode case mapping whatever the database's locale (C lowercases ASCII only).
      const name = `lower(u."displayName" COLLATE pg_c_utf8)`;
      const prefix = param(`${q.replace(/[\\%_]/g, '\\$&')}%`);
      where.push(`(${name} LIKE ${prefix} OR ${name} LIKE '% ' || ${prefix})`);
    }
    const rows: { id: string; name: string; service: string | null; roles: { role: string; unitName: string | null }[] }[] = await this.dataSource.query(
      `SELECT u.id, u."displayName" AS name, u.service,
              json_agg(json_build_object('role', r.role, 'unitName', coalesce(un.name, cl.name)) ORDER BY r.role, un.name, cl.name) AS roles
         FROM app_user u
         JOIN role_assignment r ON r."userId" = u.id AND r.role = ANY($2)
         LEFT JOIN unit un ON r."scopeType" = 'unit' AND un.id = r."scopeId"
         LEFT JOIN cluster cl ON r."scopeType" = 'cluster' AND cl.id = r."scopeId"
        WHERE u."municipalityId" = $1
          AND u.id IN (SELECT u.id FROM app_user u JOIN role_assignment r ON r."userId" = u.id AND r.role = ANY($2)
                        WHERE u."municipalityId" = $1${where.length ? ` AND ${where.join(' AND ')}` : ''})
        GROUP BY u.id
        ORDER BY u."displayName", u.id
        LIMIT ${LIMIT}`,
      params,
    );
    return { items: rows.map(({ id, name, roles, service }) => ({ id, name, roles, service })) };
  }
}
