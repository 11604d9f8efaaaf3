import { Module } from '@nestjs/common';
import { CaseCoreModule } from '../case-core/case-core.module.js';
import { IksController } from './iks.controller.js';
import { IksService } from './iks.service.js';

/** IKS (innsatsteam i komplekse saker): queue, acceptance/return/end, competence orders. */
@Module({
  imports: [CaseCoreModule],
  controllers: [IksController],
  providers: [IksService],
})
export class IksModule {}
