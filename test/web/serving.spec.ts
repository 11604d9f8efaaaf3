import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';

test('the API serves the built UI at / and its client-side routes, and keeps its own paths', async ({ request }) => {
  const home = await request.get('/');
  expect(home.status()).toBe(200);
  expect(home.headers()['content-type']).toContain('text/html');
  expect(await home.text()).toContain('<div id="root">');

  const deepLink = await request.get('/saker/3f1c9a52-0000-4000-8000-000000000000');
  expect(deepLink.status()).toBe(200);
  expect(await deepLink.text()).toContain('<div id="root">');

  const unknownApi = await request.get('/api/v1/no-such-thing');
  expect(unknownApi.status()).toBe(404);
  expect(unknownApi.headers()['content-type']).toContain('application/problem+json');
  expect((await request.get('/health')).status()).toBe(200);
  expect((await request.get('/docs-json')).headers()['content-type']).toContain('application/json');
});

test('the committed typed client matches the OpenAPI document the API serves (no drift)', async ({ request }) => {
  const document = await (await request.get('/docs-json')).json();
  const generated = astToString(await openapiTS(document));
  const committed = readFileSync(path.resolve('apps/web/src/api/schema.d.ts'), 'utf8');
  expect(committed === generated, 'apps/web/src/api/schema.d.ts is stale: run `npm run web:schema`').toBe(true);
});
