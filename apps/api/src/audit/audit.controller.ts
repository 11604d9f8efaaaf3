import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Type } from 'class-transformer';
import { IsInt, IsNumberString, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, Requires, type Principal } from '../auth/principal.js';
import { RowSecurity } from '../database/row-security.js';
import { IsTimestamp } from '../common/validators.js';
import { listAuditActors, listAuditEvents } from './audit-list.query.js';
import { AuditVerifier, VERIFY_PAGE_MAX } from './audit-verifier.js';

export class AuditQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') caseId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') actorId?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsTimestamp() from?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsTimestamp() to?: string;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) page: number = 1;
  @ApiPropertyOptional({ default: 50, maximum: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) pageSize: number = 50;
  @ApiPropertyOptional({
    description:
      'The next page after the one that returned this value as `nextCursor` (keyset paging: as fast at any depth). ' +
      'Opaque; with the same filters as that request. When given, `page` is ignored.',
    example: 'YTEyMzQ1',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor må være en markør fra nextCursor' })
  cursor?: string;
}

export class AuditVerifyQuery {
  @ApiPropertyOptional({ description: 'Chain position to continue after (nextAfterSeq of the previous page).', default: '0', example: '0' })
  @IsOptional()
  @IsNumberString({ no_symbols: true })
  @MaxLength(18)
  afterSeq: string = '0';

  @ApiPropertyOptional({ default: 1000, maximum: VERIFY_PAGE_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(VERIFY_PAGE_MAX)
  limit: number = 1000;
}

export class AuditEventView {
  @ApiProperty() id!: string;
  @ApiProperty() actorId!: string;
  @ApiProperty() actorUsername!: string;
  @ApiProperty({ nullable: true, type: String, description: "The actor's name (null for the system actor)" }) actorName!: string | null;
  @ApiProperty({ example: 'case.read' }) action!: string;
  @ApiProperty({ nullable: true, type: String }) caseId!: string | null;
  @ApiProperty() at!: Date;
  @ApiProperty() requestId!: string;
  @ApiProperty() purpose!: string;
  @ApiProperty({ nullable: true, type: Object, description: 'An administrative change: the target’s id and the fields before and after (ids only).' })
  detail!: unknown;
  @ApiProperty({ description: 'Chained into the municipality’s hash chain yet (the worker seals rows shortly after commit).' })
  sealed!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Position in the chain; null until sealed.' }) seq!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The link’s hash; null until sealed.' }) hash!: string | null;
}

export class AuditActorsQuery {
  @ApiPropertyOptional({ maxLength: 100, description: 'The start of a word of the name, or of the username' }) @IsOptional() @IsString() @MaxLength(100) @Matches(/^[^\u0000-\u001f\u007f]*$/, { message: 'inneholder kontrolltegn' }) q?: string;
}

export class AuditActorView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() username!: string;
}

export class AuditActorsResponse {
  @ApiProperty({ type: [AuditActorView], description: 'At most 20, by name' }) items!: AuditActorView[];
}

export class AuditListResponse {
  @ApiProperty({ type: [AuditEventView] }) items!: AuditEventView[];
  @ApiProperty({ description: 'Rows matching the filters (all pages), counted up to 1 000: see `totalCapped`.' }) total!: number;
  @ApiProperty({ description: 'More rows match than `total` says (narrow by person, case or period, or page on with `nextCursor`).' }) totalCapped!: boolean;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last page.' })
  nextCursor!: string | null;
}

export class AuditChainView {
  @ApiProperty({ description: 'This page of the chain is intact (and, on the last page, ends at the head).' }) valid!: boolean;
  @ApiProperty({ description: 'Links checked on this page.' }) checked!: number;
  @ApiProperty({ nullable: true, type: String, description: 'The audit row at the first broken link (altered, removed or moved).' })
  brokenAtId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The chain position of the first broken link.' }) brokenAtSeq!: string | null;
  @ApiProperty() municipalityId!: string;
  @ApiProperty() afterSeq!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Pass as afterSeq for the next page; null when the head was reached.' })
  nextAfterSeq!: string | null;
  @ApiProperty({ description: 'Position of the chain’s head.' }) sealedThrough!: string;
  @ApiProperty({ description: 'Rows written but not sealed yet.' }) unsealed!: number;
}

/** The audit trail of the auditor's (revisor) own municipality, for that role only. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
@Requires('audit.read')
export class AuditController {
  private readonly verifier: AuditVerifier;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly rowSecurity: RowSecurity,
  ) {
    this.verifier = new AuditVerifier(dataSource);
  }

  @Get()
  @ApiOkResponse({ type: AuditListResponse })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: AuditQuery): Promise<AuditListResponse> {
    // As the auditor: row-level security shows the audit rows of their own municipality only.
    const { items, total, totalCapped, nextCursor } = await this.rowSecurity.transaction(principal, (em) => listAuditEvents(em, principal.municipalityId, query));
    return { items, total, totalCapped, page: query.page, pageSize: query.pageSize, nextCursor };
  }

  @Get('actors')
  @ApiOperation({ summary: "People who appear in the municipality's audit trail, by name: the search by person (auditor)" })
  @ApiOkResponse({ type: AuditActorsResponse })
  async actors(@CurrentPrincipal() principal: Principal, @Query() query: AuditActorsQuery): Promise<AuditActorsResponse> {
    return { items: await this.rowSecurity.transaction(principal, (em) => listAuditActors(em, principal.municipalityId, query.q)) };
  }

  /**
   * One page of the municipality's hash chain, re-computed: `valid: false` names the first row
   * that was altered, removed or moved. Continue with `afterSeq = nextAfterSeq` until it is null.
   */
  @Get('verify')
  @ApiOperation({ summary: 'Verify one page of the audit hash chain' })
  @ApiOkResponse({ type: AuditChainView })
  verify(@CurrentPrincipal() principal: Principal, @Query() query: AuditVerifyQuery): Promise<AuditChainView> {
    return this.verifier.page(principal.municipalityId, query.afterSeq, query.limit, (work) => this.rowSecurity.transaction(principal, work, 'REPEATABLE READ'));
  }
}
