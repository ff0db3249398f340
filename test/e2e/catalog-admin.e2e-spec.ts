import { ListingGuards } from '@vitrine/catalog';
import { DomainError } from '@vitrine/shared/kernel';
import { allowHsCodes, createArtwork, createCollection, createMuseum, createProduct, createUser, setFxRate } from '@vitrine/shared/testing';
import { codeOf, startApi, type ApiHarness, type GqlResult } from '../support/api-harness';

/**
 * A museum manager's back office over real HTTP: products and variants through their
 * lifecycle, publishing for China, works and collections; another museum is invisible.
 */

const MANAGED = `id museumId status category crossBorderCategory name { fr en zhCN } description { fr en zhCN }
  variants { id sku options priceMinor basePrice { amount currency } weightGrams hsCode originCountry }
  media { url alt position } artworks { id accessionNumber } collections { id slug }
  listableForChina listingProblems { code path message } publishedAt`;
const CREATE = `mutation($i: CreateProductInput!) { createProduct(input: $i) { ${MANAGED} } }`;
const UPDATE = `mutation($i: UpdateProductInput!) { updateProduct(input: $i) { ${MANAGED} } }`;
const PUBLISH = 'mutation($id: ID!) { publishProduct(id: $id) { id status publishedAt } }';
const MANAGED_PRODUCT = `query($id: ID!) { managedProduct(id: $id) { ${MANAGED} } }`;
const SHOP_PRODUCT = 'query($id: ID!) { product(id: $id) { id name priceFrom { amount } variants { sku } } }';
const SEARCH = 'query($s: String!) { products(filter: { search: $s }) { nodes { id } } }';

const fieldPaths = (r: GqlResult) => (r.errors?.[0]?.extensions?.['fields'] as { path: string }[] | undefined)?.map((f) => f.path).sort();

// Setup starts the API on a fresh database; a loaded machine needs more than Jest's 5 s.
jest.setTimeout(30_000);

describe('back office: products, works and collections of a museum', () => {
  let api: ApiHarness;
  let mine: { id: string };
  let theirs: { id: string };
  let token: string;
  let otherToken: string;
  let adminToken: string;

  const variant = (sku: string, over: Record<string, unknown> = {}) => ({ sku, options: { size: 'M' }, priceMinor: 2_500, weightGrams: 150, hsCode: '420222', originCountry: 'FR', ...over });
  const draftInput = (over: Record<string, unknown> = {}) => ({
    museumId: mine.id,
    category: 'bags',
    crossBorderCategory: 'GENERAL',
    name: { fr: 'Sac cabas Nymphéas', en: 'Water Lilies tote bag' },
    description: { fr: 'Coton bio.', en: 'Organic cotton.' },
    variants: [variant('TOTE-1')],
    media: [{ url: 'https://img.example.test/tote.jpg', alt: 'Tote' }],
    ...over,
  });
  const ok = async (query: string, variables: Record<string, unknown>, as = token) => {
    const r = await api.gql(query, variables, as);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data;
  };
  const countRows = async () => {
    const p = api.db.prisma;
    return Promise.all([p.product.count(), p.productVariant.count(), p.productMedia.count(), p.productArtwork.count(), p.productCollection.count(), p.artwork.count(), p.collection.count()]);
  };

  beforeAll(async () => {
    api = await startApi();
    const p = api.db.prisma;
    await setFxRate(p, '7.8000');
    await allowHsCodes(p, ['4202', '6214', '4911']);
    mine = await createMuseum(p, { slug: 'orangerie' });
    theirs = await createMuseum(p, { slug: 'rival' });
    token = await api.login((await createUser(p, 'MUSEUM_MANAGER', { museumIds: [mine.id] })).email);
    otherToken = await api.login((await createUser(p, 'MUSEUM_MANAGER', { museumIds: [theirs.id] })).email);
    adminToken = await api.login((await createUser(p, 'PLATFORM_ADMIN')).email);
  });
  afterAll(() => api.close());

  it('creates a draft with variants, media, works and collections; bad input names every field and writes nothing', async () => {
    const work = await createArtwork(api.db.prisma, mine.id, { accessionNumber: 'RF 1922', titleEn: 'Water Lilies' });
    const collection = await createCollection(api.db.prisma, mine.id, { slug: 'monet' });
    const foreignWork = await createArtwork(api.db.prisma, theirs.id);
    const before = await countRows();

    const bad = await api.gql(
      CREATE,
      {
        i: draftInput({
          category: 'Not A Slug',
          variants: [variant('DUP'), variant('dup', { priceMinor: -5, hsCode: '42', originCountry: 'France' })],
          media: [{ url: 'http://insecure.example.test/a.jpg' }],
          artworkIds: [foreignWork.id],
        }),
      },
      token,
    );
    expect(codeOf(bad)).toBe('VALIDATION_FAILED');
    expect(fieldPaths(bad)).toEqual([
      'input.category',
      'input.media.0.url',
      'input.variants.1.hsCode',
      'input.variants.1.originCountry',
      'input.variants.1.priceMinor',
      'input.variants.1.sku',
    ]);
    const foreign = await api.gql(CREATE, { i: draftInput({ artworkIds: [foreignWork.id], collectionIds: [collection.id, '00000000-0000-4000-8000-000000000000'] }) }, token);
    expect(fieldPaths(foreign)).toEqual(['input.artworkIds.0', 'input.collectionIds.1']);
    expect(await countRows()).toEqual(before);

    const created = (await ok(CREATE, { i: draftInput({ artworkIds: [work.id], collectionIds: [collection.id] }) })).createProduct;
    expect(created).toMatchObject({
      museumId: mine.id,
      status: 'DRAFT',
      name: { fr: 'Sac cabas Nymphéas', en: 'Water Lilies tote bag', zhCN: '' },
      variants: [{ sku: 'TOTE-1', options: { size: 'M' }, priceMinor: 2_500, basePrice: { amount: 2_500, currency: 'EUR' }, hsCode: '420222' }],
      media: [{ url: 'https://img.example.test/tote.jpg', alt: 'Tote', position: 0 }],
      artworks: [{ id: work.id, accessionNumber: 'RF 1922' }],
      collections: [{ id: collection.id, slug: 'monet' }],
      listableForChina: false,
      publishedAt: null,
    });
    expect(created.listingProblems.map((p: { code: string }) => p.code)).toEqual(['MISSING_ZH_NAME', 'MISSING_ZH_DESCRIPTION']);
    // A draft is not in the shop.
    expect(codeOf(await api.gql(SHOP_PRODUCT, { id: created.id }))).toBe('NOT_FOUND');
  });

  it('refuses a SKU another product of the museum uses, with its field, and allows it in another museum', async () => {
    const first = (await ok(CREATE, { i: draftInput({ variants: [variant('MUG-1')] }) })).createProduct;
    const before = await countRows();
    const r = await api.gql(CREATE, { i: draftInput({ variants: [variant('OTHER'), variant('mug-1')] }) }, token);
    expect(r.errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.variants.1.sku' });
    expect(await countRows()).toEqual(before);
    const elsewhere = await api.gql(CREATE, { i: draftInput({ museumId: theirs.id, variants: [variant('MUG-1')] }) }, otherToken);
    expect(elsewhere.errors).toBeUndefined();
    expect(first.id).toBeDefined();
  });

  it('refuses to publish for China without zh-CN text or an allowed HS code, naming each reason, and changes nothing', async () => {
    const draft = (await ok(CREATE, { i: draftInput({ variants: [variant('MAGNET-1', { hsCode: '850511' }), variant('MAGNET-2')] }) })).createProduct;
    const r = await api.gql(PUBLISH, { id: draft.id }, token);
    expect(codeOf(r)).toBe('NOT_LISTABLE_FOR_CHINA');
    expect(r.errors![0].extensions!['reasons']).toEqual([
      expect.objectContaining({ code: 'MISSING_ZH_NAME', path: 'name.zhCN' }),
      expect.objectContaining({ code: 'MISSING_ZH_DESCRIPTION', path: 'description.zhCN' }),
      expect.objectContaining({ code: 'HS_CODE_NOT_ALLOWED', path: 'variants.0.hsCode' }),
    ]);
    expect((await api.db.prisma.product.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe('DRAFT');

    const fixed = (
      await ok(UPDATE, {
        i: {
          id: draft.id,
          name: { zhCN: '睡莲帆布袋' },
          description: { zhCN: '有机棉。' },
          variants: [
            { id: draft.variants[0].id, ...variant('MAGNET-1', { hsCode: '420222', priceMinor: 1_900 }) },
            variant('MAGNET-2', { priceMinor: 2_900 }),
          ],
        },
      })
    ).updateProduct;
    // Partial text update keeps the other locales; variants matched by id and by SKU keep their ids.
    expect(fixed.name).toEqual({ fr: 'Sac cabas Nymphéas', en: 'Water Lilies tote bag', zhCN: '睡莲帆布袋' });
    expect(fixed.variants.map((v: { id: string }) => v.id)).toEqual(draft.variants.map((v: { id: string }) => v.id));
    expect(fixed.listableForChina).toBe(true);

    const published = (await ok(PUBLISH, { id: draft.id })).publishProduct;
    expect(published.status).toBe('PUBLISHED');
    expect(published.publishedAt).toBeTruthy();
    const shop = (await api.gql(SHOP_PRODUCT, { id: draft.id })).data.product;
    // From 19.00 EUR: 19 × 7.8 × 1.03 = 152.646 → 153 yuan.
    expect(shop).toMatchObject({ name: '睡莲帆布袋', priceFrom: { amount: 15_300 } });
  });

  it('keeps a published product listable: an edit that breaks it is refused whole', async () => {
    const p = await createProduct(api.db.prisma, mine.id, { variants: [{ sku: 'PUB-1', priceMinor: 1_000, hsCode: '621410' }] });
    const before = await api.db.prisma.product.findUniqueOrThrow({ where: { id: p.id }, include: { variants: true } });
    for (const i of [
      { id: p.id, name: { zhCN: null }, category: 'renamed' },
      { id: p.id, variants: [variant('PUB-1', { hsCode: '850511' })] },
      { id: p.id, variants: [] },
    ]) {
      expect(codeOf(await api.gql(UPDATE, { i }, token))).toBe('NOT_LISTABLE_FOR_CHINA');
    }
    expect(await api.db.prisma.product.findUniqueOrThrow({ where: { id: p.id }, include: { variants: true } })).toEqual(before);
  });

  it('replaces variants, media and links on update and keeps the lowest price in step', async () => {
    const work = await createArtwork(api.db.prisma, mine.id, { accessionNumber: 'RF 2000', titleEn: 'Clouds' });
    const p = (await ok(CREATE, { i: draftInput({ variants: [variant('REP-A', { priceMinor: 5_000 }), variant('REP-B', { priceMinor: 4_000 })] }) })).createProduct;
    const u = (
      await ok(UPDATE, {
        i: { id: p.id, variants: [variant('REP-B', { priceMinor: 3_000 }), variant('REP-C', { priceMinor: 6_000 })], media: [], artworkIds: [work.id] },
      })
    ).updateProduct;
    expect(u.variants.map((v: { sku: string; priceMinor: number }) => [v.sku, v.priceMinor])).toEqual([
      ['REP-B', 3_000],
      ['REP-C', 6_000],
    ]);
    expect(u.variants[0].id).toBe(p.variants[1].id);
    expect(u.media).toEqual([]);
    expect(u.artworks.map((a: { id: string }) => a.id)).toEqual([work.id]);
    expect(await api.db.prisma.productVariant.count({ where: { sku: 'REP-A' } })).toBe(0);
    expect((await api.db.prisma.product.findUniqueOrThrow({ where: { id: p.id } })).minPriceEurCents).toBe(3_000);
    const notMine = await api.gql(UPDATE, { i: { id: p.id, variants: [{ id: '00000000-0000-4000-8000-000000000000', ...variant('X') }] } }, token);
    expect(fieldPaths(notMine)).toEqual(['input.variants.0.id']);
  });

  it('moves products through draft, published and archived, and deletes only drafts', async () => {
    const p = await createProduct(api.db.prisma, mine.id, { status: 'DRAFT' });
    const status = async (q: string) => (await ok(`mutation($id: ID!) { ${q}(id: $id) { status } }`, { id: p.id }))[q].status;
    expect(await status('publishProduct')).toBe('PUBLISHED');
    expect(await status('archiveProduct')).toBe('ARCHIVED');
    expect(codeOf(await api.gql(SHOP_PRODUCT, { id: p.id }))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql('mutation($id: ID!) { deleteProduct(id: $id) }', { id: p.id }, token))).toBe('CONFLICT');
    expect(await status('unpublishProduct')).toBe('DRAFT');
    expect((await ok('mutation($id: ID!) { deleteProduct(id: $id) }', { id: p.id })).deleteProduct).toBe(true);
    expect(await api.db.prisma.product.count({ where: { id: p.id } })).toBe(0);
  });

  it('sets one status on many products, reporting those that cannot take it', async () => {
    const good = await createProduct(api.db.prisma, mine.id, { status: 'DRAFT' });
    const noZh = await createProduct(api.db.prisma, mine.id, { status: 'DRAFT', nameZh: '' });
    const foreign = await createProduct(api.db.prisma, theirs.id, { status: 'DRAFT' });
    const BULK = 'mutation($ids: [ID!]!) { bulkSetProductStatus(ids: $ids, status: PUBLISHED) { updated failed { id code } } }';
    expect(codeOf(await api.gql(BULK, { ids: [good.id, foreign.id] }, token))).toBe('NOT_FOUND');
    expect((await api.db.prisma.product.findUniqueOrThrow({ where: { id: good.id } })).status).toBe('DRAFT');
    const r = (await ok(BULK, { ids: [good.id, noZh.id] })).bulkSetProductStatus;
    expect(r).toEqual({ updated: [good.id], failed: [{ id: noZh.id, code: 'NOT_LISTABLE_FOR_CHINA' }] });
    expect((await api.db.prisma.product.findUniqueOrThrow({ where: { id: noZh.id } })).status).toBe('DRAFT');
  });

  it('lets another context add a publishing rule (a listing guard) that refuses with its own code', async () => {
    const blocked = await createProduct(api.db.prisma, mine.id, { status: 'DRAFT' });
    const free = await createProduct(api.db.prisma, mine.id, { status: 'DRAFT' });
    api.app.get(ListingGuards).register({
      async beforePublish(productId) {
        if (productId === blocked.id) throw new DomainError('LISTING_NOT_ALLOWED', 'outside its licence term');
      },
    });
    expect(codeOf(await api.gql(PUBLISH, { id: blocked.id }, token))).toBe('LISTING_NOT_ALLOWED');
    expect((await api.db.prisma.product.findUniqueOrThrow({ where: { id: blocked.id } })).status).toBe('DRAFT');
    const bulk = await ok('mutation($ids: [ID!]!) { bulkSetProductStatus(ids: $ids, status: PUBLISHED) { updated failed { id code } } }', { ids: [free.id, blocked.id] });
    expect(bulk.bulkSetProductStatus).toEqual({ updated: [free.id], failed: [{ id: blocked.id, code: 'LISTING_NOT_ALLOWED' }] });
  });

  it('lets an operator keep the positive list, which publishing then follows', async () => {
    const magnet = (await ok(CREATE, { i: draftInput({ name: { en: 'Magnet', zhCN: '冰箱贴' }, description: { zhCN: '树脂' }, variants: [variant('MAG-OP', { hsCode: '850511' })] }) })).createProduct;
    expect(codeOf(await api.gql(PUBLISH, { id: magnet.id }, token))).toBe('NOT_LISTABLE_FOR_CHINA');
    const SET = 'mutation($i: PositiveListEntryInput!) { setPositiveListEntry(input: $i) { hsPrefix description } }';
    expect(codeOf(await api.gql(SET, { i: { hsPrefix: '8505', description: 'Magnets' } }, token))).toBe('FORBIDDEN');
    expect(fieldPaths(await api.gql(SET, { i: { hsPrefix: '85', description: '' } }, adminToken))).toEqual(['input.description', 'input.hsPrefix']);
    expect((await ok(SET, { i: { hsPrefix: '8505', description: 'Permanent magnets' } }, adminToken)).setPositiveListEntry).toEqual({ hsPrefix: '8505', description: 'Permanent magnets' });
    const list = (await ok('{ positiveList { hsPrefix } }', {})).positiveList.map((e: { hsPrefix: string }) => e.hsPrefix);
    expect(list).toContain('8505');
    expect((await ok(PUBLISH, { id: magnet.id })).publishProduct.status).toBe('PUBLISHED');
    expect((await ok('mutation { removePositiveListEntry(hsPrefix: "8505") }', {}, adminToken)).removePositiveListEntry).toBe(true);
    expect(codeOf(await api.gql('mutation { removePositiveListEntry(hsPrefix: "8505") }', {}, adminToken))).toBe('NOT_FOUND');
    // Listed products are checked again at their next edit.
    expect(codeOf(await api.gql(UPDATE, { i: { id: magnet.id, category: 'souvenirs' } }, token))).toBe('NOT_LISTABLE_FOR_CHINA');
  });

  it('lists, filters and searches only the manager’s own products', async () => {
    await createProduct(api.db.prisma, theirs.id, { nameEn: 'Rival secret' });
    const LIST = `query($m: ID, $f: ManagedProductFilter, $after: String, $sort: ManagedProductSort) {
      managedProducts(museumId: $m, filter: $f, first: 3, after: $after, sort: $sort) { totalCount pageInfo { endCursor hasNextPage } nodes { id museumId status name { en } } } }`;
    const all: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const page: any = (await ok(LIST, { after, sort: 'NAME' })).managedProducts;
      total = page.totalCount;
      expect(page.nodes.every((n: { museumId: string }) => n.museumId === mine.id)).toBe(true);
      all.push(...page.nodes.map((n: { id: string }) => n.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(all).toHaveLength(total);
    expect(new Set(all).size).toBe(total);
    expect(total).toBe(await api.db.prisma.product.count({ where: { museumId: mine.id } }));

    const drafts = (await ok(LIST, { f: { status: 'DRAFT' } })).managedProducts;
    expect(drafts.nodes.every((n: { status: string }) => n.status === 'DRAFT')).toBe(true);
    const found = (await ok(LIST, { f: { search: 'nymphéas' } })).managedProducts;
    expect(found.totalCount).toBeGreaterThan(0);
    expect((await ok(LIST, { f: { search: 'rival secret' } })).managedProducts.totalCount).toBe(0);
    expect(codeOf(await api.gql(LIST, { m: theirs.id }, token))).toBe('NOT_FOUND');
    // The operator sees every museum.
    expect((await ok(LIST, { f: { search: 'rival secret' } }, adminToken)).managedProducts.totalCount).toBe(1);
  });

  it('answers NOT_FOUND, with no data and no change, for another museum’s product, work, collection and settings', async () => {
    const p = api.db.prisma;
    const product = await createProduct(p, theirs.id, { status: 'DRAFT', nameEn: 'Theirs' });
    const work = await createArtwork(p, theirs.id);
    const collection = await createCollection(p, theirs.id);
    const before = await countRows();
    const attempts: [string, Record<string, unknown>][] = [
      [MANAGED_PRODUCT, { id: product.id }],
      [UPDATE, { i: { id: product.id, name: { en: 'Hijacked' } } }],
      [PUBLISH, { id: product.id }],
      ['mutation($id: ID!) { archiveProduct(id: $id) { id } }', { id: product.id }],
      ['mutation($id: ID!) { deleteProduct(id: $id) }', { id: product.id }],
      ['query($id: ID!) { managedArtwork(id: $id) { id } }', { id: work.id }],
      ['mutation($i: UpdateArtworkInput!) { updateArtwork(input: $i) { id } }', { i: { id: work.id, artist: 'Hijacked' } }],
      ['mutation($id: ID!) { deleteArtwork(id: $id) }', { id: work.id }],
      ['query($id: ID!) { managedCollection(id: $id) { id } }', { id: collection.id }],
      ['mutation($i: UpdateCollectionInput!) { updateCollection(input: $i) { id } }', { i: { id: collection.id, slug: 'hijacked' } }],
      ['mutation($id: ID!) { deleteCollection(id: $id) }', { id: collection.id }],
      ['query($m: ID!) { artworksOfMuseum(museumId: $m) { totalCount } }', { m: theirs.id }],
      ['query($m: ID!) { collectionsOfMuseum(museumId: $m) { totalCount } }', { m: theirs.id }],
      ['mutation($i: CreateArtworkInput!) { createArtwork(input: $i) { id } }', { i: { museumId: theirs.id, accessionNumber: 'X', title: { en: 'X' } } }],
      ['mutation($i: CreateCollectionInput!) { createCollection(input: $i) { id } }', { i: { museumId: theirs.id, slug: 'x', name: { en: 'X' } } }],
      [CREATE, { i: draftInput({ museumId: theirs.id, variants: [] }) }],
    ];
    for (const [query, variables] of attempts) {
      const r = await api.gql(query, variables, token);
      expect([query.slice(0, 40), codeOf(r), r.data]).toEqual([query.slice(0, 40), 'NOT_FOUND', null]);
    }
    expect(await countRows()).toEqual(before);
    expect((await p.product.findUniqueOrThrow({ where: { id: product.id } })).nameEn).toBe('Theirs');
    // A shopper or brand partner may not use the back office at all.
    const shopper = await api.login((await createUser(p, 'SHOPPER')).email);
    expect(codeOf(await api.gql(MANAGED_PRODUCT, { id: product.id }, shopper))).toBe('FORBIDDEN');
  });

  it('manages works: unique accession numbers, and a renamed work renames the search of its products', async () => {
    const CREATE_WORK = 'mutation($i: CreateArtworkInput!) { createArtwork(input: $i) { id title { fr en zhCN } licensable } }';
    const input = { museumId: mine.id, accessionNumber: 'RF 1975 19', title: { fr: 'La Nuit étoilée', en: 'Starry Night', zhCN: '星夜' }, artist: 'Vincent van Gogh', period: '1888', creditLine: '© Musée d’Orsay' };
    const work = (await ok(CREATE_WORK, { i: input })).createArtwork;
    expect(work).toMatchObject({ title: { fr: 'La Nuit étoilée', en: 'Starry Night', zhCN: '星夜' }, licensable: true });
    expect(codeOf(await api.gql(CREATE_WORK, { i: input }, token))).toBe('CONFLICT');
    expect(fieldPaths(await api.gql(CREATE_WORK, { i: { ...input, accessionNumber: '', title: {} } }, token))).toEqual(['input.accessionNumber', 'input.title']);

    const product = (await ok(CREATE, { i: draftInput({ name: { en: 'Night sky notebook', zhCN: '夜空笔记本' }, description: { zhCN: '笔记本' }, variants: [variant('NB-1', { hsCode: '482010' })], artworkIds: [work.id] }) })).createProduct;
    await allowHsCodes(api.db.prisma, ['4820']);
    await ok(PUBLISH, { id: product.id });
    expect((await api.gql(SEARCH, { s: 'étoilée' })).data.products.nodes).toEqual([{ id: product.id }]);

    await ok('mutation($i: UpdateArtworkInput!) { updateArtwork(input: $i) { id } }', { i: { id: work.id, title: { fr: 'Nuit étoilée sur le Rhône', en: 'Starry Night Over the Rhône' } } });
    expect((await api.gql(SEARCH, { s: 'rhone' })).data.products.nodes).toEqual([{ id: product.id }]);
    expect((await api.gql(SEARCH, { s: '星夜' })).data.products.nodes).toEqual([{ id: product.id }]);

    expect((await ok('mutation($id: ID!) { deleteArtwork(id: $id) }', { id: work.id })).deleteArtwork).toBe(true);
    expect((await api.gql(SEARCH, { s: 'rhone' })).data.products.nodes).toEqual([]);
    expect((await ok(MANAGED_PRODUCT, { id: product.id })).managedProduct.artworks).toEqual([]);
  });

  it('manages collections with their products in order, refusing another museum’s products', async () => {
    const a = await createProduct(api.db.prisma, mine.id);
    const b = await createProduct(api.db.prisma, mine.id);
    const foreign = await createProduct(api.db.prisma, theirs.id);
    const CREATE_COLLECTION = 'mutation($i: CreateCollectionInput!) { createCollection(input: $i) { id slug name { en } productIds productCount } }';
    const bad = await api.gql(CREATE_COLLECTION, { i: { museumId: mine.id, slug: 'gifts', name: { en: 'Gifts' }, productIds: [a.id, foreign.id] } }, token);
    expect(fieldPaths(bad)).toEqual(['input.productIds.1']);
    expect(await api.db.prisma.collection.count({ where: { slug: 'gifts' } })).toBe(0);
    const c = (await ok(CREATE_COLLECTION, { i: { museumId: mine.id, slug: 'gifts', name: { en: 'Gifts', zhCN: '礼品' }, productIds: [b.id, a.id] } })).createCollection;
    expect(c).toMatchObject({ slug: 'gifts', productIds: [b.id, a.id], productCount: 2 });
    expect(codeOf(await api.gql(CREATE_COLLECTION, { i: { museumId: mine.id, slug: 'gifts', name: { en: 'Again' } } }, token))).toBe('CONFLICT');
    const u = (await ok('mutation($i: UpdateCollectionInput!) { updateCollection(input: $i) { productIds name { en zhCN } } }', { i: { id: c.id, name: { en: 'Gift ideas' }, productIds: [a.id] } })).updateCollection;
    expect(u).toEqual({ productIds: [a.id], name: { en: 'Gift ideas', zhCN: '礼品' } });
    const page = (await ok('query($m: ID!) { collectionsOfMuseum(museumId: $m) { totalCount nodes { slug } } }', { m: mine.id })).collectionsOfMuseum;
    expect(page.nodes.map((n: { slug: string }) => n.slug)).toContain('gifts');
    expect((await ok('mutation($id: ID!) { deleteCollection(id: $id) }', { id: c.id })).deleteCollection).toBe(true);
    expect(await api.db.prisma.productCollection.count({ where: { collectionId: c.id } })).toBe(0);
  });
});
