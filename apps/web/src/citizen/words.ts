import { RECIPIENT_LABEL } from '../labels';

// Plain words for parents and youths (not the staff's): what the API's codes mean for the family.

/** What is happening in the case now. */
export const CASE_STATUS: Record<string, string> = {
  discovered: 'Noen har meldt en bekymring',
  assessing: 'De ser på hva barnet trenger',
  deciding: 'De bestemmer hva som skal skje videre',
  acting: 'Tiltak er i gang',
  evaluating: 'De ser på om tiltakene hjelper',
  closed: 'Saken er avsluttet',
};

/** The youth reads about themself. */
export const CASE_STATUS_YOUTH: Record<string, string> = {
  ...CASE_STATUS,
  assessing: 'De ser på hva du trenger',
};

/** Who works on the case at each level (BTI's levels 0–3). */
export const LEVEL: Record<number, string> = {
  0: 'Nivå 0: noen er bekymret og undersøker',
  1: 'Nivå 1: barnehagen, skolen eller helsestasjonen følger opp selv',
  2: 'Nivå 2: flere tjenester samarbeider',
  3: 'Nivå 3: et eget team samarbeider tett med familien',
};

export const ROUTE: Record<string, string> = {
  own_unit: 'Følges opp der barnet er til daglig',
  interdisciplinary_team: 'Et tverrfaglig team (flere tjenester sammen)',
  tfa: 'Tverrfaglig arena (TFA): familien og tjenestene møtes',
  iks: 'Innsatsteam for komplekse saker (IKS)',
};

export const DEADLINE: Record<string, string> = {
  measure_evaluation: 'Tiltak skal vurderes',
  consent_expiry: 'Et samtykke slutter å gjelde',
  consent_answer: 'Svar på samtykke',
};

export const MEASURE_STATUS: Record<string, string> = { active: 'Pågår', ended: 'Avsluttet' };
export const EVALUATION: Record<string, string> = { continue: 'Fortsetter', adjust: 'Endres', stop: 'Avsluttes' };

export const CONSENT_FORM: Record<string, string> = { written: 'skriftlig', oral: 'muntlig', digital: 'her på nett' };

/** A consent request as the family sees it. */
export const REQUEST_STATUS: Record<string, string> = {
  waiting: 'Venter på svar',
  in_effect: 'Samtykket gjelder',
  refused: 'Samtykke ikke gitt',
};

/** The log's entries: what happened, in words. */
export const LOG_ENTRY: Record<string, string> = {
  concern_logged: 'Bekymring meldt',
  assigned: 'Stafettholder valgt',
  handover_offered: 'Ny stafettholder foreslått',
  accept_handover: 'Ny stafettholder',
  decline_handover: 'Stafettholderen ble ikke byttet',
  start_assessment: 'De begynte å se på saken',
  complete_assessment: 'Vurderingen er ferdig',
  decide: 'Veien videre er bestemt',
  escalate: 'Flere skal hjelpe til',
  step_down: 'Færre trenger å være med',
  request_evaluation: 'Tid for å se på om tiltakene hjelper',
  evaluate: 'Tiltakene er vurdert',
  close: 'Saken avsluttet',
  reopen: 'Saken åpnet igjen',
  consent_requested: 'Spørsmål om samtykke',
  consent_recorded: 'Samtykke gitt',
  consent_refused: 'Samtykke ikke gitt',
  consent_withdrawn: 'Samtykke trukket tilbake',
  measure_added: 'Nytt tiltak',
  measure_evaluated: 'Tiltak vurdert',
  propose_transfer: 'Foreslått flyttet til et annet sted',
  accept_transfer: 'Saken er flyttet',
  reject_transfer: 'Saken ble ikke flyttet',
  iks_referred: 'Sendt til innsatsteamet',
  iks_accepted: 'Innsatsteamet er med',
  iks_returned: 'Tilbake fra innsatsteamet',
  iks_ended: 'Innsatsteamet er ferdig',
  report_to_child_welfare: 'Melding til barnevernet',
  raise_safety_concern: 'Bekymring for barnets sikkerhet',
  guardians_may_be_informed: 'Foresatte kan få vite om saken',
  guardian_registered: 'Foresatt registrert',
  note: 'Notat',
  conversation_child: 'Samtale med barnet',
  conversation_guardians: 'Samtale med foresatte',
  meeting: 'Møte',
  correction: 'Rettelse',
  guardian_statement: 'Fra foresatt',
  youth_statement: 'Fra ungdommen',
};

export const services = (codes: string[]): string => codes.map((c) => RECIPIENT_LABEL[c as keyof typeof RECIPIENT_LABEL] ?? c).join(', ');

export const capitalised = (text: string) => (text ? text[0].toUpperCase() + text.slice(1) : text);
