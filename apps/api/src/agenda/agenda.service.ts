import { Injectable } from '@nestjs/common';
import { scopesOf } from '@app/domain';
import { toActor, type Principal } from '../auth/principal.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { CaseAccessPolicy } from '../case-core/case-access.policy.js';
import { preparedQuery } from '../database/prepared.js';
import { RowSecurity } from '../database/row-security.js';
import type { AgendaItem, AgendaKind, AgendaResponse } from './agenda.dto.js';

const OSLO_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' });
/** Log tasks have no «done» yet: an overdue task stays on the agenda this many days. */
const TASK_OVERDUE_DAYS = 14;

/**
 * `GET /me/agenda` (DESIGN 12.1): what is due or overdue for the caller, read from the reminder
 * schedule (`scheduled_reminder`) and the rows it is about (tasks, measures, the case's own
 * handover and transfer columns): no bookkeeping of its own. Only cases the caller may see.
 */
@Injectable()
export class AgendaService {
  constructor(
    private readonly rowSecurity: RowSecurity,
    private readonly policy: CaseAccessPolicy,
    private readonly audit: AuditTrail,
  ) {}

  async agenda(principal: Principal, days: number): Promise<AgendaResponse> {
    const now = new Date();
    const until = new Date(now.getTime() + days * 86_400_000);
    const leaderUnits = scopesOf(toActor(principal), 'unit_leader', 'unit');
    const visible = this.policy.visibleCondition(principal, now);
    const sql = AGENDA_SQL.replaceAll(':visible', visible.sql);
    return this.rowSecurity.transaction(principal, async (em) => {
      const [text, values] = em.connection.driver.escapeQueryWithParameters(sql, {
        ...visible.params,
        me: principal.userId,
        leaderUnits,
        until,
        lastDay: OSLO_DATE.format(until),
        firstTaskDay: OSLO_DATE.format(new Date(now.getTime() - TASK_OVERDUE_DAYS * 86_400_000)),
      });
      // Prepared: six branches, each with the case's row policy, took longer to plan than to run
      // (docs/BENCHMARKS.md, run 16); the text has one shape per set of the caller's roles.
      const rows = await preparedQuery<{ kind: AgendaKind; caseId: string; reference: string; dueAt: Date; subjectId: string | null }[]>(em, text, values);
      await this.audit.record(em, principal, 'case.agenda', [...new Set(rows.map((r) => r.caseId))]);
      const items: AgendaItem[] = rows.map((r) => ({
        kind: r.kind,
        caseId: r.caseId,
        reference: r.reference,
        dueAt: r.dueAt,
        overdue: r.dueAt < now && (r.kind !== 'handover' && r.kind !== 'transfer'),
        ...(r.subjectId ? { subjectId: r.subjectId } : {}),
        link: `/saker/${r.caseId}`,
      }));
      return { items, until };
    });
  }
}

const OSLO_DAY = (date: string) => `(${date}::timestamp AT TIME ZONE 'Europe/Oslo')`;
const UNDECIDED = `c.status IN ('discovered', 'assessing', 'deciding')`;

/** One branch per kind; `:visible` is the access layer's condition over `c`. */
const AGENDA_SQL = `
SELECT 'task' AS kind, c.id AS "caseId", c.reference, ${OSLO_DAY('t."dueDate"')} AS "dueAt", t.id::text AS "subjectId"
  FROM case_task t JOIN bti_case c ON c.id = t."caseId"
 WHERE t."responsibleId" = :me AND c.status <> 'closed' AND t."dueDate" BETWEEN CAST(:firstTaskDay AS date) AND CAST(:lastDay AS date) AND :visible
UNION ALL
SELECT 'evaluation', c.id, c.reference, ${OSLO_DAY('m."evaluationDate"')}, m.id::text
  FROM measure m JOIN bti_case c ON c.id = m."caseId"
 WHERE m."responsibleId" = :me AND m."evaluationDate" <= CAST(:lastDay AS date) AND :visible
   AND EXISTS (SELECT 1 FROM scheduled_reminder r WHERE r."caseId" = c.id AND r."subjectId" = m.id::text
                 AND r.kind IN ('evaluation_due', 'evaluation_overdue') AND r.status = 'pending')
UNION ALL
SELECT 'decision', c.id, c.reference, r."dueAt", NULL
  FROM bti_case c JOIN scheduled_reminder r ON r."caseId" = c.id AND r.kind = 'decision_due' AND r.status IN ('pending', 'fired')
 WHERE c."assigneeId" = :me AND ${UNDECIDED} AND r."dueAt" <= :until AND :visible
UNION ALL
SELECT 'handover', c.id, c.reference, c."updatedAt", NULL FROM bti_case c WHERE c."pendingAssigneeId" = :me AND :visible
UNION ALL
SELECT 'transfer', c.id, c.reference, c."updatedAt", NULL FROM bti_case c WHERE c."transferToUnitId" = ANY(CAST(:leaderUnits AS uuid[])) AND :visible
UNION ALL
SELECT 'report', c.id, c.reference, r."dueAt", NULL
  FROM bti_case c JOIN scheduled_reminder r ON r."caseId" = c.id AND r.kind = 'child_welfare_report_missing' AND r.status IN ('pending', 'fired')
 WHERE c."unitId" = ANY(CAST(:leaderUnits AS uuid[])) AND c."suspectedViolenceOrAbuse" AND c."childWelfareReportedAt" IS NULL
   AND c.status <> 'closed' AND r."dueAt" <= :until AND :visible
ORDER BY "dueAt", kind, "caseId"`;
