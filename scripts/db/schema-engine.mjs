// The one place that drives Prisma's schema engine. Prisma's CLI downloads a native
// engine before migrating, which these machines cannot do; @prisma/schema-engine-wasm is
// the same engine compiled to WebAssembly and writes the same _prisma_migrations table,
// so `prisma migrate deploy` stays usable wherever the network allows it.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';

const require = createRequire(import.meta.url);
const bg = require('@prisma/schema-engine-wasm/schema_engine_bg');

let wasmReady = false;
function initWasm() {
  if (wasmReady) return;
  const wasmPath = require
    .resolve('@prisma/schema-engine-wasm')
    .replace(/schema_engine\.js$/, 'schema_engine_bg.wasm');
  const instance = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(wasmPath)), {
    './schema_engine_bg.js': bg,
  });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  wasmReady = true;
}

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const SCHEMA_DIR = path.join(ROOT, 'prisma/schema');

/** The schema is one file per bounded context; the engine reads them as one datamodel. */
export function readSchema() {
  return fs
    .readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.prisma'))
    .sort()
    .map((f) => fs.readFileSync(path.join(SCHEMA_DIR, f), 'utf8'))
    .join('\n');
}
export const MIGRATIONS_DIR = path.join(ROOT, 'prisma/migrations');
const NO_FILTER = { externalTables: [], externalEnums: [] };

export async function openEngine(url) {
  initWasm();
  const schema = readSchema();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: url }));
  const engine = await bg.SchemaEngine.new(
    { datamodels: [['schema.prisma', schema]] },
    () => {},
    adapter,
  );
  return { engine, schema };
}

export function readMigrations() {
  if (!fs.existsSync(MIGRATIONS_DIR)) return [];
  return fs
    .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok', value: fs.readFileSync(path.join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8') },
      },
    }));
}

function migrationsList() {
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: 'migration_lock.toml', content: 'provider = "postgresql"\n' },
    migrationDirectories: readMigrations(),
    shadowDbInitScript: '',
  };
}

/** Applies every migration not yet recorded in _prisma_migrations. */
export async function deploy(url) {
  const { engine } = await openEngine(url);
  const result = await engine.applyMigrations({ migrationsList: migrationsList(), filters: NO_FILTER });
  return result.appliedMigrationNames;
}

export const SNAPSHOT_PATH = path.join(MIGRATIONS_DIR, 'schema.snapshot.prisma');

/**
 * SQL from the schema as of the last migration (its snapshot) to the schema file.
 * Diffing datamodels needs no database: the wasm engine cannot introspect one through
 * the pg adapter (it fails on PostgreSQL's "char" catalog columns).
 */
export async function diffToSchema(url) {
  const { engine, schema } = await openEngine(url);
  const from = fs.existsSync(SNAPSHOT_PATH)
    ? { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: fs.readFileSync(SNAPSHOT_PATH, 'utf8') }] }
    : { tag: 'empty' };
  const result = await engine.diff({
    from,
    to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] },
    script: true,
    exitCode: null,
    filters: NO_FILTER,
  });
  return { result, schema };
}
