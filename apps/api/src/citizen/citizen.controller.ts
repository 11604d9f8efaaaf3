import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiCookieAuth, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public, Requires } from '../auth/principal.js';
import { CitizenGuard } from './citizen.guard.js';
import { CurrentCitizen, type CitizenPrincipal } from '../auth/citizen-principal.js';
import { CitizenCasesService, recordYouthSharing } from './citizen-cases.service.js';
import { RowSecurity } from '../database/row-security.js';
import { ConsentRequestsService } from './consent-requests.service.js';
import {
  CitizenAccessLogResponse,
  CitizenCaseResponse,
  CitizenChildrenResponse,
  CitizenConsentRequest,
  CitizenConsentRequestList,
  CitizenLogItem,
  CitizenLogResponse,
  CitizenStatementDto,
  CitizenWithdrawalDto,
  CitizenWithdrawalView,
  ConsentAnswerDto,
  YouthSharingDto,
  YouthSharingView,
} from './citizen.dto.js';

/**
 * The family's endpoints (DESIGN 12.4 Contract): a citizen token (Bearer or the session cookie),
 * never a staff one — `@Public` skips the staff guard, CitizenGuard checks the citizen's token and
 * the citizen action each route declares with `@Requires` (`citizen.read|consent|statement`).
 */
@ApiTags('citizen')
@ApiBearerAuth()
@ApiCookieAuth('bti_citizen')
@Public('a citizen token, not a staff one: CitizenGuard checks it and the declared citizen action')
@UseGuards(CitizenGuard)
@Controller('citizen')
export class CitizenController {
  constructor(
    private readonly cases: CitizenCasesService,
    private readonly consents: ConsentRequestsService,
    private readonly rowSecurity: RowSecurity,
  ) {}

  @Get('children')
  @Requires('citizen.read')
  @ApiOkResponse({ type: CitizenChildrenResponse })
  children(@CurrentCitizen() citizen: CitizenPrincipal): Promise<CitizenChildrenResponse> {
    return this.cases.children(citizen);
  }

  @Get('cases/:caseId')
  @Requires('citizen.read')
  @ApiOkResponse({ type: CitizenCaseResponse })
  case(@CurrentCitizen() citizen: CitizenPrincipal, @Param('caseId') caseId: string): Promise<CitizenCaseResponse> {
    return this.cases.case(citizen, caseId);
  }

  @Get('cases/:caseId/log')
  @Requires('citizen.read')
  @ApiOkResponse({ type: CitizenLogResponse })
  log(@CurrentCitizen() citizen: CitizenPrincipal, @Param('caseId') caseId: string): Promise<CitizenLogResponse> {
    return this.cases.log(citizen, caseId);
  }

  @Get('cases/:caseId/access-log')
  @Requires('citizen.read')
  @ApiOkResponse({ type: CitizenAccessLogResponse })
  accessLog(@CurrentCitizen() citizen: CitizenPrincipal, @Param('caseId') caseId: string): Promise<CitizenAccessLogResponse> {
    return this.cases.accessLog(citizen, caseId);
  }

  @Post('cases/:caseId/statements')
  @Requires('citizen.statement')
  @ApiCreatedResponse({ type: CitizenLogItem })
  statement(@CurrentCitizen() citizen: CitizenPrincipal, @Param('caseId') caseId: string, @Body() body: CitizenStatementDto): Promise<CitizenLogItem> {
    return this.cases.addStatement(citizen, caseId, body.text);
  }

  /** The youth (from selfConsentAge) decides what the guardians see; not in the contract's list, added beside it. */
  @Post('cases/:caseId/sharing')
  @Requires('citizen.consent')
  @HttpCode(200)
  @ApiOkResponse({ type: YouthSharingView })
  sharing(@CurrentCitizen() citizen: CitizenPrincipal, @Param('caseId') caseId: string, @Body() body: YouthSharingDto): Promise<YouthSharingView> {
    return recordYouthSharing(this.rowSecurity, citizen, caseId, body.shareWithGuardians);
  }

  @Get('consent-requests')
  @Requires('citizen.read')
  @ApiOkResponse({ type: CitizenConsentRequestList })
  consentRequests(@CurrentCitizen() citizen: CitizenPrincipal): Promise<CitizenConsentRequestList> {
    return this.consents.listForCitizen(citizen);
  }

  @Post('consent-requests/:id/answer')
  @Requires('citizen.consent')
  @HttpCode(200)
  @ApiOkResponse({ type: CitizenConsentRequest })
  answer(@CurrentCitizen() citizen: CitizenPrincipal, @Param('id') id: string, @Body() body: ConsentAnswerDto): Promise<CitizenConsentRequest> {
    return this.consents.answer(citizen, id, body.answer);
  }

  @Post('consents/:consentId/withdrawal')
  @Requires('citizen.consent')
  @HttpCode(200)
  @ApiOkResponse({ type: CitizenWithdrawalView })
  withdraw(@CurrentCitizen() citizen: CitizenPrincipal, @Param('consentId') consentId: string, @Body() body: CitizenWithdrawalDto): Promise<CitizenWithdrawalView> {
    return this.consents.withdraw(citizen, consentId, body.reason);
  }
}
