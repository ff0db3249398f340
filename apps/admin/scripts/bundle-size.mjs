#!/usr/bin/env node
// Initial JavaScript of the console: a production build into a temporary directory, then the
// entry script and its modulepreloads gzipped (zlib's default level, as servers send them).
// Writes the `console:bundle` section of docs/performance.md. Run: node apps/admin/scripts/bundle-size.mjs
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const BUDGET_KB = 400;
const out = mkdtempSync(path.join(os.tmpdir(), 'vitrine-console-'));
try {
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', 'apps/admin', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  const html = readFileSync(path.join(out, 'index.html'), 'utf8');
  const initial = [...new Set(html.match(/\/assets\/[^"]+\.js/g) ?? [])];
  const gz = (file) => gzipSync(readFileSync(path.join(out, file))).length;
  const kb = (bytes) => (bytes / 1000).toFixed(1);
  const first = initial.map((f) => ({ file: f.replace(/^\/assets\//, ''), bytes: gz(f) }));
  const total = first.reduce((a, f) => a + f.bytes, 0);
  const lazy = readdirSync(path.join(out, 'assets'))
    .filter((f) => f.endsWith('.js') && !initial.includes(`/assets/${f}`))
    .map((f) => ({ file: f, bytes: gz(`/assets/${f}`) }))
    .sort((a, b) => b.bytes - a.bytes);
  const name = (f) => f.replace(/-[\w-]{8}\.js$/, '');
  const md = [
    '## Seller console initial download (`node apps/admin/scripts/bundle-size.mjs`)',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)}: production build, gzip (zlib default level) of the entry script and its modulepreloads.`,
    '',
    '| initial chunk | kB gzip |',
    '|---|---:|',
    ...first.map((f) => `| ${name(f.file)} | ${kb(f.bytes)} |`),
    `| **total** | **${kb(total)}** |`,
    '',
    `Budget ${BUDGET_KB} kB: ${total / 1000 <= BUDGET_KB ? 'met' : 'NOT met'}. Loaded on demand: ${lazy.length} chunks, ${kb(lazy.reduce((a, f) => a + f.bytes, 0))} kB gzip in all; the largest: ${lazy
      .slice(0, 5)
      .map((f) => `${name(f.file)} ${kb(f.bytes)} kB`)
      .join(', ')}.`,
  ].join('\n');
  const doc = path.join(ROOT, 'docs/performance.md');
  const start = '<!-- console:bundle:start -->';
  const end = '<!-- console:bundle:end -->';
  let text = existsSync(doc) ? readFileSync(doc, 'utf8') : '# Performance\n';
  const block = `${start}\n${md}\n${end}`;
  text = text.includes(start) ? text.replace(new RegExp(`${start}[\\s\\S]*?${end}`), block) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(doc, text);
  console.log(md);
  process.exitCode = total / 1000 <= BUDGET_KB ? 0 : 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
