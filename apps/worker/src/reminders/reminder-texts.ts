import type { ReminderKind } from '@app/domain';

/** The notification type the API shows for a reminder kind (DESIGN section 6). */
export function notificationTypeOf(kind: ReminderKind): string {
  if (kind === 'assessment_due_leader') return 'assessment_due';
  if (kind === 'decision_due_leader') return 'decision_due';
  return kind;
}

/** Urgent notifications: the statutory duty to report to child welfare. */
export function isUrgent(kind: ReminderKind): boolean {
  return kind === 'child_welfare_report_missing';
}

/** Bokmål message of each reminder. No personal data: the case id leads to the case. */
export const REMINDER_MESSAGES: Record<ReminderKind, string> = {
  unassigned: 'En sak i enheten din har ingen stafettholder ennå. Tildel saken.',
  assessment_due: 'Saken er ennå ikke vurdert. Fullfør vurderingen (nivå 0).',
  assessment_due_leader: 'En sak i enheten din er fortsatt ikke vurdert, lenge etter fristen. Følg opp stafettholderen.',
  tfa_follow_up: 'Saken er på TFA-sporet og skal følges opp nå.',
  evaluation_due: 'Et tiltak i saken skal evalueres nå.',
  evaluation_overdue: 'Evalueringen av et tiltak i saken er forsinket.',
  consent_expiry: 'Et samtykke i saken utløper snart. Vurder å innhente nytt samtykke.',
  iks_pending: 'En IKS-henvisning venter på svar: ta saken inn eller send den tilbake.',
  child_welfare_report_missing:
    'HASTER: Det er mistanke om vold eller overgrep, og ingen melding til barnevernet er registrert. Meld straks (opplysningsplikten). ' +
    'Utenom kontortid, i helger og på helligdager: ring barnevernvakten.',
  decision_due: 'Saken har ventet 14 dager på beslutning. Nivå 0 skal ende i en beslutning: avslutt, tiltak i egen enhet, team eller melding til barnevernet.',
  decision_due_leader: 'En sak i enheten din har ventet 14 dager uten beslutning. Sørg for at den blir besluttet.',
  task_due: 'Du har en oppgave i en sak som snart skal være gjort. Se sakens logg.',
};
