import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy a test controls, to make a service unreachable for one process only (the
 * worker connects through it): `cut()` drops every connection and refuses new ones,
 * `restore()` accepts again on the same port.
 *
 * It listens from start() to close() on a port the kernel picks: a port probed free and bound
 * later, or given up while cut and bound again at restore, could be taken meanwhile by another
 * process (a parallel suite's server), and restore() would fail or the service's clients reach
 * that process. So while cut, a connection is reset as soon as it is accepted (the client sees
 * ECONNRESET where a closed port would answer ECONNREFUSED; nothing reaches the service either way).
 */
export class TcpProxy {
  private cutOff = false;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    let proxy: TcpProxy | null = null;
    const server = createServer((client) => proxy!.accept(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    proxy = new TcpProxy(server, (server.address() as { port: number }).port, target);
    return proxy;
  }

  private accept(client: Socket): void {
    if (this.cutOff) {
      client.on('error', () => undefined);
      client.resetAndDestroy();
      return;
    }
    const upstream = connect(this.target.port, this.target.host);
    for (const s of [client, upstream]) {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }

  /** Accepts and forwards again (after cut()). */
  async restore(): Promise<void> {
    this.cutOff = false;
  }

  /** Drops every connection; new ones are reset until restore(). */
  async cut(): Promise<void> {
    this.cutOff = true;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  /** Cut, and the port given up: the end of the test. */
  async close(): Promise<void> {
    await this.cut();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}
