import { ApiProperty } from '@nestjs/swagger';
import { CHILD_WELFARE_REPORT_CHANNELS, type ChildWelfareReportChannel } from '@app/domain';
import { REPORT_STATUSES, type ReportStatus } from '../report-status.js';

/** A report in the case's list: the record, not the document (no personal data). */
export class ChildWelfareReportSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: REPORT_STATUSES, description: 'recorded → sent → acknowledged (sending over Fiks is not built yet)' }) status!: ReportStatus;
  @ApiProperty({ enum: CHILD_WELFARE_REPORT_CHANNELS }) channel!: ChildWelfareReportChannel;
  @ApiProperty({ nullable: true, type: String }) reference!: string | null;
  @ApiProperty() guardiansInformed!: boolean;
  @ApiProperty({ format: 'uuid' }) reportedById!: string;
  @ApiProperty({ example: 'no.ks.fiks.bekymringsmelding.offentlig.v2' }) schema!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: Date;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) sentAt!: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) acknowledgedAt!: Date | null;
}

export class ChildWelfareReportListResponse {
  @ApiProperty({ type: [ChildWelfareReportSummary] }) items!: ChildWelfareReportSummary[];
  @ApiProperty() total!: number;
}
