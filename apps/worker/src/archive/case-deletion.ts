import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

const PAGE = 100;

/**
 * Kassasjon (DESIGN 12.5): the daily run deletes the personal data of every closed case whose
 * `deleteAfter` has passed and whose gate is open (archived and deposited, or a disposal basis),
 * one case per transaction through `bti_erase_case` (migration CaseErasure), then records the
 * deletion report (cases per municipality and rule for this run). Ids and counts only in logs.
 */
export class CaseDeletion {
  private readonly logger = new Logger('CaseDeletion');

  constructor(private readonly ds: DataSource) {}

  async run(jobRun: string): Promise<{ deleted: number }> {
    const counts = new Map<string, { municipalityId: string; rule: string; cases: number }>();
    let deleted = 0;
    for (;;) {
      const due = (await this.ds.query(`SELECT "caseId", "municipalityId" FROM bti_retention_due(NULL, $1)`, [PAGE])) as { caseId: string; municipalityId: string }[];
      let progressed = 0;
      for (const { caseId, municipalityId } of due) {
        const [{ rule }] = (await this.ds.query(`SELECT bti_erase_case($1, $2) AS rule`, [caseId, jobRun])) as { rule: string | null }[];
        if (!rule) continue;
        progressed += 1;
        const key = `${municipalityId}:${rule}`;
        const entry = counts.get(key) ?? { municipalityId, rule, cases: 0 };
        entry.cases += 1;
        counts.set(key, entry);
      }
      deleted += progressed;
      if (due.length < PAGE || progressed === 0) break;
    }
    for (const { municipalityId, rule, cases } of counts.values()) {
      await this.ds.query(
        `INSERT INTO retention_deletion ("municipalityId", "jobRun", rule, cases) VALUES ($1, $2, $3, $4)
         ON CONFLICT ("municipalityId", "jobRun", rule) DO UPDATE SET cases = retention_deletion.cases + EXCLUDED.cases`,
        [municipalityId, jobRun, rule, cases],
      );
    }
    if (deleted > 0) this.logger.log(`Kassasjon ${jobRun}: ${deleted} saker slettet`);
    return { deleted };
  }
}
