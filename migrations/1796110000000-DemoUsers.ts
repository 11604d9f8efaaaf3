import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `app_user.demo`: dev login issues tokens only to users the demo seed marks (DESIGN 12.8.4).
 * Nothing but the seed sets it, so existing users (and users made later by SCIM or an admin) are
 * not demo users.
 */
export class DemoUsers1796110000000 implements MigrationInterface {
  name = 'DemoUsers1796110000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "app_user" ADD "demo" boolean NOT NULL DEFAULT false`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "app_user" DROP COLUMN "demo"`);
  }
}
