import { HttpException } from '@nestjs/common';

export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem document, with our `code` and the list of bad fields. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Ugyldig forespørsel',
  401: 'Ikke innlogget',
  403: 'Ingen tilgang',
  404: 'Fant ikke ressursen',
  405: 'Metoden er ikke tillatt',
  409: 'Konflikt',
  412: 'Saken er endret av andre',
  413: 'For stor forespørsel',
  415: 'Ukjent innholdstype',
  422: 'Kan ikke utføres',
  428: 'If-Match mangler',
  429: 'For mange forespørsler',
  500: 'Intern feil',
  503: 'Tjenesten er utilgjengelig',
};

export const DEFAULT_CODES: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN_ROLE',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  412: 'VERSION_MISMATCH',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  428: 'PRECONDITION_REQUIRED',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_ERROR',
  503: 'UNAVAILABLE',
};

export function titleFor(status: number): string {
  return TITLES[status] ?? 'Feil';
}

/** Throw this anywhere in the request pipeline to answer with a problem document. */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    detail: string,
    readonly errors?: FieldError[],
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail, status);
  }
}

export const problems = {
  validation: (errors: FieldError[], detail = 'Forespørselen har ugyldige felt.') =>
    new ProblemException(400, 'VALIDATION_FAILED', detail, errors),
  notFound: (detail = 'Fant ikke ressursen, eller du har ikke tilgang til den.') =>
    new ProblemException(404, 'NOT_FOUND', detail),
  forbidden: (detail = 'Rollen din gir ikke tilgang til dette.') => new ProblemException(403, 'FORBIDDEN_ROLE', detail),
  unauthenticated: (detail = 'Innlogging kreves: send et gyldig Bearer-token.') =>
    new ProblemException(401, 'UNAUTHENTICATED', detail),
};
