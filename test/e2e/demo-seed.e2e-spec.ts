import { seedDemo } from '../../prisma/seed';
import { DEMO_PASSWORD } from '../../prisma/seed/demo-catalog';
import { startApi, type ApiHarness } from '../support/api-harness';

/** The demo data `npm start` seeds, used through the API the way a newcomer would. */
// Setup starts the API on a fresh database; a loaded machine needs more than Jest's 5 s.
jest.setTimeout(30_000);

describe('demo seed', () => {
  let api: ApiHarness;
  const counts = () => {
    const p = api.db.prisma;
    return Promise.all([p.museum.count(), p.product.count(), p.productVariant.count(), p.artwork.count(), p.collection.count(), p.user.count(), p.fxRate.count(), p.productCollection.count()]);
  };

  beforeAll(async () => {
    api = await startApi();
    await seedDemo(api.db.prisma);
  });
  afterAll(() => api.close());

  it('seeds three open museums and at least 120 published products with variants, and is idempotent', async () => {
    const before = await counts();
    await seedDemo(api.db.prisma);
    expect(await counts()).toEqual(before);
    const r = await api.gql('{ storefronts { totalCount nodes { slug name featuredCollections { slug } } } products(first: 1) { totalCount } }');
    expect(r.data.storefronts.nodes.map((s: { slug: string }) => s.slug)).toEqual(['british-museum', 'louvre', 'orsay']);
    expect(r.data.storefronts.nodes.every((s: { featuredCollections: unknown[] }) => s.featuredCollections.length === 2)).toBe(true);
    expect(r.data.products.totalCount).toBeGreaterThanOrEqual(120);
    const withoutVariants = await api.db.prisma.product.count({ where: { variants: { none: {} } } });
    expect(withoutVariants).toBe(0);
  });

  it('finds the Mona Lisa items in Chinese, English and French, in CNY', async () => {
    const Q = 'query($s: String!) { products(first: 50, filter: { search: $s }) { totalCount nodes { id name priceFrom { amount currency } inspiredBy { accessionNumber } storefront { slug } } } }';
    const results = await Promise.all(['蒙娜丽莎', 'mona lisa', 'Joconde'].map(async (s) => (await api.gql(Q, { s })).data.products));
    expect(results[0].totalCount).toBeGreaterThan(2);
    for (const r of results) {
      expect(r.nodes.map((n: { id: string }) => n.id).sort()).toEqual(results[0].nodes.map((n: { id: string }) => n.id).sort());
      for (const n of r.nodes) {
        expect(n.inspiredBy).toEqual([{ accessionNumber: 'INV 779' }]);
        expect(n.storefront.slug).toBe('louvre');
        expect(n.priceFrom.currency).toBe('CNY');
        expect(n.priceFrom.amount % 100).toBe(0);
      }
    }
  });

  it('signs in every demo account with the documented password, each seeing its own scope', async () => {
    const emails = ['admin@vitrine.test', 'manager@louvre.test', 'manager@britishmuseum.test', 'manager@orsay.test', 'partner@maison-demo.test', 'shopper@vitrine.test'];
    const roles: string[] = [];
    for (const email of emails) {
      const token = await api.login(email, DEMO_PASSWORD);
      roles.push((await api.gql('{ me { role } }', {}, token)).data.me.role);
    }
    expect(roles).toEqual(['PLATFORM_ADMIN', 'MUSEUM_MANAGER', 'MUSEUM_MANAGER', 'MUSEUM_MANAGER', 'BRAND_PARTNER', 'SHOPPER']);
    const louvre = await api.login('manager@louvre.test', DEMO_PASSWORD);
    const mine = await api.gql('{ myMuseums { slug } managedProducts(first: 100) { totalCount nodes { museumId listableForChina status } } }', {}, louvre);
    expect(mine.data.myMuseums).toEqual([{ slug: 'louvre' }]);
    // 56 demo products and the co-branded one of Maison Demo's approved proposal.
    expect(mine.data.managedProducts.totalCount).toBe(57);
    // Drafts the demo leaves for the console to show: magnets off the positive list, missing zh-CN text.
    const drafts = mine.data.managedProducts.nodes.filter((n: { status: string }) => n.status === 'DRAFT');
    expect(drafts.length).toBeGreaterThan(0);
    expect(drafts.every((n: { listableForChina: boolean }) => !n.listableForChina)).toBe(true);
    expect(mine.data.managedProducts.nodes.filter((n: { status: string }) => n.status === 'PUBLISHED').every((n: { listableForChina: boolean }) => n.listableForChina)).toBe(true);
  });
});
