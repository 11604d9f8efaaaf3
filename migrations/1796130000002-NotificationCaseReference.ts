import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notices say which case (DESIGN 12.1): every notification about a case carries the case
 * reference (`caseReference`) and its text begins «Sak BTI-2026-0042: » — never the child's name.
 * One insert trigger covers every writer (the API's requests and the worker's reminders). It is
 * owner-defined (SECURITY DEFINER) because the writer may just have lost sight of the case (an
 * IKS return, a rejected transfer) and yet must notify about it.
 */
export class NotificationCaseReference1796130000002 implements MigrationInterface {
  name = 'NotificationCaseReference1796130000002';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "notification" ADD "caseReference" varchar(20)`);
    await q.query(`
      UPDATE notification n SET "caseReference" = c.reference, message = 'Sak ' || c.reference || ': ' || n.message
        FROM bti_case c WHERE c.id = n."caseId"`);
    await q.query(`
      CREATE FUNCTION bti_notification_case_reference() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        IF NEW."caseId" IS NOT NULL THEN
          SELECT reference INTO NEW."caseReference" FROM bti_case WHERE id = NEW."caseId";
          IF NEW."caseReference" IS NOT NULL AND NEW.message NOT LIKE 'Sak ' || NEW."caseReference" || ':%' THEN
            NEW.message := 'Sak ' || NEW."caseReference" || ': ' || NEW.message;
          END IF;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION bti_notification_case_reference() FROM PUBLIC`);
    await q.query(`
      CREATE TRIGGER bti_notification_case_reference BEFORE INSERT ON "notification"
      FOR EACH ROW EXECUTE FUNCTION bti_notification_case_reference()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER bti_notification_case_reference ON "notification"`);
    await q.query(`DROP FUNCTION bti_notification_case_reference()`);
    await q.query(`ALTER TABLE "notification" DROP COLUMN "caseReference"`);
  }
}
