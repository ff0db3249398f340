import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { Kind, type OperationDefinitionNode } from 'graphql';
import type { RequestContext } from '@vitrine/shared/graphql';

/**
 * The shop window is the same for every anonymous shopper, so its answers are cached for a
 * few seconds (Apollo's response cache, in process). Only anonymous queries whose every root
 * field is one of `rootFields` qualify: nothing a signed-in user or a cart sees is ever
 * cached, and answers with errors are not stored. Per-field cache hints are not used (the
 * cache-control plugin is off): this one rule decides.
 */
export function publicResponseCache(options: { maxAgeSeconds: number; rootFields: ReadonlySet<string> }): ApolloServerPlugin<RequestContext>[] {
  if (options.maxAgeSeconds <= 0) return [ApolloServerPluginCacheControlDisabled()];
  const cacheable = (rc: GraphQLRequestContext<RequestContext>) =>
    rc.contextValue.actor === null && !rc.request.http?.headers.get('authorization') && isPublicQuery(rc.operation, options.rootFields);
  return [
    ApolloServerPluginCacheControlDisabled(),
    {
      async requestDidStart() {
        return {
          async didResolveOperation(rc) {
            if (cacheable(rc)) rc.overallCachePolicy.replace({ maxAge: options.maxAgeSeconds, scope: 'PUBLIC' });
          },
          // Marks a storable answer for the HTTP micro-cache (PublicHttpCacheMiddleware): the one
          // place that decides what is public stays here.
          async willSendResponse(rc) {
            const body = rc.response.body;
            const clean = body.kind === 'single' && !body.singleResult.errors?.length;
            if (clean && rc.operation && cacheable(rc)) rc.response.http.headers.set('cache-control', `public, max-age=${options.maxAgeSeconds}`);
          },
        };
      },
    },
    responseCachePlugin<RequestContext>({
      shouldReadFromCache: async (rc) => cacheable(rc),
      shouldWriteToCache: async (rc) => cacheable(rc),
    }),
  ];
}

function isPublicQuery(operation: OperationDefinitionNode | undefined, rootFields: ReadonlySet<string>): boolean {
  if (operation?.operation !== 'query') return false;
  return operation.selectionSet.selections.every(
    (s) => s.kind === Kind.FIELD && (s.name.value === '__typename' || rootFields.has(s.name.value)),
  );
}
