import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ScimGroup } from '@app/persistence';
import { CurrentPrincipal, Requires, type Principal } from '../../auth/principal.js';
import { AuditTrail } from '../../audit/audit-trail.service.js';
import { RowSecurity } from '../../database/row-security.js';
import { RoleAssignmentDto } from '../people/people.dto.js';
import { PeopleAdmin } from '../people/people.service.js';
import { grantGroupRole, revokeGroupRole } from './group-roles.js';

export class ScimGroupMappingDto extends RoleAssignmentDto {
  @ApiProperty({ example: 'BTI Solsiden ansatte', description: "The group's displayName at the identity provider" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  displayName!: string;
}

export class ScimGroupView {
  @ApiProperty() id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ nullable: true, type: String }) role!: string | null;
  @ApiProperty({ nullable: true, type: String }) scopeType!: string | null;
  @ApiProperty({ nullable: true, type: String }) scopeId!: string | null;
  @ApiProperty() members!: number;
}

/** The table the admin keeps: which identity-provider group gives which role and scope (DESIGN 12.7). */
@ApiTags('admin')
@ApiBearerAuth()
@Requires('admin.users')
@Controller('admin/scim-groups')
export class ScimGroupsController {
  constructor(
    private readonly rowSecurity: RowSecurity,
    private readonly audit: AuditTrail,
    private readonly people: PeopleAdmin,
  ) {}

  @Get()
  @ApiOkResponse({ type: [ScimGroupView] })
  list(@CurrentPrincipal() principal: Principal): Promise<ScimGroupView[]> {
    return this.rowSecurity.transaction(principal, (em) =>
      em.query(
        `SELECT g.id, g."displayName", g.role, g."scopeType", g."scopeId", count(m."userId")::int AS members
         FROM scim_group g LEFT JOIN scim_group_member m ON m."groupId" = g.id WHERE g."municipalityId" = $1 GROUP BY g.id ORDER BY g."displayName"`,
        [principal.municipalityId],
      ),
    );
  }

  /** Maps a group by name (made now if the identity provider has not sent it yet); its members' roles follow. */
  @Put()
  @ApiOkResponse({ type: ScimGroupView })
  map(@CurrentPrincipal() principal: Principal, @Body() dto: ScimGroupMappingDto): Promise<ScimGroupView> {
    return this.rowSecurity.transaction(principal, async (em) => {
      await this.people.checkScope(em, principal, dto.role, dto.scopeType, dto.scopeId);
      let group = await em.findOne(ScimGroup, { where: { municipalityId: principal.municipalityId, displayName: dto.displayName }, lock: { mode: 'pessimistic_write' } });
      group ??= await em.save(ScimGroup, em.create(ScimGroup, { municipalityId: principal.municipalityId, displayName: dto.displayName, externalId: null, role: null, scopeType: null, scopeId: null }));
      const members: string[] = (await em.query(`SELECT "userId"::text AS id FROM scim_group_member WHERE "groupId" = $1`, [group.id])).map((r: { id: string }) => r.id);
      const before = { role: group.role, scopeType: group.scopeType, scopeId: group.scopeId };
      await revokeGroupRole(em, group, members);
      const mapped: ScimGroup = { ...group, role: dto.role, scopeType: dto.scopeType, scopeId: dto.scopeId };
      await em.update(ScimGroup, { id: group.id }, { role: dto.role, scopeType: dto.scopeType, scopeId: dto.scopeId });
      await grantGroupRole(em, mapped, members);
      await this.audit.recordChange(em, principal, 'admin.scim-group.map', { target: { type: 'scim-group', id: group.id }, before, after: { role: dto.role, scopeType: dto.scopeType, scopeId: dto.scopeId } });
      return { id: group.id, displayName: group.displayName, role: dto.role, scopeType: dto.scopeType, scopeId: dto.scopeId, members: members.length };
    });
  }
}
