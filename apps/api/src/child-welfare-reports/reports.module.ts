import { Module } from '@nestjs/common';
import { CaseCoreModule } from '../case-core/case-core.module.js';
import { ReportRecordingModule } from './report-recording.module.js';
import { ChildWelfareReportsController } from './reports.controller.js';
import { ChildWelfareReportsService } from './reports.service.js';

/** Reading reports to child welfare (DESIGN 8.9); recording happens with the case event. */
@Module({
  imports: [CaseCoreModule, ReportRecordingModule],
  controllers: [ChildWelfareReportsController],
  providers: [ChildWelfareReportsService],
})
export class ChildWelfareReportsModule {}
