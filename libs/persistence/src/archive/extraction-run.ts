import type { DataSource } from 'typeorm';
import { writeExtraction, type ExtractionResult } from './extraction-writer.js';

/** The audit trail's actor for jobs and one-shot tasks (the nil UUID, `actorUsername` `system`). */
const SYSTEM_ACTOR_ID = '00000000-0000-0000-0000-000000000000';

export interface ExtractionRun {
  /** A row made by `POST /archive/extractions`; omitted by the CLI, which records its own. */
  extractionId?: string;
  municipalityId: string;
  from: string;
  to: string;
  outDir: string;
  dataKey: Buffer;
  /** Who the audit row names: the job run or the CLI. */
  requestId: string;
  onProgress?: (casesDone: number) => void | Promise<void>;
}

/**
 * Runs an extraction and records it: which cases it holds (archive_extraction_case, the deletion
 * gate's evidence once deposited), its status and count, and an `archive.extract` audit row with
 * ids and counts only. A failure marks the run `failed` and is rethrown.
 */
export async function runExtraction(ds: DataSource, run: ExtractionRun): Promise<{ extractionId: string } & ExtractionResult> {
  const extractionId =
    run.extractionId ??
    ((await ds.query(`INSERT INTO archive_extraction ("municipalityId", "periodFrom", "periodTo") VALUES ($1, $2, $3) RETURNING id`, [run.municipalityId, run.from, run.to])) as { id: string }[])[0].id;
  try {
    const result = await writeExtraction(ds, {
      ...run,
      // The closing the package holds: a case reopened and closed again later needs a new extraction (12.8.1).
      onCases: async (cases) => {
        await ds.query(
          `INSERT INTO archive_extraction_case ("extractionId", "caseId", "closedAt") SELECT $1, unnest($2::uuid[]), unnest($3::timestamptz[]) ON CONFLICT DO NOTHING`,
          [extractionId, cases.map((c) => c.id), cases.map((c) => c.closedAt)],
        );
      },
    });
    await ds.transaction(async (em) => {
      await em.query(`UPDATE archive_extraction SET status = 'done', cases = $2, "finishedAt" = now() WHERE id = $1`, [extractionId, result.mapper]);
      await em.query(
        `INSERT INTO "audit_event" ("municipalityId", "actorId", "actorUsername", "action", "caseId", "at", "requestId", "purpose", "detail")
         VALUES ($1, $2, 'system', 'archive.extract', NULL, now(), $3, 'arkivuttrekk (Noark 5)', $4)`,
        [run.municipalityId, SYSTEM_ACTOR_ID, run.requestId, { extractionId, from: run.from, to: run.to, cases: result.mapper, documents: result.dokumentobjekter }],
      );
    });
    return { extractionId, ...result };
  } catch (error) {
    await ds.query(`UPDATE archive_extraction SET status = 'failed', "finishedAt" = now() WHERE id = $1`, [extractionId]);
    throw error;
  }
}
