import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '../../auth/principal.js';
import { KnownId } from '../admin-access.js';
import { ClusterView, CreateClusterDto, CreateUnitDto, ListOrganisationQuery, UnitView, UpdateClusterDto, UpdateUnitDto } from './organisation.dto.js';
import { OrganisationAdmin } from './organisation.service.js';

@ApiTags('admin')
@ApiBearerAuth()
@Requires('admin.units')
@Controller('admin')
export class OrganisationAdminController {
  constructor(private readonly organisation: OrganisationAdmin) {}

  @Get('units')
  @ApiOkResponse({ type: [UnitView] })
  listUnits(@CurrentPrincipal() principal: Principal, @Query() query: ListOrganisationQuery): Promise<UnitView[]> {
    return this.organisation.listUnits(principal, query.active);
  }

  @Post('units')
  @ApiCreatedResponse({ type: UnitView })
  createUnit(@CurrentPrincipal() principal: Principal, @Body() dto: CreateUnitDto): Promise<UnitView> {
    return this.organisation.createUnit(principal, dto);
  }

  @Patch('units/:id')
  @ApiOkResponse({ type: UnitView })
  updateUnit(@CurrentPrincipal() principal: Principal, @Param('id', KnownId) id: string, @Body() dto: UpdateUnitDto): Promise<UnitView> {
    return this.organisation.updateUnit(principal, id, dto);
  }

  @Get('clusters')
  @ApiOkResponse({ type: [ClusterView] })
  listClusters(@CurrentPrincipal() principal: Principal, @Query() query: ListOrganisationQuery): Promise<ClusterView[]> {
    return this.organisation.listClusters(principal, query.active);
  }

  @Post('clusters')
  @ApiCreatedResponse({ type: ClusterView })
  createCluster(@CurrentPrincipal() principal: Principal, @Body() dto: CreateClusterDto): Promise<ClusterView> {
    return this.organisation.createCluster(principal, dto);
  }

  @Patch('clusters/:id')
  @ApiOkResponse({ type: ClusterView })
  updateCluster(@CurrentPrincipal() principal: Principal, @Param('id', KnownId) id: string, @Body() dto: UpdateClusterDto): Promise<ClusterView> {
    return this.organisation.updateCluster(principal, id, dto);
  }
}
