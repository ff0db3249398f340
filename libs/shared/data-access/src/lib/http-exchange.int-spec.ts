import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { HttpExchangeError, httpExchange } from './http-exchange';

/** A loopback server that answers each request as the test says. */
async function serve(handle: (body: string, res: ServerResponse, socket: Socket) => void): Promise<{ url: string; sockets: Set<Socket>; server: Server }> {
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(Buffer.concat(chunks).toString('utf8'), res, req.socket));
  });
  server.on('connection', (s) => sockets.add(s));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sockets, server };
}

const close = (server: Server) => new Promise<void>((r) => server.close(() => r()));
const failure = async (p: Promise<unknown>): Promise<HttpExchangeError> => {
  const e = await p.then(() => null, (error: unknown) => error);
  if (!(e instanceof HttpExchangeError)) throw new Error(`expected an HttpExchangeError, got ${String(e)}`);
  return e;
};

describe('httpExchange (partners over node:http)', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) {
      s.closeAllConnections();
      await close(s);
    }
  });

  it('sends the body and answers status and text, 2xx as ok and not otherwise; connections are kept and reused', async () => {
    const s = await serve((body, res) => {
      res.writeHead(body === 'refuse' ? 422 : 200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`got ${body} 中文`);
    });
    servers.push(s.server);
    const ok = await httpExchange(`${s.url}/x`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '收到', timeoutMs: 2_000 });
    expect(ok).toEqual({ status: 200, ok: true, text: 'got 收到 中文' });
    const refused = await httpExchange(`${s.url}/x`, { method: 'POST', body: 'refuse', timeoutMs: 2_000 });
    expect(refused).toMatchObject({ status: 422, ok: false, text: 'got refuse 中文' });
    const got = await httpExchange(new URL(`${s.url}/y?a=1`), { method: 'GET', timeoutMs: 2_000 });
    expect(got.text).toBe('got  中文');
    expect(s.sockets.size).toBe(1);
  });

  it('a remote that does not answer in time: a timeout of the request phase', async () => {
    const s = await serve(() => undefined);
    servers.push(s.server);
    const e = await failure(httpExchange(s.url, { method: 'POST', body: 'x', timeoutMs: 150 }));
    expect(e).toMatchObject({ phase: 'request', timedOut: true, name: 'TimeoutError' });
  });

  it('an answer cut short: the body phase', async () => {
    const s = await serve((_body, res, socket) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('partial');
      setTimeout(() => socket.destroy(), 20);
    });
    servers.push(s.server);
    const e = await failure(httpExchange(s.url, { method: 'GET', timeoutMs: 2_000 }));
    expect(e).toMatchObject({ phase: 'body', timedOut: false });
  });

  it('a refused connection: the request phase, its code kept apart so the wrapping gateways stay non-transient as with fetch', async () => {
    const s = await serve(() => undefined);
    const { url } = s;
    await close(s.server);
    const e = await failure(httpExchange(url, { method: 'GET', timeoutMs: 2_000 }));
    expect(e).toMatchObject({ phase: 'request', timedOut: false, socketCode: 'ECONNREFUSED', message: 'request failed (connection refused)' });
    // The job runner reads socket codes in messages (transient-error.ts): none here.
    expect(e.message).not.toMatch(/\bE[A-Z]{4,}\b/);
  });
});
