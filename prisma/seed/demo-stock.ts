import type { Prisma, PrismaService } from '@vitrine/shared/data-access';
import { demoProducts, hash } from './demo-catalog';
import { stableId } from './stable-id';

/** The museum locations of the demo: every museum has an EU warehouse, the Louvre also a bonded one in China. */
export const DEMO_LOCATIONS: { museumSlug: string; code: string; name: string; kind: 'EU_WAREHOUSE' | 'BONDED_WAREHOUSE_CN'; priority: number }[] = [
  // Bonded first for the Louvre: what is pre-positioned in Ningbo reaches a shopper in days (1210).
  { museumSlug: 'louvre', code: 'CN-NINGBO-BONDED', name: 'Ningbo bonded warehouse (1210)', kind: 'BONDED_WAREHOUSE_CN', priority: 1 },
  { museumSlug: 'louvre', code: 'EU-PARIS', name: 'Paris — Louvre logistics (9610)', kind: 'EU_WAREHOUSE', priority: 2 },
  { museumSlug: 'british-museum', code: 'EU-ROTTERDAM', name: 'Rotterdam EU hub (9610)', kind: 'EU_WAREHOUSE', priority: 1 },
  { museumSlug: 'orsay', code: 'EU-PARIS', name: 'Paris — Orsay logistics (9610)', kind: 'EU_WAREHOUSE', priority: 1 },
];

/** The demo brand's own location: it fulfils its co-branded products from there. */
export const BRAND_LOCATION = { code: 'MD-PARIS-ATELIER', name: 'Maison Demo — Paris atelier', kind: 'EU_WAREHOUSE' as const, priority: 1 };

export const locationId = (museumSlug: string, code: string) => stableId(`stock-location:${museumSlug}:${code}`);
export const brandLocationId = (brandSlug: string, code: string) => stableId(`stock-location:brand:${brandSlug}:${code}`);

/**
 * Units on hand of a demo SKU at a location, from its rank there (a stable order by hash):
 * the first is sold out where `soldOut` (one at the Louvre, one at the British Museum), the
 * next three are low, the rest have plenty.
 */
export function demoOnHand(sku: string, rank: number, kind: 'EU_WAREHOUSE' | 'BONDED_WAREHOUSE_CN', soldOut: boolean): number {
  const h = hash(`stock:${sku}:${kind}`);
  if (rank === 0 && soldOut) return 0;
  if (rank <= 3) return 1 + (h % 4);
  return kind === 'BONDED_WAREHOUSE_CN' ? 20 + (h % 60) : 30 + (h % 170);
}

/**
 * Stock levels written the way inventory writes them: each level with the RECEIPT movement
 * that brought it there, so Σ on_hand_delta = on_hand. A level that exists already (edited by
 * hand, or moved by demo orders) is left alone, and so is its ledger.
 */
export async function writeReceipts(prisma: PrismaService, rows: { locationId: string; variantId: string; onHand: number }[], reference: string): Promise<number> {
  if (!rows.length) return 0;
  return prisma.$transaction(async (tx) => {
    const existing = await tx.stockLevel.findMany({
      where: { OR: [...new Set(rows.map((r) => r.locationId))].map((locationId) => ({ locationId, variantId: { in: rows.filter((r) => r.locationId === locationId).map((r) => r.variantId) } })) },
      select: { locationId: true, variantId: true },
    });
    const have = new Set(existing.map((e) => `${e.locationId}:${e.variantId}`));
    const fresh = rows.filter((r) => !have.has(`${r.locationId}:${r.variantId}`));
    if (!fresh.length) return 0;
    await tx.stockLevel.createMany({ data: fresh.map((r) => ({ variantId: r.variantId, locationId: r.locationId, onHand: r.onHand })) });
    const movements: Prisma.StockMovementCreateManyInput[] = fresh
      .filter((r) => r.onHand > 0)
      .map((r) => ({ variantId: r.variantId, locationId: r.locationId, kind: 'RECEIPT', onHandDelta: r.onHand, reservedDelta: 0, reference, note: 'opening stock (demo)' }));
    await tx.stockMovement.createMany({ data: movements });
    return fresh.length;
  });
}

/**
 * The museums' locations and the stock of every variant of their published demo products
 * (the bonded warehouse holds the Louvre's bestsellers only).
 */
export async function seedMuseumStock(prisma: PrismaService, museumIds: ReadonlyMap<string, string>): Promise<void> {
  await prisma.stockLocation.createMany({
    data: DEMO_LOCATIONS.map((l) => ({ id: locationId(l.museumSlug, l.code), museumId: museumIds.get(l.museumSlug)!, code: l.code, name: l.name, kind: l.kind, priority: l.priority })),
    skipDuplicates: true,
  });
  const rows: { locationId: string; variantId: string; onHand: number }[] = [];
  for (const [slug, museumId] of museumIds) {
    const locations = await prisma.stockLocation.findMany({ where: { museumId, code: { in: DEMO_LOCATIONS.filter((l) => l.museumSlug === slug).map((l) => l.code) } }, select: { id: true, kind: true } });
    // The demo's own SKUs only: never a product made by hand or the co-branded one.
    const demoVariantIds = demoProducts()
      .filter((p) => p.museumSlug === slug)
      .flatMap((p) => p.skus.map((sku) => stableId(`variant:${sku}`)));
    const variants = await prisma.productVariant.findMany({
      where: { museumId, id: { in: demoVariantIds }, product: { status: 'PUBLISHED' } },
      select: { id: true, sku: true, product: { select: { popularity: true } } },
      orderBy: { sku: 'asc' },
    });
    const bestsellers = new Set([...variants].sort((a, b) => b.product.popularity - a.product.popularity || a.sku.localeCompare(b.sku)).slice(0, 24).map((v) => v.id));
    for (const loc of locations) {
      const stocked = variants.filter((v) => loc.kind === 'EU_WAREHOUSE' || bestsellers.has(v.id)).sort((a, b) => hash(`rank:${a.sku}`) - hash(`rank:${b.sku}`) || a.sku.localeCompare(b.sku));
      const soldOut = loc.kind === 'EU_WAREHOUSE' && slug !== 'orsay';
      stocked.forEach((v, rank) => rows.push({ locationId: loc.id, variantId: v.id, onHand: demoOnHand(v.sku, rank, loc.kind, soldOut) }));
    }
  }
  await writeReceipts(prisma, rows, 'demo-opening-stock');
}
