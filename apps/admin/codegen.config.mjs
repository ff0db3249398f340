/**
 * Typed console operations: every `graphql(`...`)` document under apps/admin/src is checked
 * against the committed API schema (apps/api/schema.graphql, printed by `npm run schema:print`)
 * and given its result and variables types in apps/admin/src/generated/. `npm run codegen:console`
 * writes them; `npm run codegen:console -- --check` (run by `npm test`) fails when an
 * operation no longer matches the schema or the generated files are stale.
 */
/** @type {import('@graphql-codegen/cli').CodegenConfig} */
const config = {
  schema: 'apps/api/schema.graphql',
  documents: ['apps/admin/src/**/*.{ts,tsx}', '!apps/admin/src/generated/**/*'],
  // Only `graphql(...)` documents: the console's remaining `gql<T>(string)` calls build their
  // text at run time and are not checked (yet).
  pluckConfig: { globalGqlIdentifierName: ['graphql'], gqlMagicComment: 'graphql' },
  ignoreNoDocuments: true,
  generates: {
    'apps/admin/src/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        skipTypename: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        scalars: { DateTime: 'string', JSON: 'unknown' },
      },
    },
  },
};

export default config;
