import { LOG_CONFIDENTIALITY, type LogConfidentiality } from '@app/persistence';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { NAME_MAX, TEXT_MAX } from '../cases/dto/create-case.dto.js';
import { IsCalendarDate, IsTimestamp } from '../common/validators.js';

/** The staff's own log entries (DESIGN 8.6); the workflow's own entries have other types. */
export const LOG_ENTRY_KINDS = ['note', 'conversation_child', 'conversation_guardians', 'meeting'] as const;
export type LogEntryKind = (typeof LOG_ENTRY_KINDS)[number];

export const MAX_PARTICIPANTS = 50;
export const MAX_TASKS = 30;
export const TASK_TEXT_MAX = 2_000;

export class LogTaskDto {
  @ApiProperty({ maxLength: TASK_TEXT_MAX, description: 'What is to be done' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TASK_TEXT_MAX)
  text!: string;

  @ApiProperty({ format: 'uuid', description: 'Who does it: someone who can open the case identified (else 400 naming the field)' })
  @IsUUID()
  responsibleId!: string;

  @ApiProperty({ format: 'date', description: 'Due date (Europe/Oslo), today or later. A `task_due` reminder reaches the responsible REMINDER_TASK_DUE (default P1D) before it, at once if that has passed.' })
  @IsCalendarDate()
  dueDate!: string;
}

export class CreateLogEntryDto {
  @ApiProperty({ enum: LOG_ENTRY_KINDS, description: 'note, a conversation with the child or the guardians, or the minutes of a meeting' })
  @IsIn(LOG_ENTRY_KINDS)
  type!: LogEntryKind;

  @ApiProperty({ maxLength: TEXT_MAX, description: 'The note or the minutes (bokmål)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  text!: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the conversation or meeting took place (not in the future); default: now' })
  @IsOptional()
  @IsTimestamp()
  at?: string;

  @ApiPropertyOptional({ type: [String], maxItems: MAX_PARTICIPANTS, description: 'Who took part (names or roles as written)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PARTICIPANTS)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(NAME_MAX, { each: true })
  participants?: string[];

  @ApiPropertyOptional({ enum: LOG_CONFIDENTIALITY, description: 'Withheld from the family (DESIGN 12.4), with the reason; the unit leader may clear it' })
  @IsOptional()
  @IsIn(LOG_CONFIDENTIALITY)
  confidential?: LogConfidentiality;

  @ApiPropertyOptional({ type: [LogTaskDto], maxItems: MAX_TASKS, description: 'Tasks agreed (fordeling av arbeidsoppgaver)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_TASKS)
  @ValidateNested({ each: true })
  @Type(() => LogTaskDto)
  tasks?: LogTaskDto[];
}

export class CreateCorrectionDto {
  @ApiProperty({ maxLength: TEXT_MAX, description: 'The corrected text' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  text!: string;

  @ApiProperty({ maxLength: TEXT_MAX, description: 'Why the entry is corrected' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  reason!: string;
}

export class LogTaskView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ format: 'uuid' }) responsibleId!: string;
  @ApiProperty({ format: 'date' }) dueDate!: string;
}

/**
 * One log entry with everything it holds. For a caller who sees the case anonymised (DESIGN 8.4)
 * only `id`, `type` and the dates: no text, people, tasks or correction links (as the log's list).
 */
export class LogEntryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'meeting', description: `${LOG_ENTRY_KINDS.join(', ')}, \`correction\`, or a workflow entry (e.g. \`decide\`)` }) type!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorId!: string | null;
  @ApiProperty({ format: 'date-time', description: 'When the entry was written' }) at!: Date;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When the conversation or meeting took place' }) occurredAt!: Date | null;
  @ApiProperty({ nullable: true, type: String, description: 'Bokmål; null for an anonymised view' }) text!: string | null;
  @ApiProperty({ type: [String] }) participants!: string[];
  @ApiProperty({ type: [LogTaskView], description: 'Earliest due first' }) tasks!: LogTaskView[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'A correction: the entry it corrects (which is never changed); null when the case is seen anonymised' }) correctsEntryId!: string | null;
  @ApiProperty({ type: [String], description: 'Ids of the corrections of this entry, oldest first; empty when the case is seen anonymised' }) correctedBy!: string[];
  @ApiProperty({ enum: LOG_CONFIDENTIALITY, nullable: true, description: 'Withheld from the family for this reason; null when shown (or cleared)' }) confidential!: LogConfidentiality | null;
}
