import type { ChildWelfareReportChannel } from './events.js';
import type { CaseStatus, CloseReason, EvaluationOutcome, Route } from './vocabulary.js';

/** Bokmål names used in refusal messages and case log texts. */
export const ROUTE_LABEL: Record<Route, string> = {
  own_unit: 'egen enhet',
  interdisciplinary_team: 'tverrfaglig team',
  tfa: 'TFA (tverrfaglig arena)',
  iks: 'IKS (innsatsteam i komplekse saker)',
};

export const STATUS_LABEL: Record<CaseStatus, string> = {
  discovered: 'oppdaget',
  assessing: 'under vurdering',
  deciding: 'til beslutning',
  acting: 'tiltak pågår',
  evaluating: 'under evaluering',
  closed: 'avsluttet',
};

export const CLOSE_REASON_LABEL: Record<CloseReason, string> = {
  resolved: 'bekymringen er løst',
  no_concern: 'ingen grunn til bekymring',
  moved: 'barnet har flyttet',
  handed_to_child_welfare: 'overført til barnevernet',
  other: 'annet',
};

export const OUTCOME_LABEL: Record<EvaluationOutcome, string> = {
  continue: 'tiltakene videreføres',
  adjust: 'tiltakene justeres',
  escalate: 'saken løftes',
  close: 'saken avsluttes',
};

/** How a report to child welfare was delivered (8.1), as the log and the printed report say it. */
export const CHILD_WELFARE_CHANNEL_LABEL: Record<ChildWelfareReportChannel, string> = {
  digital: 'digitalt',
  letter: 'brev',
  phone: 'telefon',
  barnevernvakt: 'barnevernvakten',
};
