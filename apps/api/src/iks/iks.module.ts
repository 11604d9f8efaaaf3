import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { IksController } from './iks.controller.js';
import { IksService } from './iks.service.js';

/** IKS (innsatsteam i komplekse saker): queue, acceptance/return/end, competence orders. */
@Module({
  imports: [CasesModule],
  controllers: [IksController],
  providers: [IksService],
})
export class IksModule {}
