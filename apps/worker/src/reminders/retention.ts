import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { ResolvedWorkerOptions } from './worker-options.js';

/**
 * Deletes settled reminders (fired, obsolete, cancelled) after `settledRetentionMs`, a page at a
 * time (short transactions, no long lock); their notifications keep the reminder's key. Runs as a
 * scheduled job, so one worker at a time does it. (Round one's `outbox` is gone: migration
 * ForeignKeys dropped it, nothing had written it since the due-sweep.)
 */
export class Retention {
  private readonly logger = new Logger('Retention');

  constructor(
    private readonly ds: DataSource,
    private readonly options: ResolvedWorkerOptions,
  ) {}

  async run(): Promise<{ reminders: number }> {
    const reminders = await this.pages(
      `DELETE FROM "scheduled_reminder" WHERE "id" IN (
         SELECT "id" FROM "scheduled_reminder"
         WHERE "status" <> 'pending' AND "settledAt" < now() - make_interval(secs => $1::float8 / 1000) LIMIT $2)`,
      this.options.settledRetentionMs,
    );
    if (reminders > 0) this.logger.log(`Opprydding: ${reminders} avsluttede påminnelser slettet`);
    return { reminders };
  }

  private async pages(sql: string, retentionMs: number): Promise<number> {
    let total = 0;
    for (;;) {
      const result: unknown = await this.ds.query(sql, [retentionMs, this.options.retentionPageSize]);
      // DELETE comes back from TypeORM's pg driver as [rows, count].
      const count = Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
      total += count;
      if (count < this.options.retentionPageSize) return total;
    }
  }
}
