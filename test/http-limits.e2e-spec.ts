import net from 'node:net';
import type { Server } from 'node:http';
import { startTestApp, type TestApp } from './harness/test-app.js';
import { SERVER_TIMEOUTS } from '../apps/api/src/common/http-limits.js';

import { jest } from '@jest/globals';

// Explicit, and enough for the hooks: they start the API on the harness database (the first file
// also migrates it), which takes tens of seconds on a loaded 2-core machine.
jest.setTimeout(60_000);

/** A raw HTTP/1.1 conversation: what the server sent, and whether it closed the connection. */
function converse(port: number, request: string) {
  const socket = net.connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (chunk) => (received += chunk.toString('latin1')));
  socket.on('error', () => undefined); // the server may reset a connection it refuses
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.write(request);
  return {
    socket,
    closed,
    /** Resolves once a complete status line and headers have arrived. */
    head: () =>
      new Promise<string>((resolve) => {
        const check = () => {
          if (received.includes('\r\n\r\n')) resolve(received);
          else socket.once('data', check);
        };
        check();
      }),
    get received() {
      return received;
    },
  };
}

/** Slow clients cannot hold connections, and an oversized body is refused before it is read (issue 18). */
describe('HTTP server limits', () => {
  let t: TestApp;
  let server: Server;
  let port: number;
  beforeAll(async () => {
    t = await startTestApp();
    server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(() => t.close());

  it('a declared body over 1 MB gets 413 at once, before authentication, and the body is never read', async () => {
    const c = converse(
      port,
      'POST /api/v1/cases HTTP/1.1\r\nHost: test\r\nContent-Type: application/octet-stream\r\nContent-Length: 100000000\r\n\r\n' + 'x'.repeat(1000),
    );
    // The answer arrives although only 1 000 of the declared 100 000 000 bytes were ever sent.
    const head = await c.head();
    expect(head).toMatch(/^HTTP\/1\.1 413 /);
    expect(head.toLowerCase()).toContain('connection: close');
    // …and the server ends the connection instead of draining the body.
    await c.closed;
    expect(c.received).toContain('"code":"PAYLOAD_TOO_LARGE"');
    // A body within the limit still reaches the route (here: 401 without a token).
    const small = await t.http.post('/api/v1/cases').set('Content-Type', 'application/json').send({ a: 1 });
    expect(small.status).toBe(401);
  });

  it('sets header, request and keep-alive timeouts far below Node’s minutes', () => {
    expect({
      headersTimeout: server.headersTimeout,
      requestTimeout: server.requestTimeout,
      keepAliveTimeout: server.keepAliveTimeout,
    }).toEqual({
      headersTimeout: SERVER_TIMEOUTS.headersTimeoutMs,
      requestTimeout: SERVER_TIMEOUTS.requestTimeoutMs,
      keepAliveTimeout: SERVER_TIMEOUTS.keepAliveTimeoutMs,
    });
    expect(SERVER_TIMEOUTS.headersTimeoutMs).toBeLessThanOrEqual(10_000);
    expect(SERVER_TIMEOUTS.requestTimeoutMs).toBeLessThanOrEqual(30_000);
  });

  it('a client that never finishes its headers gets 408 and is disconnected; an idle keep-alive connection is closed', async () => {
    // Both wait on the server's own decision; jest's timeout (well under Node's 60 s default
    // header timeout) is what makes the test fail if the server kept the connections open.
    const slow = converse(port, 'GET /health HTTP/1.1\r\nHost: test\r\nX-Slow: ');
    const idle = converse(port, 'GET /health HTTP/1.1\r\nHost: test\r\nConnection: keep-alive\r\n\r\n');
    expect(await idle.head()).toMatch(/^HTTP\/1\.1 200 /);
    await Promise.all([slow.closed, idle.closed]);
    expect(slow.received).toMatch(/^HTTP\/1\.1 408 /);
  }, 40_000);
});
