import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { LRUCache } from 'lru-cache';
import { type ShopWindowCaches } from '@vitrine/shared/data-access';

interface Stored {
  body: Buffer;
  headers: OutgoingHttpHeaders;
  storedAt: number;
}

/** Bodies the front door reads itself; anything larger (stock-feed uploads) takes the normal path. */
const MAX_BODY_BYTES = 64 * 1024;
/** Response headers that belong to one exchange, never replayed. */
const PER_EXCHANGE = new Set(['content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding', 'age', 'x-cache']);

/**
 * Micro-cache of anonymous shop-window answers, mounted first on the Express app (before
 * helmet, CORS and the body parser) so that replaying an answer costs little more than a
 * bare HTTP server. Apollo decides what may be stored (public-cache.ts marks such answers
 * `cache-control: public`); this only replays those exact answers, with the headers the full
 * stack wrote, for identical anonymous requests (same content type, origin and body) during
 * `ttlSeconds` (or until a back-office write clears it), without parsing, validating or executing the operation again. A request
 * carrying credentials or a cookie never reads from it, and nothing but a 200 marked public is stored.
 *
 * On a miss the body it read is handed on as Nest's body parser would have left it
 * (`req.body`, `req.rawBody`); malformed JSON gets the parser's own 400.
 */
export function publicHttpCache(options: { ttlSeconds: number; path: string; maxEntries?: number; caches: ShopWindowCaches }) {
  const ttlMs = options.ttlSeconds * 1000;
  // Bounded by bytes (bodies, their headers, the key): 32 MiB holds about 2,000 list pages of 24
  // products, and keeps the process within its memory budget under a shop window of distinct requests.
  const cache = new LRUCache<string, Stored>({ max: options.maxEntries ?? 5_000, maxSize: 32 * 2 ** 20, sizeCalculation: (v) => v.body.length + 1_024 });
  // Cleared with the shop window's other caches after a back-office write (shop-window-purge.ts).
  options.caches.register(() => cache.clear());

  return function publicHttpCacheMiddleware(req: Request & { rawBody?: Buffer }, res: Response, next: NextFunction): void {
    if (ttlMs <= 0 || req.method !== 'POST' || req.path !== options.path || !eligible(req.headers)) return next();
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      chunks.push(chunk);
    });
    req.once('error', next);
    req.once('end', () => {
      const raw = Buffer.concat(chunks, size);
      // A lone mutation's answer is never stored (Apollo marks only shop-window queries public),
      // so it is not looked up either: no key hashed, no copy of the answer kept (issue 18).
      const onlyMutation = isLoneMutation(raw);
      const key = onlyMutation
        ? ''
        : createHash('sha256')
            .update(String(req.headers['content-type']))
            .update('\0')
            .update(String(req.headers.origin ?? ''))
            .update('\0')
            .update(raw)
            .digest('base64');
      const hit = onlyMutation ? undefined : cache.get(key);
      if (hit) {
        res.writeHead(200, { ...hit.headers, age: String(Math.floor((Date.now() - hit.storedAt) / 1000)), 'x-cache': 'HIT', 'content-length': hit.body.length });
        res.end(hit.body);
        return;
      }
      try {
        req.body = raw.length ? JSON.parse(raw.toString('utf8')) : {};
      } catch (error) {
        return next(Object.assign(error as Error, { status: 400, statusCode: 400, expose: true, type: 'entity.parse.failed', body: raw.toString('utf8') }));
      }
      req.rawBody = raw;
      if (onlyMutation) return next();
      // An answer whose reads may predate a purge (a clear while it was computed) is sent, not stored.
      const generation = options.caches.generation;
      storeOnEnd(res, (body) => {
        const headers = res.getHeaders();
        if (res.statusCode !== 200 || !String(headers['cache-control'] ?? '').startsWith('public') || headers['set-cookie']) return;
        if (!options.caches.unchangedSince(generation)) return;
        const kept: OutgoingHttpHeaders = {};
        for (const [name, value] of Object.entries(headers)) if (!PER_EXCHANGE.has(name) && value !== undefined) kept[name] = value;
        cache.set(key, { body, headers: kept, storedAt: Date.now() }, { ttl: ttlMs });
      });
      next();
    });
  };
}

/**
 * A body `{"query":"mutation…` without an operation name: its one operation is a mutation (a
 * document of several operations needs `operationName`, and one with it takes the normal path).
 */
function isLoneMutation(raw: Buffer): boolean {
  return LONE_MUTATION.test(raw.toString('latin1', 0, 40)) && !raw.includes('"operationName"');
}
const LONE_MUTATION = /^\s*\{\s*"query"\s*:\s*"(?:\s|\\n)*mutation\b/;

/** Anonymous JSON requests of a known, small length. */
function eligible(headers: IncomingHttpHeaders): boolean {
  if (headers.authorization || headers.cookie) return false;
  if (!String(headers['content-type'] ?? '').startsWith('application/json')) return false;
  const length = Number(headers['content-length']);
  return Number.isInteger(length) && length > 0 && length <= MAX_BODY_BYTES;
}

/** Calls `store` with the body of a response written in one `end(chunk)`, as Apollo's are. */
function storeOnEnd(res: Response, store: (body: Buffer) => void): void {
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  (res as { end: (...args: unknown[]) => Response }).end = (...args: unknown[]) => {
    const chunk = args[0];
    if (typeof chunk === 'string' || Buffer.isBuffer(chunk)) store(Buffer.from(chunk));
    return end(...args);
  };
}
