import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { problems, type FieldError } from './problem.js';

// class-validator speaks English; the user-facing text is bokmål. Limits are read off the original.
const BOKMAL: Record<string, (n?: string) => string> = {
  whitelistValidation: () => 'er ikke et kjent felt',
  isNotEmpty: () => 'må fylles ut',
  isDefined: () => 'må fylles ut',
  isString: () => 'må være tekst',
  isBoolean: () => 'må være true eller false',
  isInt: () => 'må være et heltall',
  isArray: () => 'må være en liste',
  isUuid: () => 'må være en gyldig id (UUID)',
  isIn: () => 'har en ukjent verdi',
  isEnum: () => 'har en ukjent verdi',
  isDateString: () => 'må være en dato (ÅÅÅÅ-MM-DD)',
  isISO8601: () => 'må være en dato (ÅÅÅÅ-MM-DD)',
  maxLength: (n) => `er for lang (høyst ${n} tegn)`,
  minLength: (n) => `er for kort (minst ${n} tegn)`,
  arrayMaxSize: (n) => `har for mange elementer (høyst ${n})`,
  arrayMinSize: (n) => `må ha minst ${n} element`,
  min: (n) => `må være minst ${n}`,
  max: (n) => `må være høyst ${n}`,
  nestedValidation: () => 'må være et objekt',
  isObject: () => 'må være et objekt',
};

function toBokmal(constraint: string, original: string): string {
  const translate = BOKMAL[constraint];
  if (!translate) return original;
  const limit = /(\d+)/.exec(original)?.[1];
  return translate(limit);
}

/** Flattens nested class-validator errors into `{field: 'child.guardians[0].name', message}`. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const key = /^\d+$/.test(error.property) ? `[${error.property}]` : error.property;
    const field = parent ? (key.startsWith('[') ? `${parent}${key}` : `${parent}.${key}`) : key;
    for (const [constraint, original] of Object.entries(error.constraints ?? {})) {
      result.push({ field, message: toBokmal(constraint, original) });
    }
    if (error.children?.length) result.push(...flattenValidationErrors(error.children, field));
  }
  return result;
}

/** whitelist + forbidNonWhitelisted: unknown fields are errors, not silently dropped. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => problems.validation(flattenValidationErrors(errors)),
  });
}
