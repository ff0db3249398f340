// What `npm start` and `npm test` need before they run anything: dependencies installed,
// PostgreSQL and Redis up, the Prisma client generated. Each step is skipped when done.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { execSync, spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

export function log(message) {
  console.log(`\x1b[36m[vitrine]\x1b[0m ${message}`);
}

export function run(cmd, opts = {}) {
  const r = spawnSync(cmd, { shell: true, stdio: 'inherit', cwd: ROOT, ...opts });
  if (r.status !== 0) throw new Error(`command failed (${r.status}): ${cmd}`);
}

function hashFiles(files) {
  const h = createHash('sha256');
  for (const f of files) if (existsSync(f)) h.update(f).update(readFileSync(f));
  return h.digest('hex');
}

/** Fails with a clear message when this Node is older than package.json's `engines.node`. */
export function checkNodeVersion() {
  const wanted = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).engines.node; // ">=20.19"
  const [wMajor, wMinor = 0] = wanted.replace(/^>=\s*/, '').split('.').map(Number);
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < wMajor || (major === wMajor && minor < wMinor)) {
    console.error(`Vitrine needs Node ${wanted} (package.json "engines"); this is Node ${process.versions.node}.`);
    process.exit(1);
  }
}

export function ensureDependencies() {
  checkNodeVersion();
  const lock = path.join(ROOT, 'package-lock.json');
  const stamp = path.join(ROOT, 'node_modules/.vitrine-install');
  const want = hashFiles([lock, path.join(ROOT, 'package.json')]);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return;
  log('installing dependencies (npm ci)');
  // `npm ci` installs exactly the lock and never rewrites it; falling back to `npm install`
  // would change the user's package-lock.json, so a refusal stops here with the reason.
  const r = spawnSync('npm ci --no-audit --no-fund', { shell: true, stdio: 'inherit', cwd: ROOT });
  if (r.status !== 0) {
    console.error(
      '\n`npm ci` failed (see npm\'s message above). Usual causes: the npm registry cannot be reached, ' +
        'or package.json and package-lock.json disagree after an edit (run `npm install` yourself and commit ' +
        'the lock). Nothing was changed in package-lock.json.',
    );
    process.exit(1);
  }
  writeFileSync(stamp, want);
}

function portOpen(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

async function waitFor(port, what, seconds = 30) {
  for (let i = 0; i < seconds * 4; i++) {
    if (await portOpen(port)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not come up on port ${port}`);
}

function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

function aptInstall(packages) {
  if (process.getuid?.() !== 0) throw new Error(`missing ${packages}; install them (apt-get install ${packages})`);
  log(`installing ${packages} from Debian`);
  run('apt-get update -qq');
  run(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages}`);
}

/** Uses PostgreSQL and Redis at DATABASE_URL / REDIS_URL if they answer; starts local ones if not. */
export async function ensureServices() {
  const pgUrl = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/vitrine');
  const redisUrl = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const local = (u) => ['127.0.0.1', 'localhost', '::1'].includes(u.hostname);

  const pgPort = Number(pgUrl.port || 5432);
  if (!(await portOpen(pgPort, pgUrl.hostname))) {
    if (!local(pgUrl)) throw new Error(`PostgreSQL at ${pgUrl.host} does not answer`);
    if (!existsSync('/etc/postgresql')) aptInstall('postgresql');
    const version = readdirSync('/etc/postgresql')[0];
    log(`starting PostgreSQL ${version}`);
    run(`pg_ctlcluster --skip-systemctl-redirect ${version} main start`);
    await waitFor(pgPort, 'PostgreSQL');
  }
  const redisPort = Number(redisUrl.port || 6379);
  if (!(await portOpen(redisPort, redisUrl.hostname))) {
    if (!local(redisUrl)) throw new Error(`Redis at ${redisUrl.host} does not answer`);
    if (!has('redis-server')) aptInstall('redis-server');
    log('starting Redis');
    run(`redis-server --daemonize yes --bind 127.0.0.1 --port ${redisPort} --save "" --appendonly no`);
    await waitFor(redisPort, 'Redis');
  }
}

export function ensurePrismaClient() {
  const dir = path.join(ROOT, 'prisma/schema');
  const files = readdirSync(dir).sort().map((f) => path.join(dir, f));
  const stamp = path.join(ROOT, 'libs/shared/data-access/src/generated/.schema-hash');
  const want = hashFiles(files);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return;
  log('generating the Prisma client');
  // Generation never runs the schema engine; the CLI only checks the file exists.
  run('npx prisma generate', { env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: '/bin/true' }, stdio: 'pipe' });
  writeFileSync(stamp, want);
}

export function ensureChromium() {
  const missing = [];
  if (!existsSync('/usr/bin/chromium')) missing.push('chromium');
  // Without a CJK font, the console's Chinese text renders as boxes in screenshots.
  if (!existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc')) missing.push('fonts-noto-cjk');
  if (missing.length) aptInstall(missing.join(' '));
}

export function hasBinary(cmd) {
  return has(cmd);
}

export { execSync };
