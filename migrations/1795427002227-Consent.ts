import { MigrationInterface, QueryRunner } from "typeorm";

export class Consent1795427002227 implements MigrationInterface {
    name = 'Consent1795427002227'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "consent" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "caseId" uuid NOT NULL,
                "givenByName" character varying(100) NOT NULL,
                "givenByRelation" character varying(40) NOT NULL,
                "recipients" text array NOT NULL,
                "purpose" text NOT NULL,
                "form" character varying(10) NOT NULL,
                "recordedById" uuid NOT NULL,
                "validFrom" TIMESTAMP WITH TIME ZONE NOT NULL,
                "validUntil" TIMESTAMP WITH TIME ZONE,
                "withdrawnAt" TIMESTAMP WITH TIME ZONE,
                "withdrawnById" uuid,
                "withdrawalReason" text,
                "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_9115e8d6b082d4fc46d56134d29" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_3a64b25815c6f7ea7a62246c46" ON "consent" ("caseId")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."IDX_3a64b25815c6f7ea7a62246c46"
        `);
        await queryRunner.query(`
            DROP TABLE "consent"
        `);
    }

}
