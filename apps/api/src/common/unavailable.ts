/**
 * Recognises errors that mean "the database or Redis cannot be reached right now" (refused or
 * reset connections, a server shutting down or starting up, a pool that cannot connect in time),
 * so that the caller gets 503 UNAVAILABLE with Retry-After instead of 500: the request may well
 * succeed in a moment, and nothing was written (the transaction never committed).
 */

/** What clients are told to wait before trying again, in seconds. */
export const RETRY_AFTER_SECONDS = 5;

/** Node's network error codes for a peer that is gone or unreachable. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

/**
 * PostgreSQL SQLSTATEs: class 08 (connection exception), 57P01–57P03 (admin/crash shutdown,
 * cannot connect now), 53300 (too many connections).
 */
const PG_UNAVAILABLE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;

/** Errors that carry no code: pg's and pg-pool's, ioredis' and BullMQ's wording. */
const MESSAGES = [
  /^Connection terminated/i, // pg: the server went away mid-query, or the connect timeout struck
  /timeout exceeded when trying to connect/i, // pg-pool
  /Client has encountered a connection error and is not queryable/i, // pg
  /^Connection is closed\.?$/i, // ioredis
  /enableOfflineQueue options? is false/i, // ioredis while disconnected
  /max retries per request limit/i, // ioredis MaxRetriesPerRequestError
  /the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)/i,
];

export function isUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || error === null || typeof error !== 'object') return false;
  const e = error as { code?: unknown; message?: unknown; name?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || PG_UNAVAILABLE.test(e.code))) return true;
  if (e.name === 'MaxRetriesPerRequestError') return true;
  if (typeof e.message === 'string' && MESSAGES.some((m) => m.test(e.message as string))) return true;
  // TypeORM wraps the driver's error; fetch and AggregateError (IPv4 + IPv6 attempts) nest theirs.
  if (isUnavailable(e.driverError, depth + 1) || isUnavailable(e.cause, depth + 1)) return true;
  return Array.isArray(e.errors) && e.errors.some((inner) => isUnavailable(inner, depth + 1));
}
