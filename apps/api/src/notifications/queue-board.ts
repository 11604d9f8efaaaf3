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
import { hasRole } from '../auth/principal.js';
import { ProblemException, titleFor } from '../common/problem.js';

/** Outside /api/v1, like /health and /docs. */
export const QUEUE_BOARD_PATH = '/admin/queues';

/**
 * Bull Board (the queue dashboard: delayed, active, failed jobs) at /admin/queues, for the admin
 * role only. Mounted on the Express instance directly (so outside the global prefix) and guarded
 * by its own middleware, which authenticates with the same Authenticator as the global guard.
 */
@Injectable()
export class QueueBoard implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('QueueBoard');
  private readonly queues: Queue[];

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    @Inject(REDIS) redis: Redis,
  ) {
    this.queues = ALL_QUEUES.map((name) => new Queue(name, { connection: redis }));
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
    app.use(QUEUE_BOARD_PATH, (req: Request, res: Response, next: NextFunction) => void this.adminOnly(req, res, next), serverAdapter.getRouter());
  }

  private async adminOnly(req: Request, res: Response, next: NextFunction): Promise<void> {
    const deny = (status: number, code: string, detail: string) => {
      res
        .status(status)
        .type('application/problem+json')
        .json({ type: `https://bti.kommune.no/problems/${code.toLowerCase().replace(/_/g, '-')}`, title: titleFor(status), status, detail, code });
    };
    try {
      let principal;
      try {
        principal = await this.moduleRef.get(Authenticator, { strict: false }).authenticate(req.headers.authorization);
      } catch (error) {
        if (error instanceof ProblemException) return deny(401, error.code, error.message);
        throw error;
      }
      if (!hasRole(principal, 'admin')) return deny(403, 'FORBIDDEN_ROLE', 'Bare administratorer ser køene.');
      next();
    } catch (error) {
      next(error);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    // The shared Redis connection is closed by RedisModule.
    await Promise.all(this.queues.map((q) => q.close().catch(() => undefined)));
  }
}
