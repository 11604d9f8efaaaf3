import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { StatsController } from './stats.controller.js';
import { StatsService } from './stats.service.js';

/** Statistics for the annual report (analyst). */
@Module({
  imports: [CasesModule],
  controllers: [StatsController],
  providers: [StatsService],
})
export class StatsModule {}
