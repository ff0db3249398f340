import { Prisma } from '@vitrine/shared/data-access';
import { allowHsCodes, createMuseum, createProduct, createTestDatabase, type TestDatabase } from '@vitrine/shared/testing';
import { PositiveListRepository } from '../infrastructure/positive-list.repository';
import { ProductRepository } from '../infrastructure/product.repository';
import { VariantStockCriterion } from '../infrastructure/variant-stock.criterion';
import { CatalogReadService } from './catalog-read.service';

describe('CatalogReadService (PostgreSQL)', () => {
  let db: TestDatabase;
  let service: CatalogReadService;

  beforeAll(async () => {
    db = await createTestDatabase();
    service = new CatalogReadService(new ProductRepository(db.prisma, new VariantStockCriterion()), new PositiveListRepository(db.prisma));
    await allowHsCodes(db.prisma, ['6214']);
  });
  afterAll(() => db.drop());

  it('says which variants can be sold to China, and why not', async () => {
    const open = await createMuseum(db.prisma);
    const closed = await createMuseum(db.prisma, { storefrontStatus: 'CLOSED' });
    const ok = await createProduct(db.prisma, open.id, { nameZh: '丝巾', variants: [{ priceMinor: 4_900, hsCode: '621410' }, { priceMinor: 500, hsCode: '850511' }] });
    const draft = await createProduct(db.prisma, open.id, { status: 'DRAFT' });
    const noZh = await createProduct(db.prisma, open.id, { descriptionZh: '' });
    const shut = await createProduct(db.prisma, closed.id);
    const ids = [ok.variants[0]!.id, ok.variants[1]!.id, draft.variants[0]!.id, noZh.variants[0]!.id, shut.variants[0]!.id];

    const rows = await service.variantsForCheckout([...ids, 'junk', '00000000-0000-4000-8000-000000000000', ids[0]!]);
    const byId = new Map(rows.map((r) => [r.variantId, r]));
    expect(rows).toHaveLength(5);
    expect(byId.get(ids[0]!)).toMatchObject({ productId: ok.id, museumId: open.id, name: '丝巾', priceEurMinor: 4_900, productStatus: 'PUBLISHED', listableForChina: true });
    expect(ids.slice(1).map((id) => byId.get(id)!.listableForChina)).toEqual([false, false, false, false]);
    expect(await service.variantsForCheckout([])).toEqual([]);

    // Read inside another statement (placeOrder's cart read): the same variants, field for field,
    // with a companion relation's value per product as variantsForCheckout answers it.
    const companion = Prisma.sql`(SELECT ${ok.id}::uuid AS product_id, 'brand-x'::text AS value)`;
    for (const extra of [undefined, companion]) {
      const rider = service.variantsForCheckoutRider(extra);
      const [read] = await db.prisma.$queryRaw<{ v: unknown }[]>`SELECT ${rider.sql(Prisma.sql`${ids}::uuid[]`)} AS v`;
      const viaRider = await rider.read(read!.v);
      const direct = await service.variantsForCheckout(ids, extra);
      const sorted = (list: { variantId: string }[]) => [...list].sort((a, b) => a.variantId.localeCompare(b.variantId));
      expect(sorted(viaRider)).toEqual(sorted(direct));
      if (extra) expect(viaRider.find((v) => v.variantId === ids[0])!.companion).toBe('brand-x');
    }
    const [none] = await db.prisma.$queryRaw<{ v: unknown }[]>`SELECT ${service.variantsForCheckoutRider().sql(Prisma.sql`ARRAY[]::uuid[]`)} AS v`;
    expect(await service.variantsForCheckoutRider().read(none!.v)).toEqual([]);
  });
});
