import { seedDemo } from '../../prisma/seed';
import { startApi, codeOf, type ApiHarness } from '../support/api-harness';

/** Issue 17: what the shop's pages read beside the catalogue: short links, availability, tax estimate, co-branding. */
jest.setTimeout(120_000);

const PRODUCT = `query($id: ID!) { product(id: $id, locale: zh_CN) { id name shortCode inStock coBrandedWith crossBorderCategory
  variants { id price { amount currency } } offers { variantId inStock lowStock taxEstimate { amount currency } } } }`;

describe('shop window links (demo seed)', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
    await seedDemo(api.db.prisma);
  });
  afterAll(() => api.close());

  it('a product’s short code leads back to it; anything else is NOT_FOUND', async () => {
    const list = await api.gql('{ products(first: 30) { nodes { id shortCode } } }');
    expect(list.errors).toBeUndefined();
    for (const p of list.data.products.nodes) {
      expect(p.shortCode).toMatch(/^[0-9A-Za-z]{11}$/);
      const r = await api.gql('query($c: String!) { productIdByShortCode(code: $c) }', { c: p.shortCode });
      expect(r.data?.productIdByShortCode).toBe(p.id);
    }
    for (const bad of ['nope', '00000000000', `${list.data.products.nodes[0].shortCode}x`]) {
      expect(codeOf(await api.gql('query($c: String!) { productIdByShortCode(code: $c) }', { c: bad }))).toBe('NOT_FOUND');
    }
  });

  it('an unpublished product’s short code is NOT_FOUND', async () => {
    const draft = await api.db.prisma.product.findFirstOrThrow({ where: { status: { not: 'PUBLISHED' } }, select: { id: true } });
    const code = (await api.gql(PRODUCT, { id: (await api.db.prisma.product.findFirstOrThrow({ where: { status: 'PUBLISHED' } })).id })).data.product.shortCode;
    expect(code).toBeTruthy();
    const { shortCodeOf } = await import('../../libs/catalog/src/lib/domain/short-code');
    expect(codeOf(await api.gql('query($c: String!) { productIdByShortCode(code: $c) }', { c: shortCodeOf(draft.id) }))).toBe('NOT_FOUND');
  });

  it('offers tell availability per variant as the stock ledger has it, and the tax estimate at the general rate', async () => {
    // Every published product: availability matches on hand − reserved summed over locations.
    const ids: string[] = [];
    for (let after: string | null = null; ; ) {
      const page: any = await api.gql('query($after: String) { products(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { id } } }', { after });
      ids.push(...page.data.products.nodes.map((n: { id: string }) => n.id));
      if (!page.data.products.pageInfo.hasNextPage) break;
      after = page.data.products.pageInfo.endCursor;
    }
    expect(ids.length).toBeGreaterThan(100);
    let soldOut = 0;
    for (const id of ids) {
      const r = await api.gql(PRODUCT, { id });
      expect(r.errors).toBeUndefined();
      const p = r.data.product;
      expect(p.offers.map((o: { variantId: string }) => o.variantId).sort()).toEqual(p.variants.map((v: { id: string }) => v.id).sort());
      for (const o of p.offers) {
        const levels = await api.db.prisma.stockLevel.findMany({ where: { variantId: o.variantId } });
        const available = levels.reduce((n, l) => n + Math.max(0, l.onHand - l.reserved), 0);
        expect({ v: o.variantId, inStock: o.inStock, low: o.lowStock }).toEqual({ v: o.variantId, inStock: available > 0, low: available > 0 && available <= 5 });
        if (!o.inStock) soldOut++;
        if (p.crossBorderCategory !== 'COSMETICS') {
          const price = p.variants.find((v: { id: string }) => v.id === o.variantId).price.amount;
          // 9.1 % (VAT 13 % and no consumption tax, at 70 %), rounded to the fen.
          expect(Math.abs(o.taxEstimate.amount - Math.round(price * 0.091))).toBeLessThanOrEqual(1);
          expect(o.taxEstimate.currency).toBe('CNY');
        }
      }
      expect(p.inStock).toBe(p.offers.some((o: { inStock: boolean }) => o.inStock));
    }
    // The seed sells out one variant in the Louvre's and one in the British Museum's EU warehouse;
    // the Louvre's is still held in its Ningbo bonded warehouse, so one is sold out everywhere.
    expect(soldOut).toBeGreaterThanOrEqual(1);
  });

  it('names the partner brand of a co-branded product and no one for the museum’s own', async () => {
    const scarf = await api.gql('{ products(first: 5, filter: { search: "Maison Demo" }) { nodes { id coBrandedWith name } } }');
    const coBranded = scarf.data.products.nodes.filter((p: { coBrandedWith: string | null }) => p.coBrandedWith);
    expect(coBranded.length).toBe(1);
    expect(coBranded[0].coBrandedWith).toBe('Maison Demo');
    const own = await api.gql('{ products(first: 20, filter: { storefrontSlug: "orsay" }) { nodes { coBrandedWith } } }');
    expect(own.data.products.nodes.every((p: { coBrandedWith: string | null }) => p.coBrandedWith === null)).toBe(true);
  });
});
