import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type express from 'express';
import type { Request, Response } from 'express';
import helmet from 'helmet';
import { graphqlSend } from './graphql-send';
import { staticHeaders } from './static-headers';
import { AuthService } from '@vitrine/identity';
import { replicaOptionsFromEnv, runInReadScope, ShopWindowCaches } from '@vitrine/shared/data-access';
import { AppModule } from './app.module';
import { accessLog } from './access-log';
import { apiConfigFromEnv } from './api-config';
import { logger } from './logger';
import { publicHttpCache } from './public-http-cache';

/** Builds the HTTP application; main.ts and the end-to-end tests both start it this way. */
export async function createApp(): Promise<NestExpressApplication> {
  const config = apiConfigFromEnv();
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { logger: ['error', 'warn'], bodyParser: true, rawBody: true });
  // Only the proxies TRUST_PROXY names may say who the client is (X-Forwarded-For); by default
  // none, so the address the sign-in limits count cannot be chosen by the client.
  app.set('trust proxy', config.trustProxy);
  // Helmet removes the header again on every answer (hidePoweredBy): not set in the first place.
  app.disable('x-powered-by');
  // Idle connections outlive a load balancer's idle timeout (api-config.ts: HttpTimeouts).
  const server = app.getHttpServer();
  server.keepAliveTimeout = config.http.keepAliveTimeoutMs;
  server.headersTimeout = config.http.headersTimeoutMs;
  // One access-log line per request at level info (access-log.ts); at warn and above pino-http would
  // still hook every response for nothing, so it is left out.
  if (logger.isLevelEnabled('info')) app.use(accessLog(logger));
  // GraphQL's POST answers are sent without Express's ETag and freshness work (graphql-send.ts, issue 18),
  // set once on the app's response prototype rather than by a middleware on every request.
  graphqlSend(app.getHttpAdapter().getInstance() as express.Express, '/graphql');
  // Replays of anonymous shop-window answers come first: before helmet, CORS and the body parser.
  app.use(publicHttpCache({ ttlSeconds: config.publicCacheSeconds, path: '/graphql', caches: app.get(ShopWindowCaches) }));
  // A warehouse stock feed may be uploaded through GraphQL (uploadStockFeed, up to 5 MB of CSV).
  app.useBodyParser('json', { limit: '6mb' });
  const securityHeaders = staticHeaders(
    helmet({
      // Apollo's landing page is off; the API serves JSON only, so the default CSP is safe.
      crossOriginEmbedderPolicy: false,
    }),
  );
  // HTTP routes (statement downloads) see the bearer's actor as GraphQL does; the global guard reads it.
  // One middleware with helmet's headers (taken once, static-headers.ts): one router layer less a request.
  const auth = app.get(AuthService);
  app.use((req: Request & { actor?: unknown }, res: Response, next: () => void) => {
    securityHeaders.set(res);
    const header = req.headers.authorization;
    req.actor = header?.startsWith('Bearer ') ? auth.actorFromAccessToken(header.slice(7)) : null;
    next();
  });
  // Each request reads the primary unless a public shop-window query lets it read the replica
  // (read-replica.ts). Opened after the body parser, whose stream callbacks would lose the scope.
  // Without a replica every read goes to the primary anyway, and no scope is opened: the first
  // AsyncLocalStorage.run turns on Node's promise hooks for the whole process, about 3 % of an
  // addCartLine's CPU in a profile (issue 18).
  if (replicaOptionsFromEnv()) app.use((_req: unknown, _res: unknown, next: () => void) => runInReadScope(next));
  app.enableCors({ origin: config.corsOrigins, credentials: false });
  app.enableShutdownHooks();
  return app;
}
