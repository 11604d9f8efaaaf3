import { MigrationInterface, QueryRunner } from 'typeorm';
import { NOT_CITIZEN } from './family-access/citizen-policies.js';

/**
 * Measures and their evaluations follow the rule of the log entry that recorded them (DESIGN 12.4):
 * a guardian does not see those added from the youth's selfConsentAge unless the youth shares.
 * Such entries are never confidential, so the entry rule is asked with no confidential reason.
 */
const TABLES = ['measure', 'measure_evaluation'];

export class CitizenMeasures1796206000000 implements MigrationInterface {
  name = 'CitizenMeasures1796206000000';

  public async up(q: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await q.query(
        `CREATE POLICY "${table}_citizen_read" ON "${table}" AS RESTRICTIVE FOR SELECT TO bti_app
           USING (${NOT_CITIZEN} OR bti_citizen_sees_entry("caseId", "createdAt", NULL))`,
      );
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await q.query(`DROP POLICY "${table}_citizen_read" ON "${table}"`);
  }
}
