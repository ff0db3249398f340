import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createMuseum, createProduct, createUser } from '@vitrine/shared/testing';
import { startApi, type ApiHarness } from '../support/api-harness';

const NOTICES = `query($locale: String) { myNotices(first: 50) { id kind message(locale: $locale) dropId variantId productId } }`;

/**
 * Drop and back-in-stock notices are stored as codes and parameters (message '') and written by
 * the API in the reader's language (zh-CN, en, fr), naming the item by its product's name in that
 * language; rows written in English before are turned into codes by the migration's backfill.
 * (The drops suites produce these rows through the worker; here they are read over HTTP.)
 */
describe('drop and back-in-stock notice texts', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('writes stored codes in the reader’s language with the item’s name, and the backfill turns English rows into codes', async () => {
    const p = api.db.prisma;
    const user = await createUser(p, 'SHOPPER');
    const token = await api.login(user.email);
    const museum = await createMuseum(p);
    const product = await createProduct(p, museum.id, { nameFr: 'Foulard Nymphéas', nameEn: 'Water Lilies scarf', nameZh: '睡莲丝巾' });
    const variantId = (await p.productVariant.findFirstOrThrow({ where: { productId: product.id } })).id;
    const draw = await p.drop.create({
      data: { museumId: museum.id, variantId, mode: 'DRAW', startsAt: new Date(), registrationClosesAt: new Date(Date.now() + 3_600_000), editionSize: 10, perIdentityLimit: 1, payWindowSeconds: 300, seedHash: 'a'.repeat(64), createdByUserId: user.id },
    });
    const ends = '2026-12-06T06:05:00.000Z';
    const at = (l: string) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(new Date(ends));
    // As the worker writes them now: codes and parameters.
    const rows = [
      { kind: 'DROP_OPEN', dropId: draw.id, params: { mode: 'DRAW' } },
      { kind: 'DROP_WON', dropId: draw.id, params: { turnEndsAt: ends } },
      { kind: 'DROP_CANCELLED', dropId: draw.id, params: { reason: 'the edition was damaged in transit' } },
      { kind: 'BACK_IN_STOCK', dropId: null, params: {} },
    ];
    for (const r of rows) await p.shopperNotice.create({ data: { userId: user.id, dropId: r.dropId, variantId, kind: r.kind, message: '', params: r.params } });
    const read = async (locale: string | null) => {
      const r: any = await api.gql(NOTICES, { locale }, token);
      expect(r.errors).toBeUndefined();
      return r.data.myNotices.map((n: any) => n.message).reverse();
    };
    expect(await read('zh-CN')).toEqual(['「睡莲丝巾」限量发售已开放登记。', `您已中签：请在 ${at('zh-CN')} 前为「睡莲丝巾」付款。`, '「睡莲丝巾」限量发售已取消：the edition was damaged in transit', '「睡莲丝巾」已补货。']);
    expect(await read('fr')).toEqual([
      'Les inscriptions sont ouvertes pour l’édition limitée Foulard Nymphéas.',
      `Vous avez été tiré au sort : payez Foulard Nymphéas avant le ${at('fr')}.`,
      'L’édition limitée Foulard Nymphéas a été annulée : the edition was damaged in transit',
      'Foulard Nymphéas est de nouveau en stock.',
    ]);
    // No locale and no Accept-Language, and no order to take the shopper's language from: the shop's, Chinese.
    expect(await read(null)).toEqual(await read('zh-CN'));
    expect(await read('en')).toEqual([
      'Registration is open for the limited edition of Water Lilies scarf.',
      `You were drawn: pay for Water Lilies scarf by ${at('en')}.`,
      'The limited edition of Water Lilies scarf was cancelled: the edition was damaged in transit',
      'Water Lilies scarf is back in stock.',
    ]);
    // The links still go to the product.
    expect(((await api.gql(NOTICES, {}, token)) as any).data.myNotices.every((n: any) => n.productId === product.id)).toBe(true);

    // Rows written in English before this change (a queue drop's, a drop that no longer exists, each kind).
    const other = await createUser(p, 'SHOPPER');
    const otherToken = await api.login(other.email);
    const gone = randomUUID();
    const legacy = [
      { kind: 'DROP_OPEN', dropId: draw.id, message: 'A drop you follow has started.' }, // the drop says DRAW: the drop wins
      { kind: 'DROP_OPEN', dropId: gone, message: 'Registration for a drop you follow is open.' },
      { kind: 'DROP_TURN', dropId: gone, message: 'It is your turn: pay for your limited edition before your time ends.' },
      { kind: 'DROP_WON', dropId: gone, message: 'You were drawn: pay for your limited edition before your time ends.' },
      { kind: 'DROP_TURN_EXPIRED', dropId: gone, message: 'Your turn in the drop ended before payment.' },
      { kind: 'DROP_NOT_SELECTED', dropId: gone, message: 'The drop has ended.' },
      { kind: 'DROP_NOT_SELECTED', dropId: gone, message: 'You were not drawn this time.' },
      { kind: 'DROP_CANCELLED', dropId: gone, message: 'A drop you follow was cancelled: sold elsewhere' },
      { kind: 'DROP_CANCELLED', dropId: gone, message: 'A drop you follow was cancelled.' },
      { kind: 'BACK_IN_STOCK', dropId: null, message: 'An item you asked about is back in stock.' },
    ];
    for (const l of legacy) await p.shopperNotice.create({ data: { userId: other.id, dropId: l.dropId, kind: l.kind, message: l.message } });
    const before = await p.shopperNotice.findMany({ where: { userId: user.id }, orderBy: { id: 'asc' } });
    const migrations = path.resolve(__dirname, '../../prisma/migrations');
    const sql = readFileSync(path.join(migrations, readdirSync(migrations).find((d) => d.endsWith('_drop_notice_texts'))!, 'migration.sql'), 'utf8');
    for (const statement of sql.split(/;\s*\n/).map((s) => s.replace(/^\s*--.*$/gm, '').trim()).filter(Boolean)) await p.$executeRawUnsafe(statement);
    const after = await p.shopperNotice.findMany({ where: { userId: other.id }, orderBy: { id: 'asc' } });
    expect(after.map((n) => [n.kind, n.message, n.params])).toEqual([
      ['DROP_OPEN', '', { mode: 'DRAW' }],
      ['DROP_OPEN', '', { mode: 'DRAW' }],
      ['DROP_TURN', '', {}],
      ['DROP_WON', '', {}],
      ['DROP_TURN_EXPIRED', '', {}],
      ['DROP_NOT_SELECTED', '', { mode: 'QUEUE' }],
      ['DROP_NOT_SELECTED', '', { mode: 'DRAW' }],
      ['DROP_CANCELLED', '', { reason: 'sold elsewhere' }],
      ['DROP_CANCELLED', '', {}],
      ['BACK_IN_STOCK', '', {}],
    ]);
    // Now written in the reader's language (no variant on these rows: no name).
    const zh: any = await api.gql(NOTICES, { locale: 'zh-CN' }, otherToken);
    expect(zh.data.myNotices.map((n: any) => n.message).reverse()).toEqual([
      '您关注的限量发售已开放登记。',
      '您关注的限量发售已开放登记。',
      '轮到您了：请在时限内为限量商品付款。',
      '您已中签：请在时限内为限量商品付款。',
      '您的购买时段已在付款前结束。',
      '限量发售已结束。',
      '很遗憾，您本次未抽中。',
      '您关注的限量发售已取消：sold elsewhere',
      '您关注的限量发售已取消。',
      '您关注的商品已补货。',
    ]);
    // Rows already stored as codes are untouched.
    expect(await p.shopperNotice.findMany({ where: { userId: user.id }, orderBy: { id: 'asc' } })).toEqual(before);
  });
});
