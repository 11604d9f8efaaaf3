import { MigrationInterface, QueryRunner } from "typeorm";

export class Initial1795426836918 implements MigrationInterface {
    name = 'Initial1795426836918'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "municipality" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "code" character varying(60) NOT NULL,
                "name" character varying(200) NOT NULL,
                "profile" jsonb NOT NULL,
                CONSTRAINT "UQ_f01eb47e7b81481ca5a146a786d" UNIQUE ("code"),
                CONSTRAINT "PK_281ad341f20df7c41b83a182e2a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "cluster" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "municipalityId" uuid NOT NULL,
                "code" character varying(60) NOT NULL,
                "name" character varying(200) NOT NULL,
                CONSTRAINT "UQ_e670aa1312681d9efc8b8ffc465" UNIQUE ("municipalityId", "code"),
                CONSTRAINT "PK_b09d39b9491ce5cb1e8407761fd" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "unit" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "municipalityId" uuid NOT NULL,
                "clusterId" uuid NOT NULL,
                "code" character varying(60) NOT NULL,
                "name" character varying(200) NOT NULL,
                "kind" character varying(40) NOT NULL,
                CONSTRAINT "UQ_a596f33947e346eae15ef7ab801" UNIQUE ("municipalityId", "code"),
                CONSTRAINT "PK_4252c4be609041e559f0c80f58a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_0911f9623557f12176eb7b0715" ON "unit" ("clusterId")
        `);
        await queryRunner.query(`
            CREATE TABLE "app_user" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "municipalityId" uuid NOT NULL,
                "username" character varying(100) NOT NULL,
                "displayName" character varying(200) NOT NULL,
                "externalSubject" character varying(200),
                "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_c480e576dd71729addbc2d51b67" UNIQUE ("username"),
                CONSTRAINT "UQ_58c2974e25cb437e3382fa97444" UNIQUE ("externalSubject"),
                CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_e808a4be434de0c0353b026806" ON "app_user" ("municipalityId")
        `);
        await queryRunner.query(`
            CREATE TABLE "role_assignment" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "userId" uuid NOT NULL,
                "role" character varying(40) NOT NULL,
                "scopeType" character varying(20) NOT NULL,
                "scopeId" uuid NOT NULL,
                CONSTRAINT "UQ_375f8de239291a019bb38f9dc21" UNIQUE ("userId", "role", "scopeType", "scopeId"),
                CONSTRAINT "PK_7e79671a8a5db18936173148cb4" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_db5b72c16227c97ca88734d5c2" ON "role_assignment" ("userId")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_a89b134cbca7ee15a09b3f8399" ON "role_assignment" ("scopeId")
        `);
        await queryRunner.query(`
            CREATE TABLE "child" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "municipalityId" uuid NOT NULL,
                "firstName" character varying(100) NOT NULL,
                "lastName" character varying(100) NOT NULL,
                "birthDate" date NOT NULL,
                "nationalIdEncrypted" text,
                "nationalIdHash" character varying(64),
                "guardians" jsonb NOT NULL DEFAULT '[]',
                CONSTRAINT "PK_4609b9b323ca37c6bc435ec4b6b" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_ea0c598a697fa0ae0ee6a8c748" ON "child" ("municipalityId")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_388769bcc14d03963a94e9c7c5" ON "child" ("nationalIdHash")
        `);
        await queryRunner.query(`
            CREATE TABLE "bti_case" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "municipalityId" uuid NOT NULL,
                "unitId" uuid NOT NULL,
                "clusterId" uuid NOT NULL,
                "childId" uuid NOT NULL,
                "reporterId" uuid NOT NULL,
                "assigneeId" uuid,
                "status" character varying(20) NOT NULL,
                "route" character varying(30),
                "level" smallint NOT NULL DEFAULT '0',
                "anonymous" boolean NOT NULL DEFAULT false,
                "suspectedViolenceOrAbuse" boolean NOT NULL DEFAULT false,
                "childWelfareReportedAt" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_aeb9bdd84a1630d749be91c9a17" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_4bee3db45b4f4532ae53ad521b" ON "bti_case" ("municipalityId")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_d7ccd46fcaa85d3ed41579de22" ON "bti_case" ("childId")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_065765d4ad81b6a4c2e2142fd6" ON "bti_case" ("reporterId")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_fd49b6a8b8eafe47aa5f5ef456" ON "bti_case" ("assigneeId")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_4b42c3c09dd15a5db647bda2d7" ON "bti_case" ("unitId", "status", "createdAt")
        `);
        await queryRunner.query(`
            CREATE TABLE "concern" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "caseId" uuid NOT NULL,
                "description" text NOT NULL,
                "categories" text array NOT NULL DEFAULT '{}',
                "riskFactors" text array NOT NULL DEFAULT '{}',
                "protectiveFactors" text array NOT NULL DEFAULT '{}',
                "childVoice" text,
                "suspectedViolenceOrAbuse" boolean NOT NULL DEFAULT false,
                "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_28a34880842907a04edcf8308fc" UNIQUE ("caseId"),
                CONSTRAINT "PK_17272f51582db9d4ed6af9c7007" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "case_log_entry" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "caseId" uuid NOT NULL,
                "type" character varying(40) NOT NULL,
                "actorId" uuid,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
                "text" text NOT NULL,
                "data" jsonb NOT NULL DEFAULT '{}',
                CONSTRAINT "PK_e475a91c6f3fec247878988a401" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_b5e062e894ff869cde38f7bcff" ON "case_log_entry" ("caseId", "at")
        `);
        await queryRunner.query(`
            CREATE TABLE "idempotency_key" (
                "actorId" uuid NOT NULL,
                "key" character varying(200) NOT NULL,
                "requestHash" character varying(64) NOT NULL,
                "caseId" uuid NOT NULL,
                "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_1d4765ac2173504a290d5d5b3d5" PRIMARY KEY ("actorId", "key")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "notification" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "recipientId" uuid NOT NULL,
                "type" character varying(40) NOT NULL,
                "caseId" uuid,
                "dueAt" TIMESTAMP WITH TIME ZONE,
                "message" text NOT NULL,
                "urgent" boolean NOT NULL DEFAULT false,
                "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "readAt" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_f18e9c7271417dbebe978411bc" ON "notification" ("caseId")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_2b6c323721a50ee7f215397848" ON "notification" ("recipientId", "readAt")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."IDX_2b6c323721a50ee7f215397848"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_f18e9c7271417dbebe978411bc"
        `);
        await queryRunner.query(`
            DROP TABLE "notification"
        `);
        await queryRunner.query(`
            DROP TABLE "idempotency_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_b5e062e894ff869cde38f7bcff"
        `);
        await queryRunner.query(`
            DROP TABLE "case_log_entry"
        `);
        await queryRunner.query(`
            DROP TABLE "concern"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_4b42c3c09dd15a5db647bda2d7"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_fd49b6a8b8eafe47aa5f5ef456"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_065765d4ad81b6a4c2e2142fd6"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_d7ccd46fcaa85d3ed41579de22"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_4bee3db45b4f4532ae53ad521b"
        `);
        await queryRunner.query(`
            DROP TABLE "bti_case"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_388769bcc14d03963a94e9c7c5"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_ea0c598a697fa0ae0ee6a8c748"
        `);
        await queryRunner.query(`
            DROP TABLE "child"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_a89b134cbca7ee15a09b3f8399"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_db5b72c16227c97ca88734d5c2"
        `);
        await queryRunner.query(`
            DROP TABLE "role_assignment"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_e808a4be434de0c0353b026806"
        `);
        await queryRunner.query(`
            DROP TABLE "app_user"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_0911f9623557f12176eb7b0715"
        `);
        await queryRunner.query(`
            DROP TABLE "unit"
        `);
        await queryRunner.query(`
            DROP TABLE "cluster"
        `);
        await queryRunner.query(`
            DROP TABLE "municipality"
        `);
    }

}
