import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { AuditEvent } from '@app/persistence';
import { CurrentPrincipal, hasRole, type Principal } from '../auth/principal.js';
import { problems } from '../common/problem.js';
import { AuditTrail } from './audit-trail.service.js';
import { IsTimestamp } from '../cases/dto/validators.js';

export class AuditQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') caseId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') actorId?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsTimestamp() from?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsTimestamp() to?: string;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) page: number = 1;
  @ApiPropertyOptional({ default: 50, maximum: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) pageSize: number = 50;
}

export class AuditEventView {
  @ApiProperty() id!: string;
  @ApiProperty() actorId!: string;
  @ApiProperty() actorUsername!: string;
  @ApiProperty({ example: 'case.read' }) action!: string;
  @ApiProperty({ nullable: true, type: String }) caseId!: string | null;
  @ApiProperty() at!: Date;
  @ApiProperty() requestId!: string;
  @ApiProperty() purpose!: string;
  @ApiProperty() hash!: string;
}

export class AuditListResponse {
  @ApiProperty({ type: [AuditEventView] }) items!: AuditEventView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class AuditChainView {
  @ApiProperty() valid!: boolean;
  @ApiProperty() checked!: number;
  @ApiProperty({ nullable: true, type: String }) brokenAtId!: string | null;
}

/** The audit trail, for the auditor (revisor) role only. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly trail: AuditTrail,
  ) {}

  @Get()
  @ApiOkResponse({ type: AuditListResponse })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: AuditQuery): Promise<AuditListResponse> {
    this.requireAuditor(principal);
    const qb = this.dataSource
      .getRepository(AuditEvent)
      .createQueryBuilder('a')
      // An auditor audits their own municipality: actors are users of it.
      .innerJoin('app_user', 'u', 'u.id = a."actorId" AND u."municipalityId" = :municipalityId', { municipalityId: principal.municipalityId });
    if (query.caseId) qb.andWhere('a."caseId" = :caseId', { caseId: query.caseId });
    if (query.actorId) qb.andWhere('a."actorId" = :actorId', { actorId: query.actorId });
    if (query.from) qb.andWhere('a.at >= :from', { from: new Date(query.from) });
    if (query.to) qb.andWhere('a.at < :to', { to: new Date(query.to) });
    const [rows, total] = await qb
      .orderBy('a.id', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    const items = rows.map(({ id, actorId, actorUsername, action, caseId, at, requestId, purpose, hash }) => ({
      id, actorId, actorUsername, action, caseId, at, requestId, purpose, hash,
    }));
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /** Re-computes the hash chain: `valid: false` names the first row that was altered or removed. */
  @Get('verify')
  @ApiOkResponse({ type: AuditChainView })
  verify(@CurrentPrincipal() principal: Principal): Promise<AuditChainView> {
    this.requireAuditor(principal);
    return this.trail.verify();
  }

  private requireAuditor(principal: Principal): void {
    if (!hasRole(principal, 'auditor')) throw problems.forbidden('Bare revisor kan lese revisjonsloggen.');
  }
}
