import net from 'node:net';

/**
 * A TCP relay in front of the harness's real PostgreSQL or Redis, so one test app can lose its
 * database or Redis without stopping the server every other test file shares. `cut()` drops every
 * open connection and stops listening (new connections are refused, as with a dead server);
 * `restore()` listens on the same port again.
 */
export class FaultProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  private port = 0;

  private constructor(
    private readonly target: { host: string; port: number },
    private readonly original: URL,
  ) {}

  static async start(url: string): Promise<FaultProxy> {
    const parsed = new URL(url);
    const proxy = new FaultProxy({ host: parsed.hostname, port: Number(parsed.port) }, parsed);
    await proxy.listen();
    return proxy;
  }

  /** The target's URL with the proxy's host and port. */
  get url(): string {
    const url = new URL(this.original.href);
    url.hostname = '127.0.0.1';
    url.port = String(this.port);
    return url.href;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async restore(): Promise<void> {
    if (!this.server) await this.listen();
  }

  private listen(): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => {
        this.port = (server.address() as net.AddressInfo).port;
        resolve();
      });
    });
  }
}
