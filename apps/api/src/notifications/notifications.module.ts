import { Module } from '@nestjs/common';
import { CaseCoreModule } from '../case-core/case-core.module.js';
import { NotificationStore } from './notification-store.js';
import { NotificationsController } from './notifications.controller.js';
import { QueueBoard } from './queue-board.js';

/** The caller's notifications (written by the worker's reminder processor) and the admin queue dashboard. */
@Module({
  imports: [CaseCoreModule],
  controllers: [NotificationsController],
  providers: [NotificationStore, QueueBoard],
})
export class NotificationsModule {}
