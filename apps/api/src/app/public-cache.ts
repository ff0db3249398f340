import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { Kind, type OperationDefinitionNode } from 'graphql';
import type { RequestContext } from '@vitrine/shared/graphql';

/**
 * The shop window is the same for every anonymous shopper, so its answers may be replayed for
 * a few seconds by the HTTP micro-cache (public-http-cache.ts). This plugin is the one place
 * that decides what qualifies: anonymous queries whose every root field is one of
 * `rootFields`, answered without errors, are marked `cache-control: public, max-age=N`;
 * nothing a signed-in user or a cart sees is ever marked. Per-field cache hints are not used
 * (the cache-control plugin is off): this one rule decides.
 */
export function publicResponseCache(options: {
  maxAgeSeconds: number;
  rootFields: ReadonlySet<string>;
  /** Called after a mutation by a back-office role (manager, brand partner, operator). */
  onBackOfficeWrite: () => void;
}): ApolloServerPlugin<RequestContext>[] {
  if (options.maxAgeSeconds <= 0) return [ApolloServerPluginCacheControlDisabled()];
  const cacheable = (rc: GraphQLRequestContext<RequestContext>) =>
    rc.contextValue.actor === null && !rc.request.http?.headers.get('authorization') && isPublicQuery(rc.operation, options.rootFields);
  return [
    ApolloServerPluginCacheControlDisabled(),
    {
      async requestDidStart() {
        return {
          async willSendResponse(rc) {
            const body = rc.response.body;
            const clean = body.kind === 'single' && !body.singleResult.errors?.length;
            if (clean && rc.operation && cacheable(rc)) rc.response.http.headers.set('cache-control', `public, max-age=${options.maxAgeSeconds}`);
            // A shopper's mutations (cart, checkout) never change the shop window; the back office's
            // may (a refused one clears for nothing, which costs a few misses).
            const role = rc.contextValue.actor?.role;
            if (rc.operation?.operation === 'mutation' && role && role !== 'SHOPPER') options.onBackOfficeWrite();
          },
        };
      },
    },
  ];
}

function isPublicQuery(operation: OperationDefinitionNode | undefined, rootFields: ReadonlySet<string>): boolean {
  if (operation?.operation !== 'query') return false;
  return operation.selectionSet.selections.every(
    (s) => s.kind === Kind.FIELD && (s.name.value === '__typename' || rootFields.has(s.name.value)),
  );
}
