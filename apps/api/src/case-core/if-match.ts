import { ProblemException } from '../common/problem.js';

/** Parses `If-Match: "<version>"` (weak or strong): missing → 428, malformed → 400. */
export function requireIfMatch(header: string | undefined): number {
  if (header === undefined || header.trim() === '') {
    throw new ProblemException(428, 'PRECONDITION_REQUIRED', 'Send If-Match med sakens versjon (ETag), f.eks. If-Match: "3".');
  }
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) {
    throw new ProblemException(400, 'VALIDATION_FAILED', 'If-Match må være sakens versjon, f.eks. "3".', [
      { field: 'If-Match', message: 'må være sakens versjon i anførselstegn, f.eks. "3"' },
    ]);
  }
  return Number(match[1]);
}

export function versionMismatch(current: number): ProblemException {
  return new ProblemException(412, 'VERSION_MISMATCH', 'Saken er endret siden du hentet den. Hent den på nytt og prøv igjen.', undefined, {
    currentVersion: current,
  });
}

export const etag = (version: number) => `"${version}"`;

/**
 * The `If-Match` precondition of one state-changing request on a case whose response is not the
 * case itself (consents, measures, IKS decisions). The controller creates it from the header, the
 * service checks it under the case's row lock, after its visibility and role checks (a hidden case
 * is 404 whatever the header says), and the write bumps the version exactly once, so the
 * controller can answer with the new ETag without changing the response body.
 */
export class CasePrecondition {
  private checkedVersion: number | undefined;

  constructor(private readonly header: string | undefined) {}

  /** Missing → 428, malformed → 400, stale → 412. */
  check(currentVersion: number): void {
    const expected = requireIfMatch(this.header);
    if (expected !== currentVersion) throw versionMismatch(currentVersion);
    this.checkedVersion = currentVersion;
  }

  /** The case's ETag after the request's single version bump. */
  get nextEtag(): string {
    if (this.checkedVersion === undefined) throw new Error('CasePrecondition.nextEtag read before check()');
    return etag(this.checkedVersion + 1);
  }
}

/** The OpenAPI declaration of the header on every operation that takes it. */
export const IF_MATCH_HEADER = {
  name: 'If-Match',
  required: true,
  description: 'The case version from its ETag, e.g. "3". Missing → 428 PRECONDITION_REQUIRED, stale → 412 VERSION_MISMATCH; the response carries the new ETag.',
} as const;

/** The response header on the same operations. */
export const ETAG_RESPONSE_HEADER = { ETag: { description: "The case's version after the change", schema: { type: 'string' } } } as const;
