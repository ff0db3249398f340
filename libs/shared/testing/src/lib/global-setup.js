// Migrates one template database per migration set; each suite then clones it, which takes
// milliseconds instead of re-running every migration.
const { createHash } = require('node:crypto');
const { readdirSync, readFileSync, existsSync } = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { Client } = require('pg');

const ROOT = path.resolve(__dirname, '../../../../..');

function migrationsHash() {
  const dir = path.join(ROOT, 'prisma/migrations');
  const h = createHash('sha256');
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name, 'migration.sql');
    if (existsSync(file)) h.update(name).update(readFileSync(file));
  }
  return h.digest('hex').slice(0, 12);
}

module.exports = async function globalSetup() {
  const admin = process.env.TEST_PG_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const template = `vitrine_tpl_${migrationsHash()}`;
  process.env.VITRINE_TEST_TEMPLATE = template;
  const client = new Client({ connectionString: admin });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1 AND datistemplate', [template]);
    if (rowCount) return;
    await client.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${template}"`);
    const url = new URL(admin);
    url.pathname = `/${template}`;
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/db/migrate.mjs'), 'deploy'], {
      env: { ...process.env, DATABASE_URL: url.toString() },
      stdio: 'inherit',
    });
    await client.query(`ALTER DATABASE "${template}" WITH is_template = true ALLOW_CONNECTIONS = false`);
    // Templates of other migration sets stay: a concurrent run on another branch may be
    // cloning them. `npm run db:clean-test` drops them all when nothing runs.
  } finally {
    await client.end();
  }
};
