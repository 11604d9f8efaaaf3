import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@app/platform';
import { WorkerModule } from './worker.module.js';
import type { WorkerOptions as ReminderWorkerOptions } from './reminders/worker-options.js';
import type { MailOptions } from './mail/mail-options.js';

/** The worker's tuning: the reminder pipeline's, plus `mail` for the e-mail notices. */
export type WorkerOptions = ReminderWorkerOptions & { mail?: MailOptions };
export { ReminderPipeline } from './reminders/reminder-pipeline.service.js';
export { AuditSealing } from './audit/audit-sealing.service.js';
export { AuditSealer } from './audit/audit-sealer.js';
export { MailPipeline } from './mail/mail-pipeline.service.js';
export { IdempotencyKeyRetention } from './retention/idempotency-key-retention.js';

/** Creates and starts the worker (reminder due-sweep and retention); `main.ts` and tests call this. */
export async function createWorkerApp(config: AppConfig, options: WorkerOptions = {}): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, options), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  return app;
}
