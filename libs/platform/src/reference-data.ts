import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Reference data from the municipalities' own plans (../shared/domain/*.json), loaded as it is,
 * never retyped. `REFERENCE_DATA_DIR` points elsewhere (the Docker image copies the folder in).
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

export function referenceDataDir(): string {
  return path.resolve(process.env.REFERENCE_DATA_DIR ?? path.join(process.cwd(), '..', 'shared', 'domain'));
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
