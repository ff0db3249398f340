import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, GraphQLError, type GraphQLSchema, Kind, separateOperations, visit } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

export interface QueryLimits {
  maxDepth: number;
  maxComplexity: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 10, maxComplexity: 5_000 };

/** Validation rule refusing documents nested deeper than maxDepth. */
export function depthLimitRule(limits: QueryLimits) {
  return depthLimit(limits.maxDepth);
}

/**
 * Refuses operations whose estimated cost exceeds maxComplexity. List fields multiply
 * their children by the requested page size (`first`), so a huge page of deep lists costs
 * what it really costs.
 */
export function complexityPlugin(schema: () => GraphQLSchema, limits: QueryLimits): ApolloServerPlugin {
  // Apollo hands the same parsed DocumentNode for the same query text (its document store), so
  // the cost of a document is computed once per operation and value of the variables that can
  // change it: the page sizes (`first`). A mutation's input or a product id does not.
  const costs = new WeakMap<DocumentNode, { pageSizeVariables: string[]; byArgs: Map<string, number> }>();
  const costOf = (
    document: DocumentNode,
    operationName: string | undefined,
    variables: Record<string, unknown>,
    compute: () => number,
  ) => {
    let entry = costs.get(document);
    if (!entry) costs.set(document, (entry = { pageSizeVariables: pageSizeVariables(document), byArgs: new Map() }));
    const { byArgs } = entry;
    const key = `${operationName ?? ''}\u0000${JSON.stringify(entry.pageSizeVariables.map((name) => variables[name]))}`;
    let cost = byArgs.get(key);
    if (cost === undefined) {
      cost = compute();
      if (byArgs.size >= 500) byArgs.clear();
      byArgs.set(key, cost);
    }
    return cost;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const complexity = costOf(
            document,
            request.operationName ?? undefined,
            request.variables ?? {},
            () => {
              const query = request.operationName
                ? separateOperations(document)[request.operationName]
                : document;
              return getComplexity({
                schema: schema(),
                query: query ?? document,
                variables: request.variables ?? {},
                estimators: [
                  fieldExtensionsEstimator(),
                  ({ args, childComplexity }) =>
                    typeof args['first'] === 'number' ? 1 + childComplexity * args['first'] : undefined,
                  simpleEstimator({ defaultComplexity: 1 }),
                ],
              });
            },
          );
          if (complexity > limits.maxComplexity) {
            throw new GraphQLError(`Query is too complex: ${complexity} > ${limits.maxComplexity}`, {
              extensions: { code: 'QUERY_TOO_COMPLEX', complexity, maxComplexity: limits.maxComplexity },
            });
          }
        },
      };
    },
  };
}

/** Names of the variables given to a `first` argument anywhere in the document. */
function pageSizeVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(node) {
      if (node.name.value === 'first' && node.value.kind === Kind.VARIABLE) names.add(node.value.name.value);
    },
  });
  return [...names].sort();
}
