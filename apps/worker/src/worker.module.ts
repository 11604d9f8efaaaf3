import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { dataSourceOptions } from '@app/persistence';
import { loggerParams, RedisModule, type AppConfig } from '@app/platform';
import { AUDIT_SEALER_OPTIONS, AuditSealing } from './audit/audit-sealing.service.js';
import { IdempotencyKeyRetention } from './retention/idempotency-key-retention.js';
import { ArchivePipeline } from './archive/archive-pipeline.service.js';
import { ReminderPipeline } from './reminders/reminder-pipeline.service.js';
import { resolveWorkerOptions, WORKER_OPTIONS, type WorkerOptions } from './reminders/worker-options.js';
import { MailPipeline } from './mail/mail-pipeline.service.js';
import { MAIL_OPTIONS, resolveMailOptions, type MailOptions } from './mail/mail-options.js';

/** The worker: an application context without HTTP (the reminders' due-sweep and retention jobs, the audit sealer). */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, options: WorkerOptions & { mail?: MailOptions } = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => ({ app: config })] }),
        LoggerModule.forRoot(loggerParams(config, options.logDestination)),
        // A database that hangs instead of refusing must not hang a sweep for ever: connecting
        // gives up after 10 s, a statement after 60 s, and dead TCP peers are found by keepalive.
        TypeOrmModule.forRoot(
          dataSourceOptions(config.databaseUrl, { extra: { max: 20, connectionTimeoutMillis: 10_000, statement_timeout: 60_000, keepAlive: true } }),
        ),
        RedisModule,
      ],
      providers: [
        { provide: WORKER_OPTIONS, useValue: resolveWorkerOptions(config.reminderWorker, options) },
        ReminderPipeline,
        { provide: AUDIT_SEALER_OPTIONS, useValue: config.auditSeal },
        AuditSealing,
        { provide: MAIL_OPTIONS, useValue: resolveMailOptions(options.mail) },
        MailPipeline,
        IdempotencyKeyRetention,
        ArchivePipeline,
      ],
      exports: [ReminderPipeline, AuditSealing, MailPipeline, IdempotencyKeyRetention, ArchivePipeline],
    };
  }
}
