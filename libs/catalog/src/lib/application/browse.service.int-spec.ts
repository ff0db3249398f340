import { createMuseum, createProduct, createTestDatabase, type TestDatabase } from '@vitrine/shared/testing';
import { NotFoundError } from '@vitrine/shared/kernel';
import type { Prisma } from '@vitrine/shared/data-access';
import { ArtworkRepository } from '../infrastructure/artwork.repository';
import { CollectionRepository } from '../infrastructure/collection.repository';
import { FxRateRepository } from '../infrastructure/fx-rate.repository';
import { ProductRepository } from '../infrastructure/product.repository';
import { VariantStockCriterion } from '../infrastructure/variant-stock.criterion';
import { SearchService } from './search.service';
import { SearchSynonymRepository } from '../infrastructure/search-synonym.repository';
import { BrowseService } from './browse.service';
import { catalogSettingsFromEnv } from './catalog-settings';
import { FxRatesService } from './fx-rates.service';

describe('BrowseService product pages (PostgreSQL)', () => {
  let db: TestDatabase;
  let browse: BrowseService;
  const statements: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    const settings = catalogSettingsFromEnv({});
    const products = new ProductRepository(db.prisma, new VariantStockCriterion());
    // Records what the product pages send to PostgreSQL.
    const sql = db.prisma.sql;
    const query = sql.$queryRaw.bind(sql);
    sql.$queryRaw = ((statement: Prisma.Sql) => {
      statements.push(statement.text);
      return query(statement);
    }) as typeof sql.$queryRaw;
    browse = new BrowseService(products, new ArtworkRepository(db.prisma), new CollectionRepository(db.prisma), new FxRatesService(new FxRateRepository(db.prisma), settings), new SearchService(new SearchSynonymRepository(db.prisma), settings), settings);
  });
  afterAll(() => db.drop());

  it('reads the pages that requests ask for at the same moment in one statement, each with its own lists', async () => {
    const open = await createMuseum(db.prisma);
    const closed = await createMuseum(db.prisma, { storefrontStatus: 'CLOSED' });
    const published = await Promise.all(Array.from({ length: 12 }, (_, i) => createProduct(db.prisma, open.id, { nameZh: `商品 ${i}` })));
    const draft = await createProduct(db.prisma, open.id, { status: 'DRAFT' });
    const shut = await createProduct(db.prisma, closed.id);

    statements.length = 0;
    const pages = await Promise.all(published.map((p) => browse.product(p.id)));
    expect(statements).toHaveLength(1);
    expect(pages.map((p) => p.nameZh)).toEqual(published.map((_, i) => `商品 ${i}`));
    for (const [i, page] of pages.entries()) {
      expect(page.id).toBe(published[i]!.id);
      expect(page.variants.map((v) => v.id)).toEqual(published[i]!.variants.map((v) => v.id));
      expect(page.variants.every((v) => v.productId === page.id)).toBe(true);
    }

    // A product that is not public fails alone; the others in the same batch are answered.
    statements.length = 0;
    const mixed = await Promise.allSettled([browse.product(published[0]!.id), browse.product(draft.id), browse.product(shut.id), browse.product('junk')]);
    expect(statements).toHaveLength(1);
    expect(mixed[0]).toMatchObject({ status: 'fulfilled', value: { id: published[0]!.id } });
    for (const r of mixed.slice(1)) expect(r).toMatchObject({ status: 'rejected', reason: expect.any(NotFoundError) });

    // Nothing is cached: a change is seen by the next request.
    await db.prisma.product.update({ where: { id: published[1]!.id }, data: { nameZh: '改名' } });
    expect((await browse.product(published[1]!.id)).nameZh).toBe('改名');
  });
});
