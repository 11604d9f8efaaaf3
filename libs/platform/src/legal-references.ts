/**
 * Legal references and the safety guidance that cites them, in one place so a lawyer can correct
 * them without reading code (DESIGN section 4, "Rules from practice").
 */
export const LEGAL_REFERENCES = {
  dutyToReport: 'barnevernsloven § 13-2',
  preventionDuty: 'barnevernsloven § 15-1',
  dutyToAvertHarm: 'straffeloven § 196',
} as const;

/** Shown with every concern where violence or sexual abuse is suspected. */
export const SAFETY_GUIDANCE = {
  message:
    'Det er mistanke om vold eller seksuelle overgrep. Meld fra til barnevernet og politiet nå. ' +
    'Ikke konfronter foresatte før barnevernet og politiet er kontaktet.',
  actions: [
    `Send bekymringsmelding til barnevernet nå (opplysningsplikten, ${LEGAL_REFERENCES.dutyToReport}, er din personlig).`,
    `Kontakt politiet ved fare for barnet (avvergeplikten, ${LEGAL_REFERENCES.dutyToAvertHarm}).`,
    'Ikke snakk med foresatte om mistanken før barnevernet og politiet har gitt råd.',
    'Registrer meldingen i saken med hendelsen «report_to_child_welfare».',
  ],
} as const;
