import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { Response } from 'express';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { ProblemException } from '../common/problem.js';
import { CaseListResponse, CaseResponse } from './case.presenter.js';
import { CasesService } from './cases.service.js';
import { AssignCaseDto } from './dto/assign.dto.js';
import { CaseEventDto } from './dto/case-event.dto.js';
import { CreateCaseDto } from './dto/create-case.dto.js';
import { ListCasesQuery } from './dto/list-cases.query.js';
import { etag, requireIfMatch } from '../case-core/if-match.js';

export class PageQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) page: number = 1;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) pageSize: number = 100;
}

export class LogAuthorView {
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Their main role (a unit role first)' }) role!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Where they hold it (unit or cluster)' }) unitName!: string | null;
}

export class CaseLogEntryView {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'start_assessment' }) type!: string;
  @ApiProperty({ nullable: true, type: String, description: 'null for a caller who sees the case anonymised' }) actorId!: string | null;
  @ApiProperty({ type: LogAuthorView, nullable: true, description: 'Who wrote it; null when anonymised or written by the system' }) author!: LogAuthorView | null;
  @ApiProperty() at!: Date;
  @ApiProperty({ nullable: true, type: String, description: 'Bokmål; null for a caller who sees the case anonymised (DESIGN 8.4: only types and dates)' })
  text!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'A `correction`: the entry it corrects, which never changes (details: GET /cases/:id/log/:entryId)' })
  correctsEntryId!: string | null;
}

export class CaseLogResponse {
  @ApiProperty({ type: [CaseLogEntryView] }) items!: CaseLogEntryView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

const IF_MATCH = { name: 'If-Match', required: true, description: 'The case version from ETag, e.g. "3"' };

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  @ApiCreatedResponse({ type: CaseResponse })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key + same body → the same case' })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateCaseDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseResponse> {
    if (idempotencyKey !== undefined && !/^[\x21-\x7e]{1,200}$/.test(idempotencyKey)) {
      throw new ProblemException(400, 'VALIDATION_FAILED', 'Ugyldig Idempotency-Key.', [
        { field: 'Idempotency-Key', message: 'må være 1–200 synlige ASCII-tegn' },
      ]);
    }
    const { body: created } = await this.cases.create(principal, body, idempotencyKey);
    res.status(201).setHeader('ETag', etag(created.version)).setHeader('Location', `/api/v1/cases/${created.id}`);
    return created;
  }

  @Get()
  @ApiOkResponse({ type: CaseListResponse })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListCasesQuery): Promise<CaseListResponse> {
    return this.cases.list(principal, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: CaseResponse, headers: { ETag: { description: 'The case version' } } })
  async get(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Res({ passthrough: true }) res: Response): Promise<CaseResponse> {
    const found = await this.cases.get(principal, id);
    res.setHeader('ETag', etag(found.version));
    return found;
  }

  @Post(':id/events')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: CaseResponse })
  async event(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: CaseEventDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseResponse> {
    // If-Match is checked after visibility: a hidden case is 404 whatever the header says.
    const updated = await this.cases.applyEvent(principal, id, () => requireIfMatch(ifMatch), body);
    res.setHeader('ETag', etag(updated.version));
    return updated;
  }

  @Put(':id/assignee')
  @ApiOperation({ summary: 'Assign a coordinator, or offer a handover that the proposed person must accept (DESIGN 8.2)' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: CaseResponse })
  async assign(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: AssignCaseDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseResponse> {
    const updated = await this.cases.assign(principal, id, () => requireIfMatch(ifMatch), body);
    res.setHeader('ETag', etag(updated.version));
    return updated;
  }

  @Get(':id/log')
  @ApiQuery({ name: 'page', required: false })
  @ApiQuery({ name: 'pageSize', required: false })
  @ApiOkResponse({ type: CaseLogResponse })
  caseLog(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Query() query: PageQuery): Promise<CaseLogResponse> {
    return this.cases.caseLog(principal, id, query.page, query.pageSize);
  }
}
