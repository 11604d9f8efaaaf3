import { Module } from '@nestjs/common';
import { CaseCoreModule } from '../case-core/case-core.module.js';
import { CaseLogController } from './case-log.controller.js';
import { CaseLogService } from './case-log.service.js';

/** The staff's own log entries, their tasks and corrections (DESIGN 8.6). */
@Module({
  imports: [CaseCoreModule],
  controllers: [CaseLogController],
  providers: [CaseLogService],
})
export class CaseLogModule {}
