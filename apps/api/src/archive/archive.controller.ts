import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ZipFile } from 'yazl';
import { CurrentPrincipal, Requires, type Principal } from '../auth/principal.js';
import { KnownId } from '../admin/admin-access.js';
import { DeletionReport, DepositDto, ExtractionCreated, ExtractionView, StartExtractionDto } from './archive.dto.js';
import { ArchiveService } from './archive.service.js';


@ApiTags('archive')
@ApiBearerAuth()
@Controller()
export class ArchiveController {
  constructor(private readonly archive: ArchiveService) {}

  @Post('archive/extractions')
  @Requires('archive.extract')
  @HttpCode(202)
  @ApiOperation({ summary: 'Start a Noark 5 extraction of the cases closed in [from, to] (archive.extract)' })
  @ApiAcceptedResponse({ type: ExtractionCreated })
  start(@CurrentPrincipal() principal: Principal, @Body() dto: StartExtractionDto): Promise<ExtractionCreated> {
    return this.archive.start(principal, dto.from, dto.to);
  }

  @Get('archive/extractions/:id')
  @Requires('archive.extract')
  @ApiOkResponse({ type: ExtractionView })
  get(@CurrentPrincipal() principal: Principal, @Param('id', KnownId) id: string): Promise<ExtractionView> {
    return this.archive.get(principal, id);
  }

  @Get('archive/extractions/:id/package')
  @Requires('archive.extract')
  @ApiOperation({ summary: 'The package as a zip, its files at the root (archive.extract)' })
  @ApiProduces('application/zip')
  async download(@CurrentPrincipal() principal: Principal, @Param('id', KnownId) id: string, @Res() res: Response): Promise<void> {
    const dir = await this.archive.packageDir(principal, id);
    const zip = new ZipFile();
    res.setHeader('Content-Type', 'application/zip');
    res.setHeader('Content-Disposition', `attachment; filename="arkivuttrekk-${id}.zip"`);
    zip.outputStream.pipe(res);
    for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      zip.addReadStreamLazy(relative(dir, path), (done) => done(null, createReadStream(path)));
    }
    zip.end();
  }

  @Post('archive/extractions/:id/deposited')
  @Requires('archive.deposit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record that the archive received the package (archive.deposit): its cases may then be deleted' })
  @ApiOkResponse({ type: ExtractionView })
  deposited(@CurrentPrincipal() principal: Principal, @Param('id', KnownId) id: string, @Body() dto: DepositDto): Promise<ExtractionView> {
    return this.archive.deposited(principal, id, dto.reference);
  }

  @Get('retention/deletions')
  @Requires('retention.read')
  @ApiOperation({ summary: 'The deletion report: cases deleted per job run and rule (retention.read)' })
  @ApiOkResponse({ type: DeletionReport })
  deletions(@CurrentPrincipal() principal: Principal): Promise<DeletionReport> {
    return this.archive.deletions(principal);
  }
}
