import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { onFreshPorts, PortTaken } from '@vitrine/shared/testing';
import { freePort } from './spawn-api';

export interface DevGateways {
  child: ChildProcess;
  /** The port each sandbox asked for listens on (--<name>=<port>). */
  ports: Record<string, number>;
  output(): string;
  stop(): Promise<void>;
}

/**
 * scripts/dev-gateways.ts as its own process (as a developer runs it), with each sandbox in
 * `sandboxes` (customs, payments, carrier…) told a port probed free, once it printed "gateways
 * ready". Its ports are told, not 0, as a developer tells them (the specs check the sandbox
 * listens where told); if another process took one before the script bound it (it exits with
 * EADDRINUSE), all of them again on fresh ports.
 */
export function startDevGateways(sandboxes: string[], env: NodeJS.ProcessEnv, timeoutMs = 30_000): Promise<DevGateways> {
  return onFreshPorts(async () => {
    const ports: Record<string, number> = {};
    for (const name of sandboxes) ports[name] = await freePort();
    let out = '';
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'scripts/dev-gateways.ts', ...sandboxes.map((name) => `--${name}=${ports[name]}`)], {
      cwd: path.resolve(__dirname, '../..'),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await closed;
    };
    const end = Date.now() + timeoutMs;
    while (!/gateways ready/.test(out)) {
      if (child.exitCode !== null || Date.now() > end) {
        await stop();
        const message = `scripts/dev-gateways.ts did not get ready within ${timeoutMs} ms (exit ${child.exitCode}):\n${out}`;
        throw /EADDRINUSE/.test(out) ? new PortTaken(message) : new Error(message);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    return { child, ports, output: () => out, stop };
  });
}
