import { OSLO } from '@app/domain';
import { DateTime } from 'luxon';

/**
 * What an e-mail notice says. Deliberately no personal data (DESIGN section 10): e-mail leaves
 * our access control, so a notice names only the kind of notice, the case reference (pseudonymous,
 * DESIGN 12.8 item 11), its due time and a link to the case; the reader logs in to see the rest. The notification's own `message` is not used: texts
 * written by requests may grow details over time, and this file is the one place to review.
 */

/** Bokmål name of each notification type (DESIGN section 6 and the types the API writes). */
export const NOTICE_LABELS: Record<string, string> = {
  unassigned: 'En sak mangler stafettholder',
  assessment_due: 'En sak venter på vurdering',
  assessment_due_leader: 'En sak venter på vurdering',
  tfa_follow_up: 'En sak på TFA-sporet skal følges opp',
  evaluation_due: 'Et tiltak skal evalueres',
  evaluation_overdue: 'Evalueringen av et tiltak er forsinket',
  consent_expiry: 'Et samtykke utløper snart',
  iks_pending: 'En IKS-henvisning venter på svar',
  child_welfare_report_missing: 'HASTER: Melding til barnevernet mangler',
  consent_withdrawn: 'Et samtykke er trukket tilbake',
  case_assigned: 'Du er satt som koordinator for en sak',
  decision_due: 'En sak venter på beslutning',
  decision_due_leader: 'En sak venter på beslutning',
  handover_offered: 'Du er foreslått som ny koordinator for en sak',
  iks_referred: 'En sak er henvist til IKS',
  iks_accepted: 'IKS har tatt inn en sak',
  iks_returned: 'IKS har sendt en sak tilbake',
  iks_ended: 'IKS-oppfølgingen av en sak er avsluttet',
  iks_competence_order: 'IKS ber om kompetanse i en sak',
  iks_order_acknowledged: 'En kompetansebestilling er bekreftet',
  task_due: 'Du har en oppgave i en sak med frist',
  transfer_offered: 'En annen enhet vil overføre en sak til enheten din',
  handover_needed: 'En medarbeider er deaktivert: ansvar må overføres',
  citizen_statement: 'Familien har skrevet i en sak',
};

export function noticeLabel(type: string): string {
  return NOTICE_LABELS[type] ?? 'Nytt varsel i en sak';
}

/** The fields of a notification an e-mail may use. */
export interface NoticeFacts {
  type: string;
  caseId: string | null;
  /** `BTI-2026-0042`: which case, without naming the child. */
  caseReference: string | null;
  dueAt: Date | null;
  urgent: boolean;
}

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

/** "tirsdag 1. desember 2026 kl. 09:00" in Oslo time. */
export function osloTime(at: Date): string {
  return DateTime.fromJSDate(at, { zone: OSLO }).setLocale('nb').toFormat("cccc d. LLLL yyyy 'kl.' HH:mm");
}

/** The case page of the web UI (apps/web: /saker/:id), or its notification list. */
export function caseLink(publicUrl: string, caseId: string | null): string {
  return caseId ? `${publicUrl}/saker/${caseId}` : `${publicUrl}/varsler`;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function noticeLines(n: NoticeFacts, publicUrl: string): string[] {
  return [noticeLabel(n.type), ...(n.caseReference ? [`Sak: ${n.caseReference}`] : []), ...(n.dueAt ? [`Frist: ${osloTime(n.dueAt)}`] : []), `${n.caseId ? 'Åpne saken' : 'Se varslene'}: ${caseLink(publicUrl, n.caseId)}`];
}

const FOOTER = [
  'Logg inn for å se detaljene. Av personvernhensyn står det ingen opplysninger om barnet i denne e-posten.',
  'Du kan velge mellom varsel med en gang og et daglig sammendrag under varselinnstillingene dine. Hastevarsler kommer alltid med en gang.',
];

function htmlOf(paragraphs: string[][]): string {
  const linkify = (line: string) => escapeHtml(line).replace(/(https?:\/\/\S+)/g, '<a href="$1">$1</a>');
  return `<!doctype html><html lang="nb"><body>${paragraphs.map((p) => `<p>${p.map(linkify).join('<br>')}</p>`).join('')}</body></html>`;
}

/** One notice, sent at once. */
export function noticeMail(n: NoticeFacts, publicUrl: string): MailContent {
  const paragraphs = [['Du har fått et nytt varsel i BTI saksflyt.'], noticeLines(n, publicUrl), FOOTER];
  return {
    subject: `${n.urgent ? '' : 'BTI: '}${noticeLabel(n.type)}${n.caseReference ? ` (${n.caseReference})` : ''}`,
    text: paragraphs.map((p) => p.join('\n')).join('\n\n') + '\n',
    html: htmlOf(paragraphs),
  };
}

/** The daily digest of the Oslo day `day` (ISO date): every notice collected for it, oldest first. */
export function digestMail(notices: NoticeFacts[], publicUrl: string, day: string): MailContent {
  const date = DateTime.fromISO(day, { zone: OSLO }).setLocale('nb').toFormat('cccc d. LLLL yyyy');
  const paragraphs = [
    [`Dagens sammendrag fra BTI saksflyt: ${notices.length === 1 ? 'ett nytt varsel' : `${notices.length} nye varsler`}.`],
    ...notices.map((n) => noticeLines(n, publicUrl)),
    FOOTER,
  ];
  return {
    subject: `BTI: Daglig sammendrag ${date} (${notices.length} ${notices.length === 1 ? 'varsel' : 'varsler'})`,
    text: paragraphs.map((p) => p.join('\n')).join('\n\n') + '\n',
    html: htmlOf(paragraphs),
  };
}

/** What a guardian's e-mail says (DESIGN 12.8.11): the kind of notice only, and where to log in. */
const CITIZEN_NOTICE_LABELS: Record<string, string> = {
  consent_request: 'Du har fått en forespørsel om samtykke',
  log_shared: 'Det er nytt innhold i en sak du har innsyn i',
};

export function citizenNoticeMail(kind: string, publicUrl: string): MailContent {
  const label = CITIZEN_NOTICE_LABELS[kind] ?? 'Det er nytt innhold i BTI';
  const paragraphs = [
    [`${label}.`],
    [`Logg inn med ID-porten for å se det: ${publicUrl}/innbygger`],
    ['Av personvernhensyn står det ingen opplysninger om saken eller barnet i denne e-posten. Du får høyst én slik e-post om dagen for hver sak.'],
  ];
  return { subject: `BTI: ${label}`, text: paragraphs.map((p) => p.join('\n')).join('\n\n') + '\n', html: htmlOf(paragraphs) };
}
