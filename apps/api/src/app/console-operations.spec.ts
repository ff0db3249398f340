import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The seller console (apps/admin) writes its GraphQL operations as `graphql(`…`)` documents,
 * typed by graphql-codegen's client preset from the schema the API serves
 * (apps/api/schema.graphql, itself checked by schema-sdl.e2e-spec.ts). This spec is that check:
 * codegen validates every document against the schema (a field renamed or removed in the API,
 * an argument of the wrong type, fails here, before any browser test) and finds the committed
 * generated types current. Operations still sent as strings built at run time are listed in
 * DYNAMIC, on purpose.
 */
const ROOT = path.resolve(__dirname, '../../../..');
const ADMIN = path.join(ROOT, 'apps/admin/src');
const CODEGEN = path.join(ROOT, 'node_modules/.bin/graphql-codegen');
/** file: the one operation assembled from run-time data (one alias per proposal status; covered by the browser tests only). */
const DYNAMIC = ['licensing/proposal-api.ts'];

function codegen(config: string, check: boolean): { ok: boolean; output: string } {
  try {
    // Without NODE_ENV=test, under which codegen prints no document's error.
    const env = { ...process.env, NODE_ENV: 'development' };
    const output = execFileSync(CODEGEN, ['--config', config, ...(check ? ['--check'] : [])], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe', env });
    return { ok: true, output };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(e.name) && !/\.(spec|test)\.tsx?$/.test(e.name) ? [full] : [];
  });
}

describe('the console’s GraphQL operations', () => {
  jest.setTimeout(120_000);

  it('match the schema the API serves, and the committed generated types are current', () => {
    const { ok, output } = codegen('apps/admin/codegen.config.mjs', true);
    expect({ ok, output: ok ? '' : output }).toEqual({ ok: true, output: '' });
  });

  it('are many, typed documents; only the known run-time operation is still a string', () => {
    const files = sourceFiles(ADMIN);
    const documents = files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/graphql\(`\s*(query|mutation) (\w+)/g)].map((m) => m[2]!));
    expect(documents.length).toBeGreaterThan(120);
    // Operation names are unique (codegen keys its types by them).
    expect(documents.filter((name, i) => documents.indexOf(name) !== i)).toEqual([]);
    const strings = files
      .filter((f) => f !== path.join(ADMIN, 'api/graphql.ts'))
      .filter((f) => /\bgql(<.+?>)?\(\s*`/.test(readFileSync(f, 'utf8')))
      .map((f) => path.relative(ADMIN, f));
    expect(strings).toEqual(DYNAMIC);
  });

  it('refuses a document asking for a field the API does not serve', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'console-ops-'));
    try {
      writeFileSync(path.join(dir, 'broken.ts'), "graphql(`\n  query Broken { myMuseums { id noSuchField } }\n`);\n");
      const config = path.join(dir, 'codegen.config.mjs');
      writeFileSync(
        config,
        `export default ${JSON.stringify({
          schema: path.join(ROOT, 'apps/api/schema.graphql'),
          documents: [path.join(dir, '*.ts')],
          pluckConfig: { globalGqlIdentifierName: ['graphql'] },
          // The preset by path: a config outside the repository cannot resolve its name.
          generates: { [path.join(dir, 'out/')]: { preset: path.join(ROOT, 'node_modules/@graphql-codegen/client-preset') } },
        })};\n`,
      );
      const { ok, output } = codegen(config, false);
      expect(ok).toBe(false);
      expect(output).toContain('Cannot query field "noSuchField" on type "ManagedMuseum"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
