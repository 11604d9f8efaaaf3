import type { Server } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { titleFor } from './problem.js';

/** Largest request body the API reads (DESIGN section 6: bodies over 1 MB → 413). */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Timeouts of the HTTP server, so a slow or idle client cannot hold a connection for minutes
 * (Node's defaults: 60 s for headers, 300 s for a request). The connection check runs every
 * second, so a timeout strikes within a second of its limit rather than of Node's 30 s sweep.
 */
export const SERVER_TIMEOUTS = {
  /** All request headers must arrive within this. */
  headersTimeoutMs: 10_000,
  /** The whole request (headers and body) must arrive within this. */
  requestTimeoutMs: 30_000,
  /** An idle keep-alive connection is closed after this (below headersTimeout, as Node requires). */
  keepAliveTimeoutMs: 5_000,
  connectionsCheckingIntervalMs: 1_000,
} as const;

/** Applies SERVER_TIMEOUTS; call before listen (the connection check starts on 'listening'). */
export function hardenServer(server: Server): void {
  server.headersTimeout = SERVER_TIMEOUTS.headersTimeoutMs;
  server.requestTimeout = SERVER_TIMEOUTS.requestTimeoutMs;
  server.keepAliveTimeout = SERVER_TIMEOUTS.keepAliveTimeoutMs;
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = SERVER_TIMEOUTS.connectionsCheckingIntervalMs;
}

/**
 * Refuses a body whose declared Content-Length is over the limit before a byte of it is read,
 * whatever its content type and before authentication, and closes the connection so the body is
 * never drained (without this the server read and discarded it for minutes).
 */
export function refuseOversizedBody(req: Request, res: Response, next: NextFunction): void {
  const declared = Number(req.headers['content-length']);
  if (!Number.isFinite(declared) || declared <= BODY_LIMIT_BYTES) return next();
  res.setHeader('Connection', 'close');
  res
    .status(413)
    .type('application/problem+json')
    .json({
      type: 'https://bti.kommune.no/problems/payload-too-large',
      title: titleFor(413),
      status: 413,
      detail: 'Forespørselen er større enn 1 MB.',
      code: 'PAYLOAD_TOO_LARGE',
      instance: req.originalUrl?.split('?')[0],
    });
}
