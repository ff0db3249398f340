import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';

const ROOT = path.resolve(__dirname, '../..');
const ADMIN = 'postgresql://postgres@127.0.0.1:5432/postgres';

async function sql<T>(url: string, text: string): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows as T[];
  } finally {
    await c.end();
  }
}

// The WebAssembly engine takes seconds to instantiate on a busy 2-core machine.
jest.setTimeout(90_000);

describe('offline migrations (scripts/db/migrate.mjs)', () => {
  const name = `vitrine_migrate_${process.pid}`;
  const url = `postgresql://postgres@127.0.0.1:5432/${name}`;
  const migrate = (cmd: string) =>
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/db/migrate.mjs'), cmd], { env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8' });

  afterAll(() => sql(ADMIN, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));

  it('creates and migrates an empty database from scratch, then finds nothing to do', async () => {
    await sql(ADMIN, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    expect(migrate('deploy')).toMatch(/applied: /);
    const applied = await sql<{ migration_name: string; finished_at: Date | null }>(url, 'SELECT migration_name, finished_at FROM _prisma_migrations');
    expect(applied.length).toBeGreaterThan(0);
    expect(applied.every((m) => m.finished_at !== null)).toBe(true);
    const tables = await sql<{ tablename: string }>(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
    expect(tables.map((t) => t.tablename)).toEqual(expect.arrayContaining(['users', 'museums', 'products', 'product_variants', 'fx_rates']));
    expect(migrate('deploy')).toMatch(/up to date/);
  });

  it('has no schema change left without a migration', () => {
    const out = execFileSync(process.execPath, ['-e', `
      import('${path.join(ROOT, 'scripts/db/schema-engine.mjs')}').then(async (m) => {
        const { result } = await m.diffToSchema('${url}');
        const script = typeof result === 'string' ? result : (result.stdout ?? '');
        console.log(script.trim() === '' || script.includes('empty migration') ? 'CLEAN' : script);
      });`], { encoding: 'utf8' });
    expect(out.trim()).toBe('CLEAN');
  });
});
