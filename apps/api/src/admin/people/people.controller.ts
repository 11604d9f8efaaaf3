import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '../../auth/principal.js';
import { KnownId } from '../admin-access.js';
import { CreateUserDto, ListUsersQuery, RemoveRoleDto, ResponsibilitiesView, RoleAssignmentDto, UpdateUserDto, UserView } from './people.dto.js';
import { PeopleAdmin } from './people.service.js';

@ApiTags('admin')
@ApiBearerAuth()
@Requires('admin.users')
@Controller('admin/users')
export class PeopleAdminController {
  constructor(private readonly people: PeopleAdmin) {}

  @Get()
  @ApiOkResponse({ type: [UserView], description: 'At most 500, by name' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListUsersQuery): Promise<UserView[]> {
    return this.people.list(principal, query);
  }

  @Post()
  @ApiCreatedResponse({ type: UserView })
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateUserDto): Promise<UserView> {
    return this.people.create(principal, dto);
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserView })
  update(@CurrentPrincipal() principal: Principal, @Param('id', KnownId) id: string, @Body() dto: UpdateUserDto): Promise<UserView> {
    return this.people.update(principal, id, dto);
  }

  @Post(':id/roles')
  @ApiCreatedResponse({ type: UserView })
  grantRole(@CurrentPrincipal() principal: Principal, @Param('id', KnownId) id: string, @Body() dto: RoleAssignmentDto): Promise<UserView> {
    return this.people.grantRole(principal, id, dto);
  }

  @Delete(':id/roles')
  @HttpCode(204)
  @ApiNoContentResponse()
  revokeRole(@CurrentPrincipal() principal: Principal, @Param('id', KnownId) id: string, @Body() dto: RemoveRoleDto): Promise<void> {
    return this.people.revokeRole(principal, id, dto);
  }

  @Get(':id/responsibilities')
  @ApiOkResponse({ type: ResponsibilitiesView })
  responsibilities(@CurrentPrincipal() principal: Principal, @Param('id', KnownId) id: string): Promise<ResponsibilitiesView> {
    return this.people.responsibilities(principal, id);
  }
}
