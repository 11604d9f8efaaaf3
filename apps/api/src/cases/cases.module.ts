import { Module } from '@nestjs/common';
import { ReportRecordingModule } from '../child-welfare-reports/report-recording.module.js';
import { CaseAccessPolicy } from './case-access.policy.js';
import { CaseEffects } from './case-effects.js';
import { CasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';
import { CaseStore } from './case-store.js';
import { CaseCommandRunner } from './case-command-runner.js';

@Module({
  imports: [ReportRecordingModule],
  controllers: [CasesController],
  providers: [CasesService, CaseStore, CaseCommandRunner, CaseAccessPolicy, CaseEffects],
  // Other areas use the runner, the store and the policy, never CasesService.
  exports: [CaseStore, CaseCommandRunner, CaseAccessPolicy, CaseEffects],
})
export class CasesModule {}
