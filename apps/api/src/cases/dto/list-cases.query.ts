import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { CASE_STATUSES, ROUTES } from '@app/domain';
import { LIST_SORTS, type ListSort } from '../../case-core/case-store.js';

export class ListCasesQuery {
  @ApiPropertyOptional({ enum: CASE_STATUSES }) @IsOptional() @IsIn(CASE_STATUSES) status?: string;
  @ApiPropertyOptional({ enum: ROUTES }) @IsOptional() @IsIn(ROUTES) route?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') unitId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') assigneeId?: string;
  @ApiPropertyOptional({ description: 'Open cases past their decision deadline (twice REMINDER_ASSESSMENT_DUE, 14 days by default) that are not yet decided' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;
  @ApiPropertyOptional({
    maxLength: 100,
    description:
      "Search: the start of the child's first or last name (every word), a birth date (dd.mm.yyyy or yyyy-mm-dd), a national id (11 digits, exact) " +
      'or a case reference (BTI-2026-0042). Identity never matches a case the caller sees anonymised.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
  @ApiPropertyOptional({
    enum: LIST_SORTS,
    default: 'created',
    description: 'created: newest first; activity: last changed first; deadline: next deadline first; priority: over the decision deadline first, then without a coordinator, then newest',
  })
  @IsOptional()
  @IsIn(LIST_SORTS)
  sort: ListSort = 'created';
  @ApiPropertyOptional({ default: 1, minimum: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) page: number = 1;
  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize: number = 20;
}
