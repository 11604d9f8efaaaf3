import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from './config.js';

/**
 * Paths pino removes before a line is written. Bodies are never logged at all; these catch
 * personal data that code might pass in a log object by mistake.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  '*.nationalId',
  '*.firstName',
  '*.lastName',
  '*.name',
  '*.description',
  '*.childVoice',
  '*.guardians',
  '*.summary',
  '*.note',
  '*.text',
  '*.body',
  'body',
];

/** nestjs-pino options: request ids, no bodies or query strings, personal data redacted. */
const PRETTY = { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } };

export function loggerParams(config: Pick<AppConfig, 'logLevel'>, destination?: NodeJS.WritableStream): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      genReqId: (req: IncomingMessage) => {
        const incoming = req.headers['x-request-id'];
        return typeof incoming === 'string' && /^[\w-]{1,100}$/.test(incoming) ? incoming : randomUUID();
      },
      redact: { paths: REDACTED_PATHS, censor: '[skjult]' },
      // Health probes every few seconds are noise (and nestjs-pino logged them twice: the path
      // is excluded from the global prefix and its middleware ran once per route set).
      autoLogging: { ignore: (req: IncomingMessage) => req.url?.split('?')[0] === '/health' },
      serializers: {
        // Paths without query strings: filters could in principle carry search terms.
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url?.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      // On a terminal, readable lines (pino-pretty); otherwise one JSON object per line for collectors.
      ...(destination ? { stream: destination } : process.stdout.isTTY ? { transport: PRETTY } : {}),
    },
  } as Params;
}
