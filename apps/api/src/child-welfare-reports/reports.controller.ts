import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { ChildWelfareReportListResponse } from './dto/report-views.dto.js';
import type { OffentligBekymringsmelding } from './report-document.js';
import { reportSchemaForOpenApi } from './report-schema.js';
import { ChildWelfareReportsService } from './reports.service.js';

/** Reports carry personal data: never kept by a browser or proxy cache. */

@ApiTags('child-welfare-reports')
@ApiBearerAuth()
@Controller('cases/:id/child-welfare-reports')
export class ChildWelfareReportsController {
  constructor(private readonly reports: ChildWelfareReportsService) {}

  @Get()
  @ApiOperation({ summary: "The case's reports to child welfare (bekymringsmeldinger), oldest first" })
  @ApiOkResponse({ type: ChildWelfareReportListResponse })
  list(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<ChildWelfareReportListResponse> {
    return this.reports.list(principal, id);
  }

  @Get(':reportId')
  @ApiOperation({ summary: 'The report as KS Fiks «offentlig bekymringsmelding» v2 JSON, validated against the schema' })
  @ApiOkResponse({ schema: reportSchemaForOpenApi() })
  document(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Param('reportId') reportId: string): Promise<OffentligBekymringsmelding> {
    return this.reports.document(principal, id, reportId);
  }

  @Get(':reportId/document')
  @ApiOperation({ summary: 'The report as a printable bokmål page (HTML with print CSS, A4)' })
  @ApiProduces('text/html')
  @ApiOkResponse({ content: { 'text/html': { schema: { type: 'string' } } } })
  async printable(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Param('reportId') reportId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const page = await this.reports.printable(principal, id, reportId);
    res
      .status(200)
      .setHeader('Content-Type', 'text/html; charset=utf-8')
      .setHeader('Content-Disposition', `inline; filename="bekymringsmelding-${page.id}.html"`);
    return page.html;
  }
}
