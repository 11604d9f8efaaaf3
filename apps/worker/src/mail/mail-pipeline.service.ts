import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '@app/platform';
import { DataSource } from 'typeorm';
import { DigestCollector } from './digest-collector.js';
import { MailDispatcher } from './mail-dispatcher.js';
import { MAIL_OPTIONS, type ResolvedMailOptions } from './mail-options.js';
import { MailProcessor } from './mail-processor.js';
import { MailQueue } from './mail-queue.js';
import { MailTransport } from './mail-transport.js';
import { NotificationListener } from './notification-listener.js';

/** Each dispatcher tick looks this far back; the reconciliation scans the whole lookback. */
const RECENT_WINDOW_MS = 10 * 60_000;

/**
 * E-mail notices in the worker (DESIGN section 10): the dispatcher (on an interval and on
 * NOTIFY), the mail queue's processor, the 07:30 digest scheduler and the reconciliation. Off,
 * with one log line, when SMTP_URL is not set.
 */
@Injectable()
export class MailPipeline implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('MailPipeline');
  readonly enabled: boolean;
  readonly queue: MailQueue | null = null;
  readonly dispatcher: MailDispatcher | null = null;
  readonly collector: DigestCollector | null = null;
  readonly processor: MailProcessor | null = null;
  private readonly transport: MailTransport | null = null;
  readonly listener: NotificationListener | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private lastReconcile = 0;
  private reconcileDue = true;
  private stopped = false;

  constructor(ds: DataSource, config: ConfigService, @Inject(MAIL_OPTIONS) private readonly options: ResolvedMailOptions) {
    const app = config.getOrThrow<AppConfig>('app');
    const smtpUrl = app.mail.smtpUrl;
    this.enabled = smtpUrl !== null;
    if (smtpUrl === null) return;
    this.transport = new MailTransport({ ...app.mail, smtpUrl });
    this.queue = new MailQueue(app.redisUrl, options);
    this.dispatcher = new MailDispatcher(ds, this.queue, options);
    this.collector = new DigestCollector(ds, this.queue);
    this.processor = new MailProcessor(ds, app.redisUrl, this.transport, this.collector, app.mail, options);
    if (options.listen) this.listener = new NotificationListener(app.databaseUrl, () => this.kick());
  }

  onApplicationBootstrap(): void {
    if (!this.enabled) {
      this.logger.log('E-postvarsler er slått av: SMTP_URL er ikke satt');
      return;
    }
    this.processor!.start();
    this.listener?.start();
    if (this.options.digestSchedule) void this.scheduleDigest();
    this.kick();
  }

  /** Runs a dispatcher tick now (or right after the one running). */
  kick(): void {
    if (this.stopped || !this.enabled) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.running = this.tick().finally(() => {
      this.running = null;
      if (this.stopped) return;
      if (this.again) {
        this.again = false;
        this.kick();
      } else {
        this.timer = setTimeout(() => this.kick(), this.options.dispatchIntervalMs);
      }
    });
  }

  /** Resolves when a tick that started after this call has finished (tests). */
  async settle(): Promise<void> {
    if (this.running) await this.running;
    this.kick();
    await this.running;
  }

  private async tick(): Promise<void> {
    const full = this.reconcileDue || Date.now() - this.lastReconcile >= this.options.reconcileIntervalMs;
    try {
      const recorded = await this.dispatcher!.dispatch(full ? undefined : Math.max(RECENT_WINDOW_MS, 2 * this.options.dispatchIntervalMs));
      if (recorded > 0) this.logger.log(`${recorded} nye e-postvarsler registrert`);
      await this.dispatcher!.dispatchCitizenNotices(full ? undefined : Math.max(RECENT_WINDOW_MS, 2 * this.options.dispatchIntervalMs));
      if (full) {
        await this.dispatcher!.reconcile();
        this.lastReconcile = Date.now();
        this.reconcileDue = false;
      }
    } catch (error) {
      // Rows may be recorded without their jobs: the next tick reconciles.
      this.reconcileDue = true;
      this.logger.warn(`E-postutsending feilet, prøver igjen: ${(error as Error).message}`);
    }
  }

  private async scheduleDigest(): Promise<void> {
    for (let delay = 2_000; !this.stopped; delay = Math.min(delay * 2, 60_000)) {
      try {
        await this.queue!.scheduleDigestRun();
        return;
      } catch (error) {
        this.logger.warn(`Kunne ikke planlegge daglig sammendrag, prøver igjen: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (!this.enabled) return;
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    await this.listener?.stop();
    await this.processor!.close();
    await this.queue!.close();
    this.transport!.close();
    this.logger.log('E-postvarsler stoppet');
  }
}
