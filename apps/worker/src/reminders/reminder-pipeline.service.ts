import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '@app/platform';
import { DataSource } from 'typeorm';
import { OutboxRelay } from './outbox-relay.js';
import { Reconciliation } from './reconciliation.js';
import { ReminderProcessor } from './reminder-processor.js';
import { ReminderQueue } from './reminder-queue.js';
import { WORKER_OPTIONS, type ResolvedWorkerOptions } from './worker-options.js';

/**
 * Owns the reminder pipeline's parts and their order: start = processor, relay, reconciliation;
 * stop (SIGTERM) = relay, then the processor lets running jobs finish, then Redis connections.
 * The database closes after this (TypeORM's own shutdown hook).
 */
@Injectable()
export class ReminderPipeline implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ReminderPipeline');
  readonly queue: ReminderQueue;
  readonly relay: OutboxRelay;
  readonly reconciliation: Reconciliation;
  readonly processor: ReminderProcessor;
  private reconcileTimer: NodeJS.Timeout | null = null;
  private reconciled = false;
  private stopped = false;

  constructor(ds: DataSource, config: ConfigService, @Inject(WORKER_OPTIONS) private readonly options: ResolvedWorkerOptions) {
    const { redisUrl } = config.getOrThrow<AppConfig>('app');
    this.queue = new ReminderQueue(redisUrl);
    this.relay = new OutboxRelay(ds, this.queue, options);
    this.reconciliation = new Reconciliation(ds, this.queue, options);
    this.processor = new ReminderProcessor(ds, redisUrl, options);
  }

  onApplicationBootstrap(): void {
    this.processor.start();
    this.relay.start();
    void this.reconcileLoop();
  }

  /** At start (retried every 2 s until Redis answers), then every reconcileIntervalMs. */
  private async reconcileLoop(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.queue.whenReady(this.options.redisTimeoutMs);
      if (this.stopped) return;
      await this.reconciliation.run();
      this.reconciled = true;
    } catch (error) {
      this.logger.warn(`Avstemming mot Redis mislyktes, prøver igjen: ${(error as Error).message}`);
    }
    if (this.stopped) return;
    this.reconcileTimer = setTimeout(() => void this.reconcileLoop(), this.reconciled ? this.options.reconcileIntervalMs : 2_000);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.reconcileTimer) clearTimeout(this.reconcileTimer);
    await this.relay.stop();
    await this.processor.close();
    await this.queue.close();
    this.logger.log('Påminnelser stoppet');
  }
}
