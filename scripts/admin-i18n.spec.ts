import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import englishMessages from 'ra-language-english';
import frenchMessages from 'ra-language-french';
import { en } from '../apps/admin/src/i18n/en';
import { fr } from '../apps/admin/src/i18n/fr';

/**
 * Every message key the console names literally (translate('…'), label="…", choices'
 * names, notify('…')) exists in English and in French, react-admin's own messages
 * included; and our English and French files have the same keys.
 */
type Tree = { [key: string]: string | Tree };
const SRC = path.resolve(__dirname, '../apps/admin/src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

function lookup(tree: Tree, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Tree)[part] : undefined), tree);
}

function leaves(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : leaves(v, `${prefix}${k}.`)));
}

function merge(base: Tree, over: Tree): Tree {
  const out: Tree = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] = typeof v === 'object' && typeof b === 'object' ? merge(b, v) : v;
  }
  return out;
}

/** Keys written whole in a string literal: 'vitrine.x.y', "resources.r.fields.f", `ra.action.save`. */
const KEY = /(['"`])((?:vitrine|resources|ra)\.[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)+)\1/g;

function usedKeys(): Map<string, string[]> {
  const used = new Map<string, string[]>();
  for (const file of files(SRC)) {
    if (file.includes(`${path.sep}i18n${path.sep}`)) continue;
    for (const m of readFileSync(file, 'utf8').matchAll(KEY)) {
      const where = used.get(m[2]!) ?? [];
      where.push(path.relative(SRC, file));
      used.set(m[2]!, where);
    }
  }
  return used;
}

/**
 * Inputs and fields given a `source` and no `label` take react-admin's key
 * resources.<resource>.fields.<source> (else an English humanized name, also in French):
 * the resource is the one App.tsx registers from the file's resources/<folder>.
 */
interface ImplicitLabel {
  /** resources.<resource>.fields.<source> */
  key: string;
  /** The field's name: a child of an ArrayInput, or of a Reference…Field, finds its key there. */
  source: string;
  /** The file's resource and those it references (reference="…"). */
  resources: string[];
  file: string;
}

function implicitFieldLabels(): ImplicitLabel[] {
  const app = readFileSync(path.join(SRC, 'App.tsx'), 'utf8');
  const folderOf = new Map([...app.matchAll(/import (\w+) from '\.\/resources\/([\w-]+)'/g)].map((m) => [m[1]!, m[2]!]));
  const resourceOf = new Map([...app.matchAll(/<Resource name="(\w+)" \{\.\.\.(\w+)\}/g)].map((m) => [folderOf.get(m[2]!)!, m[1]!]));
  const found: ImplicitLabel[] = [];
  for (const file of files(path.join(SRC, 'resources'))) {
    const resource = resourceOf.get(path.relative(path.join(SRC, 'resources'), file).split(path.sep)[0]!);
    if (!resource) continue;
    const text = readFileSync(file, 'utf8');
    const resources = [resource, ...[...text.matchAll(/\breference="(\w+)"/g)].map((m) => m[1]!)];
    // One opening tag: <Name ... source="x" ...> (attributes hold no angle brackets here).
    // A search box shows a placeholder, not its source's label.
    for (const m of text.matchAll(/<([A-Z]\w*)\s[^<>]*?\bsource="([\w.]+)"[^<>]*?>/g)) {
      if (/\blabel=/.test(m[0]) || /SearchInput$/.test(m[1]!)) continue;
      const source = m[2]!.replace(/\.\d+(?=\.|$)/g, '');
      found.push({ key: `resources.${resource}.fields.${source}`, source, resources, file: path.relative(SRC, file) });
    }
  }
  return found;
}

/** The label's key, or a key for the same source under the fields of a resource it may belong to. */
function hasLabel(messages: Tree, f: ImplicitLabel): boolean {
  if (typeof lookup(messages, f.key) === 'string') return true;
  return f.resources.some((r) => {
    const fields = lookup(messages, `resources.${r}.fields`);
    return !!fields && typeof fields === 'object' && leaves(fields as Tree).some((k) => k === f.source || k.endsWith(`.${f.source}`));
  });
}

describe('console translations', () => {
  const english = merge(englishMessages as unknown as Tree, en as unknown as Tree);
  const french = merge(frenchMessages as unknown as Tree, fr as unknown as Tree);
  const used = usedKeys();

  it('finds the keys the console uses (the scan works)', () => {
    expect(used.size).toBeGreaterThan(200);
    expect(used.has('vitrine.orders.totals')).toBe(true);
  });

  it.each([
    ['en', english],
    ['fr', french],
  ])('every key used in apps/admin exists in %s', (_, messages) => {
    const missing = [...used].filter(([key]) => typeof lookup(messages, key) !== 'string').map(([key, where]) => `${key} (${[...new Set(where)].join(', ')})`);
    expect(missing).toEqual([]);
  });

  it.each([
    ['en', english],
    ['fr', french],
  ])('every field shown without an explicit label has its resources.<resource>.fields key in %s', (_, messages) => {
    const implicit = implicitFieldLabels();
    expect(implicit.some((f) => f.key === 'resources.inbox.fields.status')).toBe(true);
    const missing = [...new Set(implicit.filter((f) => !hasLabel(messages, f)).map((f) => `${f.key} (${f.file})`))];
    expect(missing).toEqual([]);
  });

  it('our English and French messages have the same keys', () => {
    const enKeys = new Set(leaves(en as unknown as Tree));
    const frKeys = new Set(leaves(fr as unknown as Tree));
    expect([...enKeys].filter((k) => !frKeys.has(k))).toEqual([]);
    expect([...frKeys].filter((k) => !enKeys.has(k))).toEqual([]);
  });
});
