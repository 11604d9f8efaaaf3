/**
 * A digital consent request (DESIGN 12.4): the stafettholder asks, each guardian with parental
 * responsibility answers in the portal, and the profile's `consentRequires` says when it takes
 * effect. From selfConsentAge the youth's answer alone decides. A refusal by anyone asked leaves it
 * not in effect; once decided, it stays decided (a later change is a withdrawal or a new request).
 */
export type ConsentRequirement = 'all_with_responsibility' | 'one';
export type ConsentRequestStatus = 'waiting' | 'in_effect' | 'refused';
export type ConsentAnswer = 'given' | 'refused';

export interface ConsentRequestFacts {
  requires: ConsentRequirement;
  askYouth: boolean;
  /** The national-id HMACs of the guardians with parental responsibility; null for one not yet registered with a national id. */
  responsibleGuardians: readonly (string | null)[];
  youthHmac: string | null;
  /** Answers so far by the answerer's HMAC. */
  answers: ReadonlyMap<string, ConsentAnswer>;
}

/** Who may answer: the youth from selfConsentAge, else a registered guardian with parental responsibility. */
export function mayAnswer(facts: ConsentRequestFacts, hmac: string): boolean {
  return facts.askYouth ? facts.youthHmac === hmac : facts.responsibleGuardians.includes(hmac);
}

/**
 * Who of the family may withdraw a consent in the portal: the youth their own consent, and from
 * selfConsentAge the guardians' too; a guardian with parental responsibility a consent the
 * guardians gave (any such guardian: a withdrawal acts at once, 8.3), never the youth's own.
 */
export function mayCitizenWithdraw(who: { relation: 'guardian' | 'youth'; parentalResponsibility: boolean; youthOfAge: boolean }, givenByYouth: boolean): boolean {
  if (who.relation === 'youth') return givenByYouth || who.youthOfAge;
  return who.parentalResponsibility && !givenByYouth;
}

export function consentRequestStatus(facts: ConsentRequestFacts): ConsentRequestStatus {
  const askedAnswers = [...facts.answers].filter(([hmac]) => mayAnswer(facts, hmac)).map(([, a]) => a);
  if (askedAnswers.includes('refused')) return 'refused';
  if (facts.askYouth) return askedAnswers.includes('given') ? 'in_effect' : 'waiting';
  if (facts.requires === 'one') return askedAnswers.includes('given') ? 'in_effect' : 'waiting';
  const all = facts.responsibleGuardians;
  return all.length > 0 && all.every((h) => h !== null && facts.answers.get(h) === 'given') ? 'in_effect' : 'waiting';
}
