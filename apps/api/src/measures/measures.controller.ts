import { Body, Controller, Get, Headers, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CasePrecondition, ETAG_RESPONSE_HEADER, IF_MATCH_HEADER } from '../case-core/if-match.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { CreateMeasureDto, EvaluateMeasureDto, ListMeasuresQuery, MeasureListResponse, MeasureView } from './measures.dto.js';
import { MeasuresService } from './measures.service.js';

@ApiTags('measures')
@ApiBearerAuth()
@Controller('cases/:id/measures')
export class MeasuresController {
  constructor(private readonly measures: MeasuresService) {}

  @Post()
  @ApiOperation({
    summary: 'Add a measure (tiltak) from the catalog or as free text',
    description:
      'The case coordinator (assignee) or the unit leader, while the case is acting or evaluating. Schedules the evaluation reminders: the responsible person on the evaluation date (08:00, moved to a working day), the unit leader when it is REMINDER_EVALUATION_OVERDUE late. Log entry `measure_added`.',
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiCreatedResponse({ type: MeasureView, headers: ETAG_RESPONSE_HEADER })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: CreateMeasureDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MeasureView> {
    const precondition = new CasePrecondition(ifMatch);
    const created = await this.measures.create(principal, id, body, precondition);
    res.setHeader('ETag', precondition.nextEtag);
    return created;
  }

  @Get()
  @ApiOperation({ summary: "The case's measures with their evaluations, oldest first (anyone who sees the case)" })
  @ApiOkResponse({ type: MeasureListResponse })
  list(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Query() query: ListMeasuresQuery): Promise<MeasureListResponse> {
    return this.measures.list(principal, id, query);
  }

  @Post(':measureId/evaluations')
  @ApiOperation({
    summary: 'Evaluate a measure: continue / adjust (with the next evaluation date) or stop',
    description: 'The responsible person, the case coordinator or the unit leader. Cancels the pending evaluation reminders and schedules the next ones. Log entry `measure_evaluated`.',
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiCreatedResponse({ type: MeasureView, headers: ETAG_RESPONSE_HEADER })
  async evaluate(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Param('measureId') measureId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: EvaluateMeasureDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MeasureView> {
    const precondition = new CasePrecondition(ifMatch);
    const evaluated = await this.measures.evaluate(principal, id, measureId, body, precondition);
    res.setHeader('ETag', precondition.nextEtag);
    return evaluated;
  }
}
