import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CasePrecondition, ETAG_RESPONSE_HEADER, IF_MATCH_HEADER, etag, requireIfMatch } from '../case-core/if-match.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { ConsentListResponse, ConsentView, ConsentWithdrawalResponse, RecordConsentDto, WithdrawConsentDto } from './consent.dto.js';
import { ConsentsService } from './consents.service.js';

@ApiTags('consents')
@ApiBearerAuth()
@Controller('cases/:id/consents')
export class ConsentsController {
  constructor(private readonly consents: ConsentsService) {}

  @Get()
  @ApiOkResponse({ type: ConsentListResponse })
  list(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<ConsentListResponse> {
    return this.consents.list(principal, id);
  }

  @Post()
  @ApiHeader(IF_MATCH_HEADER)
  @ApiCreatedResponse({ type: ConsentView, headers: ETAG_RESPONSE_HEADER })
  async record(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: RecordConsentDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ConsentView> {
    const precondition = new CasePrecondition(ifMatch);
    const recorded = await this.consents.record(principal, id, body, precondition);
    res.setHeader('ETag', precondition.nextEtag);
    return recorded;
  }

  /**
   * Takes effect in this request: the route falls back and outside access ends at once. If-Match
   * is honoured when sent but not required: a guardian's withdrawal must never wait for a client
   * to refresh its copy of the case. The one documented exception to If-Match on case writes.
   */
  @Post(':consentId/withdrawal')
  @HttpCode(200)
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: "The case version; checked when sent (412 when stale). The one case write where it is optional: a guardian's withdrawal acts at once.",
  })
  @ApiOkResponse({ type: ConsentWithdrawalResponse, headers: { ETag: { description: 'The case version after the withdrawal' } } })
  async withdraw(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Param('consentId') consentId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: WithdrawConsentDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ConsentWithdrawalResponse> {
    const expected = () => (ifMatch === undefined ? undefined : requireIfMatch(ifMatch));
    const result = await this.consents.withdraw(principal, id, consentId, body, expected);
    res.setHeader('ETag', etag(result.case.version));
    return result;
  }
}
