import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { isEnumType, isInterfaceType, isObjectType, isScalarType, isUnionType, printSchema, type GraphQLSchema } from 'graphql';
import { AppModule } from '../../apps/api/src/app/app.module';
import { CodeFirstApolloDriver } from '../../apps/api/src/app/code-first-apollo-driver';
import { printServedSchema } from '../../apps/api/src/app/print-schema';

describe('committed GraphQL schema', () => {
  it('matches the schema the API serves (run `npm run schema:print` after changing the API)', async () => {
    const committed = readFileSync(path.join(__dirname, '../../apps/api/schema.graphql'), 'utf8');
    expect(await printServedSchema()).toBe(committed);
  });
});

async function servedSchema(): Promise<GraphQLSchema> {
  const app = await NestFactory.create(AppModule, { logger: false });
  await app.init();
  try {
    return app.get(GraphQLSchemaHost).schema;
  } finally {
    await app.close();
  }
}

/** Every function the schema executes with, by the function's name (the same code makes them in both builds). */
function executableParts(schema: GraphQLSchema): Record<string, unknown> {
  const name = (fn: unknown) => (typeof fn === 'function' ? fn.name || '(anonymous)' : null);
  const parts: Record<string, unknown> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) parts[`${type.name}.${field.name}`] = [name(field.resolve), name(field.subscribe)];
    }
    if (isObjectType(type)) parts[`${type.name} isTypeOf`] = name(type.isTypeOf);
    if (isUnionType(type) || isInterfaceType(type)) parts[`${type.name} resolveType`] = name(type.resolveType);
    if (isScalarType(type)) parts[type.name] = [name(type.serialize), name(type.parseValue), name(type.parseLiteral)];
    if (isEnumType(type)) parts[type.name] = type.getValues().map((v) => [v.name, v.value]);
  }
  return parts;
}

describe('CodeFirstApolloDriver (issue 23)', () => {
  it('serves the schema @nestjs/graphql builds: the same SDL, types in the same order, the same resolvers on every field', async () => {
    const ours = await servedSchema();
    const build = jest.spyOn(CodeFirstApolloDriver.prototype, 'generateSchema').mockImplementation(function (this: CodeFirstApolloDriver, options: ApolloDriverConfig) {
      return ApolloDriver.prototype.generateSchema.call(this, options) as Promise<GraphQLSchema>;
    });
    let nests: GraphQLSchema;
    try {
      nests = await servedSchema();
      expect(build).toHaveBeenCalledTimes(1);
    } finally {
      build.mockRestore();
    }
    expect(printSchema(ours)).toBe(printSchema(nests));
    expect(Object.keys(ours.getTypeMap())).toEqual(Object.keys(nests.getTypeMap()));
    const [a, b] = [executableParts(ours), executableParts(nests)];
    expect(Object.keys(a).length).toBeGreaterThan(500);
    expect(a).toEqual(b);
    // The root fields run the resolvers' methods (not a default field resolver).
    expect(Object.entries(a).filter(([k, v]) => k.startsWith('Query.') && (v as unknown[])[0] === null)).toEqual([]);
  });
});
