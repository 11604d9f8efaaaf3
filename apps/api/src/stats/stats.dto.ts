import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate } from '../common/validators.js';

export class OverviewQuery {
  @ApiPropertyOptional({ format: 'date', description: 'First day (Europe/Oslo); default 1 January this year' }) @IsOptional() @IsCalendarDate() from?: string;
  @ApiPropertyOptional({ format: 'date', description: 'Last day, inclusive (Europe/Oslo); default today' }) @IsOptional() @IsCalendarDate() to?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Only cases of units in this cluster' }) @IsOptional() @IsUUID('all') clusterId?: string;
}

export class CellView {
  @ApiProperty({ nullable: true, type: Number, description: 'null when suppressed' }) value!: number | null;
  @ApiProperty({ description: 'true: the cell is under 5 (or would reveal one that is) and is not shown' }) suppressed!: boolean;
}

export class LevelCellsView {
  @ApiProperty({ type: CellView, name: '0' }) '0'!: CellView;
  @ApiProperty({ type: CellView, name: '1' }) '1'!: CellView;
  @ApiProperty({ type: CellView, name: '2' }) '2'!: CellView;
  @ApiProperty({ type: CellView, name: '3' }) '3'!: CellView;
}

export class RouteCellsView {
  @ApiProperty({ type: CellView, description: 'Not decided yet' }) none!: CellView;
  @ApiProperty({ type: CellView }) own_unit!: CellView;
  @ApiProperty({ type: CellView }) interdisciplinary_team!: CellView;
  @ApiProperty({ type: CellView }) tfa!: CellView;
  @ApiProperty({ type: CellView }) iks!: CellView;
}

export class GroupFiguresView {
  @ApiProperty({ type: CellView, description: 'Cases whose concern was logged in the period' }) concernsLogged!: CellView;
  @ApiProperty({ type: LevelCellsView, description: 'Current level' }) casesByLevel!: LevelCellsView;
  @ApiProperty({ type: RouteCellsView, description: 'Current route' }) casesByRoute!: RouteCellsView;
  @ApiProperty({ type: CellView, description: 'Days from the concern to the first routing decision (`decide`); median, one decimal' }) medianDaysToDecision!: CellView;
  @ApiProperty({ type: CellView, description: 'Days from the concern to the first measure recorded; median, one decimal' }) medianDaysToFirstMeasure!: CellView;
  @ApiProperty({ type: CellView, description: 'Cases with a report to child welfare' }) childWelfareReports!: CellView;
  @ApiProperty({ type: CellView, description: 'Share (0–1) of the cases with a report to child welfare' }) childWelfareReportShare!: CellView;
  @ApiProperty({ type: CellView, description: 'Cases referred to IKS' }) iksReferred!: CellView;
  @ApiProperty({ type: CellView, description: 'Cases IKS accepted' }) iksCases!: CellView;
}

export class BreakdownView {
  @ApiProperty({ description: 'Unit kind, or cluster id' }) key!: string;
  @ApiProperty({ description: 'Bokmål' }) label!: string;
  @ApiProperty({ type: GroupFiguresView }) figures!: GroupFiguresView;
}

export class OverviewResponse {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) clusterId!: string | null;
  @ApiProperty({ description: 'Cells under this are suppressed' }) minimumCellSize!: number;
  @ApiProperty({ type: GroupFiguresView }) total!: GroupFiguresView;
  @ApiProperty({ type: [BreakdownView] }) byUnitKind!: BreakdownView[];
  @ApiProperty({ type: [BreakdownView] }) byCluster!: BreakdownView[];
}
