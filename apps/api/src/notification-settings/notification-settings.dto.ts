import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { EMAIL_MODES, MAIL_STATUSES, type EmailMode } from '@app/persistence';

export class NotificationSettingsDto {
  @ApiProperty({
    enum: EMAIL_MODES,
    description:
      '`immediate` (default): one e-mail per notice. `daily_digest`: one e-mail at 07:30 Europe/Oslo on Norwegian working days listing the notices since the last one. Urgent notices (child welfare report missing) always go at once.',
  })
  emailMode!: EmailMode;
  @ApiProperty({ nullable: true, type: String, description: 'Where e-mail notices go; null: none are sent (set by the municipality’s user administration)' })
  email!: string | null;
}

export class UpdateNotificationSettingsDto {
  @ApiProperty({ enum: EMAIL_MODES })
  @IsIn(EMAIL_MODES)
  emailMode!: EmailMode;
}

export class ListFailedMailQuery {
  @ApiPropertyOptional({ default: 1, minimum: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) page: number = 1;
  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize: number = 20;
}

export class FailedMailDto {
  @ApiProperty({ enum: ['notice', 'digest'], description: '`notice`: one notification; `digest`: a daily digest' }) kind!: 'notice' | 'digest';
  @ApiProperty({ format: 'uuid', description: 'The delivery or digest id; also the job id on the `mail` queue (/admin/queues), where it can be retried' }) id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The notification (notices only)' }) notificationId!: string | null;
  @ApiProperty({ format: 'uuid' }) recipientId!: string;
  @ApiProperty({ enum: MAIL_STATUSES }) status!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: String, description: 'The SMTP error of the last attempt, with addresses removed' }) lastError!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) failedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class FailedMailPageDto {
  @ApiProperty({ type: [FailedMailDto] }) items!: FailedMailDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
