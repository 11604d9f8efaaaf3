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
