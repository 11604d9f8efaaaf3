import { Body, Controller, Get, Headers, Param, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { CasePrecondition, ETAG_RESPONSE_HEADER, IF_MATCH_HEADER } from '../case-core/if-match.js';
import { CreateGuardianDto, GuardianListResponse, GuardianView, UpdateGuardianDto } from './guardians.dto.js';
import { GuardiansService } from './guardians.service.js';

/** The case's guardians (action `guardians.manage`; identified view). */
@ApiTags('guardians')
@ApiBearerAuth()
@Controller('cases/:id/guardians')
export class GuardiansController {
  constructor(private readonly guardians: GuardiansService) {}

  @Get()
  @ApiOkResponse({ type: GuardianListResponse })
  list(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<GuardianListResponse> {
    return this.guardians.list(principal, id);
  }

  @Post()
  @ApiHeader(IF_MATCH_HEADER)
  @ApiCreatedResponse({ type: GuardianView, headers: ETAG_RESPONSE_HEADER })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: CreateGuardianDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<GuardianView> {
    const precondition = new CasePrecondition(ifMatch);
    const created = await this.guardians.create(principal, id, body, precondition);
    res.setHeader('ETag', precondition.nextEtag);
    return created;
  }

  @Put(':guardianId')
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: GuardianView, headers: ETAG_RESPONSE_HEADER })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Param('guardianId') guardianId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateGuardianDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<GuardianView> {
    const precondition = new CasePrecondition(ifMatch);
    const updated = await this.guardians.update(principal, id, guardianId, body, precondition);
    res.setHeader('ETag', precondition.nextEtag);
    return updated;
  }
}
