import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

async function freeTcpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * A Redis of a test's own, on a spare port, that the test may stop and start again (an
 * outage) without touching the shared Redis on 6379 that other suites use.
 */
export interface PrivateRedisOptions {
  /** `maxmemory-policy` (Redis's default is noeviction, which BullMQ needs). */
  maxmemoryPolicy?: string;
  /**
   * Keeps its data across down()/up() like a production Redis does: an append-only file
   * written on every command (appendfsync always), in a directory of its own.
   */
  persistent?: boolean;
}

export class PrivateRedis {
  private child: ChildProcess | null = null;
  private readonly dir: string | null;

  private constructor(
    readonly port: number,
    private readonly options: PrivateRedisOptions,
  ) {
    this.dir = options.persistent ? mkdtempSync(path.join(tmpdir(), 'vitrine-redis-')) : null;
  }

  static async start(options: PrivateRedisOptions = {}): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freeTcpPort(), options);
    await redis.up();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** The redis-server process while it runs (benchmarks read its CPU from /proc). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts (again) on the same port: empty, unless `persistent`. */
  async up(): Promise<void> {
    if (this.child) return;
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', ''];
    args.push(...(this.dir ? ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', this.dir] : ['--appendonly', 'no']));
    if (this.options.maxmemoryPolicy) args.push('--maxmemory-policy', this.options.maxmemoryPolicy);
    const child = spawn('redis-server', args, { stdio: 'ignore' });
    this.child = child;
    for (let i = 0; i < 100; i++) {
      if (await portAnswers(this.port)) return;
      if (child.exitCode !== null) throw new Error(`redis-server on ${this.port} exited with ${child.exitCode}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`redis-server on ${this.port} did not start`);
  }

  /** Kills it: every connection drops, nothing answers until up(). */
  async down(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    if (child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  /** down(), and its data directory removed. */
  async stop(): Promise<void> {
    await this.down();
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }
}
