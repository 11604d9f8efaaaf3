import type { EntityManager } from 'typeorm';
import { Notification } from '@app/persistence';

/** Every kind of notice a request sends (the worker's reminders have their own kinds, reminder-kinds.ts). */
export const NOTIFICATION_TYPES = [
  'case_assigned',
  'handover_offered',
  'transfer_offered',
  'consent_withdrawn',
  'iks_referred',
  'iks_accepted',
  'iks_returned',
  'iks_ended',
  'iks_competence_order',
  'iks_order_acknowledged',
  'citizen_statement',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** A notification about a case to some users (in-app, and by e-mail through the worker's dispatcher). */
export interface NotificationToSend {
  recipientIds: readonly string[];
  type: NotificationType;
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
