import { Injectable, Logger, Module, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind } from 'graphql';
import { PrismaService, ReadReplica, allowStaleReads, replicaOptionsFromEnv, type ReplicaStatus, ShopWindowCaches, ShopWindowCachesModule } from '@vitrine/shared/data-access';
import { type RequestContext } from '@vitrine/shared/graphql';
import { apiMetrics } from './api-metrics';

/**
 * The API's read replica (DATABASE_REPLICA_URL; libs/shared/data-access read-replica.ts):
 * attached to the primary's PrismaService so the shop window's reads may go there, checked
 * every DATABASE_REPLICA_CHECK_MS, and fenced whenever the shop window changes (a back-office
 * write here, or one another API process announces on the shop-window channel).
 */
@Injectable()
export class ApiReadReplica implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('ReadReplica');
  readonly replica: ReadReplica | null;

  constructor(
    private readonly prisma: PrismaService,
    caches: ShopWindowCaches,
  ) {
    const options = replicaOptionsFromEnv();
    this.replica = options ? new ReadReplica(prisma, options, apiMetrics) : null;
    const replica = this.replica;
    if (replica) caches.register(() => replica.fence());
  }

  async onModuleInit(): Promise<void> {
    if (!this.replica) return;
    this.prisma.attachReplica(this.replica);
    // Not awaited: a replica that does not answer must not hold the API's start (reads go to the primary until it does).
    void this.replica.start().then((status) => this.logger.log(`read replica ${status.state} (bound ${status.maxLagMs} ms)`));
  }

  /** Null when no replica is configured. */
  status(): ReplicaStatus | null {
    return this.replica?.status() ?? null;
  }

  async onModuleDestroy(): Promise<void> {
    if (!this.replica) return;
    this.prisma.attachReplica(null);
    await this.replica.close();
  }
}

@Module({ imports: [ShopWindowCachesModule], providers: [ApiReadReplica], exports: [ApiReadReplica] })
export class ReadReplicaModule {}

/**
 * Decides per GraphQL operation whether its reads tolerate staleness (and so may be served by
 * the read replica): a query whose every root field is a public shop-window query, asked
 * anonymously or by a shopper. Mutations (the cart, checkout) and anything a back-office role
 * asks (the console, a manager looking at their own change) read the primary. The scope itself
 * is opened per HTTP request in create-app.ts. `onBackOfficeWrite` runs after a back-office
 * mutation (the shop-window announcement, which fences the replica), before the answer leaves.
 */
export function staleReadsPlugin(rootFields: ReadonlySet<string>, onBackOfficeWrite: () => void): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(rc) {
          const operation = rc.operation;
          if (operation?.operation !== 'query') return;
          const role = rc.contextValue.actor?.role;
          if (role && role !== 'SHOPPER') return;
          const publicOnly = operation.selectionSet.selections.every(
            (s) => s.kind === Kind.FIELD && (s.name.value === '__typename' || rootFields.has(s.name.value)),
          );
          if (publicOnly) allowStaleReads();
        },
        async willSendResponse(rc) {
          const role = rc.contextValue.actor?.role;
          if (rc.operation?.operation === 'mutation' && role && role !== 'SHOPPER') onBackOfficeWrite();
        },
      };
    },
  };
}
