import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EmailMode } from '@app/persistence';

/** A user's e-mail notice setting, in their own RowSecurity transaction (row-level security: their own row only). */
@Injectable()
export class NotificationSettingStore {
  /** The mode (immediate unless chosen) and the address the notices go to. */
  async read(em: EntityManager, userId: string): Promise<{ emailMode: EmailMode; email: string | null }> {
    const [row]: { emailMode: EmailMode | null; email: string | null }[] = await em.query(
      `SELECT s."emailMode", u.email FROM app_user u LEFT JOIN notification_setting s ON s."userId" = u.id WHERE u.id = $1`,
      [userId],
    );
    return { emailMode: row?.emailMode ?? 'immediate', email: row?.email ?? null };
  }

  async save(em: EntityManager, userId: string, emailMode: EmailMode): Promise<void> {
    await em.query(
      `INSERT INTO notification_setting ("userId", "emailMode") VALUES ($1, $2)
       ON CONFLICT ("userId") DO UPDATE SET "emailMode" = EXCLUDED."emailMode", "updatedAt" = now()`,
      [userId, emailMode],
    );
  }
}
