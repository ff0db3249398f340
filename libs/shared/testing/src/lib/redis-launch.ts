import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/**
 * A port that was free a moment ago, for a redis-server (it cannot be told to take 0): another
 * process may take it before redis-server binds it, so a caller that can choose again retries
 * on another when launchRedis throws PortTaken.
 */
export function freeTcpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** A server could not bind the port it was told (redis-server, the shop, the dev gateways): another process has it. */
export class PortTaken extends Error {}

/**
 * `start()` (which probes its own ports free) again while it throws PortTaken, up to 5 times: for
 * a server that must be told its port before it binds, where another process may take the port
 * between the probe and the bind. Any other error is thrown at once.
 */
export async function onFreshPorts<T>(start: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (error) {
      if (!(error instanceof PortTaken) || attempt >= attempts) throw error;
    }
  }
}

/**
 * Runs `redis-server args` and resolves once it says it accepts connections: its own line, not
 * an answer on its port, which another process holding that port could give. Rejects with
 * PortTaken when its bind failed ("Address already in use"), else with what it printed.
 */
export function launchRedis(args: string[], timeoutMs = 10_000): Promise<ChildProcess> {
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let settled = false;
  return new Promise<ChildProcess>((resolve, reject) => {
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null) child.kill('SIGKILL');
      reject(error);
    };
    const timer = setTimeout(() => fail(new Error(`redis-server ${args.join(' ')} did not start within ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const read = (chunk: Buffer) => {
      if (settled) return; // drained, no longer kept
      out += chunk.toString();
      if (/Ready to accept connections/.test(out)) {
        settled = true;
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('error', fail);
    child.once('close', (code) => {
      const message = `redis-server ${args.join(' ')} exited with ${code}:\n${out}`;
      fail(/Address already in use/.test(out) ? new PortTaken(message) : new Error(message));
    });
  });
}
