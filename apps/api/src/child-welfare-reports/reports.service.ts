import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { may, type ChildWelfareReportChannel } from '@app/domain';
import { ChildWelfareReport, toCaseState } from '@app/persistence';
import { toActor, type Principal } from '../auth/principal.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { problems } from '../common/problem.js';
import { CaseAccessPolicy } from '../case-core/case-access.policy.js';
import { RowSecurity } from '../database/row-security.js';
import { CaseStore } from '../case-core/case-store.js';
import type { OffentligBekymringsmelding } from './report-document.js';
import { renderReportHtml } from './report-html.js';
import { ChildWelfareReportRecorder } from './report-recorder.js';
import { validateReportDocument } from './report-schema.js';
import type { ReportStatus } from './report-status.js';
import type { ChildWelfareReportListResponse, ChildWelfareReportSummary } from './dto/report-views.dto.js';

/**
 * Reads of reports: the case's access rules decide (a hidden case is 404), the document carries
 * the child's identity so an anonymised view of the case gets 403, and every read is audited in
 * the same transaction.
 */
@Injectable()
export class ChildWelfareReportsService {
  constructor(
    private readonly rowSecurity: RowSecurity,
    private readonly store: CaseStore,
    private readonly audit: AuditTrail,
    private readonly recorder: ChildWelfareReportRecorder,
  ) {}

  list(principal: Principal, caseId: string): Promise<ChildWelfareReportListResponse> {
    return this.rowSecurity.transaction(principal, async (em) => {
      await this.identifiedCase(em, principal, caseId);
      const rows = await em.find(ChildWelfareReport, { where: { caseId }, order: { recordedAt: 'ASC', id: 'ASC' } });
      await this.audit.record(em, principal, 'case.child_welfare_report.list', [caseId]);
      return { items: rows.map(summary), total: rows.length };
    });
  }

  /** The KS Fiks v2 document, validated against the schema again on the way out. */
  document(principal: Principal, caseId: string, reportId: string): Promise<OffentligBekymringsmelding> {
    return this.rowSecurity.transaction(principal, async (em) => {
      const report = await this.load(em, principal, caseId, reportId);
      await this.audit.record(em, principal, 'case.child_welfare_report.read', [caseId]);
      return this.validDocument(report);
    });
  }

  printable(principal: Principal, caseId: string, reportId: string): Promise<{ html: string; id: string }> {
    return this.rowSecurity.transaction(principal, async (em) => {
      const report = await this.load(em, principal, caseId, reportId);
      await this.audit.record(em, principal, 'case.child_welfare_report.print', [caseId]);
      const html = renderReportHtml(this.validDocument(report), {
        id: report.id,
        status: report.status as ReportStatus,
        channel: report.channel as ChildWelfareReportChannel,
        reference: report.reference,
        recordedAt: report.recordedAt,
      });
      return { html, id: report.id };
    });
  }

  private async identifiedCase(em: EntityManager, principal: Principal, caseId: string): Promise<void> {
    const loaded = await this.store.loadVisible(em, principal, caseId);
    if (!may(toActor(principal), 'report.read', { state: toCaseState(loaded.row), consents: loaded.consents, now: new Date() })) {
      throw problems.forbidden('Bekymringsmeldingen viser barnets identitet, og du ser saken uten identitet.');
    }
  }

  private async load(em: EntityManager, principal: Principal, caseId: string, reportId: string): Promise<ChildWelfareReport> {
    await this.identifiedCase(em, principal, caseId);
    const report = isUUID(reportId) ? await em.findOneBy(ChildWelfareReport, { id: reportId, caseId }) : null;
    if (!report) throw problems.notFound('Fant ikke bekymringsmeldingen.');
    return report;
  }

  private validDocument(report: ChildWelfareReport): OffentligBekymringsmelding {
    const document = this.recorder.decryptDocument(report);
    const violations = validateReportDocument(document);
    // Stored documents were valid when recorded; failing now means the schema copy changed under them.
    if (violations.length) throw new Error(`stored child-welfare report ${report.id} no longer validates (${violations.length} violations)`);
    return document as OffentligBekymringsmelding;
  }
}

function summary(row: ChildWelfareReport): ChildWelfareReportSummary {
  return {
    id: row.id,
    caseId: row.caseId,
    status: row.status as ReportStatus,
    channel: row.channel as ChildWelfareReportChannel,
    reference: row.reference,
    guardiansInformed: row.guardiansInformed,
    reportedById: row.reportedById,
    schema: row.schema,
    recordedAt: row.recordedAt,
    sentAt: row.sentAt,
    acknowledgedAt: row.acknowledgedAt,
  };
}
