import { createHash } from 'node:crypto';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { LRUCache } from 'lru-cache';
import { apiConfigFromEnv } from './api-config';

interface Stored {
  body: Buffer;
  contentType: string;
  storedAt: number;
}

/**
 * Micro-cache of anonymous shop-window answers in front of Apollo. Apollo decides what may
 * be stored (public-cache.ts marks it `cache-control: public`); this middleware only replays
 * those exact answers for identical anonymous requests (same content type and body) for
 * PUBLIC_CACHE_SECONDS, without parsing, validating or executing the operation again. A
 * request carrying credentials never reads from it.
 */
@Injectable()
export class PublicHttpCacheMiddleware implements NestMiddleware {
  private readonly ttlMs = apiConfigFromEnv().publicCacheSeconds * 1000;
  private readonly cache = new LRUCache<string, Stored>({ max: 5_000, maxSize: 64 * 2 ** 20, sizeCalculation: (v) => v.body.length + 64 });

  use(req: Request & { rawBody?: Buffer }, res: Response, next: NextFunction): void {
    if (this.ttlMs <= 0 || req.method !== 'POST' || req.headers.authorization || req.headers.cookie || !req.rawBody?.length) return next();
    const key = createHash('sha256')
      .update(String(req.headers['content-type'] ?? ''))
      .update('\0')
      .update(req.rawBody)
      .digest('base64');
    const hit = this.cache.get(key);
    if (hit) {
      res.setHeader('content-type', hit.contentType);
      res.setHeader('cache-control', `public, max-age=${this.ttlMs / 1000}`);
      res.setHeader('age', String(Math.floor((Date.now() - hit.storedAt) / 1000)));
      res.setHeader('x-cache', 'HIT');
      res.end(hit.body);
      return;
    }
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    (res as { end: (...args: unknown[]) => Response }).end = (...args: unknown[]) => {
      const chunk = args[0];
      const cacheControl = String(res.getHeader('cache-control') ?? '');
      if (res.statusCode === 200 && cacheControl.startsWith('public') && (typeof chunk === 'string' || Buffer.isBuffer(chunk))) {
        this.cache.set(key, { body: Buffer.from(chunk), contentType: String(res.getHeader('content-type') ?? 'application/json'), storedAt: Date.now() }, { ttl: this.ttlMs });
      }
      return end(...args);
    };
    next();
  }
}
