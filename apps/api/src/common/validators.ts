import { ValidateBy, type ValidationOptions } from 'class-validator';
import { loadReferenceData, type ReferenceData } from '@app/platform';
import { isValidNationalId } from './national-id.js';

type CatalogName = 'concernCategories' | 'riskFactors' | 'protectiveFactors' | 'measures';

/** Each element is a code from libs/reference-data (looked up when validating, not at import). */
export function IsCatalogCode(catalog: CatalogName, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCatalogCode',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && (loadReferenceData()[catalog] as ReferenceData[CatalogName]).some((i) => i.code === value),
        defaultMessage: () => 'inneholder en ukjent kode (se /api/v1/catalog)',
      },
    },
    options,
  );
}

export function IsNationalId(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNationalId',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidNationalId(value),
        // Never echo the value: it is personal data.
        defaultMessage: () => 'er ikke et gyldig fødselsnummer eller D-nummer',
      },
    },
    options,
  );
}

/** A calendar date YYYY-MM-DD that exists and is not in the future. */
export function IsPastDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPastDate',
      validator: {
        validate: (value: unknown) => isCalendarDate(value) && Date.parse(`${value}T00:00:00Z`) <= Date.now(),
        defaultMessage: () => 'må være en gyldig dato (ÅÅÅÅ-MM-DD) som ikke er i fremtiden',
      },
    },
    options,
  );
}

/** True for an existing calendar date written YYYY-MM-DD, between 1900 and 2999. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) && value >= '1900-01-01' && value <= '2999-12-31';
}

export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: 'isCalendarDate', validator: { validate: isCalendarDate, defaultMessage: () => 'må være en gyldig dato (ÅÅÅÅ-MM-DD)' } },
    options,
  );
}

/** An ISO 8601 timestamp or date in the calendar form (2026-11-23 or 2026-11-23T08:00:00Z) that parses. */
export function IsTimestamp(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTimestamp',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(value) &&
          isCalendarDate(value.slice(0, 10)) &&
          !Number.isNaN(Date.parse(value)),
        defaultMessage: () => 'må være et tidspunkt, f.eks. 2026-11-23 eller 2026-11-23T08:00:00Z',
      },
    },
    options,
  );
}
