import { Module } from '@nestjs/common';
import { FailedMailController } from './failed-mail.controller.js';
import { FailedMailStore } from './failed-mail-store.js';
import { NotificationSettingStore } from './notification-setting-store.js';
import { NotificationSettingsController } from './notification-settings.controller.js';

/** E-mail notices on the API side: the caller's settings and the admins' list of failed e-mails. The worker sends. */
@Module({
  controllers: [NotificationSettingsController, FailedMailController],
  providers: [FailedMailStore, NotificationSettingStore],
})
export class NotificationSettingsModule {}
