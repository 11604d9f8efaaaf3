import { Module } from '@nestjs/common';
import { CaseCoreModule } from '../case-core/case-core.module.js';
import { IksController } from './iks.controller.js';
import { IksDecisions } from './iks-decisions.js';
import { IksOrders } from './iks-orders.js';
import { IksQueue } from './iks-queue.js';
import { IksReferralStore } from './iks-referral-store.js';

/** IKS (innsatsteam i komplekse saker): queue, acceptance/return/end, competence orders. */
@Module({
  imports: [CaseCoreModule],
  controllers: [IksController],
  providers: [IksReferralStore, IksQueue, IksDecisions, IksOrders],
})
export class IksModule {}
