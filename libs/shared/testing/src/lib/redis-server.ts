import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freeTcpPort, launchRedis, onFreshPorts } from './redis-launch';

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

  /** On a port probed free: another one if that was taken before redis-server bound it. */
  static async start(options: PrivateRedisOptions = {}): Promise<PrivateRedis> {
    return onFreshPorts(async () => {
      const redis = new PrivateRedis(await freeTcpPort(), options);
      try {
        await redis.up();
        return redis;
      } catch (error) {
        await redis.stop();
        throw error;
      }
    });
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** The redis-server process while it runs (benchmarks read its CPU from /proc). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /**
   * Starts (again) on the same port: empty, unless `persistent`. Throws PortTaken if another
   * process holds the port (after down(), it is free for anyone until this binds it again).
   */
  async up(): Promise<void> {
    if (this.child) return;
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', ''];
    args.push(...(this.dir ? ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', this.dir] : ['--appendonly', 'no']));
    if (this.options.maxmemoryPolicy) args.push('--maxmemory-policy', this.options.maxmemoryPolicy);
    this.child = await launchRedis(args);
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
