import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2019Module from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { bundledReferenceDataDir } from '@app/platform';

/**
 * KS Fiks "offentlig bekymringsmelding" v2 (draft 2019-09), as KS publishes it, from
 * libs/reference-data/fiks-bekymringsmelding (see SOURCE.md there). Always the repository's own
 * copy: REFERENCE_DATA_DIR points at a municipality's catalogues, never at the national schema.
 */
export const REPORT_SCHEMA_NAME = 'no.ks.fiks.bekymringsmelding.offentlig.v2';
const SCHEMA_DIR = 'fiks-bekymringsmelding';
const MAIN_FILE = 'offentlig.bekymringsmelding.v2.json';
const ADDRESS_FILE = 'adresse.json';
/** Where "../adresse.json" lands when resolved against the v2 schema's $id (https://fiks.ks.no/…). */
const ADDRESS_URI = 'https://fiks.ks.no/adresse.json';

type JsonSchema = Record<string, unknown>;

function readSchema(file: string): JsonSchema {
  return JSON.parse(readFileSync(path.join(bundledReferenceDataDir(), SCHEMA_DIR, file), 'utf8')) as JsonSchema;
}

// ajv and ajv-formats are CommonJS; under NodeNext the class sits on `default` for the type checker.
const Ajv2019 = ((Ajv2019Module as unknown as { default?: unknown }).default ?? Ajv2019Module) as typeof Ajv2019Module.default;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as typeof addFormatsModule.default;

let compiled: ValidateFunction | undefined;

/** Compiled once per process; strict, so a schema ajv misreads fails loudly instead of passing everything. */
function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv2019({ allErrors: true, strict: true });
    addFormats(ajv);
    ajv.addSchema(readSchema(ADDRESS_FILE), ADDRESS_URI);
    compiled = ajv.compile(readSchema(MAIN_FILE));
  }
  return compiled;
}

export interface SchemaViolation {
  /** JSON pointer into the document, e.g. `/offentligMelder/telefonnummer`. */
  path: string;
  message: string;
}

/** Validates a document against the v2 schema; every violation, not just the first. */
export function validateReportDocument(document: unknown): SchemaViolation[] {
  const validate = validator();
  if (validate(document)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => ({
    path: e.keyword === 'required' ? `${e.instancePath}/${String((e.params as { missingProperty: string }).missingProperty)}` : e.instancePath || '/',
    message: e.message ?? e.keyword,
  }));
}

/**
 * The schema as one self-contained OpenAPI schema object (references inlined, draft keywords
 * dropped), so /docs shows the document's shape without a second copy to keep in step.
 */
export function reportSchemaForOpenApi(): JsonSchema {
  const main = readSchema(MAIN_FILE);
  const address = readSchema(ADDRESS_FILE);
  const definitions = (main.definitions ?? {}) as Record<string, JsonSchema>;
  const inline = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(inline);
    if (!node || typeof node !== 'object') return node;
    const obj = node as JsonSchema;
    if (obj.$ref === '../adresse.json') return inline(address);
    if (typeof obj.$ref === 'string' && obj.$ref.startsWith('#/definitions/')) return inline(definitions[obj.$ref.slice('#/definitions/'.length)]);
    return Object.fromEntries(
      Object.entries(obj)
        .filter(([key]) => !['$schema', '$id', 'definitions'].includes(key))
        .map(([key, value]) => [key, inline(value)]),
    );
  };
  return { ...(inline(main) as JsonSchema), description: `KS Fiks «offentlig bekymringsmelding» v2 (${REPORT_SCHEMA_NAME})` };
}
