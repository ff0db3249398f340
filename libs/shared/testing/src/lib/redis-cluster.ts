import { execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freeTcpPort, launchRedis, onFreshPorts } from './redis-launch';

const run = promisify(execFile);

/**
 * A local Redis Cluster of a test's own: `masters` redis-server processes in cluster mode on
 * spare ports (no replicas), joined with `redis-cli --cluster create`, its slots all assigned
 * before start() returns. Nothing is written to disk outside a temporary directory.
 */
export class PrivateRedisCluster {
  private readonly children: ChildProcess[] = [];

  private constructor(
    readonly ports: number[],
    private readonly dir: string,
  ) {}

  /**
   * On ports probed free: all of them again, fresh, if one (or its bus port) was taken before its
   * redis-server bound it.
   */
  static async start(masters = 3): Promise<PrivateRedisCluster> {
    return onFreshPorts(() => PrivateRedisCluster.startOn(masters));
  }

  private static async startOn(masters: number): Promise<PrivateRedisCluster> {
    const ports: number[] = [];
    while (ports.length < masters) {
      const port = await freeTcpPort();
      // The cluster bus listens on port + 10000: both must be free.
      if (port < 55_000 && !ports.includes(port)) ports.push(port);
    }
    const cluster = new PrivateRedisCluster(ports, mkdtempSync(path.join(tmpdir(), 'vitrine-cluster-')));
    try {
      const launched = await Promise.allSettled(
        ports.map((port) =>
          launchRedis(['--port', String(port), '--bind', '127.0.0.1', '--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${port}.conf`, '--dir', cluster.dir, '--save', '', '--appendonly', 'no']),
        ),
      );
      for (const l of launched) if (l.status === 'fulfilled') cluster.children.push(l.value);
      const failed = launched.find((l): l is PromiseRejectedResult => l.status === 'rejected');
      if (failed) throw failed.reason;
      await run('redis-cli', ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes']);
      for (const port of ports) await cluster.until(port, async () => /cluster_state:ok/.test(await cluster.cli(port, 'CLUSTER', 'INFO')));
      return cluster;
    } catch (error) {
      await cluster.stop();
      throw error;
    }
  }

  /** REDIS_CLUSTER_NODES for the apps. */
  get nodes(): string {
    return this.ports.map((p) => `127.0.0.1:${p}`).join(',');
  }

  /** The number of keys each master holds, in the order of `ports`. */
  async keyCountPerMaster(): Promise<number[]> {
    return Promise.all(this.ports.map(async (p) => Number(await this.cli(p, 'DBSIZE'))));
  }

  async cli(port: number, ...args: string[]): Promise<string> {
    try {
      const { stdout } = await run('redis-cli', ['-p', String(port), ...args]);
      return stdout.trim();
    } catch {
      return '';
    }
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.children.splice(0).map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGKILL');
          }),
      ),
    );
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async until(port: number, check: () => Promise<boolean>): Promise<void> {
    for (let i = 0; i < 200; i++) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`redis cluster node ${port} not ready`);
  }
}
