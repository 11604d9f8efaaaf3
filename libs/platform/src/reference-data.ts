import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REMINDER_ENV_VARS, ROUTES, parseIsoDuration } from '@app/domain';
import { ConfigError } from './config-error.js';

/**
 * Reference data from the municipalities' own plans (`libs/reference-data/*.json` in this
 * repository), loaded as it is, never retyped. `REFERENCE_DATA_DIR` points at a municipality's own
 * copy instead. Every file is validated when loaded: a mistake stops the start with one line that
 * names the file and the entry, instead of surfacing later as a refused concern or a 500.
 */
export interface CatalogItem {
  code: string;
  nb: string;
  en?: string;
  [extra: string]: unknown;
}
export interface ReferenceProfile {
  code: string;
  name: string;
  routes: string[];
  arenas?: Record<string, string>;
  clusters?: string[];
  districts?: string[];
  iksCoreGroup?: string[];
  iksCasesPerYear?: [number, number];
  reminders?: Record<string, string>;
  /** The age from which a young person consents alone (DESIGN 8.3): 15 or 16. */
  selfConsentAge?: number;
  /** When a digital consent takes effect (DESIGN 12.4): every guardian with parental responsibility (default) or one. */
  consentRequires?: 'all_with_responsibility' | 'one';
  /** Kommunenummer (4 digits): addresses the report to child welfare (KS Fiks bekymringsmelding). */
  municipalityNumber?: string;
  /** The child-welfare office (bydel) reports go to; KS uses "00" where a municipality has none. */
  childWelfareDistrict?: { number: string; name: string };
  /** Retention of closed cases (DESIGN 12.5); DEFAULT_RETENTION of libs/domain when absent. */
  retention?: { closedCaseAccess: string; closedCaseKeep: string; archive: boolean; disposalBasis?: string };
}
export interface ReferenceData {
  concernCategories: CatalogItem[];
  riskFactors: CatalogItem[];
  protectiveFactors: CatalogItem[];
  measures: CatalogItem[];
  services: CatalogItem[];
  municipalities: ReferenceProfile[];
}

/** One line naming the file and the entry; a `ConfigError`, so main() prints it and exits 1. */
export class ReferenceDataError extends ConfigError {}

/**
 * The repository's own `libs/reference-data`, found by walking up from this module: the source
 * (`libs/platform/src`) and the build (`dist/apps/<app>/libs/platform/src`) sit at different depths.
 */
export function bundledReferenceDataDir(): string {
  // Found once per process: request validators ask for the reference data on every value.
  bundledDir ??= findBundledReferenceDataDir();
  return bundledDir;
}
let bundledDir: string | undefined;

function findBundledReferenceDataDir(): string {
  const here = fileURLToPath(import.meta.url);
  for (let dir = path.dirname(here); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'libs', 'reference-data');
    if (existsSync(path.join(candidate, 'municipalities.json'))) return candidate;
    if (path.dirname(dir) === dir) throw new ReferenceDataError(`Referansedata: fant ikke libs/reference-data over ${here}.`);
  }
}

export function referenceDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.REFERENCE_DATA_DIR?.trim();
  return override ? path.resolve(override) : bundledReferenceDataDir();
}

const CODE = /^[a-z][a-z0-9_]*$/;
const MEASURE_LEVELS = ['universal', 'selected', 'indicated'];
const SELF_CONSENT_AGES = [15, 16];

type Check = (entry: Record<string, unknown>) => string | null;

function readJson(dir: string, file: string): Record<string, unknown> {
  const full = path.join(dir, file);
  if (!existsSync(full)) throw new ReferenceDataError(`Referansedata: ${file} mangler i ${dir}.`);
  try {
    const parsed: unknown = JSON.parse(readFileSync(full, 'utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch (error) {
    throw new ReferenceDataError(`Referansedata: ${file} er ikke gyldig JSON (${(error as Error).message}).`);
  }
  throw new ReferenceDataError(`Referansedata: ${file} må være et JSON-objekt.`);
}

/** The entries under `key`, each with a unique lower-case `code` and what `check` asks for. */
function entries<T>(file: string, json: Record<string, unknown>, key: string, check: Check): T[] {
  const list = json[key];
  if (!Array.isArray(list) || list.length === 0) throw new ReferenceDataError(`Referansedata: ${file} må ha en ikke-tom liste «${key}».`);
  const seen = new Set<string>();
  list.forEach((entry: unknown, index) => {
    const where = `${file}, ${key}[${index}]`;
    if (!entry || typeof entry !== 'object') throw new ReferenceDataError(`Referansedata: ${where} er ikke et objekt.`);
    const e = entry as Record<string, unknown>;
    if (typeof e.code !== 'string' || !CODE.test(e.code)) {
      throw new ReferenceDataError(`Referansedata: ${where}: «code» må være små bokstaver, tall og _ (fikk ${JSON.stringify(e.code)}).`);
    }
    if (seen.has(e.code)) throw new ReferenceDataError(`Referansedata: ${where} (${e.code}): koden finnes fra før.`);
    seen.add(e.code);
    const problem = check(e);
    if (problem) throw new ReferenceDataError(`Referansedata: ${where} (${e.code}): ${problem}.`);
  });
  return list as T[];
}

const nonEmpty = (value: unknown) => typeof value === 'string' && value.trim().length > 0;
const catalogItem: Check = (e) => (nonEmpty(e.nb) ? null : '«nb» (bokmålsnavn) mangler');
const riskFactor: Check = (e) =>
  catalogItem(e) ?? (e.indicatesAbuse === undefined || typeof e.indicatesAbuse === 'boolean' ? null : '«indicatesAbuse» må være true eller false');
const measure: Check = (e) => {
  const levels = e.levels;
  if (levels !== undefined && (!Array.isArray(levels) || levels.some((l) => !MEASURE_LEVELS.includes(l as string)))) {
    return `«levels» må være noen av ${MEASURE_LEVELS.join(', ')}`;
  }
  return catalogItem(e);
};
const profile: Check = (e) => {
  if (!nonEmpty(e.name)) return '«name» mangler';
  const routes = e.routes;
  if (!Array.isArray(routes) || routes.length === 0) return '«routes» må være en ikke-tom liste';
  const unknownRoute = routes.find((r) => !(ROUTES as readonly unknown[]).includes(r));
  if (unknownRoute !== undefined) return `ukjent rute ${JSON.stringify(unknownRoute)} i «routes» (kjente: ${ROUTES.join(', ')})`;
  const unknownArena = Object.keys((e.arenas as object) ?? {}).find((a) => !routes.includes(a));
  if (unknownArena) return `«arenas» nevner ${unknownArena}, som ikke er i «routes»`;
  const known = Object.values(REMINDER_ENV_VARS) as string[];
  for (const [name, value] of Object.entries((e.reminders as Record<string, unknown>) ?? {})) {
    if (!known.includes(name)) return `ukjent påminnelse ${name} i «reminders» (kjente: ${known.join(', ')})`;
    try {
      parseIsoDuration(String(value));
    } catch {
      return `«reminders».${name} må være en positiv ISO 8601-varighet (fikk ${JSON.stringify(value)})`;
    }
  }
  if (e.selfConsentAge !== undefined && !SELF_CONSENT_AGES.includes(e.selfConsentAge as number)) {
    return `«selfConsentAge» må være 15 eller 16 (fikk ${JSON.stringify(e.selfConsentAge)})`;
  }
  if (e.consentRequires !== undefined && !['all_with_responsibility', 'one'].includes(e.consentRequires as string)) {
    return `«consentRequires» må være «all_with_responsibility» eller «one» (fikk ${JSON.stringify(e.consentRequires)})`;
  }
  // The report to child welfare (KS Fiks) is addressed by these; the schema's patterns.
  if (e.municipalityNumber !== undefined && !(typeof e.municipalityNumber === 'string' && /^\d{4}$/.test(e.municipalityNumber))) {
    return `«municipalityNumber» må være fire siffer (fikk ${JSON.stringify(e.municipalityNumber)})`;
  }
  const district = e.childWelfareDistrict as { number?: unknown; name?: unknown } | undefined;
  if (district !== undefined && !(district && typeof district.number === 'string' && /^\d{2}$/.test(district.number) && nonEmpty(district.name))) {
    return '«childWelfareDistrict» må være {"number": to siffer, "name": bydelens navn}';
  }
  return retentionProblem(e.retention);
};
/** «retention» (DESIGN 12.5): the same rules as the profile JSON Schema. */
const retentionProblem = (r: unknown): string | null => {
  if (r === undefined) return null;
  const v = r as Record<string, unknown> | null;
  if (!v || typeof v !== 'object') return '«retention» må være et objekt';
  for (const key of ['closedCaseAccess', 'closedCaseKeep']) {
    try {
      parseIsoDuration(String(v[key]));
    } catch {
      return `«retention».${key} må være en positiv ISO 8601-varighet (fikk ${JSON.stringify(v[key])})`;
    }
  }
  if (typeof v.archive !== 'boolean') return '«retention».archive må være true eller false';
  if (v.disposalBasis !== undefined && !nonEmpty(v.disposalBasis)) return '«retention».disposalBasis må være en tekst';
  return null;
};

/** Reads and validates every file in `dir`; throws `ReferenceDataError` at the first mistake. */
export function readReferenceData(dir: string): ReferenceData {
  const catalog = (file: string, check: Check = catalogItem) => entries<CatalogItem>(file, readJson(dir, file), 'items', check);
  return {
    concernCategories: catalog('concern-categories.json'),
    riskFactors: catalog('risk-factors.json', riskFactor),
    protectiveFactors: catalog('protective-factors.json'),
    measures: catalog('measures.json', measure),
    services: catalog('services.json'),
    municipalities: entries<ReferenceProfile>('municipalities.json', readJson(dir, 'municipalities.json'), 'profiles', profile),
  };
}

const loaded = new Map<string, ReferenceData>();

/** The validated reference data of `dir` (default: `REFERENCE_DATA_DIR` or the bundled copy), read once. */
export function loadReferenceData(dir = referenceDataDir()): ReferenceData {
  let data = loaded.get(dir);
  if (!data) {
    data = readReferenceData(dir);
    loaded.set(dir, data);
  }
  return data;
}
