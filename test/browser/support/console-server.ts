import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const DIST = path.resolve(__dirname, '../../../apps/admin/dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

export interface ConsoleServer {
  url: string;
  close(): Promise<void>;
}

/** Paths the console reaches on the API: GraphQL, royalty statements' files, the queue board, return photos' signed links. */
const PROXIED = (pathname: string) =>
  pathname === '/graphql' || pathname.startsWith('/statements/') || pathname === '/shelf-labels.pdf' || pathname.startsWith('/admin/queues') || pathname.startsWith('/return-photos/');

/** Serves the built console (SPA fallback to index.html) and proxies the API's paths. */
export async function serveConsole(apiBaseUrl: string): Promise<ConsoleServer> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (PROXIED(url.pathname)) {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const headers: Record<string, string> = { 'content-type': req.headers['content-type'] ?? 'application/json' };
        if (req.headers.authorization) headers['authorization'] = req.headers.authorization;
        if (req.headers.cookie) headers['cookie'] = req.headers.cookie;
        const upstream = await fetch(`${apiBaseUrl}${url.pathname}${url.search}`, {
          method: req.method,
          headers,
          body: req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.concat(chunks),
          // The queue board answers its link with a cookie and a redirect: the browser follows it.
          redirect: 'manual',
        });
        const passed: Record<string, string | string[]> = { 'content-type': upstream.headers.get('content-type') ?? 'application/json' };
        for (const name of ['content-disposition', 'location', 'cache-control']) {
          const value = upstream.headers.get(name);
          if (value) passed[name] = value;
        }
        const cookies = upstream.headers.getSetCookie();
        if (cookies.length) passed['set-cookie'] = cookies;
        res.writeHead(upstream.status, passed);
        res.end(Buffer.from(await upstream.arrayBuffer()));
        return;
      }
      const file = path.join(DIST, path.normalize(url.pathname).replace(/^(\.\.[/\\])+/, ''));
      const inDist = file.startsWith(DIST) && path.extname(file) !== '';
      try {
        const served = inDist ? file : path.join(DIST, 'index.html');
        const body = await readFile(served);
        res.writeHead(200, { 'content-type': TYPES[path.extname(served)] ?? 'application/octet-stream' });
        res.end(body);
      } catch {
        res.writeHead(404).end('not found');
      }
    })().catch((error: unknown) => {
      res.writeHead(502).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
