import { Module } from '@nestjs/common';
import { CaseCoreModule } from '../case-core/case-core.module.js';
import { CasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';
import { IdempotencyStore } from './idempotency-store.js';

/** The case feature: creating, reading, listing cases and their events, on the case core. */
@Module({
  imports: [CaseCoreModule],
  controllers: [CasesController],
  providers: [CasesService, IdempotencyStore],
})
export class CasesModule {}
