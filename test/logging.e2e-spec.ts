import { startTestApp, type TestApp } from './harness/test-app.js';

import { jest } from '@jest/globals';

// Explicit, and enough for the hooks: they start the API on the harness database (the first file
// also migrates it), which takes tens of seconds on a loaded 2-core machine.
jest.setTimeout(60_000);

describe('request logging', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const completed = (requestId: string) => t.logs.lines.filter((l) => l.includes('request completed') && l.includes(requestId));
  const newRequestId = () => `log-${Date.now()}-${Math.random().toString(36).slice(2)}`;

  it('logs an API request exactly once, with its request id and without the query string', async () => {
    const requestId = newRequestId();
    await t.http.get('/api/v1/cases?status=discovered').set(await t.auth('kari.ansatt')).set('X-Request-Id', requestId);
    const lines = completed(requestId);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('"path":"/api/v1/cases"');
    expect(lines[0]).not.toContain('status=discovered');
  });

  it('does not log health probes', async () => {
    const requestId = newRequestId();
    await t.http.get('/health').set('X-Request-Id', requestId).expect(200);
    expect(completed(requestId)).toHaveLength(0);
  });
});
