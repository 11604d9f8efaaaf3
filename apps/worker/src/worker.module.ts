import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { dataSourceOptions } from '@app/persistence';
import { loggerParams, RedisModule, type AppConfig } from '@app/platform';
import { AUDIT_SEALER_OPTIONS, AuditSealing } from './audit/audit-sealing.service.js';
import { ReminderPipeline } from './reminders/reminder-pipeline.service.js';
import { resolveWorkerOptions, WORKER_OPTIONS, type WorkerOptions } from './reminders/worker-options.js';
import { MailPipeline } from './mail/mail-pipeline.service.js';
import { MAIL_OPTIONS, resolveMailOptions, type MailOptions } from './mail/mail-options.js';

/** The worker: an application context without HTTP (outbox relay, BullMQ processors, reconciliation, audit sealer). */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, options: WorkerOptions & { mail?: MailOptions } = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => ({ app: config })] }),
        LoggerModule.forRoot(loggerParams(config, options.logDestination)),
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl)),
        RedisModule,
      ],
      providers: [
        { provide: WORKER_OPTIONS, useValue: resolveWorkerOptions(options) },
        ReminderPipeline,
        { provide: AUDIT_SEALER_OPTIONS, useValue: config.auditSeal },
        AuditSealing,
        { provide: MAIL_OPTIONS, useValue: resolveMailOptions(options.mail) },
        MailPipeline,
      ],
      exports: [ReminderPipeline, AuditSealing, MailPipeline],
    };
  }
}
