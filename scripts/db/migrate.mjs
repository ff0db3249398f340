#!/usr/bin/env node
// Usage:
//   node scripts/db/migrate.mjs deploy            apply pending migrations to DATABASE_URL
//   node scripts/db/migrate.mjs create <name>     write prisma/migrations/<ts>_<name> from schema changes
//   node scripts/db/migrate.mjs ensure-db         create DATABASE_URL's database if missing
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { deploy, diffToSchema, MIGRATIONS_DIR, SNAPSHOT_PATH } from './schema-engine.mjs';

const DEFAULT_URL = 'postgresql://postgres@127.0.0.1:5432/vitrine';

export async function ensureDatabase(url) {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

async function main() {
  const [cmd, arg] = process.argv.slice(2);
  const url = process.env.DATABASE_URL ?? DEFAULT_URL;
  if (cmd === 'ensure-db') {
    await ensureDatabase(url);
  } else if (cmd === 'deploy') {
    await ensureDatabase(url);
    const applied = await deploy(url);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
  } else if (cmd === 'create') {
    if (!arg || !/^[a-z0-9_]+$/.test(arg)) throw new Error('create needs a snake_case name');
    await ensureDatabase(url);
    const { result, schema } = await diffToSchema(url);
    const script = typeof result === 'string' ? result : (result.stdout ?? '');
    if (!script.trim() || /^-- This is an empty migration/.test(script.trim())) {
      console.log('no schema changes');
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${arg}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'migration.sql'), script);
    fs.writeFileSync(path.join(MIGRATIONS_DIR, 'migration_lock.toml'), 'provider = "postgresql"\n');
    fs.writeFileSync(SNAPSHOT_PATH, schema);
    console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  } else {
    console.error('usage: migrate.mjs deploy | create <name> | ensure-db');
    process.exit(2);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(e?.message ?? e);
    process.exit(1);
  });
}
