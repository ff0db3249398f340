import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Contexts keep to their own tables (issue 19): each schema file belongs to one bounded
 * context, and a lib's code may name, in raw SQL or through Prisma's model API, only the
 * tables of its own context and the shared ones (the outbox and job cursors). Reaching into
 * another context goes through that context's service or a port it exports, so Nx sees the
 * dependency.
 *
 * The references that existed when this check was written are listed in
 * context-tables.allow.json (rewritten by `node -r @swc-node/register scripts/context-tables.mjs`): each one is debt to pay (move it behind the owner's port), not
 * a permission. The check fails on any reference not in that list, and also on a listed one
 * that is gone, so the list only shrinks.
 */
const ROOT = path.resolve(__dirname, '..');

/** Schema file (prisma/schema/<name>.prisma) → the lib that owns its tables. */
export const SCHEMA_OWNERS: Record<string, string> = {
  'after-sales': 'orders',
  attribution: 'orders',
  'bank-payouts': 'settlement',
  base: 'shared',
  catalog: 'catalog',
  'customs-declarations': 'customs',
  customs: 'customs',
  drops: 'orders',
  'fx-refresh': 'catalog',
  fx: 'catalog',
  'guest-returns': 'orders',
  identity: 'identity',
  inventory: 'inventory',
  licensing: 'licensing',
  live: 'live',
  orders: 'orders',
  outbox: 'shared',
  payments: 'payments',
  privacy: 'customs',
  promotions: 'promotions',
  'return-photos': 'orders',
  'return-sms': 'orders',
  settlement: 'settlement',
  shipments: 'orders',
  'shopper-addresses': 'orders',
  storefronts: 'storefronts',
  'warehouse-sync': 'inventory',
};

interface Table {
  table: string;
  model: string;
  owner: string;
}

function tables(): Table[] {
  const dir = path.join(ROOT, 'prisma/schema');
  const out: Table[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.prisma'))) {
    const owner = SCHEMA_OWNERS[file.replace(/\.prisma$/, '')];
    if (!owner) throw new Error(`prisma/schema/${file} has no owning context: add it to SCHEMA_OWNERS in scripts/context-tables.spec.ts`);
    for (const [, model, body] of readFileSync(path.join(dir, file), 'utf8').matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
      const table = /@@map\("([^"]+)"\)/.exec(body!)?.[1] ?? model!;
      out.push({ table, model: model!, owner });
    }
  }
  return out;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    // Generated client and test support (src/testing seeds whatever a test needs) are not the context's code.
    if (statSync(p).isDirectory()) return name === 'generated' || name === 'testing' ? [] : sources(p);
    return /\.tsx?$/.test(name) && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(name) ? [p] : [];
  });
}

const PRISMA_CALLS = 'findMany|findUnique|findUniqueOrThrow|findFirst|findFirstOrThrow|create|createMany|createManyAndReturn|update|updateMany|upsert|delete|deleteMany|count|aggregate|groupBy';

/** The tables a source text names, in raw SQL (FROM / JOIN / INTO / UPDATE, quoted or not) or through Prisma's model API. */
export function tablesNamedIn(text: string, all: Table[] = tables()): Set<Table> {
  const byTable = new Map(all.map((t) => [t.table, t]));
  const byAccessor = new Map(all.map((t) => [t.model[0]!.toLowerCase() + t.model.slice(1), t]));
  const named = new Set<Table>();
  for (const m of text.matchAll(/\b(?:FROM|JOIN|INTO|UPDATE)\s+"?([a-z_][a-z0-9_]*)"?/g)) {
    const t = byTable.get(m[1]!);
    if (t) named.add(t);
  }
  // Prisma's model API: <client or tx>.<model>.<call>(
  for (const m of text.matchAll(new RegExp(`\\.(\\w+)\\s*\\.(?:${PRISMA_CALLS})\\(`, 'g'))) {
    const t = byAccessor.get(m[1]!);
    if (t) named.add(t);
  }
  return named;
}

/** Every "lib → table" reference to a table of another context, with the files naming it. */
export function crossContextReferences(): Map<string, string[]> {
  const all = tables();
  const found = new Map<string, string[]>();
  const libs = readdirSync(path.join(ROOT, 'libs')).filter((l) => l !== 'shared' && statSync(path.join(ROOT, 'libs', l)).isDirectory());
  for (const lib of libs) {
    for (const file of sources(path.join(ROOT, 'libs', lib, 'src'))) {
      for (const t of tablesNamedIn(readFileSync(file, 'utf8'), all)) {
        if (t.owner === lib || t.owner === 'shared') continue;
        const key = `${lib} → ${t.table}`;
        found.set(key, [...(found.get(key) ?? []), path.relative(ROOT, file)]);
      }
    }
  }
  return found;
}

describe('contexts keep to their tables', () => {
  const allowed: string[] = JSON.parse(readFileSync(path.join(__dirname, 'context-tables.allow.json'), 'utf8')).references;
  const found = crossContextReferences();

  it('names no table of another context beyond the recorded debt', () => {
    const fresh = [...found.keys()].filter((k) => !allowed.includes(k)).sort();
    expect(fresh.map((k) => `${k} (${found.get(k)!.join(', ')})`)).toEqual([]);
  });

  it('keeps the recorded debt list exact: a reference paid off leaves the list', () => {
    expect(allowed.filter((k) => !found.has(k))).toEqual([]);
  });

  it('gives a lower context\'s own tests the relations its owner binds in the apps, text for text', () => {
    // Licensing and customs declare what they read of orders (abstract sources); orders binds
    // them (OrdersSourcesModule). Their lib tests cannot import orders, so src/testing repeats
    // the binding: it must stay the same text, or those tests would read something else.
    const relations = (file: string) => [...readFileSync(path.join(ROOT, file), 'utf8').matchAll(/readonly (\w+) = Prisma\.sql`([^`]*)`/g)].map((m) => `${m[1]} = ${m[2]}`);
    const bound = relations('libs/orders/src/lib/ports/orders-sources.module.ts');
    for (const file of ['libs/licensing/src/testing/sales-source.ts', 'libs/customs/src/testing/orders-source.ts']) {
      const repeated = relations(file);
      expect(repeated.length).toBeGreaterThan(1);
      expect(repeated.filter((r) => !bound.includes(r))).toEqual([]);
    }
  });

  it('sees through both ways of naming a table (guards the scanner itself)', () => {
    const named = (text: string) => [...tablesNamedIn(text)].map((t) => `${t.owner}.${t.table}`);
    expect(named('SELECT v.sku FROM stock_levels s JOIN "product_variants" v ON v.id = s.variant_id')).toEqual(['inventory.stock_levels', 'catalog.product_variants']);
    expect(named('await tx.productVariant.findMany({ where })')).toEqual(['catalog.product_variants']);
    expect(named('JOIN ${CatalogReadPort.variants} v ON v.id = s.variant_id')).toEqual([]);
  });
});
