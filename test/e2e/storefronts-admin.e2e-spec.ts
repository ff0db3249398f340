import { createCollection, createMuseum, createUser } from '@vitrine/shared/testing';
import { codeOf, startApi, type ApiHarness, type GqlResult } from '../support/api-harness';

/**
 * Operators onboard museums and set FX rates; a manager runs their own storefront. Over
 * real HTTP, with bad input writing nothing and other museums answering NOT_FOUND.
 */

const STOREFRONT = 'id museumId slug status name { fr en zhCN } story { fr en zhCN } bannerUrl featuredCollectionIds featuredCollections { slug }';
const UPDATE_STOREFRONT = `mutation($i: UpdateStorefrontInput!) { updateStorefront(input: $i) { ${STOREFRONT} } }`;
const CREATE_MUSEUM = 'mutation($i: CreateMuseumInput!) { createMuseum(input: $i) { id slug legalName country storefront { status name { fr en zhCN } } } }';
const SET_FX = 'mutation($i: SetFxRateInput!) { setFxRate(input: $i) { id base quote rate source effectiveAt } }';

const fieldPaths = (r: GqlResult) => (r.errors?.[0]?.extensions?.['fields'] as { path: string }[] | undefined)?.map((f) => f.path).sort();

// Setup starts the API on a fresh database; a loaded machine needs more than Jest's 5 s.
jest.setTimeout(30_000);

describe('back office: museums, storefronts and FX rates', () => {
  let api: ApiHarness;
  let admin: string;
  let manager: string;
  let mine: { id: string };
  let theirs: { id: string };

  beforeAll(async () => {
    api = await startApi();
    const p = api.db.prisma;
    mine = await createMuseum(p, { slug: 'petit-palais', storefrontStatus: 'DRAFT' });
    theirs = await createMuseum(p, { slug: 'carnavalet' });
    admin = await api.login((await createUser(p, 'PLATFORM_ADMIN')).email);
    manager = await api.login((await createUser(p, 'MUSEUM_MANAGER', { museumIds: [mine.id] })).email);
  });
  afterAll(() => api.close());

  it('lets an operator create a museum with a draft storefront, and nobody else', async () => {
    const input = { slug: 'musee-rodin', legalName: 'Musée Rodin (EPA)', country: 'FR', name: { fr: 'Musée Rodin', en: 'Rodin Museum', zhCN: '罗丹博物馆' } };
    expect(codeOf(await api.gql(CREATE_MUSEUM, { i: input }, manager))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(CREATE_MUSEUM, { i: input }))).toBe('UNAUTHENTICATED');
    const bad = await api.gql(CREATE_MUSEUM, { i: { ...input, slug: 'Musée Rodin', country: 'France', name: {} } }, admin);
    expect(fieldPaths(bad)).toEqual(['input.country', 'input.name', 'input.slug']);
    expect(await api.db.prisma.museum.count({ where: { legalName: input.legalName } })).toBe(0);

    const created = (await api.gql(CREATE_MUSEUM, { i: input }, admin)).data.createMuseum;
    expect(created).toMatchObject({ slug: 'musee-rodin', country: 'FR', storefront: { status: 'DRAFT', name: { fr: 'Musée Rodin', en: 'Rodin Museum', zhCN: '罗丹博物馆' } } });
    expect(codeOf(await api.gql(CREATE_MUSEUM, { i: input }, admin))).toBe('CONFLICT');
    // Draft storefronts are not in the shop.
    expect(codeOf(await api.gql('{ storefront(slug: "musee-rodin") { id } }'))).toBe('NOT_FOUND');

    const updated = await api.gql('mutation($i: UpdateMuseumInput!) { updateMuseum(input: $i) { legalName country } }', { i: { id: created.id, legalName: 'Établissement public du musée Rodin' } }, admin);
    expect(updated.data.updateMuseum).toEqual({ legalName: 'Établissement public du musée Rodin', country: 'FR' });
  });

  it('keeps the museum’s China customs registration (code of 10 characters and name), validated: bad input writes nothing', async () => {
    const REG = `mutation($i: UpdateStorefrontInput!) { updateStorefront(input: $i) { customsCode customsName } }`;
    const before = await api.db.prisma.storefront.findUniqueOrThrow({ where: { museumId: theirs.id }, select: { customsCode: true, customsName: true, updatedAt: true } });
    for (const [input, path] of [
      [{ customsCode: '31ABC', customsName: 'Carnavalet Trading' }, 'input.customsCode'],
      [{ customsCode: '31abc-0001', customsName: 'Carnavalet Trading' }, 'input.customsCode'],
      [{ customsCode: null, customsName: 'Carnavalet Trading' }, 'input.customsCode'],
      [{ customsName: null }, 'input.customsName'],
    ] as const) {
      const bad = await api.gql(REG, { i: { museumId: theirs.id, ...input } }, admin);
      expect([codeOf(bad), fieldPaths(bad)]).toEqual(['VALIDATION_FAILED', [path]]);
    }
    expect(await api.db.prisma.storefront.findUniqueOrThrow({ where: { museumId: theirs.id }, select: { customsCode: true, customsName: true, updatedAt: true } })).toEqual(before);
    // Another museum's manager: not found, nothing written.
    expect(codeOf(await api.gql(REG, { i: { museumId: theirs.id, customsCode: '3101234567', customsName: 'X' } }, manager))).toBe('NOT_FOUND');
    const ok = await api.gql(REG, { i: { museumId: theirs.id, customsCode: ' 31012a4567 ', customsName: 'Musée Carnavalet (Shanghai) Trading' } }, admin);
    expect(ok.data.updateStorefront).toEqual({ customsCode: '31012A4567', customsName: 'Musée Carnavalet (Shanghai) Trading' });
  });

  it('shows a manager only their museums, and an operator all', async () => {
    const mineOnly = await api.gql('{ myMuseums { id slug storefront { status } } museums { totalCount nodes { slug } } }', {}, manager);
    expect(mineOnly.data.myMuseums).toEqual([{ id: mine.id, slug: 'petit-palais', storefront: { status: 'DRAFT' } }]);
    expect(mineOnly.data.museums).toEqual({ totalCount: 1, nodes: [{ slug: 'petit-palais' }] });
    const all = await api.gql('{ museums(first: 2) { totalCount pageInfo { hasNextPage endCursor } nodes { slug } } }', {}, admin);
    expect(all.data.museums.totalCount).toBe(await api.db.prisma.museum.count());
    const next = await api.gql('query($a: String) { museums(first: 2, after: $a) { nodes { slug } } }', { a: all.data.museums.pageInfo.endCursor }, admin);
    const slugs = [...all.data.museums.nodes, ...next.data.museums.nodes].map((n: { slug: string }) => n.slug);
    expect(slugs).toEqual([...slugs].sort());
    expect(codeOf(await api.gql('query($id: ID!) { museum(id: $id) { slug } }', { id: theirs.id }, manager))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql('query($id: ID!) { managedStorefront(museumId: $id) { id } }', { id: theirs.id }, manager))).toBe('NOT_FOUND');
  });

  it('lets a manager edit and open their storefront, which shoppers then see with its featured collections', async () => {
    const prints = await createCollection(api.db.prisma, mine.id, { slug: 'prints', nameEn: 'Prints' });
    const books = await createCollection(api.db.prisma, mine.id, { slug: 'books', nameEn: 'Books' });
    const foreign = await createCollection(api.db.prisma, theirs.id, { slug: 'foreign' });
    const before = await api.db.prisma.storefront.findUniqueOrThrow({ where: { museumId: mine.id } });

    const bad = await api.gql(
      UPDATE_STOREFRONT,
      { i: { museumId: mine.id, name: { zhCN: '' }, bannerUrl: 'ftp://banner', featuredCollectionIds: [prints.id, foreign.id], status: 'OPEN' } },
      manager,
    );
    expect(fieldPaths(bad)).toEqual(['input.bannerUrl']);
    const bad2 = await api.gql(UPDATE_STOREFRONT, { i: { museumId: mine.id, name: { zhCN: '' }, featuredCollectionIds: [prints.id, foreign.id], status: 'OPEN' } }, manager);
    expect(fieldPaths(bad2)).toEqual(['input.featuredCollectionIds.1', 'input.name.zhCN']);
    expect(await api.db.prisma.storefront.findUniqueOrThrow({ where: { museumId: mine.id } })).toEqual(before);

    const r = await api.gql(
      UPDATE_STOREFRONT,
      {
        i: {
          museumId: mine.id,
          name: { zhCN: '小皇宫', en: 'Petit Palais' },
          story: { fr: 'Musée des Beaux-Arts de la Ville de Paris.', zhCN: '巴黎市立美术馆。' },
          bannerUrl: 'https://img.example.test/petit-palais.jpg',
          featuredCollectionIds: [books.id, prints.id],
          status: 'OPEN',
        },
      },
      manager,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.updateStorefront).toMatchObject({
      status: 'OPEN',
      name: { zhCN: '小皇宫', en: 'Petit Palais', fr: 'petit-palais' },
      featuredCollections: [{ slug: 'books' }, { slug: 'prints' }],
    });
    const shop = await api.gql('{ storefront(slug: "petit-palais", locale: en) { name story bannerUrl featuredCollections { slug name } collections { slug } } }');
    expect(shop.data.storefront).toEqual({
      name: 'Petit Palais',
      story: '巴黎市立美术馆。',
      bannerUrl: 'https://img.example.test/petit-palais.jpg',
      featuredCollections: [
        { slug: 'books', name: 'Books' },
        { slug: 'prints', name: 'Prints' },
      ],
      collections: [{ slug: 'books' }, { slug: 'prints' }],
    });

    // Another museum's storefront cannot be changed.
    const theirsBefore = await api.db.prisma.storefront.findUniqueOrThrow({ where: { museumId: theirs.id } });
    expect(codeOf(await api.gql(UPDATE_STOREFRONT, { i: { museumId: theirs.id, status: 'CLOSED' } }, manager))).toBe('NOT_FOUND');
    expect(await api.db.prisma.storefront.findUniqueOrThrow({ where: { museumId: theirs.id } })).toEqual(theirsBefore);

    await api.gql(UPDATE_STOREFRONT, { i: { museumId: mine.id, status: 'CLOSED' } }, manager);
    expect(codeOf(await api.gql('{ storefront(slug: "petit-palais") { id } }'))).toBe('NOT_FOUND');
  });

  it('lets an operator set FX rates as exact decimals, keeping the history', async () => {
    const before = await api.db.prisma.fxRate.count();
    for (const rate of ['abc', '0', '0.000', '-7.8', '7.123456789', '1e3']) {
      const r = await api.gql(SET_FX, { i: { rate, source: 'ECB' } }, admin);
      expect([rate, fieldPaths(r)]).toEqual([rate, ['input.rate']]);
    }
    expect(codeOf(await api.gql(SET_FX, { i: { rate: '7.8', source: 'ECB' } }, manager))).toBe('FORBIDDEN');
    expect(await api.db.prisma.fxRate.count()).toBe(before);

    await api.gql(SET_FX, { i: { rate: '7.6543', source: 'ECB', effectiveAt: '2026-01-02T00:00:00Z' } }, admin);
    const latest = (await api.gql(SET_FX, { i: { rate: '7.81234567', source: 'ECB' } }, admin)).data.setFxRate;
    expect(latest).toMatchObject({ base: 'EUR', quote: 'CNY', rate: '7.81234567', source: 'ECB' });
    // Scheduled for later: recorded, not yet in force.
    await api.gql(SET_FX, { i: { rate: '9.0', source: 'ECB', effectiveAt: '2099-01-01T00:00:00Z' } }, admin);
    const current = await api.gql('{ currentFxRate { rate } }', {}, manager);
    expect(current.data.currentFxRate.rate).toBe('7.81234567');
    const history = await api.gql('{ fxRates(first: 2) { totalCount nodes { rate } pageInfo { endCursor } } }', {}, admin);
    expect(history.data.fxRates.totalCount).toBe(3);
    expect(history.data.fxRates.nodes.map((n: { rate: string }) => n.rate)).toEqual(['9', '7.81234567']);
    const rest = await api.gql('query($a: String) { fxRates(first: 2, after: $a) { nodes { rate } } }', { a: history.data.fxRates.pageInfo.endCursor }, admin);
    expect(rest.data.fxRates.nodes).toEqual([{ rate: '7.6543' }]);
  });
});
