import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CasePrecondition, ETAG_RESPONSE_HEADER, IF_MATCH_HEADER } from '../case-core/if-match.js';
import { CurrentPrincipal, type Principal, Requires } from '../auth/principal.js';
import {
  AcceptReferralDto,
  AcknowledgeOrderDto,
  CompetenceOrderListResponse,
  CompetenceOrderView,
  CreateOrderDto,
  EndReferralDto,
  IksQueueResponse,
  IksReferralView,
  ListOrdersQuery,
  ListReferralsQuery,
  ReturnReferralDto,
  SetPriorityDto,
} from './dto/iks.dto.js';
import { IksDecisions } from './iks-decisions.js';
import { IksOrders } from './iks-orders.js';
import { IksQueue } from './iks-queue.js';

const QUEUE_DOC = `The IKS queue: the IKS coordinator sees every referral of the municipality, an iks_member the referrals whose core group names them; others 403.
Without \`status\`: the open ones (referred, accepted).

Order: the coordinator's manual priority wins (1 akutt, 2 høy, 3 normal, 4 lav; none ranks as 3), then the score (0–100, highest first), then the oldest referral.
Score: suspected violence or sexual abuse +40; +5 per risk factor in the concern (at most 30); +5 per level tried before the referral (0 when decided straight to IKS; at most 10); +1 per day waiting (at most 20).
A referral whose case the caller can no longer see (e.g. returned) has \`score: null\` and ranks last in its tier.

\`capacity\`: accepted referrals this calendar year against the profile's \`iksCasesPerYear\` (below the range: available; within: limited; at its top: full), with the active cases and the referrals waiting.`;

@ApiTags('iks')
@ApiBearerAuth()
@Controller()
export class IksController {
  constructor(
    private readonly referrals: IksQueue,
    private readonly decisions: IksDecisions,
    private readonly competence: IksOrders,
  ) {}

  @Get('iks/referrals')
  @Requires('iks.queue')
  @ApiOperation({ summary: 'IKS queue, highest priority first', description: QUEUE_DOC })
  @ApiOkResponse({ type: IksQueueResponse })
  queue(@CurrentPrincipal() principal: Principal, @Query() query: ListReferralsQuery): Promise<IksQueueResponse> {
    return this.referrals.queue(principal, query);
  }

  @Get('iks/referrals/:id')
  @ApiOperation({ summary: 'One referral with its competence orders (IKS coordinator, its core-group members, the unit leader of the case’s unit)' })
  @ApiOkResponse({ type: IksReferralView })
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<IksReferralView> {
    return this.referrals.get(principal, id);
  }

  @Get('cases/:id/iks-referrals')
  @ApiOperation({ summary: "The case's IKS referrals, newest first (anyone who sees the case; the unit leader follows the status here)" })
  @ApiOkResponse({ type: [IksReferralView] })
  forCase(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<IksReferralView[]> {
    return this.referrals.forCase(principal, id);
  }

  @Post('iks/referrals/:id/priority')
  @HttpCode(200)
  @ApiOperation({ summary: 'IKS coordinator: set or clear the manual priority of an open referral' })
  @ApiOkResponse({ type: IksReferralView })
  setPriority(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: SetPriorityDto): Promise<IksReferralView> {
    return this.decisions.setPriority(principal, id, body);
  }

  @Post('iks/referrals/:id/acceptance')
  @HttpCode(200)
  @ApiOperation({ summary: 'IKS coordinator: accept a referral with priority, core group, entry plan and exit criteria' })
  @ApiHeader({ ...IF_MATCH_HEADER, description: `The version of the referral's case (its ETag from GET /cases/{id}). ${IF_MATCH_HEADER.description}` })
  @ApiOkResponse({ type: IksReferralView, headers: ETAG_RESPONSE_HEADER })
  async accept(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: AcceptReferralDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<IksReferralView> {
    const precondition = new CasePrecondition(ifMatch);
    const decided = await this.decisions.accept(principal, id, body, precondition);
    res.setHeader('ETag', precondition.nextEtag);
    return decided;
  }

  @Post('iks/referrals/:id/return')
  @HttpCode(200)
  @ApiOperation({ summary: 'IKS coordinator: return a referral; the case goes back to deciding and the unit leader is notified' })
  @ApiHeader({ ...IF_MATCH_HEADER, description: `The version of the referral's case (its ETag from GET /cases/{id}). ${IF_MATCH_HEADER.description}` })
  @ApiOkResponse({ type: IksReferralView, headers: ETAG_RESPONSE_HEADER })
  async returnReferral(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: ReturnReferralDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<IksReferralView> {
    const precondition = new CasePrecondition(ifMatch);
    const decided = await this.decisions.returnReferral(principal, id, body, precondition);
    res.setHeader('ETag', precondition.nextEtag);
    return decided;
  }

  @Post('iks/referrals/:id/end')
  @HttpCode(200)
  @ApiOperation({ summary: 'IKS coordinator: end the IKS involvement once the recorded exit criteria are met' })
  @ApiHeader({ ...IF_MATCH_HEADER, description: `The version of the referral's case (its ETag from GET /cases/{id}). ${IF_MATCH_HEADER.description}` })
  @ApiOkResponse({ type: IksReferralView, headers: ETAG_RESPONSE_HEADER })
  async end(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: EndReferralDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<IksReferralView> {
    const precondition = new CasePrecondition(ifMatch);
    const decided = await this.decisions.end(principal, id, body, precondition);
    res.setHeader('ETag', precondition.nextEtag);
    return decided;
  }

  @Post('iks/referrals/:id/orders')
  @ApiOperation({ summary: "IKS coordinator: order a service's competence from a unit leader (accepted referrals)" })
  @ApiCreatedResponse({ type: CompetenceOrderView })
  order(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: CreateOrderDto): Promise<CompetenceOrderView> {
    return this.competence.order(principal, id, body);
  }

  @Get('iks/orders')
  @Requires('iks.orders.read')
  @ApiOperation({ summary: 'Competence orders: all for the IKS coordinator, the ones addressed to them for a unit leader' })
  @ApiOkResponse({ type: CompetenceOrderListResponse })
  orders(@CurrentPrincipal() principal: Principal, @Query() query: ListOrdersQuery): Promise<CompetenceOrderListResponse> {
    return this.competence.orders(principal, query);
  }

  @Post('iks/orders/:orderId/acknowledgement')
  @HttpCode(200)
  @ApiOperation({ summary: 'The addressed unit leader acknowledges a competence order (others: 404)' })
  @ApiOkResponse({ type: CompetenceOrderView })
  acknowledge(@CurrentPrincipal() principal: Principal, @Param('orderId') orderId: string, @Body() body: AcknowledgeOrderDto): Promise<CompetenceOrderView> {
    return this.competence.acknowledge(principal, orderId, body);
  }
}
