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
import { ShopWindowCaches } from '@vitrine/shared/data-access';

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

describe('BrowseService list cards kept per (id, updated_at) (PostgreSQL)', () => {
  let db: TestDatabase;
  const statements: string[] = [];
  const caches = new ShopWindowCaches();
  /** Runs once, when the cards' statement is sent (a clear while the cards are read). */
  let onCards: (() => void) | null = null;
  const make = (env: NodeJS.ProcessEnv) => {
    const settings = catalogSettingsFromEnv(env);
    const products = new ProductRepository(db.prisma, new VariantStockCriterion());
    return new BrowseService(products, new ArtworkRepository(db.prisma), new CollectionRepository(db.prisma), new FxRatesService(new FxRateRepository(db.prisma), settings), new SearchService(new SearchSynonymRepository(db.prisma), settings), settings, caches);
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    for (const session of [db.prisma.sql, db.prisma.sqlPlanned]) {
      const query = session.$queryRaw.bind(session);
      session.$queryRaw = ((statement: Prisma.Sql) => {
        statements.push(statement.text);
        if (onCards && statement.text.includes('p.id = ANY(')) {
          onCards();
          onCards = null;
        }
        return query(statement);
      }) as typeof session.$queryRaw;
    }
  });
  afterAll(() => db.drop());

  it('reads only the keys once the cards are held, a card again when its product changes, all again after a purge', async () => {
    const browse = make({});
    const museum = await createMuseum(db.prisma);
    const slug = museum.slug;
    const made = await Promise.all(Array.from({ length: 3 }, (_, i) => createProduct(db.prisma, museum.id, { nameZh: `卡 ${i}`, popularity: 10 - i })));
    const list = async () => (await browse.listProducts({ take: 2, sort: 'POPULARITY', after: null, storefrontSlug: slug })).rows;

    statements.length = 0;
    const first = await list();
    expect(first.map((r) => r.nameZh)).toEqual(['卡 0', '卡 1', '卡 2']);
    expect(first[0]!.variants.map((v) => v.id)).toEqual(made[0]!.variants.map((v) => v.id));
    expect(first[0]!.media).toHaveLength(1);
    expect(statements).toHaveLength(2);

    statements.length = 0;
    expect((await list()).map((r) => r.nameZh)).toEqual(['卡 0', '卡 1', '卡 2']);
    expect(statements).toHaveLength(1);

    // A product edit moves updated_at (the manager's update always does): that card is read again.
    await db.prisma.product.update({ where: { id: made[1]!.id }, data: { nameZh: '改名' } });
    statements.length = 0;
    expect((await list()).map((r) => r.nameZh)).toEqual(['卡 0', '改名', '卡 2']);
    expect(statements).toHaveLength(2);

    // A change behind the product row's back shows after the shop window's purge (or the bound).
    await db.prisma.productVariant.updateMany({ where: { productId: made[0]!.id }, data: { priceMinor: 4_321 } });
    expect((await list())[0]!.variants[0]!.priceMinor).toBe(1_000);
    caches.clearAll();
    expect((await list())[0]!.variants[0]!.priceMinor).toBe(4_321);

    // Cards read while a purge happened answer this page but are not kept.
    caches.clearAll();
    onCards = () => caches.clearAll();
    await list();
    statements.length = 0;
    await list();
    expect(statements).toHaveLength(2);
  });

  it('keeps nothing with the shop window caches off: one statement a page, the cards with it', async () => {
    const browse = make({ PUBLIC_CACHE_SECONDS: '0' });
    const museum = await createMuseum(db.prisma);
    const slug = museum.slug;
    await createProduct(db.prisma, museum.id, { nameZh: '无缓存' });
    for (let i = 0; i < 2; i++) {
      statements.length = 0;
      expect((await browse.listProducts({ take: 24, sort: 'NEWEST', after: null, storefrontSlug: slug })).rows.map((r) => r.nameZh)).toEqual(['无缓存']);
      expect(statements).toHaveLength(1);
    }
  });
});
