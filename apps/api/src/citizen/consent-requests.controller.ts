import { Body, Controller, Headers, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { CasePrecondition, ETAG_RESPONSE_HEADER, IF_MATCH_HEADER } from '../case-core/if-match.js';
import { ConsentRequestView, CreateConsentRequestDto } from './consent-request.dto.js';
import { ConsentRequestsService } from './consent-requests.service.js';

/** The stafettholder asks the family for a digital consent (action `consent.request`). */
@ApiTags('consents')
@ApiBearerAuth()
@Controller('cases/:id/consent-requests')
export class ConsentRequestsController {
  constructor(private readonly requests: ConsentRequestsService) {}

  @Post()
  @ApiHeader(IF_MATCH_HEADER)
  @ApiCreatedResponse({ type: ConsentRequestView, headers: ETAG_RESPONSE_HEADER })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: CreateConsentRequestDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ConsentRequestView> {
    const precondition = new CasePrecondition(ifMatch);
    const created = await this.requests.create(principal, id, body, precondition);
    res.setHeader('ETag', precondition.nextEtag);
    return created;
  }
}
