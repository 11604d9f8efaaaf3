import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '@app/platform';
import { DataSource } from 'typeorm';
import { DueSweep } from './due-sweep.js';
import { ReminderFiring } from './reminder-firing.js';
import { ReminderJobs } from './reminder-jobs.js';
import { Retention } from './retention.js';
import { WORKER_OPTIONS, type ResolvedWorkerOptions } from './worker-options.js';

/**
 * Owns the reminder pipeline's parts and their order. Start: the BullMQ worker for the sweep and
 * retention jobs, and a watchdog that every few seconds (1) re-creates missing job schedulers
 * (Redis flushed or replaced) and (2) sweeps locally when no scheduled sweep is running (Redis
 * down, schedulers gone): reminders keep firing without Redis. Stop (SIGTERM): the watchdog, then
 * the sweep's lanes finish their batch, then the BullMQ worker lets its job end, then Redis. The
 * database closes after this (TypeORM's own shutdown hook).
 */
@Injectable()
export class ReminderPipeline implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ReminderPipeline');
  readonly firing: ReminderFiring;
  readonly sweep: DueSweep;
  readonly retention: Retention;
  readonly jobs: ReminderJobs;
  private watchdogTimer: NodeJS.Timeout | null = null;
  private watchdogRun: Promise<void> = Promise.resolve();
  private redisWarned = false;
  private stopped = false;

  constructor(ds: DataSource, config: ConfigService, @Inject(WORKER_OPTIONS) private readonly options: ResolvedWorkerOptions) {
    const { redisUrl } = config.getOrThrow<AppConfig>('app');
    this.firing = new ReminderFiring(ds, options);
    this.sweep = new DueSweep(this.firing, options);
    this.retention = new Retention(ds, options);
    this.jobs = new ReminderJobs(redisUrl, options);
  }

  onApplicationBootstrap(): void {
    this.jobs.start({ sweep: () => this.sweep.run(), retention: () => this.retention.run() });
    this.scheduleWatchdog(0);
  }

  private scheduleWatchdog(ms: number): void {
    if (this.stopped) return;
    this.watchdogTimer = setTimeout(() => {
      this.watchdogRun = this.watchdog().finally(() => this.scheduleWatchdog(this.options.watchdogIntervalMs));
    }, ms);
  }

  private async watchdog(): Promise<void> {
    let schedulerAlive = false;
    try {
      if (this.jobs.ready) schedulerAlive = await this.jobs.ensureSchedulers();
      if (this.redisWarned && this.jobs.ready) this.logger.log('Redis svarer igjen; planlagte sveip overtar');
      this.redisWarned = this.redisWarned && !this.jobs.ready;
    } catch (error) {
      if (!this.redisWarned) this.logger.warn(`Redis svarer ikke (${(error as Error).message}); sveiper lokalt`);
      this.redisWarned = true;
    }
    if (schedulerAlive || this.stopped) return;
    try {
      await this.sweep.run();
    } catch (error) {
      this.logger.warn(`Lokalt sveip mislyktes, prøver igjen: ${(error as Error).message}`);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.watchdogTimer) clearTimeout(this.watchdogTimer);
    await this.watchdogRun;
    await this.sweep.stop();
    await this.jobs.close();
    this.logger.log('Påminnelser stoppet');
  }
}
