import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Reference data from the municipalities' own plans (`libs/reference-data/*.json` in this
 * repository), loaded as it is, never retyped. `REFERENCE_DATA_DIR` points at a municipality's own
 * copy instead.
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
}
export interface ReferenceData {
  concernCategories: CatalogItem[];
  riskFactors: CatalogItem[];
  protectiveFactors: CatalogItem[];
  measures: CatalogItem[];
  municipalities: ReferenceProfile[];
}

/**
 * The repository's own `libs/reference-data`, found by walking up from this module: the source
 * (`libs/platform/src`) and the build (`dist/apps/<app>/libs/platform/src`) sit at different depths.
 */
function bundledReferenceDataDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'libs', 'reference-data');
    if (existsSync(path.join(candidate, 'municipalities.json'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('reference data: libs/reference-data not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

export function referenceDataDir(): string {
  return path.resolve(process.env.REFERENCE_DATA_DIR ?? bundledReferenceDataDir());
}

let cached: ReferenceData | undefined;

export function loadReferenceData(dir = referenceDataDir()): ReferenceData {
  if (cached && dir === referenceDataDir()) return cached;
  const read = <T>(file: string): T => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as T;
  const items = (file: string) => read<{ items: CatalogItem[] }>(file).items;
  const data: ReferenceData = {
    concernCategories: items('concern-categories.json'),
    riskFactors: items('risk-factors.json'),
    protectiveFactors: items('protective-factors.json'),
    measures: items('measures.json'),
    municipalities: read<{ profiles: ReferenceProfile[] }>('municipalities.json').profiles,
  };
  if (dir === referenceDataDir()) cached = data;
  return data;
}
