/**
 * Priority in the IKS queue (pure; documented in the OpenAPI description of GET /iks/referrals).
 *
 * Score 0–100, higher first:
 *   suspected violence or sexual abuse      +40
 *   risk factors in the concern             +5 each, at most 6 counted (+30)
 *   level tried before the referral         +5 per level (0 when decided straight to IKS,
 *                                           +5 from own unit, +10 from team/TFA: lower levels
 *                                           have been tried without enough help) (+10)
 *   waiting time since the referral         +1 per whole day, at most 20 (+20)
 *
 * Order: the coordinator's manual priority wins (1 akutt, 2 høy, 3 normal, 4 lav; a referral
 * without one ranks as 3), then the score (highest first), then the oldest referral, then id.
 */
export const IKS_PRIORITIES = [1, 2, 3, 4] as const;
export type IksPriority = (typeof IKS_PRIORITIES)[number];
export const DEFAULT_IKS_PRIORITY: IksPriority = 3;

export const IKS_PRIORITY_LABEL: Record<IksPriority, string> = { 1: 'akutt', 2: 'høy', 3: 'normal', 4: 'lav' };

export interface ScoreFacts {
  suspectedViolenceOrAbuse: boolean;
  riskFactorCount: number;
  /** Case level before the referral (0–2). */
  fromLevel: number;
  referredAt: Date;
}

export interface ScoreBreakdown {
  suspectedViolenceOrAbuse: number;
  riskFactors: number;
  level: number;
  waitingTime: number;
  total: number;
  waitingDays: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The score in words, for the coordinator («poengsum»): what counted and how much. Only parts
 * that add something are named; a score of 0 says why.
 */
export function explainScore(score: ScoreBreakdown, riskFactorCount: number, fromLevel: number): string {
  const parts: string[] = [];
  if (score.suspectedViolenceOrAbuse) parts.push(`mistanke om vold eller overgrep (+${score.suspectedViolenceOrAbuse})`);
  if (score.riskFactors) parts.push(`${riskFactorCount === 1 ? '1 risikofaktor' : `${riskFactorCount} risikofaktorer`} (+${score.riskFactors})`);
  if (score.level) parts.push(`prøvd på ${fromLevel === 1 ? 'nivå 1' : `nivå 1–${fromLevel}`} før henvisningen (+${score.level})`);
  if (score.waitingTime) parts.push(`ventet ${score.waitingDays === 1 ? '1 dag' : `${score.waitingDays} dager`} (+${score.waitingTime})`);
  if (!parts.length) return 'Poengsum 0 av 100: ingen mistanke om vold eller overgrep, ingen risikofaktorer, ikke prøvd på lavere nivå og henvist i dag.';
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} og ${parts[parts.length - 1]}`;
  return `Poengsum ${score.total} av 100: ${list}.`;
}

export function iksPriorityScore(facts: ScoreFacts, now: Date): ScoreBreakdown {
  const waitingDays = Math.max(0, Math.floor((now.getTime() - facts.referredAt.getTime()) / DAY_MS));
  const parts = {
    suspectedViolenceOrAbuse: facts.suspectedViolenceOrAbuse ? 40 : 0,
    riskFactors: 5 * Math.min(Math.max(0, facts.riskFactorCount), 6),
    level: 5 * Math.min(Math.max(0, facts.fromLevel), 2),
    waitingTime: Math.min(waitingDays, 20),
  };
  return { ...parts, total: parts.suspectedViolenceOrAbuse + parts.riskFactors + parts.level + parts.waitingTime, waitingDays };
}

export interface Rankable {
  id: string;
  priority: number | null;
  /** null when the case's facts are not visible (e.g. a returned referral): ranks after scored ones. */
  score: number | null;
  referredAt: Date;
}

/** Queue order: manual priority, then score, then oldest, then id (stable and total). */
export function compareQueue(a: Rankable, b: Rankable): number {
  const tier = (a.priority ?? DEFAULT_IKS_PRIORITY) - (b.priority ?? DEFAULT_IKS_PRIORITY);
  if (tier !== 0) return tier;
  const score = (b.score ?? -1) - (a.score ?? -1);
  if (score !== 0) return score;
  const age = a.referredAt.getTime() - b.referredAt.getTime();
  if (age !== 0) return age;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export type CapacityLevel = 'available' | 'limited' | 'full' | 'unknown';

export interface Capacity {
  /** Accepted referrals not yet ended: cases IKS works on now. */
  activeCases: number;
  /** Referrals waiting for the coordinator's answer. */
  pendingReferrals: number;
  /** Referrals accepted this calendar year (Europe/Oslo). */
  acceptedThisYear: number;
  /** The profile's `iksCasesPerYear`, or null when the municipality has none. */
  yearlyRange: { min: number; max: number } | null;
  /** max − accepted this year (never below 0); null without a range. */
  remainingThisYear: number | null;
  level: CapacityLevel;
  message: string;
}

/**
 * Capacity against the yearly range (Kristiansund: 10–15 a year, always with spare capacity):
 * below the range's low end → available; within the range → limited; at or above its top → full.
 */
export function iksCapacity(
  counts: { activeCases: number; pendingReferrals: number; acceptedThisYear: number },
  range: readonly [number, number] | undefined | null,
): Capacity {
  if (!range) {
    return { ...counts, yearlyRange: null, remainingThisYear: null, level: 'unknown', message: 'Kommunen har ikke satt et årlig omfang for IKS.' };
  }
  const [min, max] = range;
  const remainingThisYear = Math.max(0, max - counts.acceptedThisYear);
  const level: CapacityLevel = counts.acceptedThisYear >= max ? 'full' : counts.acceptedThisYear >= min ? 'limited' : 'available';
  const message = {
    available: `IKS har kapasitet: ${counts.acceptedThisYear} av ${min}–${max} saker i år, ${counts.activeCases} aktive.`,
    limited: `IKS nærmer seg taket: ${counts.acceptedThisYear} av ${min}–${max} saker i år, ${counts.activeCases} aktive. Vurder kapasiteten før nye saker tas inn.`,
    full: `IKS har nådd taket for året: ${counts.acceptedThisYear} av ${min}–${max} saker, ${counts.activeCases} aktive. Det skal alltid være ledig kapasitet: avslutt eller prioriter.`,
    unknown: '',
  }[level];
  return { ...counts, yearlyRange: { min, max }, remainingThisYear, level, message };
}
