import type { ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  getVariableValues,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  type SelectionSetNode,
  separateOperations,
  type ValidationRule,
  visit,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

export interface QueryLimits {
  maxDepth: number;
  maxComplexity: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 10, maxComplexity: 5_000 };

/** Fields the cost walk visits at most (graphql-query-complexity's own ceiling). */
const MAX_PRICED_FIELDS = 10_000;

/**
 * A client's mistake found before execution: HTTP 400 (Apollo reads `extensions.http` and
 * leaves it out of the answer), where an error thrown from a plugin would otherwise be a 500.
 */
function refused(message: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, http: { status: 400 } } });
}

/**
 * Validation rule refusing operations nested deeper than maxDepth (GRAPHQL_VALIDATION_FAILED,
 * HTTP 400, with the operation's `depth` and the `maxDepth` in extensions). Depth counts the
 * levels of selection below the root fields, through fragments, as graphql-depth-limit does;
 * introspection fields (`__schema`…) are not counted.
 */
export function depthLimitRule(limits: QueryLimits): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const fragments = new Map<string, FragmentDefinitionNode>();
      for (const definition of context.getDocument().definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
      }
      const depth = depthOf(operation.selectionSet, fragments, new Map());
      if (depth > limits.maxDepth) {
        context.reportError(
          new GraphQLError(`'${operation.name?.value ?? ''}' exceeds maximum operation depth of ${limits.maxDepth}`, {
            nodes: [operation],
            extensions: { depth, maxDepth: limits.maxDepth },
          }),
        );
      }
      return false;
    },
  });
}

/** Depth of a selection set; each fragment is walked once (a cycle, refused by validation anyway, counts 0). */
function depthOf(selections: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen: Map<string, number>): number {
  let deepest = 0;
  for (const selection of selections.selections) {
    let depth = 0;
    if (selection.kind === Kind.FIELD) {
      if (selection.selectionSet && !selection.name.value.startsWith('__')) depth = 1 + depthOf(selection.selectionSet, fragments, seen);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      depth = depthOf(selection.selectionSet, fragments, seen);
    } else {
      const name = selection.name.value;
      if (!seen.has(name)) {
        seen.set(name, 0);
        const fragment = fragments.get(name);
        seen.set(name, fragment ? depthOf(fragment.selectionSet, fragments, seen) : 0);
      }
      depth = seen.get(name) ?? 0;
    }
    deepest = Math.max(deepest, depth);
  }
  return deepest;
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
    compute: () => number | undefined,
  ) => {
    let entry = costs.get(document);
    if (!entry) costs.set(document, (entry = { pageSizeVariables: pageSizeVariables(document), byArgs: new Map() }));
    const { byArgs } = entry;
    const key = `${operationName ?? ''}\u0000${JSON.stringify(entry.pageSizeVariables.map((name) => variables[name]))}`;
    let cost = byArgs.get(key);
    if (cost === undefined) {
      cost = compute();
      if (cost === undefined) return undefined;
      if (byArgs.size >= 500) byArgs.clear();
      byArgs.set(key, cost);
    }
    return cost;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          const complexity = costOf(
            document,
            request.operationName ?? undefined,
            request.variables ?? {},
            () => {
              // Variables that do not fit their types are the client's mistake: execution refuses them
              // (BAD_USER_INPUT, HTTP 400) before resolving anything, so there is nothing to price.
              // Checked only when pricing: a cost already known for these page sizes needs no second
              // coercion of the variables (execution coerces them anyway; issue 18).
              if (getVariableValues(schema(), operation?.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 1 }).errors) return undefined;
              const query = request.operationName
                ? separateOperations(document)[request.operationName]
                : document;
              try {
                return getComplexity({
                  schema: schema(),
                  query: query ?? document,
                  variables: request.variables ?? {},
                  maxQueryNodes: MAX_PRICED_FIELDS,
                  estimators: [
                    fieldExtensionsEstimator(),
                    ({ args, childComplexity }) =>
                      typeof args['first'] === 'number' ? 1 + childComplexity * args['first'] : undefined,
                    simpleEstimator({ defaultComplexity: 1 }),
                  ],
                });
              } catch (error) {
                if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) return Infinity;
                throw error;
              }
            },
          );
          if (complexity === undefined) return;
          // A refusal from a cost known before: still BAD_USER_INPUT first if the variables do not fit.
          if (complexity > limits.maxComplexity && getVariableValues(schema(), operation?.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 1 }).errors) return;
          if (complexity === Infinity) {
            throw refused(`Query is too complex: more than ${MAX_PRICED_FIELDS} fields to price`, {
              code: 'QUERY_TOO_COMPLEX',
              maxFields: MAX_PRICED_FIELDS,
              maxComplexity: limits.maxComplexity,
            });
          }
          if (complexity > limits.maxComplexity) {
            throw refused(`Query is too complex: ${complexity} > ${limits.maxComplexity}`, {
              code: 'QUERY_TOO_COMPLEX',
              complexity,
              maxComplexity: limits.maxComplexity,
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
