import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { MEASURE_OUTCOMES, MEASURE_STATUSES, type MeasureOutcome, type MeasureStatus } from '@app/persistence';
import { TEXT_MAX } from '../cases/dto/create-case.dto.js';
import { IsCalendarDate, IsCatalogCode } from '../common/validators.js';
import { HasText } from '../iks/dto/iks.dto.js';

export const PREVENTION_LEVELS = ['universal', 'selected', 'indicated'] as const;


export class CreateMeasureDto {
  @ApiPropertyOptional({ example: 'icdp', description: 'A code from GET /catalog/measures; either this or `title`' })
  @ValidateIf((o: CreateMeasureDto) => o.catalogCode !== undefined || o.title === undefined)
  @IsCatalogCode('measures', { message: 'må være en kode fra tiltakskatalogen (GET /api/v1/catalog/measures), eller bruk title for et tiltak med fritekst' })
  catalogCode?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'A measure outside the catalog (free text); either this or `catalogCode`' })
  @ValidateIf((o: CreateMeasureDto) => o.title !== undefined)
  @HasText()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ enum: PREVENTION_LEVELS, isArray: true, description: 'Free-text measures only: prevention level(s); catalog measures take the catalog’s' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @IsIn(PREVENTION_LEVELS, { each: true })
  levels?: string[];

  @ApiPropertyOptional({ maxLength: TEXT_MAX, description: 'What is done, how often, by whom' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  description?: string;

  @ApiProperty({ format: 'uuid', description: 'The person responsible (notified on the evaluation date)' }) @IsUUID('all') responsibleId!: string;
  @ApiProperty({ format: 'date', example: '2025-03-01' }) @IsCalendarDate() startDate!: string;
  @ApiProperty({ format: 'date', example: '2025-04-15', description: 'On or after startDate and not in the past; drives the evaluation reminders' })
  @IsCalendarDate()
  evaluationDate!: string;
}

export class EvaluateMeasureDto {
  @ApiProperty({ enum: MEASURE_OUTCOMES, description: 'continue / adjust keep the measure (with a next evaluation date); stop ends it' })
  @IsIn(MEASURE_OUTCOMES)
  outcome!: MeasureOutcome;
  @ApiProperty({ maxLength: TEXT_MAX }) @HasText() @MaxLength(TEXT_MAX) note!: string;
  @ApiPropertyOptional({ format: 'date', description: 'Required for continue and adjust (the next evaluation); not allowed with stop' })
  @ValidateIf((o: EvaluateMeasureDto) => o.outcome === 'continue' || o.outcome === 'adjust' || o.nextEvaluationDate !== undefined)
  @IsCalendarDate()
  nextEvaluationDate?: string;
}

export class ListMeasuresQuery {
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) page: number = 1;
  @ApiPropertyOptional({ default: 100, maximum: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) pageSize: number = 100;
}

export class MeasureEvaluationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: MEASURE_OUTCOMES }) outcome!: MeasureOutcome;
  @ApiProperty({ nullable: true, type: String, description: 'null when the case is seen anonymised' }) note!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) nextEvaluationDate!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'null when the case is seen anonymised' }) evaluatedById!: string | null;
  @ApiProperty() at!: Date;
}

export class MeasureView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ nullable: true, type: String, description: 'null for a free-text measure' }) catalogCode!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Bokmål name (the catalog’s, or the free text; a free text is null when the case is seen anonymised)' }) title!: string | null;
  @ApiProperty({ enum: PREVENTION_LEVELS, isArray: true, description: 'Prevention levels' }) levels!: string[];
  @ApiProperty({ nullable: true, type: String, description: 'null when the case is seen anonymised' }) description!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'null when the case is seen anonymised' }) responsibleId!: string | null;
  @ApiProperty({ format: 'date' }) startDate!: string;
  @ApiProperty({ format: 'date', description: 'The next evaluation' }) evaluationDate!: string;
  @ApiProperty({ enum: MEASURE_STATUSES }) status!: MeasureStatus;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'null when the case is seen anonymised' }) createdById!: string | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) endedAt!: Date | null;
  @ApiProperty({ type: [MeasureEvaluationView], description: 'Oldest first' }) evaluations!: MeasureEvaluationView[];
}

export class MeasureListResponse {
  @ApiProperty({ type: [MeasureView] }) items!: MeasureView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
