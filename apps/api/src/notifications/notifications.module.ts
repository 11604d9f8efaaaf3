import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { NotificationsController } from './notifications.controller.js';
import { QueueBoard } from './queue-board.js';

/** The caller's notifications (written by the worker's reminder processor) and the admin queue dashboard. */
@Module({
  imports: [CasesModule],
  controllers: [NotificationsController],
  providers: [QueueBoard],
})
export class NotificationsModule {}
