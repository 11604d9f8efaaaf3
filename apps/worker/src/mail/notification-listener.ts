import { Logger } from '@nestjs/common';
import pg from 'pg';

/** The channel the `notification_created_notify` trigger (migration MailDelivery) signals on. */
export const NOTIFICATION_CHANNEL = 'bti_notification_created';

/**
 * LISTENs for new notifications on its own connection and calls `onNotify`, so e-mail goes out
 * within moments of the commit. Best effort: on a lost connection it reconnects after a pause,
 * and the dispatcher's interval covers the gap.
 */
export class NotificationListener {
  private readonly logger = new Logger('NotificationListener');
  private client: pg.Client | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  /** True while LISTENing (tests wait for it). */
  listening = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly onNotify: () => void,
  ) {}

  start(): void {
    void this.connect();
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.databaseUrl });
    this.client = client;
    client.on('notification', () => this.onNotify());
    client.on('error', () => this.retry(client));
    client.on('end', () => this.retry(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${NOTIFICATION_CHANNEL}`);
      this.listening = true;
      this.onNotify(); // anything written while we were not listening
    } catch (error) {
      this.logger.warn(`LISTEN mislyktes, prøver igjen: ${(error as Error).message}`);
      this.retry(client);
    }
  }

  private retry(client: pg.Client): void {
    if (this.stopped || this.client !== client || this.retryTimer) return;
    this.client = null;
    this.listening = false;
    client.end().catch(() => undefined);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, 5_000);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.client?.end().catch(() => undefined);
    this.client = null;
    this.listening = false;
  }
}
