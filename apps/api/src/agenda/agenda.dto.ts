import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const AGENDA_KINDS = ['task', 'evaluation', 'decision', 'handover', 'transfer', 'report'] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

export class AgendaQuery {
  @ApiPropertyOptional({ default: 7, minimum: 1, maximum: 60, description: 'What falls due within this many days from now (and everything overdue)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(60)
  days: number = 7;
}

export class AgendaItem {
  @ApiProperty({
    enum: AGENDA_KINDS,
    description:
      'task: a log task I am responsible for; evaluation: a measure I am responsible for; decision: the decision deadline of a case I coordinate; ' +
      'handover: a handover waiting for my answer; transfer: a transfer offered to my unit (leader); report: a flagged case of my unit without a report to child welfare (leader)',
  })
  kind!: AgendaKind;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: 'BTI-2026-0042' }) reference!: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'When it is due; for a handover or transfer, when it was offered (it waits for an answer now)' })
  dueAt!: Date;
  @ApiProperty() overdue!: boolean;
  @ApiPropertyOptional({ format: 'uuid', description: 'The task or measure' }) subjectId?: string;
  @ApiProperty({ example: '/saker/6f1c…', description: 'Where the web UI opens it' }) link!: string;
}

export class AgendaResponse {
  @ApiProperty({ type: [AgendaItem], description: 'Earliest first' }) items!: AgendaItem[];
  @ApiProperty({ type: String, format: 'date-time', description: 'The end of the window' }) until!: Date;
}
