#!/usr/bin/env node
// Drops every database the test suites and benchmarks created (templates included).
import pg from 'pg';

const admin = new pg.Client({ connectionString: process.env.TEST_PG_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres' });
await admin.connect();
const { rows } = await admin.query("SELECT datname, datistemplate FROM pg_database WHERE datname ~ '^vitrine_(t|tpl|bench|migrate)_'");
for (const row of rows) {
  if (row.datistemplate) await admin.query(`ALTER DATABASE "${row.datname}" WITH is_template = false`);
  await admin.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
}
console.log(`dropped ${rows.length} databases`);
await admin.end();
