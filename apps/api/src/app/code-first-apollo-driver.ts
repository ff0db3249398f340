import { Injectable } from '@nestjs/common';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLSchema, isObjectType, lexicographicSortSchema, type GraphQLField, type GraphQLFieldResolver } from 'graphql';

type FieldResolvers = Record<string, unknown>;

/** The parts of @nestjs/graphql's GraphQLFactory (13.4, pinned) that its generateSchema uses. */
interface GraphQLFactoryParts {
  resolversExplorerService: { explore(): Record<string, FieldResolvers>; getAllCtors(): unknown[] };
  scalarsExplorerService: { explore(): unknown[] };
  gqlSchemaBuilder: { build(autoSchemaFile: unknown, options: ApolloDriverConfig, resolvers: unknown[]): Promise<GraphQLSchema> };
}

const ROOTS = ['mutation', 'query', 'subscription'] as const;

/**
 * ApolloDriver with a cheaper code-first schema build (issue 23: every in-process API start in
 * the e2e and browser suites pays it). @nestjs/graphql builds the schema from the decorators,
 * then prints it to SDL, parses that, builds a second schema from it with the resolvers
 * (makeExecutableSchema), and copies that schema's resolve functions back onto the first one's
 * fields: the second schema exists only to carry the resolvers. Here the same resolve functions,
 * computed as makeExecutableSchema computes them, go onto the first schema's fields directly;
 * the schema served is the same object graph with the same resolvers (code-first-apollo-driver
 * spec compares the two builds field by field). About 0.2 s of CPU of each start in Jest.
 *
 * Only what this API uses takes that path: code-first (autoSchemaFile), resolvers on object
 * types only, no schema-first scalars, resolvers or schema options. Other options fall back to
 * @nestjs/graphql's own build.
 */
@Injectable()
export class CodeFirstApolloDriver extends ApolloDriver {
  override generateSchema(options: ApolloDriverConfig): Promise<GraphQLSchema> | null {
    const factory = this.graphQlFactory as unknown as GraphQLFactoryParts;
    if (!options.autoSchemaFile || options.schema || options.resolvers || options.transformResolvers || options.inheritResolversFromInterfaces || factory.scalarsExplorerService.explore().length > 0) {
      return super.generateSchema(options);
    }
    return this.buildCodeFirst(factory, options);
  }

  private async buildCodeFirst(factory: GraphQLFactoryParts, options: ApolloDriverConfig): Promise<GraphQLSchema> {
    const resolvers = factory.resolversExplorerService.explore();
    const built = await factory.gqlSchemaBuilder.build(options.autoSchemaFile, options, factory.resolversExplorerService.getAllCtors());
    attachResolvers(built, resolvers);
    // The sorted copy is made from the schema's config, as a new GraphQLSchema of it would be.
    if (options.sortSchema && !options.transformSchema) return lexicographicSortSchema(built);
    let schema = new GraphQLSchema(built.toConfig());
    if (options.transformSchema) schema = await options.transformSchema(schema);
    return options.sortSchema ? lexicographicSortSchema(schema) : schema;
  }
}

/**
 * Puts the resolver map's functions on the schema's fields as @nestjs/graphql's build ends up
 * with them: makeExecutableSchema gives a field `fn.bind(typeResolvers)` for a function and the
 * object's `resolve`/`subscribe` for an object; root fields take resolve and subscribe (none when
 * the map has nothing for them), other fields only a resolve the map gives. Throws
 * makeExecutableSchema's errors for a map naming a type or field the schema lacks, and before
 * changing anything when it names a type that is not an object type (an interface's or union's
 * resolvers, which this build does not carry over: use ApolloDriver then).
 */
export function attachResolvers(schema: GraphQLSchema, resolvers: Record<string, FieldResolvers>): void {
  for (const typeName in resolvers) {
    const typeResolvers = resolvers[typeName];
    if (typeof typeResolvers !== 'object') throw new Error(`"${typeName}" defined in resolvers, but has invalid value "${String(typeResolvers)}". The resolver's value must be of type object.`);
    const type = schema.getType(typeName);
    if (type == null) throw new Error(`"${typeName}" defined in resolvers, but not in schema`);
    if (!isObjectType(type)) throw new Error(`CodeFirstApolloDriver: resolvers for ${typeName}, which is not an object type, need ApolloDriver's schema build`);
    const fields = type.getFields();
    for (const fieldName in typeResolvers) {
      if (fieldName.startsWith('__')) continue;
      if (fields[fieldName] == null) throw new Error(`${typeName}.${fieldName} defined in resolvers, but not in schema`);
      const value = typeResolvers[fieldName];
      if (typeof value !== 'function' && typeof value !== 'object') throw new Error(`Resolver ${typeName}.${fieldName} must be object or function`);
    }
  }
  const roots = new Set<string>();
  for (const root of ROOTS) {
    const type = root === 'query' ? schema.getQueryType() : root === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
    if (!type) continue;
    roots.add(type.name);
    for (const field of Object.values(type.getFields())) {
      const { resolve, subscribe } = executableResolvers(resolvers[type.name], field);
      field.resolve = resolve;
      field.subscribe = subscribe;
    }
  }
  for (const typeName in resolvers) {
    if (roots.has(typeName)) continue;
    const type = schema.getType(typeName);
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const { resolve } = executableResolvers(resolvers[typeName], field);
      if (resolve) field.resolve = resolve;
    }
  }
}

/** The resolve and subscribe makeExecutableSchema (@graphql-tools/schema 10) gives this field from the map. */
function executableResolvers(typeResolvers: FieldResolvers | undefined, field: GraphQLField<unknown, unknown>): { resolve?: GraphQLFieldResolver<unknown, unknown>; subscribe?: GraphQLFieldResolver<unknown, unknown> } {
  const value = typeResolvers?.[field.name] as ((...args: unknown[]) => unknown) | Record<string, unknown> | null | undefined;
  if (value == null) return {};
  if (typeof value === 'function') return { resolve: value.bind(typeResolvers) as GraphQLFieldResolver<unknown, unknown> };
  const out: Record<string, unknown> = {};
  for (const key in value) out[key] = value[key];
  return { resolve: out['resolve'] as GraphQLFieldResolver<unknown, unknown> | undefined, subscribe: out['subscribe'] as GraphQLFieldResolver<unknown, unknown> | undefined };
}
