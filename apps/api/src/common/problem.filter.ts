import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DEFAULT_CODES, ProblemException, titleFor, type ProblemDocument } from './problem.js';
import { RETRY_AFTER_SECONDS, isUnavailable } from './unavailable.js';

/** A role the process held for the caller is gone (migration CallerRolesCheck; RowSecurity's identity statement). */
export const ROLES_CHANGED_SQLSTATE = 'BTI01';

/** Turns every error into an RFC 9457 problem document; internals never reach the caller. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const response = ctx.getResponse<Response>();
    const request = ctx.getRequest<Request>();
    const problem = this.toProblem(exception, request);
    if (problem.code === 'UNAVAILABLE') {
      // Expected during an outage: one warning line, no stack.
      this.logger.warn({ err: { name: (exception as Error)?.name, code: (exception as { code?: unknown })?.code }, path: request.route?.path ?? 'unknown' }, 'Database or Redis unavailable');
    } else if (problem.status >= 500) {
      // The error's name and message only: stacks and bodies may carry personal data.
      const err = exception instanceof Error ? { name: exception.name, message: exception.message.slice(0, 300) } : {};
      this.logger.error({ err, status: problem.status, path: request.route?.path ?? 'unknown' }, 'Request failed');
    }
    if (response.headersSent) return;
    if (problem.status === 503) response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    response.status(problem.status).type('application/problem+json').json(problem);
  }

  private toProblem(exception: unknown, request: Request): ProblemDocument {
    const base = (status: number, code: string, detail: string): ProblemDocument => ({
      type: `https://bti.kommune.no/problems/${code.toLowerCase().replace(/_/g, '-')}`,
      title: titleFor(status),
      status,
      detail,
      code,
      instance: request.originalUrl?.split('?')[0],
    });
    if (exception instanceof ProblemException) {
      const doc = base(exception.getStatus(), exception.code, exception.message);
      if (exception.errors) doc.errors = exception.errors;
      return { ...doc, ...exception.extensions };
    }
    // body-parser errors (malformed JSON, too large) arrive wrapped, with the original as cause.
    const parserType = ((exception as { cause?: { type?: string } })?.cause ?? (exception as { type?: string }))?.type;
    if (parserType === 'entity.parse.failed') {
      return { ...base(400, 'MALFORMED_JSON', 'Innholdet er ikke gyldig JSON.'), errors: [{ field: 'body', message: 'Ugyldig JSON.' }] };
    }
    if (parserType === 'entity.too.large') return base(413, 'PAYLOAD_TOO_LARGE', 'Forespørselen er større enn 1 MB.');
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return base(status, DEFAULT_CODES[status] ?? 'HTTP_ERROR', this.httpDetail(status, exception));
    }
    // Other http-errors (bad charset, …) that were not wrapped carry their own 4xx status.
    const rawStatus = (exception as { status?: number })?.status;
    if (typeof rawStatus === 'number' && rawStatus >= 400 && rawStatus < 500) {
      return base(rawStatus, DEFAULT_CODES[rawStatus] ?? 'BAD_REQUEST', 'Forespørselen kunne ikke leses.');
    }
    // A published profile version (trigger of migration MunicipalityAdministration).
    if (sqlState(exception) === '55000') return base(409, 'VERSION_PUBLISHED', 'En publisert versjon kan ikke endres.');
    if (sqlState(exception) === '28000') return base(401, 'UNAUTHENTICATED', 'Brukeren er deaktivert.');
    if (sqlState(exception) === ROLES_CHANGED_SQLSTATE) return base(403, 'ROLES_CHANGED', 'Rollene dine er endret. Last siden på nytt.');
    if (isUnavailable(exception)) return base(503, 'UNAVAILABLE', 'Tjenesten er midlertidig utilgjengelig. Prøv igjen om litt.');
    const field = danglingReference(exception);
    if (field) {
      // The services check what a request names; this is the database's second line (migration
      // ForeignKeys), and a sign that a check is missing: logged, answered as bad input.
      this.logger.warn({ field, path: request.route?.path ?? 'unknown' }, 'Foreign key refused a reference');
      return { ...base(400, 'VALIDATION_FAILED', 'Forespørselen viser til noe som ikke finnes.'), errors: [{ field, message: 'Finnes ikke.' }] };
    }
    return base(500, 'INTERNAL_ERROR', 'Det oppstod en intern feil. Prøv igjen senere.');
  }

  private httpDetail(status: number, exception: HttpException): string {
    if (status === 404) return 'Fant ikke ressursen.';
    if (status === 401) return 'Innlogging kreves: send et gyldig Bearer-token.';
    if (status === 403) return 'Rollen din gir ikke tilgang til dette.';
    if (status === 413) return 'Forespørselen er større enn 1 MB.';
    return titleFor(status) + (exception.message && status < 500 ? `: ${exception.message}` : '.');
  }
}

/**
 * The column named by a foreign key that refused an insert or update (SQLSTATE 23503), from the
 * key's name `FK_<table>_<column>`; null for any other error. The driver's `detail` (which holds
 * the value) is never read.
 */
export function danglingReference(exception: unknown): string | null {
  const error = exception as { code?: unknown; constraint?: unknown; driverError?: { code?: unknown; constraint?: unknown } } | null;
  const code = error?.driverError?.code ?? error?.code;
  const constraint = error?.driverError?.constraint ?? error?.constraint;
  if (code !== '23503' || typeof constraint !== 'string') return null;
  return /^FK_[a-z_]+_([A-Za-z]+)$/.exec(constraint)?.[1] ?? null;
}

/** The SQLSTATE of a database error (TypeORM wraps the driver's), or undefined. */
export function sqlState(exception: unknown): unknown {
  const error = exception as { code?: unknown; driverError?: { code?: unknown } } | null;
  return error?.driverError?.code ?? error?.code;
}
