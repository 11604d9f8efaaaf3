import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { CaseLogController } from './case-log.controller.js';
import { CaseLogService } from './case-log.service.js';

/** The staff's own log entries, their tasks and corrections (DESIGN 8.6). */
@Module({
  imports: [CasesModule],
  controllers: [CaseLogController],
  providers: [CaseLogService],
})
export class CaseLogModule {}
