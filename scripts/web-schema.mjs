// `npm run web:schema`: writes apps/web/src/api/schema.d.ts, the web UI's typed API client types,
// from the OpenAPI document the built API serves at /docs-json. The Nest app is created in
// preview mode (no database, no Redis: only its routes and DTO metadata are read).
// `--check` writes nothing and exits 1 when the committed file differs (drift).
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NestFactory } from '@nestjs/core';
import openapiTS, { astToString } from 'openapi-typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'apps/web/src/api/schema.d.ts');
const built = (file) => path.join(root, 'dist/apps/api/apps/api/src', file);

/** The OpenAPI document exactly as `/docs-json` serves it, in dev auth mode (dev-login included). */
export async function openApiDocument() {
  const { AppModule } = await import(built('app.module.js'));
  const { createOpenApiDocument, setApiPrefix } = await import(built('app.factory.js'));
  const { loadConfig } = await import(path.join(root, 'dist/apps/api/libs/platform/src/index.js'));
  const config = loadConfig({
    DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused',
    REDIS_URL: 'redis://127.0.0.1:1',
    AUTH_MODE: 'dev',
    ALLOW_DEV_LOGIN: 'true',
    DATA_ENCRYPTION_KEY: '0'.repeat(64),
    LOG_LEVEL: 'silent',
  });
  const app = await NestFactory.create(AppModule.forRoot({ config }), { preview: true, logger: false });
  setApiPrefix(app);
  const document = createOpenApiDocument(app);
  await app.close();
  return document;
}

/** The TypeScript declarations openapi-typescript makes of a document. */
export async function schemaSource(document) {
  return astToString(await openapiTS(document));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const source = await schemaSource(await openApiDocument());
  if (process.argv.includes('--check')) {
    if (readFileSync(target, 'utf8') !== source) {
      process.stderr.write('apps/web/src/api/schema.d.ts er utdatert: kjør `npm run web:schema`.\n');
      process.exit(1);
    }
    process.stdout.write('apps/web/src/api/schema.d.ts matcher API-et.\n');
  } else {
    writeFileSync(target, source);
    process.stdout.write(`Skrev ${path.relative(root, target)}.\n`);
  }
}
