import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'generated' || name === 'dist') continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) sources(full, out);
    else if (/\.(ts|tsx|mjs|js)$/.test(name) && !/\.(spec|int-spec|e2e-spec|browser-spec)\.ts$/.test(name)) out.push(full);
  }
  return out;
}

describe('README', () => {
  it('documents every environment variable the apps and libs read', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const names = new Set<string>();
    for (const file of [...sources(path.join(ROOT, 'apps/api/src')), ...sources(path.join(ROOT, 'apps/worker/src')), ...sources(path.join(ROOT, 'libs'))]) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:process\.env|\benv)(?:\[['"]([A-Z][A-Z0-9_]+)['"]\]|\.([A-Z][A-Z0-9_]+))/g)) names.add((m[1] ?? m[2])!);
    }
    expect(names.size).toBeGreaterThan(10);
    const undocumented = [...names].filter((n) => !readme.includes(`\`${n}\``)).sort();
    expect(undocumented).toEqual([]);
  });
});
