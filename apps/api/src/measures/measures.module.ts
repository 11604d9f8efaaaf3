import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { MeasuresController } from './measures.controller.js';
import { MeasuresService } from './measures.service.js';

/** Tiltak and their evaluations. */
@Module({
  imports: [CasesModule],
  controllers: [MeasuresController],
  providers: [MeasuresService],
})
export class MeasuresModule {}
