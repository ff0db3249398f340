import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

// Bounded contexts (see docs/style): shared imports only shared; leaf contexts import
// themselves and shared; a context may import the read/write ports of the contexts below it
// (docs/adr/0021, issue 19: storefronts at the bottom, then catalog, identity, inventory,
// promotions, licensing, settlement); orders orchestrates; apps import anything;
// the web console never imports node libs. The console (apps/admin, its own tsconfig with DOM
// and JSX) gets the same TypeScript rules; its vite.config.ts is outside that tsconfig.
const leaf = (scope) => ({ sourceTag: `scope:${scope}`, onlyDependOnLibsWithTags: [`scope:${scope}`, 'scope:shared'] });

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '**/generated/**', 'apps/admin/dist/**', 'apps/shop/.next*/**', 'apps/shop/next-env.d.ts', 'tmp/**', '**/*.mjs', 'test/artifacts/**'] },
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.ts', 'apps/admin/src/**/*.tsx', 'apps/shop/src/**/*.tsx'],
    plugins: { '@nx': nx },
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['apps/admin/vite.config.ts'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            // The catalogue joins storefronts' read port (open storefronts, museum slugs; issue 19).
            { sourceTag: 'scope:catalog', onlyDependOnLibsWithTags: ['scope:catalog', 'scope:storefronts', 'scope:shared'] },
            leaf('storefronts'),
            // Inventory joins the catalogue's variants and licensing's licensed products through their read ports (issue 19).
            { sourceTag: 'scope:inventory', onlyDependOnLibsWithTags: ['scope:inventory', 'scope:catalog', 'scope:licensing', 'scope:shared'] },
            leaf('payments'),
            leaf('customs'),
            // Identity manages brands through storefronts' BrandsPort and files account deletions through customs' PrivacyWritePort (issue 19).
            { sourceTag: 'scope:identity', onlyDependOnLibsWithTags: ['scope:identity', 'scope:storefronts', 'scope:customs', 'scope:shared'] },
            // Promotions check product ownership through the catalogue's read port (issue 19).
            { sourceTag: 'scope:promotions', onlyDependOnLibsWithTags: ['scope:promotions', 'scope:catalog', 'scope:shared'] },
            // Licensing lists its products through the catalogue's ports and reads museums and brands through storefronts' (issue 19).
            { sourceTag: 'scope:licensing', onlyDependOnLibsWithTags: ['scope:licensing', 'scope:catalog', 'scope:storefronts', 'scope:shared'] },
            // Settlement takes licensing's royalty rule (one rule for the split and the royalty ledger),
            // and joins the read ports of storefronts, catalogue and payments (issue 19).
            { sourceTag: 'scope:settlement', onlyDependOnLibsWithTags: ['scope:settlement', 'scope:licensing', 'scope:storefronts', 'scope:catalog', 'scope:payments', 'scope:shared'] },
            {
              sourceTag: 'scope:orders',
              // storefronts and identity: through their read ports only (issue 19).
              onlyDependOnLibsWithTags: ['scope:orders', 'scope:catalog', 'scope:inventory', 'scope:payments', 'scope:customs', 'scope:licensing', 'scope:settlement', 'scope:promotions', 'scope:storefronts', 'scope:identity', 'scope:shared'],
            },
            // Live sessions build on orders (its cart and checkout extensions), catalogue and stock.
            { sourceTag: 'scope:live', onlyDependOnLibsWithTags: ['scope:live', 'scope:orders', 'scope:catalog', 'scope:inventory', 'scope:shared'] },
            { sourceTag: 'scope:app', onlyDependOnLibsWithTags: ['scope:app', 'scope:live', 'scope:shared', 'scope:identity', 'scope:storefronts', 'scope:catalog', 'scope:inventory', 'scope:payments', 'scope:customs', 'scope:orders', 'scope:licensing', 'scope:settlement', 'scope:promotions'] },
            // The shop (apps/shop, its own tsconfig with DOM and JSX) talks to the API over HTTP only.
            { sourceTag: 'scope:shop', onlyDependOnLibsWithTags: ['scope:shop'] },
            { sourceTag: 'platform:web', notDependOnLibsWithTags: ['type:feature', 'type:data-access'] },
          ],
        },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Issue 19: Actor, the tenancy helpers, cursor pages and the batch helpers live in the kernel (the shop-window
    // caches in data-access), so application and domain code need not import GraphQL at all.
    files: ['libs/*/src/lib/**/application/**/*.ts', 'libs/*/src/lib/**/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@vitrine/shared/graphql',
              message: 'Application and domain code does not import GraphQL: Actor, the tenancy helpers, pages (pageSize, decodeCursor, toPage, Page) and byKeys/groupByKeys are in @vitrine/shared/kernel (issue 19).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts', 'bench/**/*.ts', 'libs/shared/testing/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
];
