/**
 * The report's lifecycle as a table (like the case machine): recorded when the employee records
 * the event, sent when a Fiks sender has handed it over, acknowledged when child welfare's system
 * confirms receipt (Fiks: `no.ks.fiks.bekymringsmelding.mottatt.v1`). No sender exists yet; the
 * table is what one would use.
 */
export const REPORT_STATUSES = ['recorded', 'sent', 'acknowledged'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_TRANSITIONS: Record<ReportStatus, readonly ReportStatus[]> = {
  recorded: ['sent'],
  sent: ['acknowledged'],
  acknowledged: [],
};

export const REPORT_STATUS_LABEL: Record<ReportStatus, string> = {
  recorded: 'registrert, ikke sendt',
  sent: 'sendt',
  acknowledged: 'mottatt av barnevernet',
};

export function canMoveReport(from: ReportStatus, to: ReportStatus): boolean {
  return REPORT_TRANSITIONS[from].includes(to);
}
