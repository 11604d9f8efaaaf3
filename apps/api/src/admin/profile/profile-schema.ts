import { readFileSync } from 'node:fs';
import path from 'node:path';
import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv';
import localizeModule from 'ajv-i18n';
import { bundledReferenceDataDir } from '@app/platform';

/** The JSON Schema a profile version must satisfy; the repository's own copy (libs/reference-data). */
export const PROFILE_SCHEMA_FILE = 'municipality-profile.schema.json';

// ajv and ajv-i18n are CommonJS; under NodeNext the export sits on `default` for the type checker.
const Ajv = ((AjvModule as unknown as { default?: unknown }).default ?? AjvModule) as typeof AjvModule.default;
const localize = ((localizeModule as unknown as { default?: unknown }).default ?? localizeModule) as typeof localizeModule.default;

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (!compiled) {
    const schema = JSON.parse(readFileSync(path.join(bundledReferenceDataDir(), PROFILE_SCHEMA_FILE), 'utf8')) as object;
    compiled = new Ajv({ allErrors: true, strict: true }).compile(schema);
  }
  return compiled;
}

export interface ProfileError {
  /** JSON pointer (RFC 6901) into the document; the missing member itself for `required`. */
  pointer: string;
  message: string;
}

/** Every way `document` breaks the schema, in bokmål (ajv-i18n `nb`); empty when it is valid. */
export function validateProfileDocument(document: unknown): ProfileError[] {
  const validate = validator();
  if (validate(document)) return [];
  const errors = (validate.errors ?? []).map((e) => ({ ...e }));
  localize.nb(errors);
  return errors.map((e: ErrorObject) => ({ pointer: pointerOf(e), message: plainer(e) ?? e.message ?? e.keyword }));
}

/** ajv-i18n's bokmål, except where it would quote a regular expression or say something vaguer than the house's words. */
function plainer(e: ErrorObject): string | null {
  if (e.keyword === 'additionalProperties') return 'er ikke et kjent felt';
  if (e.keyword !== 'pattern') return null;
  if (e.instancePath.startsWith('/reminders/')) return 'må være en ISO 8601-varighet, f.eks. P7D eller PT24H';
  if (e.instancePath === '/municipalityNumber') return 'må være fire siffer';
  if (e.instancePath === '/childWelfareDistrict/number') return 'må være to siffer';
  return 'må være små bokstaver, tall og _';
}

function pointerOf(e: ErrorObject): string {
  const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
  if (e.keyword === 'required') return `${e.instancePath}/${escape(String((e.params as { missingProperty: string }).missingProperty))}`;
  if (e.keyword === 'additionalProperties') return `${e.instancePath}/${escape(String((e.params as { additionalProperty: string }).additionalProperty))}`;
  if (e.keyword === 'propertyNames' || e.propertyName !== undefined) return `${e.instancePath}/${escape(String(e.propertyName ?? ''))}`;
  return e.instancePath || '';
}
