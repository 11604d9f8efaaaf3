import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
  @ApiCreatedResponse({ type: ConsentView })
  record(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: RecordConsentDto): Promise<ConsentView> {
    return this.consents.record(principal, id, body);
  }

  /** Takes effect in this request: the route falls back and outside access ends at once. */
  @Post(':consentId/withdrawal')
  @HttpCode(200)
  @ApiOkResponse({ type: ConsentWithdrawalResponse })
  withdraw(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Param('consentId') consentId: string,
    @Body() body: WithdrawConsentDto,
  ): Promise<ConsentWithdrawalResponse> {
    return this.consents.withdraw(principal, id, consentId, body);
  }
}
