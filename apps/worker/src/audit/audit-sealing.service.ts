import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditSealer, type AuditSealerOptions } from './audit-sealer.js';

export const AUDIT_SEALER_OPTIONS = Symbol('AUDIT_SEALER_OPTIONS');

export const DEFAULT_AUDIT_SEALER_OPTIONS: AuditSealerOptions = { intervalMs: 200, batchSize: 2000 };

/** Runs the sealer in the worker: a pass, then at once again while batches are full, else after the interval. */
@Injectable()
export class AuditSealing implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('AuditSealing');
  readonly sealer: AuditSealer;
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<void> = Promise.resolve();
  private stopped = true;
  private failing = false;

  constructor(ds: DataSource, @Inject(AUDIT_SEALER_OPTIONS) private readonly options: AuditSealerOptions) {
    this.sealer = new AuditSealer(ds, options);
  }

  onApplicationBootstrap(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.current;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.current = this.tick();
    }, ms);
  }

  private async tick(): Promise<void> {
    let more = false;
    try {
      more = (await this.sealer.sealOnce()).more;
      if (this.failing) this.logger.log('Revisjonsloggen forsegles igjen');
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.logger.warn(`Revisjonsloggen kunne ikke forsegles, prøver igjen: ${(error as Error).message}`);
      this.failing = true;
    }
    this.schedule(more ? 0 : this.options.intervalMs);
  }
}
