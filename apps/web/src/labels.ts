import type { Schemas } from './api/client';

// Bokmål names for the API's codes. Records keyed by the generated schema's unions, so a code the
// API adds shows up as a type error here instead of as a raw code on screen.

export type EventType = Schemas['CaseEventDto']['type'];
export type Route = NonNullable<Schemas['CaseEventDto']['route']>;
export type Recipient = Schemas['RecordConsentDto']['recipients'][number];
export type Relation = Schemas['GivenByDto']['relation'];
export type NotificationType = Schemas['NotificationDto']['type'];

export const STATUS_LABEL: Record<string, string> = {
  discovered: 'Oppdaget',
  assessing: 'Under vurdering',
  deciding: 'Til beslutning',
  acting: 'Tiltak pågår',
  evaluating: 'Under evaluering',
  closed: 'Avsluttet',
};

export const ROUTE_LABEL: Record<Route, string> = {
  own_unit: 'Egen enhet',
  interdisciplinary_team: 'Tverrfaglig team',
  tfa: 'TFA (tverrfaglig arena)',
  iks: 'IKS (innsatsteam i komplekse saker)',
};

export const LEVEL_LABEL: Record<number, string> = {
  0: 'Nivå 0: den ansatte undrer seg',
  1: 'Nivå 1: enheten selv',
  2: 'Nivå 2: tverrfaglig samarbeid',
  3: 'Nivå 3: IKS / ansvarsgruppe',
};

export const EVENT_LABEL: Record<EventType, string> = {
  start_assessment: 'Start vurdering',
  complete_assessment: 'Fullfør vurdering',
  decide: 'Beslutt videre vei',
  escalate: 'Løft saken til høyere nivå',
  request_evaluation: 'Be om evaluering',
  evaluate: 'Evaluer',
  close: 'Avslutt saken',
  reopen: 'Gjenåpne saken',
  report_to_child_welfare: 'Registrer bekymringsmelding til barnevernet',
  raise_safety_concern: 'Flagg mulig vold eller overgrep',
  accept_handover: 'Godta å bli stafettholder',
  decline_handover: 'Avslå overleveringen',
  propose_transfer: 'Foreslå overføring til en annen enhet',
  accept_transfer: 'Ta imot saken',
  reject_transfer: 'Avslå overføringen',
  step_down: 'Trapp ned til et lavere nivå',
  guardians_may_be_informed: 'Foresatte kan nå informeres',
};

export const RELATION_LABEL: Record<Relation, string> = {
  mother: 'Mor',
  father: 'Far',
  guardian: 'Verge',
  foster_parent: 'Fosterforelder',
  child: 'Barnet selv',
};

/** Consent is given to services (services.json, DESIGN 8.3). */
export const RECIPIENT_LABEL: Record<Recipient, string> = {
  ppt: 'PPT',
  health_station: 'Helsestasjon og skolehelsetjeneste',
  child_welfare: 'Barneverntjenesten',
  family_service: 'Familiens hus / familietjenesten',
  nav: 'NAV',
  bup: 'BUP',
  municipal_psychologist: 'Kommunepsykolog',
  child_coordinator: 'Barnekoordinator',
  culture: 'Kultur og fritid',
  police: 'Politiet',
  slt: 'SLT-koordinator',
  tfa: 'TFA (tverrfaglig arena)',
  iks: 'IKS',
  receiving_unit: 'Mottakende enhet (ved overføring)',
};

export const ROLE_LABEL: Record<string, string> = {
  staff: 'Ansatt',
  unit_leader: 'Enhetsleder',
  team_member: 'Medlem av tverrfaglig team',
  tfa_coordinator: 'TFA-koordinator',
  iks_coordinator: 'IKS-koordinator',
  iks_member: 'IKS-medlem',
  auditor: 'Revisor',
  analyst: 'Analytiker',
  admin: 'Administrator',
};

export const CLOSE_REASON_LABEL: Record<string, string> = {
  resolved: 'Bekymringen er løst',
  no_concern: 'Ingen grunn til bekymring',
  moved: 'Barnet har flyttet',
  handed_to_child_welfare: 'Overført til barnevernet',
  other: 'Annet',
};

export const OUTCOME_LABEL: Record<NonNullable<Schemas['CaseEventDto']['outcome']>, string> = {
  continue: 'Tiltakene videreføres',
  adjust: 'Tiltakene justeres',
  escalate: 'Saken løftes',
  close: 'Saken avsluttes',
};

export const CONSENT_STATUS_LABEL: Record<Schemas['ConsentView']['status'], string> = {
  active: 'Aktivt',
  withdrawn: 'Trukket tilbake',
  expired: 'Utløpt',
  pending: 'Venter',
  refused: 'Nektet',
};

export const IKS_STATUS_LABEL: Record<Schemas['IksReferralView']['status'], string> = {
  referred: 'Henvist',
  accepted: 'Tatt inn',
  returned: 'Returnert',
  ended: 'Avsluttet',
};

export const UNIT_KIND_LABEL: Record<Schemas['UnitDto']['kind'], string> = {
  health_station: 'Helsestasjon',
  kindergarten: 'Barnehage',
  primary_school: 'Barneskole',
  lower_secondary_school: 'Ungdomsskole',
  other: 'Annet',
};

// As Norwegians write dates: «30. november 2026 kl. 15.40», in Oslo time wherever the browser is.
const DAY = new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Oslo' });
const TIME = new Intl.DateTimeFormat('nb-NO', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Oslo' });
export const dateTime = (iso: string | null | undefined) =>
  iso ? `${DAY.format(new Date(iso))} kl. ${TIME.format(new Date(iso)).replace(':', '.')}` : '–';
/** A calendar date (YYYY-MM-DD) or the day of an instant. */
export const date = (iso: string | null | undefined) =>
  iso ? DAY.format(new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00Z` : iso)) : '–';

/** A code shown in words where we know it, else as the API sent it. */
export const label = (map: Record<string, string>, code: string | null | undefined) =>
  code == null ? '–' : (map[code] ?? code);

type Report = Schemas['ChildWelfareReportSummary'];
export const REPORT_STATUS_LABEL: Record<Report['status'], string> = {
  recorded: 'Registrert, ikke sendt',
  sent: 'Sendt',
  acknowledged: 'Mottatt av barnevernet',
};
export const REPORT_CHANNEL_LABEL: Record<Report['channel'], string> = {
  digital: 'digitalt',
  letter: 'med brev',
  phone: 'på telefon',
  barnevernvakt: 'til barnevernvakten',
};
