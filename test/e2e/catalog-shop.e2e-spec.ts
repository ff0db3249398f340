import { allowHsCodes, createCollection, createMuseum, createProduct, createUser, setFxRate } from '@vitrine/shared/testing';
import { codeOf, startApi, type ApiHarness } from '../support/api-harness';
import { watchStatements } from '../support/sql-counter';

/**
 * The shop window over real HTTP: a shopper, not signed in, lists storefronts, browses and
 * searches products in three languages, and sees CNY prices converted from EUR.
 */

const PRODUCT_CARD = `
  id name description category crossBorderCategory publishedAt
  priceFrom { amount currency }
  fx { rate source }
  storefront { slug name }
  variants { id sku options price { amount currency } basePrice { amount currency } weightGrams hsCode originCountry }
  media { url alt position }
  inspiredBy { accessionNumber title artist period creditLine }
  collections { slug name }
`;
const PRODUCTS = `query($first: Int, $after: String, $filter: ProductFilter, $sort: ProductSort, $locale: Locale) {
  products(first: $first, after: $after, filter: $filter, sort: $sort, locale: $locale) {
    totalCount pageInfo { endCursor hasNextPage } nodes { ${PRODUCT_CARD} }
  }
}`;
const IDS = `query($first: Int, $after: String, $filter: ProductFilter, $sort: ProductSort) {
  products(first: $first, after: $after, filter: $filter, sort: $sort) { totalCount pageInfo { endCursor hasNextPage } nodes { id priceFrom { amount } } }
}`;
const PRODUCT = `query($id: ID!, $locale: Locale) { product(id: $id, locale: $locale) { ${PRODUCT_CARD} } }`;

// Setup starts the API on a fresh database; a loaded machine needs more than Jest's 5 s.
jest.setTimeout(30_000);

describe('shop window: storefronts and products for shoppers', () => {
  let api: ApiHarness;
  let managerToken: string;
  let adminToken: string;
  const ids: Record<string, string> = {};

  const asManager = async (query: string, variables: Record<string, unknown>) => {
    const r = await api.gql(query, variables, managerToken);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data;
  };
  const productIds = async (filter: Record<string, unknown>, sort = 'NEWEST') =>
    ((await api.gql(IDS, { first: 100, filter, sort })).data.products.nodes as { id: string }[]).map((n) => n.id);

  beforeAll(async () => {
    process.env['FX_RATE_CACHE_MS'] = '0';
    api = await startApi();
    const p = api.db.prisma;
    await allowHsCodes(p, ['6214', '4202', '4820']);
    const louvre = await createMuseum(p, { slug: 'louvre', nameEn: 'Louvre' });
    await p.storefront.update({ where: { museumId: louvre.id }, data: { nameZh: '卢浮宫', nameFr: 'Musée du Louvre', storyZh: '世界上最大的博物馆', storyEn: '' } });
    const orsay = await createMuseum(p, { slug: 'orsay', nameEn: 'Orsay' });
    const hidden = await createMuseum(p, { slug: 'not-yet-open', storefrontStatus: 'DRAFT' });
    Object.assign(ids, { louvre: louvre.id, orsay: orsay.id, hidden: hidden.id });
    const manager = await createUser(p, 'MUSEUM_MANAGER', { museumIds: [louvre.id] });
    const admin = await createUser(p, 'PLATFORM_ADMIN');
    managerToken = await api.login(manager.email);
    adminToken = await api.login(admin.email);
  });
  afterAll(() => api.close());

  it('refuses to show a price before any EUR→CNY rate exists, with a stable code', async () => {
    const product = await createProduct(api.db.prisma, ids['orsay']!);
    const r = await api.gql('query($id: ID!) { product(id: $id) { name priceFrom { amount } } }', { id: product.id });
    expect(codeOf(r)).toBe('FX_RATE_UNAVAILABLE');
    // The prices are set with the page (issue 18): asked through a fragment they still fail at their own
    // paths, and a query that asks no price needs no rate.
    const list = await api.gql('{ products(filter: { storefrontSlug: "orsay" }) { nodes { id ...P } } } fragment P on Product { variants { sku } }');
    expect(list.errors?.map((e) => [e.extensions?.['code'], e.path?.join('.')])).toEqual([['FX_RATE_UNAVAILABLE', 'products.nodes.0.variants']]);
    const names = await api.gql('query($id: ID!) { product(id: $id) { name media { url } } products { nodes { id name } } }', { id: product.id });
    expect(names.errors).toBeUndefined();
    expect(names.data.products.nodes.map((n: { id: string }) => n.id)).toEqual([product.id]);
    await api.db.prisma.product.delete({ where: { id: product.id } });
    await setFxRate(api.db.prisma, '7.8000');
  });

  it('lists only open storefronts, in the requested locale with fallback', async () => {
    const r = await api.gql('query($l: Locale) { storefronts(locale: $l) { totalCount nodes { slug name story status } } }', { l: 'en' });
    expect(r.data.storefronts.totalCount).toBe(2);
    expect(r.data.storefronts.nodes.map((n: { slug: string }) => n.slug)).toEqual(['louvre', 'orsay']);
    // English story is empty, so it falls back to zh-CN.
    expect(r.data.storefronts.nodes[0]).toMatchObject({ name: 'Louvre', story: '世界上最大的博物馆', status: 'OPEN' });
    const zh = await api.gql('{ storefront(slug: "louvre") { name } }');
    expect(zh.data.storefront.name).toBe('卢浮宫');
    const fr = await api.gql('{ storefront(slug: "louvre", locale: fr) { name } }');
    expect(fr.data.storefront.name).toBe('Musée du Louvre');
    expect(codeOf(await api.gql('{ storefront(slug: "not-yet-open") { name } }'))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql('{ storefront(slug: "nope") { name } }'))).toBe('NOT_FOUND');
  });

  it('finds the Mona Lisa items by 蒙娜丽莎, mona lisa and Joconde, created and published through the API', async () => {
    const work = (
      await asManager('mutation($i: CreateArtworkInput!) { createArtwork(input: $i) { id } }', {
        i: {
          museumId: ids['louvre'],
          accessionNumber: 'INV 779',
          title: { fr: 'Portrait de Lisa Gherardini, dite La Joconde', en: 'Mona Lisa', zhCN: '蒙娜丽莎' },
          artist: 'Léonard de Vinci',
          period: '1503–1519',
          creditLine: '© RMN-Grand Palais (musée du Louvre) / Michel Urtado',
        },
      })
    ).createArtwork;
    ids['monaLisa'] = work.id;
    const create = async (name: Record<string, string>, artworkIds: string[], sku: string, priceMinor: number) => {
      const product = (
        await asManager('mutation($i: CreateProductInput!) { createProduct(input: $i) { id status } }', {
          i: {
            museumId: ids['louvre'],
            category: 'scarves',
            crossBorderCategory: 'APPAREL',
            name,
            description: { zhCN: '100% 桑蚕丝，意大利印制。', en: 'Pure silk, printed in Italy.', fr: 'Pure soie, imprimée en Italie.' },
            variants: [{ sku, options: { colour: 'blue' }, priceMinor, weightGrams: 80, hsCode: '621410', originCountry: 'IT' }],
            media: [{ url: `https://img.example.test/${sku}.jpg`, alt: name['en'] ?? '' }],
            artworkIds,
          },
        })
      ).createProduct;
      expect(product.status).toBe('DRAFT');
      await asManager('mutation($id: ID!) { publishProduct(id: $id) { status } }', { id: product.id });
      return product.id as string;
    };
    // The name says nothing of the Mona Lisa: the credited work makes it findable.
    ids['scarf'] = await create({ zhCN: '文艺复兴真丝方巾', en: 'Renaissance silk square', fr: 'Carré de soie Renaissance' }, [work.id], 'LV-SCARF-1', 4_900);
    ids['plain'] = await create({ zhCN: '卢浮宫金字塔围巾', en: 'Pyramid scarf', fr: 'Foulard Pyramide' }, [], 'LV-SCARF-2', 3_500);

    for (const search of ['蒙娜丽莎', 'mona lisa', 'Joconde', 'MONA', 'léonard', 'leonard de vinci']) {
      expect({ search, found: await productIds({ search }) }).toEqual({ search, found: [ids['scarf']] });
    }
    expect(await productIds({ search: '金字塔' })).toEqual([ids['plain']]);
    expect(await productIds({ search: 'van gogh' })).toEqual([]);
    expect(await productIds({ search: '%' })).toEqual([]);
  });

  it('shows a product with variants, media, works, CNY prices from the EUR base and text in the asked locale', async () => {
    const r = await api.gql(PRODUCT, { id: ids['scarf'], locale: 'fr' });
    expect(r.errors).toBeUndefined();
    const p = r.data.product;
    expect(p.name).toBe('Carré de soie Renaissance');
    expect(p.storefront).toEqual({ slug: 'louvre', name: 'Musée du Louvre' });
    // 49.00 EUR × 7.8 × 1.03 (default margin 300 bps) = 393.666 → rounded up to 394 yuan.
    expect(p.priceFrom).toEqual({ amount: 39_400, currency: 'CNY' });
    expect(p.fx).toEqual({ rate: '7.8', source: 'test' });
    expect(p.variants).toEqual([
      expect.objectContaining({ sku: 'LV-SCARF-1', options: { colour: 'blue' }, price: { amount: 39_400, currency: 'CNY' }, basePrice: { amount: 4_900, currency: 'EUR' }, hsCode: '621410', originCountry: 'IT' }),
    ]);
    expect(p.media).toEqual([{ url: 'https://img.example.test/LV-SCARF-1.jpg', alt: 'Renaissance silk square', position: 0 }]);
    expect(p.inspiredBy).toEqual([
      {
        accessionNumber: 'INV 779',
        title: 'Portrait de Lisa Gherardini, dite La Joconde',
        artist: 'Léonard de Vinci',
        period: '1503–1519',
        creditLine: '© RMN-Grand Palais (musée du Louvre) / Michel Urtado',
      },
    ]);
    const zh = (await api.gql(PRODUCT, { id: ids['scarf'] })).data.product;
    expect([zh.name, zh.inspiredBy[0].title]).toEqual(['文艺复兴真丝方巾', '蒙娜丽莎']);
  });

  it('falls back zh-CN, en, fr when the asked locale has no text', async () => {
    const onlyFr = await createProduct(api.db.prisma, ids['orsay']!, { nameFr: 'Seulement en français', nameEn: '', nameZh: '' });
    const en = await api.gql(PRODUCT, { id: onlyFr.id, locale: 'en' });
    expect(en.data.product.name).toBe('Seulement en français');
    const enZh = await createProduct(api.db.prisma, ids['orsay']!, { nameFr: 'Nom', nameEn: '', nameZh: '名字' });
    expect((await api.gql(PRODUCT, { id: enZh.id, locale: 'en' })).data.product.name).toBe('名字');
    await api.db.prisma.product.deleteMany({ where: { id: { in: [onlyFr.id, enZh.id] } } });
  });

  it('follows a new FX rate at once after an operator sets it', async () => {
    const set = await api.gql('mutation($i: SetFxRateInput!) { setFxRate(input: $i) { rate } }', { i: { rate: '8.0000', source: 'ECB' } }, adminToken);
    expect(set.data.setFxRate.rate).toBe('8');
    // 49.00 × 8 × 1.03 = 403.76 → 404 yuan
    expect((await api.gql(PRODUCT, { id: ids['scarf'] })).data.product.priceFrom.amount).toBe(40_400);
    await setFxRate(api.db.prisma, '7.8000');
  });

  it('hides drafts, archived products, closed storefronts and malformed ids behind NOT_FOUND', async () => {
    const p = api.db.prisma;
    const draft = await createProduct(p, ids['louvre']!, { status: 'DRAFT' });
    const archived = await createProduct(p, ids['louvre']!, { status: 'ARCHIVED' });
    const inHidden = await createProduct(p, ids['hidden']!);
    for (const id of [draft.id, archived.id, inHidden.id, 'not-a-uuid', '00000000-0000-4000-8000-000000000000']) {
      const r = await api.gql(PRODUCT, { id });
      expect([id, codeOf(r), r.data]).toEqual([id, 'NOT_FOUND', null]);
    }
    const listed = await productIds({});
    expect(listed).not.toEqual(expect.arrayContaining([draft.id]));
    expect(listed).not.toContain(archived.id);
    expect(listed).not.toContain(inHidden.id);
    expect(await productIds({ storefrontSlug: 'not-yet-open' })).toEqual([]);
    await p.product.deleteMany({ where: { id: { in: [draft.id, archived.id, inHidden.id] } } });
  });

  describe('filters, sorts and cursor pagination', () => {
    const made: { id: string; price: number; popularity: number; createdAt: Date }[] = [];
    let collectionId: string;

    beforeAll(async () => {
      const p = api.db.prisma;
      collectionId = (await createCollection(p, ids['orsay']!, { slug: 'impressionists' })).id;
      const base = Date.parse('2026-01-01T00:00:00Z');
      for (let i = 0; i < 30; i++) {
        // Repeated prices and popularity make ties that only the id can break.
        const price = 1_000 + (i % 7) * 250;
        const popularity = (i * 37) % 11;
        const createdAt = new Date(base + Math.floor(i / 2) * 60_000);
        const row = await createProduct(p, ids['orsay']!, {
          category: i % 3 === 0 ? 'prints' : 'stationery',
          popularity,
          createdAt,
          variants: [{ priceMinor: price }, { priceMinor: price + 500 }],
          collectionIds: i % 4 === 0 ? [collectionId] : [],
        });
        made.push({ id: row.id, price, popularity, createdAt });
      }
    });

    async function walk(sort: string, first: number, filter: Record<string, unknown> = { storefrontSlug: 'orsay' }) {
      const seen: string[] = [];
      let after: string | null = null;
      for (let guard = 0; guard < 50; guard++) {
        const r: any = await api.gql(IDS, { first, after, sort, filter });
        expect(r.errors).toBeUndefined();
        seen.push(...r.data.products.nodes.map((n: { id: string }) => n.id));
        expect(r.data.products.totalCount).toBe(made.length);
        if (!r.data.products.pageInfo.hasNextPage) return seen;
        after = r.data.products.pageInfo.endCursor;
      }
      throw new Error('pagination did not end');
    }

    const byKeyThenId = <T>(key: (m: (typeof made)[number]) => T, dir: 1 | -1) =>
      [...made].sort((a, b) => (key(a) < key(b) ? -dir : key(a) > key(b) ? dir : a.id < b.id ? -dir : dir)).map((m) => m.id);

    it.each([
      ['NEWEST', () => byKeyThenId((m) => m.createdAt.getTime(), -1)],
      ['PRICE_ASC', () => byKeyThenId((m) => m.price, 1)],
      ['PRICE_DESC', () => byKeyThenId((m) => m.price, -1)],
      ['POPULARITY', () => byKeyThenId((m) => m.popularity, -1)],
    ] as const)('walks every page sorted by %s without gaps or repeats', async (sort, expected) => {
      expect(await walk(sort, 7)).toEqual(expected());
      expect(await walk(sort, 100)).toEqual(expected());
    });

    it('filters by collection, work, category and CNY price range', async () => {
      expect((await productIds({ collectionId })).sort()).toEqual(made.filter((_, i) => i % 4 === 0).map((m) => m.id).sort());
      expect(await productIds({ artworkId: ids['monaLisa'] })).toEqual([ids['scarf']]);
      expect((await productIds({ storefrontSlug: 'orsay', category: 'prints' })).sort()).toEqual(made.filter((_, i) => i % 3 === 0).map((m) => m.id).sort());
      // 12.50 EUR → 12.5 × 7.8 × 1.03 = 100.43 → 101 yuan; 15.00 EUR → 120.51 → 121 yuan.
      const inRange = await productIds({ storefrontSlug: 'orsay', minPriceCny: 10_100, maxPriceCny: 12_100 });
      expect(inRange.sort()).toEqual(made.filter((m) => m.price === 1_250 || m.price === 1_500).map((m) => m.id).sort());
      const prices = ((await api.gql(IDS, { first: 100, filter: { storefrontSlug: 'orsay', minPriceCny: 10_100, maxPriceCny: 12_100 } })).data.products.nodes as any[]).map((n) => n.priceFrom.amount);
      expect(new Set(prices)).toEqual(new Set([10_100, 12_100]));
      expect(await productIds({ minPriceCny: 12_100, maxPriceCny: 10_100 })).toEqual([]);
      expect(await productIds({ collectionId: 'not-an-id' })).toEqual([]);
    });

    it('refuses page sizes over 100, foreign cursors and negative prices without answering data', async () => {
      expect(codeOf(await api.gql(IDS, { first: 101 }))).toBe('VALIDATION_FAILED');
      expect(codeOf(await api.gql(IDS, { first: 0 }))).toBe('VALIDATION_FAILED');
      expect(codeOf(await api.gql(IDS, { after: 'garbage' }))).toBe('VALIDATION_FAILED');
      const page = await api.gql(IDS, { first: 2, sort: 'PRICE_ASC' });
      const r = await api.gql(IDS, { first: 2, sort: 'NEWEST', after: page.data.products.pageInfo.endCursor });
      expect(codeOf(r)).toBe('VALIDATION_FAILED');
      expect(r.errors![0].extensions!['fields']).toEqual([expect.objectContaining({ path: 'after' })]);
      const neg = await api.gql(IDS, { filter: { minPriceCny: -1 } });
      expect(neg.errors![0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ path: 'filter.minPriceCny' })] });
    });

    it('runs the product list in a fixed number of SQL statements whatever the page size (no N+1)', async () => {
      const sql = watchStatements(api.db.name);
      try {
        const counts: number[] = [];
        for (const first of [1, 10, 30]) {
          sql.take();
          const r = await api.gql(PRODUCTS, { first, filter: { storefrontSlug: 'orsay' } });
          expect(r.errors).toBeUndefined();
          expect(r.data.products.nodes).toHaveLength(first);
          counts.push(sql.take().length);
        }
        // The page with its variants and media (one statement), count, FX rate, storefronts,
        // works, collections: one statement each, whatever the page size. A first page of 30
        // holds every Orsay product, so its total is the page's length and nothing is counted.
        expect(counts).toEqual([6, 6, 5]);
      } finally {
        sql.restore();
      }
    });

    it('opens a product page in one statement for the product, its variants, media and works', async () => {
      const sql = watchStatements(api.db.name);
      try {
        sql.take();
        const r = await api.gql(PRODUCT, { id: ids['scarf'], locale: 'fr' });
        expect(r.errors).toBeUndefined();
        expect(r.data.product.variants.length).toBeGreaterThan(0);
        expect(r.data.product.inspiredBy.length).toBeGreaterThan(0);
        const statements = sql.take();
        // The page, the FX rate, the storefront and the collections (asked for by this card); no
        // statement for variants, media or works.
        expect(statements.filter((s) => /product_variants|product_media|product_artworks/.test(s) && !/json_agg/.test(s))).toEqual([]);
        expect(statements).toHaveLength(4);
      } finally {
        sql.restore();
      }
    });
  });

  it('lists the works of a storefront that have products a shopper can buy', async () => {
    const p = api.db.prisma;
    await p.artwork.create({
      data: { museumId: ids['louvre']!, accessionNumber: 'MA 399', titleFr: 'Vénus de Milo', titleEn: 'Venus de Milo', titleZh: '米洛的维纳斯', artist: 'Anonyme', period: '150–125 av. J.-C.', creditLine: '© Louvre' },
    });
    const r = await api.gql('{ artworks(storefrontSlug: "louvre", locale: en) { totalCount nodes { id accessionNumber title } } }');
    expect(r.data.artworks).toEqual({ totalCount: 1, nodes: [{ id: ids['monaLisa'], accessionNumber: 'INV 779', title: 'Mona Lisa' }] });
    expect((await api.gql('{ artworks(storefrontSlug: "not-yet-open") { totalCount } }')).data.artworks.totalCount).toBe(0);
  });
});
