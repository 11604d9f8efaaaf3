import { Module } from '@nestjs/common';
import { ChildWelfareReportRecorder } from './report-recorder.js';

/**
 * The recorder alone, so the case module can call it inside its event transaction without a
 * cycle (the reading module imports the case module).
 */
@Module({ providers: [ChildWelfareReportRecorder], exports: [ChildWelfareReportRecorder] })
export class ReportRecordingModule {}
