import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsCalendarDate } from '../common/validators.js';

/** `POST /archive/extractions`: the cases closed in [from, to] (Oslo dates). */
export class StartExtractionDto {
  @ApiProperty({ format: 'date', example: '2026-01-01' }) @IsCalendarDate() from!: string;
  @ApiProperty({ format: 'date', example: '2026-12-31' }) @IsCalendarDate() to!: string;
}

/** `POST /archive/extractions/:id/deposited`: the archive's reference for the received package. */
export class DepositDto {
  @ApiProperty({ example: 'IKA-2026/123' }) @IsString() @MinLength(1) @MaxLength(200) reference!: string;
}

export class ExtractionCreated {
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class ExtractionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['running', 'done', 'failed'] }) status!: 'running' | 'done' | 'failed';
  @ApiProperty({ nullable: true, type: Number, description: 'Cases in the package (null while running).' }) cases!: number | null;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) finishedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) depositedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) depositReference!: string | null;
}

export class DeletionReportRow {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'The job run that deleted (job:<id>).' }) jobRun!: string;
  @ApiProperty({ enum: ['archived_and_deposited', 'disposal_basis'] }) rule!: string;
  @ApiProperty() cases!: number;
  @ApiProperty({ format: 'date-time' }) ranAt!: string;
}

export class DeletionReport {
  @ApiProperty({ type: [DeletionReportRow] }) items!: DeletionReportRow[];
  @ApiPropertyOptional({ description: 'Cases deleted in all runs listed.' }) totalCases!: number;
}
