#!/usr/bin/env node
// `npm start`: installs what is missing, starts or reuses PostgreSQL and Redis, migrates,
// seeds the demo museums, then runs the API, the worker and the seller console together.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { ROOT, ensureDependencies, ensurePrismaClient, ensureServices, log, run } from './lib/bootstrap.mjs';

ensureDependencies();
await ensureServices();
ensurePrismaClient();
log('migrating the database');
run('node scripts/db/migrate.mjs deploy');
if (existsSync(path.join(ROOT, 'prisma/seed.ts'))) {
  log('seeding demo data');
  run('node -r @swc-node/register prisma/seed.ts');
}

const children = [];
function start(name, color, cmd, args, env = {}) {
  const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = `\x1b[${color}m[${name}]\x1b[0m `;
  const pipe = (stream, out) => {
    let buffer = '';
    stream.on('data', (chunk) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop();
      for (const line of lines) out.write(prefix + line + '\n');
    });
  };
  pipe(child.stdout, process.stdout);
  pipe(child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    log(`${name} exited (${signal ?? code})`);
    if (!stopping) shutdown(code ?? 1);
  });
  children.push(child);
}

let stopping = false;
function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 5_000).unref();
  Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r() : c.once('exit', r))))).then(() => process.exit(code));
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

const swc = ['-r', '@swc-node/register'];
start('api', '32', process.execPath, [...swc, 'apps/api/src/main.ts'], { LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' });
start('worker', '33', process.execPath, [...swc, 'apps/worker/src/main.ts']);
if (existsSync(path.join(ROOT, 'apps/admin/vite.config.ts'))) {
  start('console', '35', process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), '--config', 'apps/admin/vite.config.ts', '--host', '0.0.0.0']);
}
log(`API      http://localhost:${process.env.PORT ?? 3000}/graphql   (health: /health)`);
log('Console  http://localhost:5173');
