import { createUser } from '@vitrine/shared/testing';
import type { ApiHarness } from '../support/api-harness';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, residentId, seedFx, seedShop, startCheckoutApi, type Shop } from '../support/checkout-fixtures';

jest.setTimeout(120_000);

/**
 * Issue 17: lines and works in the shopper's language. A cart or order line's product name is
 * asked with the shopper's locale (the product's name in it, else zh-CN, en, fr); without a
 * locale it stays the zh-CN name customs is sent, and an order keeps the name snapshotted at
 * checkout if the product is gone. A work's date is kept in the museum's own wording, in English
 * and in Chinese, and shown per locale; only the museum's managers can write it.
 */
const CART = `query($t: String) { cart(cartToken: $t) { lines { id zh: name(locale: zh_CN) en: name(locale: en) fr: name(locale: fr) plain: name } } }`;
const ORDER = `query($id: ID!) { order(id: $id) { lines { productId zh: name(locale: zh_CN) en: name(locale: en) fr: name(locale: fr) plain: name } } }`;
const CREATE_ARTWORK = `mutation($i: CreateArtworkInput!) { createArtwork(input: $i) { id period periodName { fr en zhCN } } }`;
const UPDATE_ARTWORK = `mutation($i: UpdateArtworkInput!) { updateArtwork(input: $i) { id period periodName { fr en zhCN } } }`;
const WORKS = `query($id: ID!, $locale: Locale) { product(id: $id, locale: $locale) { inspiredBy { accessionNumber period } } }`;

describe('line names and work dates in the shopper’s language', () => {
  let api: ApiHarness;
  let close: () => Promise<void>;
  let shop: Shop;

  beforeAll(async () => {
    ({ api, close } = await startCheckoutApi());
    await seedFx(api.db.prisma, '7.8000');
    shop = await seedShop(api.db.prisma, { prices: [2_500, 4_000], stock: 10 });
    const p = api.db.prisma;
    await p.product.update({ where: { id: shop.variants[0]!.productId }, data: { nameFr: 'Foulard Iris', nameEn: 'Irises silk scarf', nameZh: '鸢尾花丝巾' } });
    // No English name: English falls back to the Chinese one.
    await p.product.update({ where: { id: shop.variants[1]!.productId }, data: { nameFr: 'Carnet Nymphéas', nameEn: '', nameZh: '睡莲笔记本' } });
  });
  afterAll(() => close());

  it('cart and order lines answer the product’s name per locale, and without one the zh-CN name snapshotted at checkout', async () => {
    const shopper = await api.login((await createUser(api.db.prisma, 'SHOPPER')).email);
    let cartId = '';
    for (const v of shop.variants) {
      const r: any = await api.gql(ADD_LINE, { i: { variantId: v.id, quantity: 1, cartToken: null } }, shopper);
      expect(r.errors).toBeUndefined();
      cartId = r.data.addCartLine.cart.id;
    }
    const cart: any = await api.gql(CART, {}, shopper);
    expect(cart.errors).toBeUndefined();
    const names = cart.data.cart.lines.map(({ zh, en, fr, plain }: any) => ({ zh, en, fr, plain }));
    expect(names).toEqual(
      expect.arrayContaining([
        { zh: '鸢尾花丝巾', en: 'Irises silk scarf', fr: 'Foulard Iris', plain: '鸢尾花丝巾' },
        { zh: '睡莲笔记本', en: '睡莲笔记本', fr: 'Carnet Nymphéas', plain: '睡莲笔记本' },
      ]),
    );

    const placed: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(cartId, 'localized-lines-1', { id: residentId(7701), name: '王芳' }) }, shopper);
    expect(placed.errors).toBeUndefined();
    const orderId = placed.data.placeOrder.orders[0].id;
    const order: any = await api.gql(ORDER, { id: orderId }, shopper);
    expect(order.errors).toBeUndefined();
    const scarf = order.data.order.lines.find((l: any) => l.productId === shop.variants[0]!.productId);
    expect(scarf).toMatchObject({ zh: '鸢尾花丝巾', en: 'Irises silk scarf', fr: 'Foulard Iris', plain: '鸢尾花丝巾' });
    // The catalogue renames the product: the order shows today's names in each language, the snapshot without one.
    await api.db.prisma.product.update({ where: { id: shop.variants[0]!.productId }, data: { nameEn: 'Irises scarf' } });
    const renamed: any = await api.gql(ORDER, { id: orderId }, shopper);
    expect(renamed.data.order.lines.find((l: any) => l.productId === shop.variants[0]!.productId)).toMatchObject({ en: 'Irises scarf', plain: '鸢尾花丝巾' });
    // Another shopper cannot read the order, in any language.
    const stranger = await api.login((await createUser(api.db.prisma, 'SHOPPER')).email);
    expect(((await api.gql(ORDER, { id: orderId }, stranger)) as any).errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('a work’s date in the museum’s wording, English and Chinese, shown per locale; another museum’s manager cannot change it', async () => {
    const p = api.db.prisma;
    const manager = await api.login((await createUser(p, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
    const other = await api.login((await createUser(p, 'MUSEUM_MANAGER', { museumIds: [] })).email);
    const created: any = await api.gql(
      CREATE_ARTWORK,
      { i: { museumId: shop.museumId, accessionNumber: 'MI 1448', title: { fr: 'La Dentellière', en: 'The Lacemaker', zhCN: '花边女工' }, artist: 'Johannes Vermeer', period: 'vers 1669–1670', periodName: { en: 'c. 1669–1670', zhCN: '约1669–1670年' }, creditLine: 'Musée' } },
      manager,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data.createArtwork).toMatchObject({ period: 'vers 1669–1670', periodName: { fr: 'vers 1669–1670', en: 'c. 1669–1670', zhCN: '约1669–1670年' } });
    const artworkId = created.data.createArtwork.id;
    await p.productArtwork.create({ data: { productId: shop.variants[0]!.productId, artworkId } });
    const period = async (locale: string) => ((await api.gql(WORKS, { id: shop.variants[0]!.productId, locale })) as any).data.product.inspiredBy[0].period;
    expect(await period('zh_CN')).toBe('约1669–1670年');
    expect(await period('en')).toBe('c. 1669–1670');
    expect(await period('fr')).toBe('vers 1669–1670');

    // Bad input is refused with nothing written; another museum's manager gets NOT_FOUND.
    const tooLong: any = await api.gql(UPDATE_ARTWORK, { i: { id: artworkId, periodName: { zhCN: '年'.repeat(200) } } }, manager);
    expect(tooLong.errors[0].extensions.code).toBe('VALIDATION_FAILED');
    const foreign: any = await api.gql(UPDATE_ARTWORK, { i: { id: artworkId, periodName: { zhCN: '伪造' } } }, other);
    expect(foreign.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(await p.artwork.findUniqueOrThrow({ where: { id: artworkId } })).toMatchObject({ periodZh: '约1669–1670年', periodEn: 'c. 1669–1670' });
    // The manager corrects the Chinese date only.
    const fixed: any = await api.gql(UPDATE_ARTWORK, { i: { id: artworkId, periodName: { zhCN: '约1669至1670年' } } }, manager);
    expect(fixed.data.updateArtwork.periodName).toEqual({ fr: 'vers 1669–1670', en: 'c. 1669–1670', zhCN: '约1669至1670年' });
  });
});
