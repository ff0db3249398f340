import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { DataAccessModule, ShopWindowCachesModule } from '@vitrine/shared/data-access';
import { AppExceptionFilter, AuthGuard, LoaderRegistry, complexityPlugin, depthLimitRule, earlyThrottlePlugin, formatGraphQLError, serviceUnavailablePlugin, type Actor, type RequestContext } from '@vitrine/shared/graphql';
import { AuthService, GqlThrottlerGuard, IdentityModule, LOGIN_ADDRESS_THROTTLER, LOGIN_THROTTLER, THROTTLED_AUTH_MUTATIONS } from '@vitrine/identity';
import { PUBLIC_STOREFRONT_QUERIES, StorefrontsModule } from '@vitrine/storefronts';
import { CatalogModule, CatalogSourcesModule, PUBLIC_CATALOG_QUERIES } from '@vitrine/catalog';
import { AnnualQuotaModule, DropsModule, OrderFulfilmentModule, OrdersModule, OrdersSourcesModule, PaymentsPayoutProvider } from '@vitrine/orders';
import { CustomsAuditModule, PiiRetentionModule } from '@vitrine/customs';
import { InventorySyncModule } from '@vitrine/inventory';
import { FxRefreshModule } from '@vitrine/catalog';
import { QueueBoardModule } from './queue-board/queue-board.module';
import { LicensingModule } from '@vitrine/licensing';
import { PromotionsModule } from '@vitrine/promotions';
import { SettlementModule } from '@vitrine/settlement';
import { PaymentsModule } from '@vitrine/payments';
import { LiveModule } from '@vitrine/live';
import { apiConfigFromEnv } from './api-config';
import { SharedThrottlerStorage } from './throttler-storage';
import { LinksModule } from './links/links.module';
import { publicResponseCache } from './public-cache';
import { ShopWindowPurge, ShopWindowPurgeModule } from './shop-window-purge';
import { HealthController } from './health.controller';
import { CodeFirstApolloDriver } from './code-first-apollo-driver';
import { ApiMetricsModule } from './api-metrics';
import { ReadReplicaModule, staleReadsPlugin } from './read-replica';
import { logger } from './logger';
import { documentStore } from './document-store';

const config = apiConfigFromEnv();
/** Root queries of the shop window: the same for every anonymous shopper, readable from the replica. */
const SHOP_WINDOW_QUERIES: ReadonlySet<string> = new Set([...PUBLIC_CATALOG_QUERIES, ...PUBLIC_STOREFRONT_QUERIES]);

function bearer(req: Request): string | null {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7) : null;
}

@Module({
  imports: [
    DataAccessModule,
    ShopWindowCachesModule,
    ReadReplicaModule,
    ApiMetricsModule,
    // Named throttlers; each guard says which it counts and how, each resolver its limits.
    ThrottlerModule.forRootAsync({
      useFactory: () => ({
        throttlers: [
          { name: LOGIN_THROTTLER, ttl: 60_000, limit: 10 },
          { name: LOGIN_ADDRESS_THROTTLER, ttl: 60_000, limit: 60 },
        ],
        // Shared by every API process in Redis (production), or per process (THROTTLER_STORAGE).
        ...(config.throttlerStorage === 'redis' ? { storage: new SharedThrottlerStorage() } : {}),
      }),
    }),
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      // ApolloDriver without the SDL round trip of its schema build (code-first-apollo-driver.ts).
      driver: CodeFirstApolloDriver,
      imports: [IdentityModule, ShopWindowPurgeModule],
      inject: [AuthService, GraphQLSchemaHost, ShopWindowPurge],
      useFactory: (auth: AuthService, schemaHost: GraphQLSchemaHost, shopWindow: ShopWindowPurge) => ({
        autoSchemaFile: true,
        sortSchema: true,
        // @nestjs/graphql runs a full introspection query on each new schema as a check (0.25 s
        // of CPU of an API start in Jest). Apollo validates the schema it serves at start anyway
        // (assertValidSchema), and printing it (schema:print, the SDL e2e) resolves every type.
        buildSchemaOptions: { skipCheck: true },
        path: '/graphql',
        introspection: !config.production,
        hideSchemaDetailsFromClientErrors: config.production,
        allowBatchedHttpRequests: false,
        // Parsed and validated documents by query text, bounded by their estimated heap bytes
        // (Apollo's default store counts a document's JSON, 4–5 times less than its heap: document-store.ts).
        // A store of one's own makes Apollo print and hash the whole schema at start-up (20–90 ms here),
        // which every in-process API start of the test suites would pay (issue 23): production only;
        // elsewhere Apollo's default store, the same documents kept under a looser bound.
        documentStore: config.production ? documentStore() : undefined,
        // No client sends persisted-query hashes; Apollo's default would keep any anonymous caller's
        // query texts in a 30 MiB cache of its own (issue 18: every cache bounded within the budget).
        persistedQueries: false,
        csrfPrevention: true,
        includeStacktraceInErrorResponses: false,
        playground: false,
        validationRules: [depthLimitRule({ maxDepth: config.maxDepth, maxComplexity: config.maxComplexity })],
        plugins: [
          serviceUnavailablePlugin(),
          // A flood's attempts past the per-address limit are refused before execution.
          earlyThrottlePlugin(GqlThrottlerGuard, THROTTLED_AUTH_MUTATIONS),
          complexityPlugin(() => schemaHost.schema, { maxDepth: config.maxDepth, maxComplexity: config.maxComplexity }),
          // Public shop-window queries may read the replica (DATABASE_REPLICA_URL); everything else reads the primary.
          // (With the public cache on, its plugin below already announces back-office writes.)
          staleReadsPlugin(SHOP_WINDOW_QUERIES, () => (config.publicCacheSeconds > 0 ? undefined : shopWindow.announce())),
          ...publicResponseCache({
            maxAgeSeconds: apiConfigFromEnv().publicCacheSeconds,
            rootFields: SHOP_WINDOW_QUERIES,
            onBackOfficeWrite: () => shopWindow.announce(),
          }),
        ],
        context: ({ req, res }: { req: Request; res: Response }): RequestContext => {
          // The HTTP middleware (create-app.ts) has already verified the bearer once.
          const known = (req as Request & { actor?: Actor | null }).actor;
          const token = known === undefined ? bearer(req) : null;
          const actor = known !== undefined ? known : token ? auth.actorFromAccessToken(token) : null;
          return { req, res, actor, loaders: new LoaderRegistry() };
        },
        formatError: (formatted, error) =>
          formatGraphQLError(
            formatted,
            error,
            (e) => logger.error({ err: e }, 'unexpected error in a GraphQL operation'),
            // The client's mistake, not ours: a warning, without a stack.
            (code, message) => logger.warn({ code }, `GraphQL request refused: ${message}`),
          ),
      }),
    }),
    IdentityModule,
    StorefrontsModule,
    CatalogModule,
    // What storefronts asks of the catalogue's collections (issue 19).
    CatalogSourcesModule,
    LinksModule,
    OrdersModule,
    // Orders' tables as licensing and customs read them (issue 19).
    OrdersSourcesModule,
    AnnualQuotaModule,
    DropsModule,
    OrderFulfilmentModule,
    CustomsAuditModule,
    PiiRetentionModule,
    InventorySyncModule,
    FxRefreshModule,
    QueueBoardModule,
    LicensingModule,
    SettlementModule.register({ imports: [PaymentsModule], useClass: PaymentsPayoutProvider }),
    PromotionsModule,
    LiveModule,
  ],
  controllers: [HealthController],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_FILTER, useClass: AppExceptionFilter },
  ],
})
export class AppModule {}
