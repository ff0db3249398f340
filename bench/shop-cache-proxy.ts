// A minimal shared HTTP cache for bench:shop's replay scenario: stands where a CDN or a
// caching reverse proxy would, in front of `next start`. It stores GET answers that say
// `public, s-maxage=N` (proxy.ts, apps/shop/src/lib/http-cache.ts) for N seconds, keyed by
// URL, and replays them from memory; everything else goes to the shop. Bench-only: no
// stale-while-revalidate, no Vary beyond passing RSC requests and cookies through, no request
// coalescing; only 200s are stored (a real cache should be set up the same: see ADR 0015).
import http from 'node:http';

interface Entry {
  status: number;
  headers: http.OutgoingHttpHeaders;
  body: Buffer;
  stored: number;
  expires: number;
}

export interface CacheProxy {
  url: string;
  stats: { hits: number; misses: number };
  close: () => Promise<void>;
}

export async function cacheProxy(upstream: string): Promise<CacheProxy> {
  const target = new URL(upstream);
  const store = new Map<string, Entry>();
  const stats = { hits: 0, misses: 0 };
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const server = http.createServer((req, res) => {
    const key = req.url ?? '/';
    const cacheable = req.method === 'GET' && !req.headers['rsc'] && !req.headers['cookie'];
    const hit = cacheable ? store.get(key) : undefined;
    if (hit && hit.expires > Date.now()) {
      stats.hits++;
      res.writeHead(hit.status, { ...hit.headers, age: String(Math.floor((Date.now() - hit.stored) / 1000)), 'x-cache': 'HIT' });
      res.end(hit.body);
      return;
    }
    stats.misses++;
    const up = http.request({ host: target.hostname, port: target.port, path: key, method: req.method, headers: { ...req.headers, host: target.host }, agent }, (upRes) => {
      const chunks: Buffer[] = [];
      upRes.on('data', (c: Buffer) => chunks.push(c));
      upRes.on('end', () => {
        const body = Buffer.concat(chunks);
        const headers = { ...upRes.headers };
        delete headers['transfer-encoding'];
        delete headers['connection'];
        delete headers['keep-alive'];
        headers['content-length'] = String(body.length);
        const maxAge = /(?:^|,)\s*public\b/.test(String(headers['cache-control'] ?? '')) ? /s-maxage=(\d+)/.exec(String(headers['cache-control']))?.[1] : undefined;
        if (cacheable && maxAge && !headers['set-cookie'] && upRes.statusCode === 200) {
          store.set(key, { status: 200, headers, body, stored: Date.now(), expires: Date.now() + Number(maxAge) * 1000 });
        }
        res.writeHead(upRes.statusCode ?? 502, { ...headers, 'x-cache': 'MISS' });
        res.end(body);
      });
    });
    up.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(up);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
