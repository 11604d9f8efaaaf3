import { Module } from '@nestjs/common';
import { CaseCoreModule } from '../case-core/case-core.module.js';
import { ChildWelfareReportRecorder } from './report-recorder.js';
import { ChildWelfareReportsController } from './reports.controller.js';
import { ChildWelfareReportsService } from './reports.service.js';

/**
 * Reports to child welfare (DESIGN 8.9): the recorder, which the case core runs with the event
 * `report_to_child_welfare` in its transaction, and reading the reports.
 */
@Module({
  imports: [CaseCoreModule],
  controllers: [ChildWelfareReportsController],
  providers: [ChildWelfareReportRecorder, ChildWelfareReportsService],
})
export class ChildWelfareReportsModule {}
