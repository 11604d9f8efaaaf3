import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { CasePrecondition, ETAG_RESPONSE_HEADER, IF_MATCH_HEADER } from '../case-core/if-match.js';
import { CreateCorrectionDto, CreateLogEntryDto, LogEntryView } from './case-log.dto.js';
import { CaseLogService } from './case-log.service.js';

const WHO = 'Anyone working on the case with an identified view (reporter, coordinator, unit leader, the arena under consent); others 403, a hidden case 404.';

@ApiTags('case log')
@ApiBearerAuth()
@Controller('cases/:id/log')
export class CaseLogController {
  constructor(private readonly log: CaseLogService) {}

  @Post()
  @ApiOperation({
    summary: 'Write a note, a conversation with the child or the guardians, or the minutes of a meeting',
    description: `${WHO} Not on a closed case (422). Participants and tasks are kept with the entry and shown in its text; each task schedules a \`task_due\` reminder to its responsible, who must be able to open the case identified (else 400 naming \`tasks[i].responsibleId\`). The entry is never changed afterwards: see corrections.`,
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiCreatedResponse({ type: LogEntryView, headers: ETAG_RESPONSE_HEADER })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: CreateLogEntryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LogEntryView> {
    const precondition = new CasePrecondition(ifMatch);
    const created = await this.log.create(principal, id, body, precondition);
    res.status(201).setHeader('ETag', precondition.nextEtag).setHeader('Location', `/api/v1/cases/${id}/log/${created.id}`);
    return created;
  }

  @Get(':entryId')
  @ApiOperation({ summary: 'One log entry with its participants, tasks and corrections (anonymised viewers: type and dates only)' })
  @ApiOkResponse({ type: LogEntryView })
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Param('entryId') entryId: string): Promise<LogEntryView> {
    return this.log.get(principal, id, entryId);
  }

  @Post(':entryId/declassification')
  @HttpCode(200)
  @ApiOperation({
    summary: "Clear an entry's `confidential`: the family then sees it (action `log.declassify`, the unit leader)",
    description: 'Others 403; an entry that is not confidential (or cleared already) 422 `NOT_CONFIDENTIAL`. The entry\'s text is unchanged; a `confidential_cleared` log line and an audit row record who cleared it.',
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: LogEntryView, headers: ETAG_RESPONSE_HEADER })
  async declassify(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Param('entryId') entryId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LogEntryView> {
    const precondition = new CasePrecondition(ifMatch);
    const entry = await this.log.declassify(principal, id, entryId, precondition);
    res.setHeader('ETag', precondition.nextEtag);
    return entry;
  }

  @Post(':entryId/corrections')
  @ApiOperation({
    summary: 'Correct a log entry: a new entry of type `correction` pointing at the original, which never changes',
    description: `${WHO} Any entry of the case may be corrected, also on a closed case.`,
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiCreatedResponse({ type: LogEntryView, headers: ETAG_RESPONSE_HEADER })
  async correct(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Param('entryId') entryId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: CreateCorrectionDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LogEntryView> {
    const precondition = new CasePrecondition(ifMatch);
    const created = await this.log.correct(principal, id, entryId, body, precondition);
    res.status(201).setHeader('ETag', precondition.nextEtag).setHeader('Location', `/api/v1/cases/${id}/log/${created.id}`);
    return created;
  }
}
