import { DateTime } from 'luxon';
import { CHILD_WELFARE_CHANNEL_LABEL, type ChildWelfareReportChannel } from '@app/domain';
import type { FieldError } from '../common/problem.js';

/**
 * The report to child welfare (bekymringsmelding) as KS Fiks "offentlig bekymringsmelding" v2
 * wants it, built by pure functions from facts the service gathers. Nothing here is invented: a
 * fact the schema requires and the case lacks comes back as a missing field for the caller to
 * supply (DESIGN 8.9).
 */

/** `adresse.json` of the schema. */
export interface FiksAddress {
  adresselinje1: string;
  adresselinje2?: string;
  adresselinje3?: string;
  postnummer?: string;
  poststed?: string;
}

/** The v2 document; field names are the schema's (Norwegian). */
export interface OffentligBekymringsmelding {
  kommunenummer: string;
  kommunenavn: string;
  bydelsnummer: string;
  bydelsnavn: string;
  offentligMelder: {
    personnavn: string;
    rolle: string;
    telefonnummer: string;
    epost: string;
    virksomhet: { navn: string; orgnr?: string; adresse: FiksAddress };
  };
  offentligBarn: {
    fnr: string;
    ufoedt: boolean;
    personnavn: string;
    telefonnummer?: string;
    adresse: FiksAddress;
    orientert: boolean;
    orientertGrunn?: string;
  }[];
  foresatte: { personnavn: string; telefonnummer?: string; orientert: boolean; orientertGrunn?: string }[];
  behovForTolk?: string;
  andreHjelpeinstanser?: string;
  melding: { melding: string; historie: string; andreSynspunkter?: string };
  sendingstidspunkt: string;
  leveringskanal: string;
}

/** A postal address as the API takes it (child at POST /cases, unit, report payload). */
export interface PostalAddress {
  line1: string;
  line2?: string;
  line3?: string;
  postalCode?: string;
  postalPlace?: string;
}

export interface ReportGuardian {
  name: string;
  relation: string;
  parentalResponsibility: boolean;
  phone: string | null;
}

/** Everything the document is built from, gathered from the case, the organisation and the event. */
export interface ReportFacts {
  municipality: { number: string | null; name: string; district: { number: string; name: string } | null };
  unit: { name: string; organisationNumber: string | null; address: PostalAddress | null };
  reporter: { name: string; role: string; phone: string | null; email: string | null };
  child: {
    firstName: string;
    lastName: string;
    birthDate: string;
    nationalId: string | null;
    address: PostalAddress | null;
    informed: boolean | null;
    reasonNotInformed: string | null;
  };
  guardians: ReportGuardian[];
  guardiansInformed: boolean;
  reasonGuardiansNotInformed: string | null;
  channel: ChildWelfareReportChannel;
  reference: string | null;
  grounds: string;
  concern: {
    description: string;
    categories: string[];
    riskFactors: string[];
    protectiveFactors: string[];
    childVoice: string | null;
    suspectedViolenceOrAbuse: boolean;
  };
  /** Views recorded on the case (the child's, the guardians'), oldest first. */
  views: { at: Date; label: string; text: string }[];
  /** The case log before this report (the stafettlogg), oldest first. */
  history: { at: Date; text: string }[];
  measures: { title: string; startDate: string; active: boolean }[];
  /** Where the case is followed up beyond the unit, e.g. "tverrfaglig team (nivå 2)"; null for the unit alone. */
  followedUpBy: string | null;
  recordedAt: Date;
}

export type BuildResult = { ok: true; document: OffentligBekymringsmelding } | { ok: false; missing: FieldError[] };

/** The schema's own patterns, used by the DTOs too, so bad input is named on the way in. */
export const PHONE_PATTERN = /^[+]?[0-9]+([- ][0-9]+)*$/;
export const EMAIL_PATTERN = /^[A-Za-zæøåÆØÅ0-9-_]+(\.[A-Za-zæøåÆØÅ0-9-_]+)*@[A-Za-zæøåÆØÅ0-9-]+(\.[A-Za-zæøåÆØÅ0-9-]+)*(\.[A-Za-z]{2,})$/;
const MUNICIPALITY_NUMBER = /^\d{4}$/;
const DISTRICT_NUMBER = /^[0-9]{2}$/;
/** KS: "Er det en kommune uten bydeler, vil bydelsnummeret være «00»." */
export const NO_DISTRICT = '00';

const ZONE = 'Europe/Oslo';

/** Most of the schema's strings are `^(.*)$`: one line. Whitespace runs (newlines too) become one space. */
export function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

function date(value: Date | string): string {
  const dt = typeof value === 'string' ? DateTime.fromISO(value, { zone: ZONE }) : DateTime.fromJSDate(value, { zone: ZONE });
  return dt.toFormat('dd.MM.yyyy');
}

/** Norwegian local time with its offset: RFC 3339, as the schema's `date-time` format demands. */
export function sendingTime(at: Date): string {
  return DateTime.fromJSDate(at, { zone: ZONE }).toISO({ suppressMilliseconds: true, includeOffset: true })!;
}

function fiksAddress(address: PostalAddress): FiksAddress {
  const result: FiksAddress = { adresselinje1: oneLine(address.line1) };
  if (address.line2?.trim()) result.adresselinje2 = oneLine(address.line2);
  if (address.line3?.trim()) result.adresselinje3 = oneLine(address.line3);
  if (address.postalCode?.trim()) result.postnummer = oneLine(address.postalCode);
  if (address.postalPlace?.trim()) result.poststed = oneLine(address.postalPlace);
  return result;
}

const filled = (value: string | null | undefined): value is string => typeof value === 'string' && value.trim() !== '';

/** The facts the schema requires that are not there, each named by the field that supplies it. */
export function missingFacts(facts: ReportFacts): FieldError[] {
  const missing: FieldError[] = [];
  if (!filled(facts.municipality.number) || !MUNICIPALITY_NUMBER.test(facts.municipality.number)) {
    missing.push({ field: 'municipalityNumber', message: 'kommunenummeret (fire siffer) mangler i kommuneprofilen; be en administrator legge det inn' });
  }
  if (facts.municipality.district && !DISTRICT_NUMBER.test(facts.municipality.district.number)) {
    missing.push({ field: 'childWelfareDistrict', message: 'bydelsnummeret i kommuneprofilen må være to siffer' });
  }
  if (!facts.unit.address || !filled(facts.unit.address.line1)) {
    missing.push({ field: 'unitAddress', message: 'enhetens adresse er ikke registrert: fyll den inn' });
  }
  if (!filled(facts.reporter.phone)) missing.push({ field: 'reporterPhone', message: 'meldingen må ha telefonnummeret ditt' });
  if (!filled(facts.reporter.email)) missing.push({ field: 'reporterEmail', message: 'meldingen må ha e-postadressen din' });
  if (!facts.child.address || !filled(facts.child.address.line1)) {
    missing.push({ field: 'childAddress', message: 'barnets adresse er ikke registrert i saken: fyll den inn' });
  }
  if (facts.child.informed === null) missing.push({ field: 'childInformed', message: 'oppgi om barnet er orientert om meldingen' });
  if (!facts.guardians.some((g) => filled(g.name))) {
    missing.push({ field: 'guardians', message: 'saken har ingen foresatte registrert: oppgi minst én' });
  }
  return missing;
}

/** Guardians with parental responsibility first; the schema takes at most two. */
function chooseGuardians(guardians: ReportGuardian[]): { named: ReportGuardian[]; others: ReportGuardian[] } {
  const ordered = guardians
    .filter((g) => filled(g.name))
    .map((g, i) => ({ g, i }))
    .sort((a, b) => Number(b.g.parentalResponsibility) - Number(a.g.parentalResponsibility) || a.i - b.i)
    .map(({ g }) => g);
  return { named: ordered.slice(0, 2), others: ordered.slice(2) };
}

function concernText(facts: ReportFacts): string {
  const { concern, child } = facts;
  const parts = [`Grunnlag for meldingen:\n${facts.grounds.trim()}`, `Det som er observert:\n${concern.description.trim()}`];
  const lists = [
    concern.categories.length ? `Bekymringsområder: ${concern.categories.join(', ')}.` : null,
    concern.riskFactors.length ? `Risikofaktorer: ${concern.riskFactors.join(', ')}.` : null,
    concern.protectiveFactors.length ? `Beskyttende faktorer: ${concern.protectiveFactors.join(', ')}.` : null,
    concern.suspectedViolenceOrAbuse ? 'Det er mistanke om vold eller seksuelle overgrep.' : null,
  ].filter((line): line is string => line !== null);
  if (lists.length) parts.push(lists.join('\n'));
  const identity = [`Barnets fødselsdato: ${date(child.birthDate)}.`];
  if (!filled(child.nationalId)) identity.push('Fødselsnummer er ikke registrert i saken.');
  parts.push(identity.join(' '));
  const delivery = `Meldingen er gitt ${CHILD_WELFARE_CHANNEL_LABEL[facts.channel]}${filled(facts.reference) ? ` (referanse: ${facts.reference.trim()})` : ''}.`;
  parts.push(delivery);
  return parts.join('\n\n');
}

function historyText(facts: ReportFacts, others: ReportGuardian[]): string {
  const lines = facts.history.map((h) => `${date(h.at)}: ${h.text.trim()}`);
  const measures = facts.measures.map((m) => `Tiltak: ${m.title.trim()} (fra ${date(m.startDate)}${m.active ? '' : ', avsluttet'})`);
  const parts = [lines.length ? `Saken i enheten (stafettlogg):\n${lines.join('\n')}` : 'Saken har ingen tidligere loggføringer.'];
  if (measures.length) parts.push(measures.join('\n'));
  if (others.length) parts.push(`Andre foresatte eller omsorgspersoner: ${others.map((g) => `${oneLine(g.name)} (${oneLine(g.relation)})`).join(', ')}.`);
  return parts.join('\n\n');
}

function viewsText(facts: ReportFacts): string | undefined {
  const lines: string[] = [];
  if (filled(facts.concern.childVoice)) lines.push(`Barnets stemme (da bekymringen ble meldt): ${facts.concern.childVoice.trim()}`);
  for (const v of facts.views) lines.push(`${v.label} (${date(v.at)}): ${v.text.trim()}`);
  return lines.length ? lines.join('\n\n') : undefined;
}

/** Builds the v2 document, or names every missing fact. Validate the result with validateReportDocument. */
export function buildReportDocument(facts: ReportFacts): BuildResult {
  const missing = missingFacts(facts);
  if (missing.length) return { ok: false, missing };
  const { named, others } = chooseGuardians(facts.guardians);
  const district = facts.municipality.district ?? { number: NO_DISTRICT, name: facts.municipality.name };
  const child = facts.child;
  const virksomhet: OffentligBekymringsmelding['offentligMelder']['virksomhet'] = {
    navn: oneLine(facts.unit.name),
    adresse: fiksAddress(facts.unit.address!),
  };
  if (filled(facts.unit.organisationNumber)) virksomhet.orgnr = oneLine(facts.unit.organisationNumber);
  const barn: OffentligBekymringsmelding['offentligBarn'][number] = {
    fnr: child.nationalId ?? '',
    ufoedt: false,
    personnavn: oneLine(`${child.firstName} ${child.lastName}`),
    adresse: fiksAddress(child.address!),
    orientert: child.informed!,
  };
  if (!child.informed && filled(child.reasonNotInformed)) barn.orientertGrunn = oneLine(child.reasonNotInformed);
  const document: OffentligBekymringsmelding = {
    kommunenummer: facts.municipality.number!,
    kommunenavn: oneLine(facts.municipality.name),
    bydelsnummer: district.number,
    bydelsnavn: oneLine(district.name),
    offentligMelder: {
      personnavn: oneLine(facts.reporter.name),
      rolle: oneLine(facts.reporter.role),
      telefonnummer: facts.reporter.phone!.trim(),
      epost: facts.reporter.email!.trim(),
      virksomhet,
    },
    offentligBarn: [barn],
    foresatte: named.map((g) => {
      const foresatt: OffentligBekymringsmelding['foresatte'][number] = { personnavn: oneLine(g.name), orientert: facts.guardiansInformed };
      if (filled(g.phone) && PHONE_PATTERN.test(g.phone.trim())) foresatt.telefonnummer = g.phone.trim();
      if (!facts.guardiansInformed && filled(facts.reasonGuardiansNotInformed)) foresatt.orientertGrunn = oneLine(facts.reasonGuardiansNotInformed);
      return foresatt;
    }),
    melding: { melding: concernText(facts), historie: historyText(facts, others) },
    sendingstidspunkt: sendingTime(facts.recordedAt),
    // KS: "Leveringskanal" is the name of the organisation that sends the report (the school, …).
    leveringskanal: oneLine(facts.unit.name),
  };
  const views = viewsText(facts);
  if (views) document.melding.andreSynspunkter = views;
  if (filled(facts.followedUpBy)) document.andreHjelpeinstanser = `Saken følges opp i ${facts.followedUpBy.trim()}.`;
  return { ok: true, document };
}
