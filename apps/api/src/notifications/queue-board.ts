import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { ALL_QUEUES, REDIS } from '@app/platform';
import { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import type { Redis } from 'ioredis';
import { Authenticator } from '../auth/authenticator.js';
import { may } from '@app/domain';
import { toActor } from '../auth/principal.js';
import { ProblemException, titleFor } from '../common/problem.js';
import { RETRY_AFTER_SECONDS, isUnavailable } from '../common/unavailable.js';

/** Outside /api/v1, like /health and /docs. */
export const QUEUE_BOARD_PATH = '/admin/queues';

/**
 * Bull Board (the queue dashboard: delayed, active, failed jobs) at /admin/queues, for the
 * platform's operator only (`queues.operate`): pausing the mail queue stops every municipality's
 * urgent e-mail, so no municipality's admin may. Mounted on the Express instance directly (so outside the global prefix) and guarded
 * by its own middleware, which authenticates with the same Authenticator as the global guard.
 */
@Injectable()
export class QueueBoard implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('QueueBoard');
  private readonly queues: Queue[];
  private readonly connection: Redis;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    @Inject(REDIS) redis: Redis,
  ) {
    // Its own connection that fails fast while Redis is away (the shared one queues commands until
    // Redis is back), so the board answers 503 at once instead of hanging.
    this.connection = redis.duplicate({ enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    this.connection.on('error', () => undefined); // reconnects on its own; /health reports the state
    this.queues = ALL_QUEUES.map((name) => new Queue(name, { connection: this.connection }));
    for (const q of this.queues) q.on('error', (error) => this.logger.warn(`Kø-feil: ${error.message}`));
  }

  onModuleInit(): void {
    const httpAdapter = this.adapterHost.httpAdapter;
    if (!httpAdapter) return;
    const serverAdapter = new ExpressAdapter();
    serverAdapter.setBasePath(QUEUE_BOARD_PATH);
    createBullBoard({
      queues: this.queues.map((q) => new BullMQAdapter(q, { readOnlyMode: false })),
      serverAdapter,
      options: { uiConfig: { boardTitle: 'BTI køer' } },
    });
    const app = httpAdapter.getInstance() as { use: (path: string, ...handlers: unknown[]) => void };
    app.use(
      QUEUE_BOARD_PATH,
      (req: Request, res: Response, next: NextFunction) => void this.operatorOnly(req, res, next),
      serverAdapter.getRouter(),
      // Outside Nest's filters: errors of the board itself become problem documents here.
      (error: unknown, _req: Request, res: Response, next: NextFunction) => {
        if (res.headersSent) return next(error);
        if (isUnavailable(error)) return this.unavailable(res);
        this.logger.error({ err: { name: (error as Error)?.name, message: String((error as Error)?.message).slice(0, 300) } }, 'Queue board failed');
        return this.problem(res, 500, 'INTERNAL_ERROR', 'Det oppstod en intern feil. Prøv igjen senere.');
      },
    );
  }

  private unavailable(res: Response): void {
    res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    this.problem(res, 503, 'UNAVAILABLE', 'Køene er midlertidig utilgjengelige (Redis svarer ikke). Prøv igjen om litt.');
  }

  private problem(res: Response, status: number, code: string, detail: string): void {
    res
      .status(status)
      .type('application/problem+json')
      .json({ type: `https://bti.kommune.no/problems/${code.toLowerCase().replace(/_/g, '-')}`, title: titleFor(status), status, detail, code });
  }

  private async operatorOnly(req: Request, res: Response, next: NextFunction): Promise<void> {
    const deny = (status: number, code: string, detail: string) => this.problem(res, status, code, detail);
    try {
      let principal;
      try {
        principal = await this.moduleRef.get(Authenticator, { strict: false }).authenticate(req.headers.authorization);
      } catch (error) {
        if (error instanceof ProblemException) return deny(401, error.code, error.message);
        throw error;
      }
      if (!may(toActor(principal), 'queues.operate')) return deny(403, 'FORBIDDEN_ROLE', 'Bare driftsoperatøren ser og styrer køene.');
      // Bull Board answers a Redis error with its own 500: while Redis is away, say so first.
      if (this.connection.status !== 'ready') return this.unavailable(res);
      next();
    } catch (error) {
      next(error);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    // The shared Redis connection is closed by RedisModule; the board's own one here.
    await Promise.all(this.queues.map((q) => q.close().catch(() => undefined)));
    this.connection.disconnect();
  }
}
