import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { EntityManager } from 'typeorm';
import { ARCHIVE_JOB_OPTIONS, ARCHIVE_QUEUE, REDIS, type AppConfig, type ArchiveJobs } from '@app/platform';
import type { Principal } from '../auth/principal.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { ProblemException, problems } from '../common/problem.js';
import { RowSecurity } from '../database/row-security.js';
import type { DeletionReport, ExtractionView } from './archive.dto.js';

const VIEW = `id, status, cases, "periodFrom"::text AS "from", "periodTo"::text AS "to", "createdAt", "finishedAt", "depositedAt", "depositReference"`;

/**
 * The archivist's extractions (DESIGN 12.5): rows in archive_extraction under row-level security
 * (own municipality), the work on the worker's archive queue with the row's id as the only payload.
 */
@Injectable()
export class ArchiveService implements OnModuleDestroy {
  private readonly queue: Queue<ArchiveJobs['extract']>;
  readonly archiveDir: string;

  constructor(
    private readonly rowSecurity: RowSecurity,
    private readonly audit: AuditTrail,
    @Inject(REDIS) redis: Redis,
    config: ConfigService,
  ) {
    this.queue = new Queue(ARCHIVE_QUEUE, { connection: redis });
    this.archiveDir = config.getOrThrow<AppConfig>('app').archiveDir;
  }

  async onModuleDestroy(): Promise<void> {
    await this.queue.close();
  }

  async start(principal: Principal, from: string, to: string): Promise<{ id: string }> {
    if (from > to) throw problems.validation([{ field: 'to', message: 'må være samme dag som eller etter «from»' }]);
    const id = await this.rowSecurity.transaction(principal, async (em) => {
      const [row] = (await em.query(
        `INSERT INTO archive_extraction ("municipalityId", "periodFrom", "periodTo", "requestedById") VALUES ($1, $2, $3, $4) RETURNING id`,
        [principal.municipalityId, from, to, principal.userId],
      )) as { id: string }[];
      await this.audit.recordChange(em, principal, 'archive.extract', { target: { type: 'archive_extraction', id: row.id }, before: null, after: { from, to } });
      return row.id;
    });
    try {
      await this.queue.add('extract', { extractionId: id }, { ...ARCHIVE_JOB_OPTIONS, jobId: id });
    } catch {
      await this.rowSecurity.transaction(principal, (em) => em.query(`UPDATE archive_extraction SET status = 'failed' WHERE id = $1`, [id]).then(() => undefined)).catch(() => undefined);
      throw new ProblemException(503, 'UNAVAILABLE', 'Køen er ikke tilgjengelig nå. Prøv igjen om litt.');
    }
    return { id };
  }

  get(principal: Principal, id: string): Promise<ExtractionView> {
    return this.rowSecurity.transaction(principal, (em) => this.find(em, id));
  }

  async deposited(principal: Principal, id: string, reference: string): Promise<ExtractionView> {
    return this.rowSecurity.transaction(principal, async (em) => {
      const current = await this.find(em, id, true);
      if (current.status !== 'done') throw new ProblemException(409, 'EXTRACTION_NOT_DONE', 'Bare et ferdig uttrekk kan registreres som avlevert.');
      if (current.depositedAt) throw new ProblemException(409, 'ALREADY_DEPOSITED', 'Uttrekket er allerede registrert som avlevert.');
      await em.query(`UPDATE archive_extraction SET "depositedAt" = now(), "depositReference" = $2, "depositedById" = $3 WHERE id = $1`, [id, reference, principal.userId]);
      await this.audit.recordChange(em, principal, 'archive.deposit', { target: { type: 'archive_extraction', id }, before: null, after: { reference } });
      return this.find(em, id);
    });
  }

  /** The package's directory once done; the download is audited. */
  async packageDir(principal: Principal, id: string): Promise<string> {
    return this.rowSecurity.transaction(principal, async (em) => {
      const current = await this.find(em, id);
      if (current.status !== 'done') throw new ProblemException(409, 'EXTRACTION_NOT_DONE', 'Uttrekket er ikke ferdig.');
      await this.audit.recordChange(em, principal, 'archive.download', { target: { type: 'archive_extraction', id }, before: null, after: null });
      return `${this.archiveDir}/${id}`;
    });
  }

  /** The deletion report (auditor): one row per job run and rule, newest first. */
  async deletions(principal: Principal): Promise<DeletionReport> {
    return this.rowSecurity.transaction(principal, async (em) => {
      const items = (await em.query(
        `SELECT id, "jobRun", rule, cases, "ranAt" FROM retention_deletion WHERE "municipalityId" = $1 ORDER BY "ranAt" DESC, id LIMIT 1000`,
        [principal.municipalityId],
      )) as DeletionReport['items'];
      await this.audit.record(em, principal, 'retention.read', []);
      return { items, totalCases: items.reduce((n, r) => n + r.cases, 0) };
    });
  }

  private async find(em: EntityManager, id: string, lock = false): Promise<ExtractionView> {
    const [row] = (await em.query(`SELECT ${VIEW} FROM archive_extraction WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id])) as ExtractionView[];
    if (!row) throw problems.notFound();
    return row;
  }
}
