import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { REMINDER_KINDS } from '@app/domain';

/**
 * Every notification type: the reminders (the leader's second assessment reminder shows as
 * `assessment_due`), and those written directly by a request.
 */
export const NOTIFICATION_TYPES = [
  ...REMINDER_KINDS.filter((kind) => kind !== 'assessment_due_leader' && kind !== 'decision_due_leader'),
  'consent_withdrawn',
  'case_assigned',
  'handover_offered',
  'iks_referred',
  'iks_accepted',
  'iks_returned',
  'iks_ended',
  'iks_competence_order',
  'iks_order_acknowledged',
  'transfer_offered',
  'handover_needed',
  'citizen_statement',
];

export class ListNotificationsQuery {
  @ApiPropertyOptional({ description: 'true: only unread; false: only read; omitted: all' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
  @ApiPropertyOptional({ default: 1, minimum: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) page: number = 1;
  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize: number = 20;
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: NOTIFICATION_TYPES }) type!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) caseId!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'BTI-2026-0042', description: 'Which case: its reference (the message begins with it too)' })
  caseReference!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "The child's name, in the list only and only while the reader can open the case identified; never in the stored text or an e-mail",
  })
  childName!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) dueAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) readAt!: string | null;
  @ApiProperty({ description: 'Bokmål text' }) message!: string;
  @ApiProperty({ description: 'true for a missing report to child welfare' }) urgent!: boolean;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items!: NotificationDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class UnreadCountDto {
  @ApiProperty({ description: 'Unread notifications of the caller' }) unread!: number;
}

export class MarkAllReadDto {
  @ApiProperty({ description: 'How many were unread and are now read' }) marked!: number;
}
