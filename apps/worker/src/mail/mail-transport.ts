import type { MailConfig } from '@app/platform';
import { createTransport, type Transporter } from 'nodemailer';
import type { MailContent } from './mail-content.js';

/**
 * The SMTP side: nodemailer over SMTP_URL. Message-IDs are derived from our row ids, so a
 * message sent twice (a crash between the server's acceptance and our record of it) can still be
 * recognised as one by the receiving side.
 */
export class MailTransport {
  private readonly transporter: Transporter;
  private readonly domain: string;

  constructor(private readonly config: MailConfig & { smtpUrl: string }) {
    // Short timeouts: a relay that hangs fails the attempt, and the job's backoff tries again.
    this.transporter = createTransport(
      { url: config.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 },
      { from: config.from },
    );
    this.domain = /@([^\s<>@]+)>?\s*$/.exec(config.from)?.[1] ?? 'bti.localhost';
  }

  /** `<notice.<id>@domain>` or `<digest.<id>@domain>`. */
  messageIdFor(kind: 'notice' | 'digest' | 'citizen', id: string): string {
    return `<${kind}.${id}@${this.domain}>`;
  }

  /** Resolves when the server has accepted the message for every recipient. */
  async send(to: string, messageId: string, content: MailContent): Promise<void> {
    const info = await this.transporter.sendMail({ to, messageId, ...content, headers: { 'Auto-Submitted': 'auto-generated' } });
    if ((info.rejected ?? []).length > 0) throw new Error(`SMTP-tjeneren avviste mottakeren (${info.response ?? 'uten svar'})`);
  }

  close(): void {
    this.transporter.close();
  }
}

/** An SMTP error for the delivery row and the log: one line, without any address in it. */
export function describeMailError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .replace(/[^\s<>"'@]+@[^\s<>"'@]+/g, '<adresse>')
    .replace(/\s+/g, ' ')
    .slice(0, 500);
}
