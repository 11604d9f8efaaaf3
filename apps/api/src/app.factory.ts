import { RequestMethod, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@app/platform';
import { DataSource } from 'typeorm';
import { createScimRouter, SCIM_PATH } from './admin/scim/scim-router.js';
import { AppModule, type AppModuleOptions } from './app.module.js';
import { AuditTrail } from './audit/audit-trail.service.js';
import { RowSecurity } from './database/row-security.js';
import { BODY_LIMIT_BYTES, hardenServer, refuseOversizedBody } from './common/http-limits.js';
import { rejectDeepJson } from './common/json-depth.js';
import { ProblemFilter } from './common/problem.filter.js';
import { securityHeaders } from './common/security-headers.js';
import { createValidationPipe } from './common/validation.js';

export const API_PREFIX = 'api/v1';
export const BODY_LIMIT = BODY_LIMIT_BYTES;

/** `/api/v1` for everything but the health check. */
export function setApiPrefix(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'health', method: RequestMethod.GET }] });
}

/** Builds the HTTP application exactly as production runs it; tests call this too. */
export async function createApiApp(options: AppModuleOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  // One id per request, taken from X-Request-Id when sane: in log lines, the audit trail and the response.
  app.use((req: Request, res: Response, next: NextFunction) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && /^[\w-]{1,100}$/.test(incoming) ? incoming : randomUUID();
    req.headers['x-request-id'] = id;
    res.setHeader('X-Request-Id', id);
    next();
  });
  app.use(refuseOversizedBody); // before any body parser: a declared oversize body is never read
  app.useBodyParser('json', { limit: BODY_LIMIT, type: ['application/json', 'application/*+json'] });
  app.use(rejectDeepJson);
  app.use(SCIM_PATH, createScimRouter(app.get(DataSource), app.get(RowSecurity), app.get(AuditTrail)));
  app.use(securityHeaders(options.config));
  app.set('trust proxy', options.config.trustProxy); // request.ip: the client's, for the rate limits
  setApiPrefix(app);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  app.enableShutdownHooks();
  hardenServer(app.getHttpServer());

  const document = createOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}

/** Listens on PORT at HOST: in dev mode loopback only unless HOST says otherwise (config.host). */
export async function listen(app: INestApplication, config: Pick<AppConfig, 'port' | 'host'>): Promise<void> {
  if (config.host) await app.listen(config.port, config.host);
  else await app.listen(config.port);
}

/** The OpenAPI document of `/docs-json`; `scripts/web-schema.mjs` builds the web UI's client from it. */
export function createOpenApiDocument(app: INestApplication) {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('BTI saksflyt')
      .setDescription('Bekymringer, saksflyt etter BTI-handlingsveilederen, samtykke og oppfølging.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
}
