import { Module } from '@nestjs/common';
import { CaseCoreModule } from '../case-core/case-core.module.js';
import { StatsController } from './stats.controller.js';
import { StatsService } from './stats.service.js';

/** Statistics for the annual report (analyst). */
@Module({
  imports: [CaseCoreModule],
  controllers: [StatsController],
  providers: [StatsService],
})
export class StatsModule {}
