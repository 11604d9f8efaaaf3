import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@app/platform';
import { WorkerModule } from './worker.module.js';
import type { WorkerOptions } from './reminders/worker-options.js';

export type { WorkerOptions } from './reminders/worker-options.js';
export { ReminderPipeline } from './reminders/reminder-pipeline.service.js';
export { AuditSealing } from './audit/audit-sealing.service.js';
export { AuditSealer } from './audit/audit-sealer.js';

/** Creates and starts the worker (relay, processors, reconciliation); `main.ts` and tests call this. */
export async function createWorkerApp(config: AppConfig, options: WorkerOptions = {}): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, options), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  return app;
}
