import { randomBytes } from 'node:crypto';
import { Agent, request, type IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import { createTestDatabase, type TestDatabase } from '@vitrine/shared/testing';
import { spawnApp, startApiProcess, type SpawnedProcess } from '../support/spawn-api';

/**
 * Issue 23: behind a load balancer the API must keep idle connections open longer than the
 * balancer does (60 s on AWS ALB, GCP, nginx upstreams), or the balancer sends a request on a
 * connection the API is closing and answers 502. Node closes idle connections after 5 s unless
 * told; the API keeps them 65 s (HTTP_KEEP_ALIVE_TIMEOUT_MS) and reads headers for 66 s
 * (HTTP_HEADERS_TIMEOUT_MS). Real API processes (apps/api/src/main.ts), one HTTP connection each.
 */
describe('HTTP keep-alive of the API process', () => {
  let db: TestDatabase;
  const started: SpawnedProcess[] = [];
  const env = () => ({ DATABASE_URL: db.url, QUEUE_PREFIX: `test-keepalive-${randomBytes(4).toString('hex')}` });
  let defaults: string;
  let short: string;
  let refused: SpawnedProcess;

  beforeAll(async () => {
    db = await createTestDatabase();
    // Started side by side: each costs several seconds of module loading.
    refused = spawnApp('apps/api/src/main.ts', { ...env(), NODE_ENV: 'test', PORT: '0', HTTP_KEEP_ALIVE_TIMEOUT_MS: '65000', HTTP_HEADERS_TIMEOUT_MS: '60000' });
    started.push(refused);
    const [a, b] = await Promise.all([startApiProcess(env()), startApiProcess({ ...env(), HTTP_KEEP_ALIVE_TIMEOUT_MS: '1000', HTTP_HEADERS_TIMEOUT_MS: '2000' })]);
    started.push(a.proc, b.proc);
    defaults = a.url;
    short = b.url;
  }, 180_000);
  afterAll(async () => {
    await Promise.all(started.map((p) => p.stop()));
    await db.drop();
  });

  /** GET on the agent's one connection: the response, the socket, and whether the socket was reused. */
  const get = (agent: Agent, url: string) =>
    new Promise<{ res: IncomingMessage; socket: Socket; reused: boolean }>((resolve, reject) => {
      const req = request(`${url}/health/live`, { agent }, (res) => {
        res.resume();
        res.on('end', () => resolve({ res, socket: req.socket!, reused: req.reusedSocket }));
      });
      req.on('error', reject);
      req.end();
    });

  /** Resolves with true when the server closes the socket, false if still open after `ms`. */
  const closedWithin = (socket: Socket, ms: number) =>
    new Promise<boolean>((resolve) => {
      if (socket.destroyed) return resolve(true);
      const timer = setTimeout(() => resolve(false), ms);
      socket.once('close', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });

  it('keeps an idle connection 65 s by default: still open after Node’s 5 s, and the next request reuses it', async () => {
    const listening = started[1]!.output();
    expect(listening).toMatch(/api listening on http:\/\/localhost:\d+\/graphql \(keep-alive 65000 ms, headers 66000 ms\)/);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await get(agent, defaults);
      expect(first.res.statusCode).toBe(200);
      expect(first.res.headers['keep-alive']).toBe('timeout=65');
      expect(first.reused).toBe(false);
      // Idle for longer than Node's default keep-alive (5 s): the server has not closed it.
      expect(await closedWithin(first.socket, 6_000)).toBe(false);
      const second = await get(agent, defaults);
      expect(second.res.statusCode).toBe(200);
      expect(second.reused).toBe(true);
      expect(second.socket).toBe(first.socket);
    } finally {
      agent.destroy();
    }
  });

  it('applies HTTP_KEEP_ALIVE_TIMEOUT_MS and HTTP_HEADERS_TIMEOUT_MS: a 1 s keep-alive closes the idle connection', async () => {
    expect(started[2]!.output()).toMatch(/\(keep-alive 1000 ms, headers 2000 ms\)/);
    // A bare socket: Node's Agent would itself drop a socket whose server hints timeout=1.
    const { port } = new URL(short);
    const socket = connect(Number(port), '127.0.0.1');
    try {
      let received = '';
      const answered = new Promise<void>((resolve) =>
        socket.on('data', (d) => {
          received += d;
          if (/\r\n\r\n[\s\S]*"status"/.test(received)) resolve();
        }),
      );
      socket.write('GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      await answered;
      expect(received).toMatch(/^HTTP\/1\.1 200/);
      expect(received).toMatch(/\r\nKeep-Alive: timeout=1\r\n/i);
      expect(received).toMatch(/\r\nConnection: keep-alive\r\n/i);
      expect(socket.destroyed).toBe(false);
      // Idle, the server closes it (the client never does here).
      expect(await closedWithin(socket, 10_000)).toBe(true);
    } finally {
      socket.destroy();
    }
  });

  it('refuses to start when the headers’ timeout does not outlast the keep-alive', async () => {
    // 'close', not 'exit': the refusal is its last line, which may still be in the pipe at 'exit'.
    const code = await refused.closed;
    expect(code).not.toBe(0);
    expect(refused.output()).toMatch(/HTTP_HEADERS_TIMEOUT_MS \(60000\) must be longer than HTTP_KEEP_ALIVE_TIMEOUT_MS \(65000\)/);
    expect(refused.output()).not.toMatch(/api listening/);
  });
});
