import { ValidateBy, type ValidationOptions } from 'class-validator';
import { loadReferenceData, type ReferenceData } from '@app/platform';
import { isValidNationalId } from '../national-id.js';

type CatalogName = 'concernCategories' | 'riskFactors' | 'protectiveFactors' | 'measures';

/** Each element is a code from ../shared/domain (looked up when validating, not at import). */
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
        validate: (value: unknown) => {
          if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
          const date = new Date(`${value}T00:00:00Z`);
          return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) && date.getTime() <= Date.now() && value >= '1900-01-01';
        },
        defaultMessage: () => 'må være en gyldig dato (ÅÅÅÅ-MM-DD) som ikke er i fremtiden',
      },
    },
    options,
  );
}

/** A calendar date YYYY-MM-DD that exists (past or future). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
          const date = new Date(`${value}T00:00:00Z`);
          return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
        },
        defaultMessage: () => 'må være en gyldig dato (ÅÅÅÅ-MM-DD)',
      },
    },
    options,
  );
}
