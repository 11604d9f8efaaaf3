/**
 * Legal references and the safety guidance that cites them, in one place so a lawyer can correct
 * them without reading code (DESIGN 4 "Rules from practice", 8.10). Each reference names its
 * source (Lovdata, the official law text) and says whether it was verified against that source
 * when written; `verified: false` means it still needs a lawyer's check before it is relied upon.
 */
export interface LegalReference {
  /** How the reference is cited in bokmål text, e.g. "barnevernsloven § 13-2". */
  cite: string;
  /** What the provision is about, in bokmål. */
  title: string;
  /** The law's official text (Lovdata, lov id). */
  source: string;
  /** Verified against `source` (or an official text quoting it) when written. */
  verified: boolean;
  /** What was checked, or what could not be. */
  note: string;
}

export const LEGAL_REFERENCES = {
  dutyToReport: {
    cite: 'barnevernsloven § 13-2',
    title: 'Opplysningsplikt til barnevernet (offentlige myndigheter og tjenester)',
    source: 'https://lovdata.no/lov/2021-06-18-97/§13-2 (LOV-2021-06-18-97, i kraft 1. januar 2023)',
    verified: false,
    note: 'Paragrafnummeret i den nye barnevernsloven (2021) er ikke kontrollert mot Lovdata i denne økten.',
  },
  kindergartenDutyToReport: {
    cite: 'barnehageloven § 46',
    title: 'Opplysningsplikt til barnevernet for barnehagepersonalet',
    source: 'https://lovdata.no/lov/2005-06-17-64/§46 (LOV-2005-06-17-64)',
    verified: false,
    note: 'Paragrafnummeret etter omnummereringen av barnehageloven er ikke kontrollert mot Lovdata i denne økten.',
  },
  schoolDutyToReport: {
    cite: 'opplæringslova (2023) kapittel 24',
    title: 'Opplysningsplikt til barnevernet for skolepersonalet',
    source: 'https://lovdata.no/lov/2023-06-09-30 (LOV-2023-06-09-30, i kraft 1. august 2024)',
    verified: false,
    note:
      'Kunne ikke verifiseres: kapittelet er oppgitt i designet, men paragrafen i kapittel 24 er ikke funnet. ' +
      'Den gamle opplæringsloven hadde plikten i § 15-3 (Udir-10-2012, som Udir har markert som utgått).',
  },
  healthDutyToReport: {
    cite: 'helsepersonelloven § 33',
    title: 'Opplysningsplikt til barnevernet for helsepersonell',
    source: 'https://lovdata.no/lov/1999-07-02-64/§33 (LOV-1999-07-02-64)',
    verified: false,
    note: 'Ikke kontrollert mot Lovdata i denne økten.',
  },
  dutyToAvertHarm: {
    cite: 'straffeloven § 196',
    title: 'Plikt til å avverge visse straffbare handlinger (avvergeplikt)',
    source: 'https://lovdata.no/lov/2005-05-20-28/§196 (LOV-2005-05-20-28)',
    verified: false,
    note: 'Ikke kontrollert mot Lovdata i denne økten.',
  },
  confidentiality: {
    cite: 'forvaltningsloven § 13',
    title: 'Taushetsplikt',
    source: 'https://lovdata.no/lov/1967-02-10/§13 (LOV-1967-02-10)',
    verified: false,
    note: 'Ikke kontrollert mot Lovdata i denne økten.',
  },
  consentLiftsConfidentiality: {
    cite: 'forvaltningsloven § 13 a',
    title: 'Begrensninger i taushetsplikten, blant annet når den opplysningene gjelder samtykker',
    source: 'https://lovdata.no/lov/1967-02-10/§13a (LOV-1967-02-10)',
    verified: false,
    note: 'Ikke kontrollert mot Lovdata i denne økten.',
  },
  transitionKindergartenSchool: {
    cite: 'barnehageloven § 2 a',
    title: 'Barnehagens samarbeid med skolen og SFO om overgangen fra barnehage til skole',
    source: 'https://lovdata.no/lov/2005-06-17-64/§2a (LOV-2005-06-17-64)',
    verified: true,
    note: 'Bekreftet av Prop. 57 L (2022–2023) punkt 23.2.1, som viser til barnehagelova § 2 a om overgangen.',
  },
  preventionPlan: {
    cite: 'barnevernsloven § 15-1',
    title: 'Kommunens ansvar for forebyggende arbeid og plan for det forebyggende arbeidet',
    source: 'https://lovdata.no/lov/2021-06-18-97/§15-1 (LOV-2021-06-18-97)',
    verified: false,
    note: 'Ikke kontrollert mot Lovdata i denne økten.',
  },
} as const satisfies Record<string, LegalReference>;

/** Shown with every flagged case (DESIGN 8.1): report now, barnevernvakt outside office hours, police, no confrontation. */
export const SAFETY_GUIDANCE = {
  message:
    'Det er mistanke om vold, seksuelle overgrep eller alvorlig omsorgssvikt. Meld til barnevernet nå, ' +
    'eller til barnevernvakten utenom kontortid, i helger og på helligdager. Kontakt politiet hvis du mistenker en straffbar handling. ' +
    'Ikke konfronter foresatte før barnevernet og politiet er kontaktet.',
  actions: [
    `Send bekymringsmelding til barnevernet nå. Opplysningsplikten er din personlig (${LEGAL_REFERENCES.dutyToReport.cite}, ${LEGAL_REFERENCES.kindergartenDutyToReport.cite}, ${LEGAL_REFERENCES.healthDutyToReport.cite}).`,
    'Utenom kontortid, i helger og på helligdager: ring barnevernvakten.',
    `Kontakt politiet hvis du mistenker en straffbar handling eller det er fare for barnet (avvergeplikten, ${LEGAL_REFERENCES.dutyToAvertHarm.cite}).`,
    'Ikke snakk med foresatte om mistanken før barnevernet og politiet har gitt råd.',
    'Registrer meldingen i saken med hendelsen «report_to_child_welfare».',
  ],
} as const;
