import { Module } from '@nestjs/common';
import { ReportRecordingModule } from '../child-welfare-reports/report-recording.module.js';
import { CaseAccessPolicy } from './case-access.policy.js';
import { CaseEffects } from './case-effects.js';
import { CasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';

@Module({
  imports: [ReportRecordingModule],
  controllers: [CasesController],
  providers: [CasesService, CaseAccessPolicy, CaseEffects],
  exports: [CasesService, CaseAccessPolicy, CaseEffects],
})
export class CasesModule {}
