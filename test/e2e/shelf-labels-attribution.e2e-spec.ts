import { inflateSync } from 'node:zlib';
import { createUser } from '@vitrine/shared/testing';
import type { ApiHarness } from '../support/api-harness';
import { pdfTexts } from '../support/pdf-text';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, residentId, seedFx, seedShop, startCheckoutApi, type Shop } from '../support/checkout-fixtures';

jest.setTimeout(120_000);

/**
 * Issue 17, shelf labels and where orders came from, over HTTP:
 * - a museum's manager downloads A4 shelf labels (GET /shelf-labels.pdf): each label's QR code
 *   and link open the product's short link with the shelf's source marker; another museum's
 *   manager, a shopper and an anonymous caller get nothing (404 / 403 / 401), a bad list is 400;
 * - placeOrder with that marker records the attribution (SHELF_QR and the museum) in
 *   order_attributions, an order without one is DIRECT with no row, a malformed marker is
 *   VALIDATION_FAILED with nothing written; the console's list filters by channel; another
 *   museum's manager sees neither the order nor its attribution.
 */
const ORDER = `query($id: ID!) { order(id: $id) { id attribution { channel ref } } }`;
const LIST = `query($m: ID, $c: AttributionChannel) { museumOrders(museumId: $m, filter: { channel: $c }, first: 20) { totalCount nodes { id attribution { channel ref } } } }`;
const SHORT = `query($code: String!) { productIdByShortCode(code: $code) }`;

/** The link annotations of a PDF (pdfkit writes them as plain objects). */
function pdfLinks(pdf: Buffer): string[] {
  return [...pdf.toString('latin1').matchAll(/\/URI \(([^)]*)\)/g)].map((m) => m[1]!);
}

/** Number of pages (/Type /Page objects). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
}

/** The text drawn, as far as pdfkit's Helvetica strings in the (deflated) content streams show it. */
function pdfStrings(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    const end = raw.indexOf('endstream', start);
    try {
      out.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // not deflated (images, fonts)
    }
  }
  // pdfkit writes strings as hex in TJ arrays, split where it kerns: join each array's pieces.
  // Only the text shown: other inflated streams (an embedded font's tables) hold any bytes.
  return [...out.join('\n').matchAll(/\[((?:<[0-9a-f]*>|\s|-?\d+(?:\.\d+)?)*)\]\s*TJ/gi)]
    .map(([, arr]) => [...arr!.matchAll(/<([0-9a-f]*)>/gi)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1')).join(''))
    .join('\n');
}

describe('shelf labels and order attribution', () => {
  let api: ApiHarness;
  let close: () => Promise<void>;
  let shop: Shop;
  let other: Shop;
  let slug: string;
  let manager: string;
  let otherManager: string;

  beforeAll(async () => {
    ({ api, close } = await startCheckoutApi({ SHOP_ORIGIN: 'https://shop.example.cn' }));
    await seedFx(api.db.prisma, '7.8000');
    shop = await seedShop(api.db.prisma, { prices: [2_500, 4_000, 1_000], stock: 20 });
    other = await seedShop(api.db.prisma, { prices: [3_000], stock: 5 });
    slug = (await api.db.prisma.museum.findUniqueOrThrow({ where: { id: shop.museumId } })).slug;
    await api.db.prisma.product.update({ where: { id: shop.variants[0]!.productId }, data: { nameZh: '鸢尾花丝巾', nameEn: 'Irises silk scarf' } });
    manager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
    otherManager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [other.museumId] })).email);
  });
  afterAll(() => close());

  const labels = (ids: string[], token?: string) => fetch(`${api.baseUrl}/shelf-labels.pdf?products=${ids.join(',')}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('a manager prints labels whose QR links open the product with the shelf’s source marker; nobody else can', async () => {
    const ids = shop.variants.map((v) => v.productId);
    const res = await labels(ids, manager);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="shelf-labels-\d{4}-\d{2}-\d{2}\.pdf"/);
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const links = pdfLinks(pdf);
    expect(links).toHaveLength(3);
    for (const link of links) expect(link).toMatch(new RegExp(`^https://shop\\.example\\.cn/p/[A-Za-z0-9]+\\?src=shelf-${slug}$`));
    // Each link's code opens its own product.
    const opened = await Promise.all(links.map(async (l) => ((await api.gql(SHORT, { code: /\/p\/([^?]+)/.exec(l)![1] })) as any).data.productIdByShortCode));
    expect(opened).toEqual(ids);
    // The English name and the CNY price are printed (Helvetica text, readable in the content stream).
    const text = pdfStrings(pdf);
    expect(text).toContain('Irises silk scarf');
    // The Chinese name, in an embedded CJK font that maps back to the same characters (a label
    // printed where no CJK font is installed would show blanks: docker/Dockerfile installs one).
    expect(pdfTexts(pdf).find((t) => t.text.includes('鸢尾花丝巾'))).toMatchObject({ embedded: true, font: expect.stringMatching(/^[A-Z]{6}\+/) });
    // The CNY price the shop window shows, as a shelf prints it.
    const price: any = await api.gql(`query($id: ID!) { product(id: $id) { priceFrom { amount } } }`, { id: ids[0] });
    const amount = price.data.product.priceFrom.amount as number;
    expect(text).toContain(`¥${amount / 100}`);
    expect(text.match(/¥\d+/g)).toHaveLength(3);

    // 22 products: two pages of 3 × 7.
    const many = await Promise.all(Array.from({ length: 19 }, () => seedExtra()));
    const big = await labels([...ids, ...many], manager);
    expect(big.status).toBe(200);
    expect(pdfPages(Buffer.from(await big.arrayBuffer()))).toBe(2);

    // Another museum's manager: 404 for our product, even mixed with theirs; a shopper 403; anonymous 401.
    expect((await labels(ids, otherManager)).status).toBe(404);
    expect((await labels([other.variants[0]!.productId, ids[0]!], otherManager)).status).toBe(404);
    const shopper = await api.login((await createUser(api.db.prisma, 'SHOPPER')).email);
    expect([401, 403]).toContain((await labels(ids, shopper)).status);
    expect((await labels(ids)).status).toBe(401);
    // Bad lists: 400 with the code.
    for (const bad of [[], ['not-a-uuid'], [ids[0]!, ids[0]!]]) {
      const r = await labels(bad, manager);
      expect(r.status).toBe(400);
      expect(await r.text()).toContain('VALIDATION_FAILED');
    }
    // A draft product's QR code would lead nowhere: refused.
    await api.db.prisma.product.update({ where: { id: ids[2]! }, data: { status: 'DRAFT' } });
    const draft = await labels(ids, manager);
    expect(draft.status).toBe(400);
    await api.db.prisma.product.update({ where: { id: ids[2]! }, data: { status: 'PUBLISHED' } });
  });

  async function seedExtra(): Promise<string> {
    const p = await api.db.prisma.product.create({
      data: {
        museumId: shop.museumId,
        status: 'PUBLISHED',
        category: 'scarves',
        nameFr: 'Produit',
        nameEn: 'Product',
        nameZh: '产品',
        descriptionFr: 'd',
        descriptionEn: 'd',
        descriptionZh: '描述',
        searchText: 'product',
        minPriceEurCents: 1_500,
        publishedAt: new Date(),
      },
    });
    return p.id;
  }

  async function order(token: string, key: string, source?: string) {
    const added: any = await api.gql(ADD_LINE, { i: { variantId: shop.variants[1]!.id, quantity: 1, cartToken: null } }, token);
    expect(added.errors).toBeUndefined();
    return api.gql(PLACE_ORDER, { i: { ...placeOrderInput(added.data.addCartLine.cart.id, key, { id: residentId(7800 + key.length), name: '王芳' }), ...(source !== undefined ? { source } : {}) } }, token) as Promise<any>;
  }

  it('placeOrder records the shelf label it came from; orders without a marker are DIRECT; the list filters by channel; tenancy holds', async () => {
    const p = api.db.prisma;
    const buyer = await api.login((await createUser(p, 'SHOPPER')).email);
    // A malformed marker: VALIDATION_FAILED at input.source, nothing written.
    const before = { orders: await p.order.count(), attributions: await p.orderAttribution.count() };
    const bad = await order(buyer, 'attribution-bad-1', 'shelf-Louvre; DROP');
    expect(bad.errors[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(JSON.stringify(bad.errors[0].extensions)).toContain('input.source');
    expect({ orders: await p.order.count(), attributions: await p.orderAttribution.count() }).toEqual(before);

    const fromShelf = await order(buyer, 'attribution-shelf-1', `shelf-${slug}`);
    expect(fromShelf.errors).toBeUndefined();
    const shelfOrder = fromShelf.data.placeOrder.orders[0].id;
    // A short link a shopper shared from a product page (the shop's share action).
    const fromShare = await order(await api.login((await createUser(p, 'SHOPPER')).email), 'attribution-share-1', 'share-product');
    expect(fromShare.errors).toBeUndefined();
    const shareOrder = fromShare.data.placeOrder.orders[0].id;
    const direct = await order(await api.login((await createUser(p, 'SHOPPER')).email), 'attribution-direct-1');
    expect(direct.errors).toBeUndefined();
    const directOrder = direct.data.placeOrder.orders[0].id;

    expect(await p.orderAttribution.findUnique({ where: { orderId: shelfOrder } })).toMatchObject({ channel: 'SHELF_QR', ref: slug });
    expect(await p.orderAttribution.findUnique({ where: { orderId: directOrder } })).toBeNull();
    expect(((await api.gql(ORDER, { id: shelfOrder }, buyer)) as any).data.order.attribution).toEqual({ channel: 'SHELF_QR', ref: slug });
    expect(((await api.gql(ORDER, { id: shelfOrder }, manager)) as any).data.order.attribution).toEqual({ channel: 'SHELF_QR', ref: slug });
    expect(((await api.gql(ORDER, { id: directOrder }, manager)) as any).data.order.attribution).toEqual({ channel: 'DIRECT', ref: null });

    const list = async (c: string | null, token = manager) => ((await api.gql(LIST, { m: shop.museumId, c }, token)) as any);
    expect((await list('SHELF_QR')).data.museumOrders.nodes.map((n: any) => n.id)).toEqual([shelfOrder]);
    expect((await list('SHELF_QR')).data.museumOrders.totalCount).toBe(1);
    const directs = (await list('DIRECT')).data.museumOrders.nodes.map((n: any) => n.id);
    expect(directs).toContain(directOrder);
    expect(directs).not.toContain(shelfOrder);
    expect((await list('ARTICLE')).data.museumOrders.nodes).toEqual([]);
    expect(((await api.gql(ORDER, { id: shareOrder }, manager)) as any).data.order.attribution).toEqual({ channel: 'SHARE', ref: 'product' });
    expect((await list('SHARE')).data.museumOrders.nodes.map((n: any) => n.id)).toEqual([shareOrder]);
    expect((await list(null)).data.museumOrders.totalCount).toBe(directs.length + 2);
    expect((await list('RADIO')).errors[0].extensions.code).toBe('BAD_USER_INPUT');

    // Another museum's manager: not the order, not its attribution, not the list.
    expect(((await api.gql(ORDER, { id: shelfOrder }, otherManager)) as any).errors[0].extensions.code).toBe('NOT_FOUND');
    expect((await list('SHELF_QR', otherManager)).errors[0].extensions.code).toBe('NOT_FOUND');
    const theirs = ((await api.gql(LIST, { m: other.museumId, c: 'SHELF_QR' }, otherManager)) as any).data.museumOrders;
    expect(theirs.nodes).toEqual([]);
  });

  it('an order from the shop’s search results is SEARCH with its term (bounded, sanitized); a marker not as the shop keeps it writes nothing; tenancy holds', async () => {
    const p = api.db.prisma;
    const shopper = async () => api.login((await createUser(p, 'SHOPPER')).email);
    // Markers the shop never writes: upper case and two spaces, a bidi override, 41 characters, a phone number.
    const before = { orders: await p.order.count(), attributions: await p.orderAttribution.count() };
    for (const [i, bad] of ['search-Van  Gogh', 'search-丝\u202e巾', `search-${'丝'.repeat(41)}`, 'search-13800138000', 'search-'].entries()) {
      const refused = await order(await shopper(), `attribution-search-bad-${i}`, bad);
      expect({ bad, code: refused.errors?.[0].extensions.code }).toEqual({ bad, code: 'VALIDATION_FAILED' });
      expect(JSON.stringify(refused.errors[0].extensions)).toContain('input.source');
    }
    expect({ orders: await p.order.count(), attributions: await p.orderAttribution.count() }).toEqual(before);

    const buyer = await shopper();
    const searched = await order(buyer, 'attribution-search-1', 'search-丝巾');
    expect(searched.errors).toBeUndefined();
    const searchOrder = searched.data.placeOrder.orders[0].id;
    // Results of a search with filters only (no term): SEARCH, nothing named.
    const browsed = await order(await shopper(), 'attribution-search-2', 'search');
    expect(browsed.errors).toBeUndefined();
    const browseOrder = browsed.data.placeOrder.orders[0].id;

    expect(await p.orderAttribution.findUnique({ where: { orderId: searchOrder } })).toMatchObject({ channel: 'SEARCH', ref: '丝巾' });
    expect(await p.orderAttribution.findUnique({ where: { orderId: browseOrder } })).toMatchObject({ channel: 'SEARCH', ref: '' });
    expect(((await api.gql(ORDER, { id: searchOrder }, buyer)) as any).data.order.attribution).toEqual({ channel: 'SEARCH', ref: '丝巾' });
    expect(((await api.gql(ORDER, { id: searchOrder }, manager)) as any).data.order.attribution).toEqual({ channel: 'SEARCH', ref: '丝巾' });
    const list = async (c: string, token = manager) => ((await api.gql(LIST, { m: shop.museumId, c }, token)) as any);
    expect((await list('SEARCH')).data.museumOrders.nodes.map((n: any) => n.id).sort()).toEqual([searchOrder, browseOrder].sort());
    expect((await list('SHARE')).data.museumOrders.nodes.map((n: any) => n.id)).not.toContain(searchOrder);

    // Another museum's manager: not the order, not the list; their own SEARCH list is empty.
    expect(((await api.gql(ORDER, { id: searchOrder }, otherManager)) as any).errors[0].extensions.code).toBe('NOT_FOUND');
    expect((await list('SEARCH', otherManager)).errors[0].extensions.code).toBe('NOT_FOUND');
    expect(((await api.gql(LIST, { m: other.museumId, c: 'SEARCH' }, otherManager)) as any).data.museumOrders.nodes).toEqual([]);
  });
});
