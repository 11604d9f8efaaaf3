import type { EntityManager } from 'typeorm';
import { Notification } from '@app/persistence';

/** A notification about a case to some users (in-app, and by e-mail through the worker's dispatcher). */
export interface NotificationToSend {
  recipientIds: readonly string[];
  type: string;
  message: string;
  urgent?: boolean;
}

/** The one writer of a request's notifications: one INSERT for all recipients, each at most once. */
export async function notify(em: EntityManager, caseId: string, n: NotificationToSend): Promise<void> {
  const recipients = [...new Set(n.recipientIds)];
  if (!recipients.length) return;
  // Without RETURNING: the caller may write a notification to someone else but not read it (row-level security).
  await em
    .createQueryBuilder()
    .insert()
    .into(Notification)
    .values(recipients.map((recipientId) => ({ recipientId, type: n.type, caseId, dueAt: null, message: n.message, urgent: n.urgent ?? false })))
    .updateEntity(false)
    .execute();
}
