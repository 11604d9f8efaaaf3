import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Notification } from '@app/persistence';

/** A notification with the child's name where the reader may see it identified, and the page's total. */
export type ListedNotification = Notification & { total: string; childName: string | null };

/** The caller's notifications' SQL, in the caller's RowSecurity transaction (nobody sees anyone else's). */
@Injectable()
export class NotificationStore {
  /**
   * One page, newest first and urgent first among the unread, with the window total. `identified`
   * is the access policy's condition over the case alias `c` for an identified view.
   */
  async page(
    em: EntityManager,
    recipientId: string,
    identified: { sql: string; params: Record<string, unknown> },
    filter: { unread?: boolean; page: number; pageSize: number },
  ): Promise<ListedNotification[]> {
    const [sql, values] = em.connection.driver.escapeQueryWithParameters(
      `SELECT n.*, count(*) OVER () AS "total", ch."childName"
         FROM notification n
         LEFT JOIN LATERAL (SELECT k."firstName" || ' ' || k."lastName" AS "childName" FROM bti_case c JOIN child k ON k.id = c."childId"
                             WHERE c.id = n."caseId" AND ${identified.sql}) ch ON true
        WHERE n."recipientId" = :me${readFilter(filter.unread)}
        ORDER BY n.urgent DESC, n."createdAt" DESC, n.id ASC LIMIT :limit OFFSET :offset`,
      { ...identified.params, me: recipientId, limit: filter.pageSize, offset: (filter.page - 1) * filter.pageSize },
    );
    return (await em.query(sql, values)) as ListedNotification[];
  }

  count(em: EntityManager, recipientId: string, unread: boolean | undefined): Promise<number> {
    return em.getRepository(Notification).createQueryBuilder('n').where(`n."recipientId" = :me${readFilter(unread)}`, { me: recipientId }).getCount();
  }

  /** Marks one read (idempotent: the first readAt is kept); null when it is not the recipient's. */
  async markRead(em: EntityManager, recipientId: string, id: string): Promise<Notification | null> {
    const repo = em.getRepository(Notification);
    await repo.createQueryBuilder().update().set({ readAt: () => 'now()' }).where('"id" = :id AND "recipientId" = :me AND "readAt" IS NULL', { id, me: recipientId }).execute();
    return repo.findOneBy({ id, recipientId });
  }

  /** Every unread notification of the recipient, now; how many. */
  async markAllRead(em: EntityManager, recipientId: string): Promise<number> {
    const result = await em
      .getRepository(Notification)
      .createQueryBuilder()
      .update()
      .set({ readAt: () => 'now()' })
      .where('"recipientId" = :me AND "readAt" IS NULL', { me: recipientId })
      .execute();
    return result.affected ?? 0;
  }
}

function readFilter(unread: boolean | undefined): string {
  return unread === true ? ' AND n."readAt" IS NULL' : unread === false ? ' AND n."readAt" IS NOT NULL' : '';
}
