import { seedDemo } from '../../prisma/seed';
import { DEMO_PASSWORD } from '../../prisma/seed/demo-catalog';
import { startApi, type ApiHarness, type GqlResult } from '../support/api-harness';

/** Issue 17, finding things in Chinese: the public search on the demo catalogue, synonyms applied. */
jest.setTimeout(60_000);

const Q = 'query($s: String!, $after: String) { products(first: 5, after: $after, filter: { search: $s }) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }';

describe('Chinese search (demo seed)', () => {
  let api: ApiHarness;

  /** Every product a search finds, walking its pages of 5. */
  async function find(s: string): Promise<{ ids: string[]; total: number }> {
    const ids: string[] = [];
    let after: string | null = null;
    let total = -1;
    for (;;) {
      const r: GqlResult = await api.gql(Q, { s, after });
      expect(r.errors).toBeUndefined();
      total = r.data.products.totalCount;
      ids.push(...r.data.products.nodes.map((n: { id: string }) => n.id));
      if (!r.data.products.pageInfo.hasNextPage) break;
      after = r.data.products.pageInfo.endCursor;
    }
    expect(new Set(ids).size).toBe(ids.length);
    return { ids: ids.sort(), total };
  }

  /** Public products (published, open storefront) whose credited work is by this artist, counted in the database. */
  async function publicIds(where: string, arg: string): Promise<string[]> {
    const rows = await api.db.prisma.$queryRawUnsafe<{ id: string }[]>(
      `SELECT p.id FROM products p JOIN storefronts s ON s.museum_id = p.museum_id AND s.status = 'OPEN'
       WHERE p.status = 'PUBLISHED' AND ${where}`,
      arg,
    );
    return rows.map((r) => r.id).sort();
  }
  const byArtist = (artist: string) => publicIds(`EXISTS (SELECT 1 FROM product_artworks pa JOIN artworks a ON a.id = pa.artwork_id WHERE pa.product_id = p.id AND a.artist = $1)`, artist);

  beforeAll(async () => {
    api = await startApi();
    await seedDemo(api.db.prisma);
  });
  afterAll(() => api.close());

  it('梵高 finds every Van Gogh item, as do 凡高, 梵谷, Van Gogh and Vincent van Gogh', async () => {
    const vanGogh = await byArtist('Vincent van Gogh');
    expect(vanGogh.length).toBe(12);
    for (const s of ['梵高', '凡高', '梵谷', 'Van Gogh', 'vincent van gogh']) {
      const found = await find(s);
      expect({ s, ids: found.ids }).toEqual({ s, ids: vanGogh });
      expect(found.total).toBe(vanGogh.length);
    }
  });

  it('丝巾, 围巾, scarf and foulard find the silk scarves and nothing else', async () => {
    const scarves = await publicIds(`p.category = $1`, 'scarves');
    expect(scarves.length).toBeGreaterThan(3);
    for (const s of ['丝巾', '围巾', 'scarf', 'foulard', 'Foulards']) expect({ s, ids: (await find(s)).ids }).toEqual({ s, ids: scarves });
    // Two words written together in Chinese: Van Gogh's scarves only.
    const vanGoghScarves = (await byArtist('Vincent van Gogh')).filter((id) => scarves.includes(id));
    expect((await find('梵高丝巾')).ids).toEqual(vanGoghScarves);
  });

  it('达·芬奇 and 达芬奇 find the Leonardo items; a word found nowhere finds nothing', async () => {
    const leonardo = await byArtist('Léonard de Vinci');
    expect(leonardo.length).toBeGreaterThan(3);
    for (const s of ['达·芬奇', '达芬奇', 'Leonardo da Vinci', 'Léonard de Vinci']) expect({ s, ids: (await find(s)).ids }).toEqual({ s, ids: leonardo });
    for (const s of ['鳄鱼', 'zzzyx', '梵高鳄鱼']) expect(await find(s)).toEqual({ ids: [], total: 0 });
  });

  it('a zh-CN product page shows the artist in Chinese, an en page in English', async () => {
    const [id] = await byArtist('Léonard de Vinci');
    const page = 'query($id: ID!, $l: Locale) { product(id: $id, locale: $l) { inspiredBy { title artist } } }';
    expect((await api.gql(page, { id, l: 'zh_CN' })).data.product.inspiredBy).toEqual([{ title: '蒙娜丽莎', artist: '达·芬奇' }]);
    expect((await api.gql(page, { id, l: 'en' })).data.product.inspiredBy[0].artist).toBe('Leonardo da Vinci');
  });

  it('an operator edits the synonyms: a new group applies at once, bad input is refused with nothing written', async () => {
    const admin = await api.login('admin@vitrine.test', DEMO_PASSWORD);
    expect((await find('披肩')).ids).toEqual([]);
    const before = await api.db.prisma.searchSynonymGroup.count();
    const bad = await api.gql('mutation($t: [String!]!) { setSearchSynonymGroup(input: { terms: $t }) { id } }', { t: ['画', '  '] }, admin);
    expect(bad.errors?.[0].extensions?.['code']).toBe('VALIDATION_FAILED');
    expect(await api.db.prisma.searchSynonymGroup.count()).toBe(before);
    const shopper = await api.login('shopper@vitrine.test', DEMO_PASSWORD);
    expect((await api.gql('mutation { setSearchSynonymGroup(input: { terms: ["a", "b"] }) { id } }', {}, shopper)).errors?.[0].extensions?.['code']).toBe('FORBIDDEN');
    const ok = await api.gql('mutation($t: [String!]!) { setSearchSynonymGroup(input: { terms: $t }) { id terms } }', { t: ['披肩', 'Foulard'] }, admin);
    expect(ok.data.setSearchSynonymGroup.terms).toEqual(['披肩', 'foulard']);
    expect((await find('披肩')).ids).toEqual(await publicIds(`p.category = $1`, 'scarves'));
  });
});
