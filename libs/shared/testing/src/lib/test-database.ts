import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { PrismaService } from '@vitrine/shared/data-access';

const ADMIN_URL = process.env['TEST_PG_ADMIN_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  url: string;
  name: string;
  prisma: PrismaService;
  drop(): Promise<void>;
}

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database for one suite, cloned from the migrated template that global setup
 * prepared. Sets DATABASE_URL so an app built afterwards in this suite uses it.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = process.env['VITRINE_TEST_TEMPLATE'];
  if (!template) throw new Error('VITRINE_TEST_TEMPLATE is not set: run through the integration or e2e jest project');
  const name = `vitrine_t_${randomBytes(5).toString('hex')}`;
  // PostgreSQL refuses to copy a template while another session is connected to it (55006),
  // e.g. a parallel suite's clone of the same template in progress: wait and try again.
  for (let attempt = 1; ; attempt++) {
    try {
      await admin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  process.env['DATABASE_URL'] = url.toString();
  const prisma = new PrismaService({ url: url.toString(), poolSize: 4 });
  return {
    url: url.toString(),
    name,
    prisma,
    async drop() {
      await prisma.$disconnect();
      dropInBackground(name);
    },
  };
}

// DROP DATABASE waits on PostgreSQL's disk flushes (0.4-2.6 s here while other suites write),
// time a suite's afterAll spent idle: a detached process drops it while the next suite starts.
// Nothing reads a suite's database after its drop(); `npm run db:clean-test` drops any left.
const DROP_SCRIPT = `const { Client } = require(process.argv[1]);
const c = new Client({ connectionString: process.argv[2] });
c.connect().then(() => c.query('DROP DATABASE IF EXISTS "' + process.argv[3] + '" WITH (FORCE)')).catch(() => undefined).finally(() => c.end().catch(() => undefined));`;

function dropInBackground(name: string): void {
  const child = spawn(process.execPath, ['-e', DROP_SCRIPT, require.resolve('pg'), ADMIN_URL, name], { detached: true, stdio: 'ignore' });
  child.unref();
}
