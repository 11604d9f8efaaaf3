import { join } from 'node:path';
import { rm } from 'node:fs/promises';
import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { runExtraction } from '@app/persistence/archive/index.js';
import { ARCHIVE_JOB_OPTIONS, ARCHIVE_QUEUE, createRedis, RETENTION_RUN_SCHEDULER, type AppConfig, type ArchiveJobName, type ArchiveJobs } from '@app/platform';
import { CaseDeletion } from './case-deletion.js';

/**
 * The archive queue's processor (DESIGN 12.5): extractions started over HTTP, written under
 * ARCHIVE_DIR/<extraction id>/, and the daily deletion run (a job scheduler, so one worker runs it
 * per day however many there are). One job at a time: an extraction is long and its memory flat.
 */
@Injectable()
export class ArchivePipeline implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ArchivePipeline');
  private readonly app: AppConfig;
  private connection: Redis | null = null;
  private worker: Worker<ArchiveJobs[ArchiveJobName], unknown, ArchiveJobName> | null = null;
  readonly deletion: CaseDeletion;

  constructor(private readonly ds: DataSource, config: ConfigService) {
    this.app = config.getOrThrow<AppConfig>('app');
    this.deletion = new CaseDeletion(ds);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.connection = createRedis(this.app.redisUrl);
    this.connection.on('error', () => undefined);
    this.worker = new Worker(ARCHIVE_QUEUE, (job) => this.process(job), { connection: this.connection, concurrency: 1 });
    this.worker.on('error', (error) => this.logger.warn(`Worker-feil: ${error.message}`));
    const queue = new Queue(ARCHIVE_QUEUE, { connection: this.connection });
    try {
      // 02:15 Oslo time, once a day across workers.
      await queue.upsertJobScheduler(RETENTION_RUN_SCHEDULER, { pattern: '15 2 * * *', tz: 'Europe/Oslo' }, { name: 'retention-run', data: {}, opts: ARCHIVE_JOB_OPTIONS });
    } catch (error) {
      this.logger.warn(`Kunne ikke planlegge daglig sletting: ${(error as Error).message}`);
    } finally {
      await queue.close();
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.connection?.quit().catch(() => this.connection?.disconnect());
  }

  private async process(job: Job<ArchiveJobs[ArchiveJobName], unknown, ArchiveJobName>): Promise<unknown> {
    if (job.name === 'retention-run') return this.deletion.run(`job:${job.id}`);
    return this.extract(job as Job<ArchiveJobs['extract']>);
  }

  /** Re-reads the row: a run that is no longer `running` is not started again. */
  private async extract(job: Job<ArchiveJobs['extract']>): Promise<{ cases: number }> {
    const { extractionId } = job.data;
    const [row] = (await this.ds.query(
      `SELECT "municipalityId", "periodFrom"::text AS "from", "periodTo"::text AS "to", status FROM archive_extraction WHERE id = $1`,
      [extractionId],
    )) as { municipalityId: string; from: string; to: string; status: string }[];
    if (!row || row.status !== 'running') return { cases: 0 };
    const outDir = join(this.app.archiveDir, extractionId);
    await rm(outDir, { recursive: true, force: true });
    try {
      const result = await runExtraction(this.ds, {
        extractionId, municipalityId: row.municipalityId, from: row.from, to: row.to, outDir, dataKey: this.app.dataEncryptionKey,
        requestId: `job:${job.id}`,
        onProgress: (cases) => job.updateProgress({ cases }),
      });
      this.logger.log(`Arkivuttrekk ${extractionId} ferdig: ${result.mapper} saker`);
      return { cases: result.mapper };
    } catch (error) {
      await rm(outDir, { recursive: true, force: true });
      this.logger.warn(`Arkivuttrekk ${extractionId} feilet: ${(error as Error).message}`);
      throw error;
    }
  }
}
