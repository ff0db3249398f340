import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createUser } from '@vitrine/shared/testing';
import type { ApiHarness } from '../support/api-harness';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, residentId, type Shop } from '../support/checkout-fixtures';
import { startPipeline, type PipelineHarness } from '../support/pipeline-harness';
import type { SpawnedProcess } from '../support/spawn-api';
import type { StripeLoopback } from '../support/stripe-loopback';
import { until } from '../support/worker-process';

const HISTORY = `query($id: ID!, $locale: String) { museumReturn(id: $id) { history(locale: $locale) { kind detail params } } }`;
const NOTICES = `query($locale: String) { myNotices { kind returnId message(locale: $locale) } }`;
const money = (locale: string, minor: number) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' }).format(minor / 100);

/**
 * A return's history and the shopper's notices are kept as codes and parameters, not English
 * sentences, and read in the reader's language: the console's English and French, the shop's
 * Chinese and English (an explicit locale, or the request's Accept-Language). Rows written in
 * English before are turned into codes by the migration's backfill and read the same way. The
 * order reaches DELIVERED, the return's waybill and customs acceptance come through the real
 * worker and loopbacks.
 */
describe('return texts in the reader’s language', () => {
  let h: PipelineHarness;
  let api: ApiHarness;
  let stripe: StripeLoopback;
  let shop: Shop;
  let worker: SpawnedProcess;

  beforeAll(async () => {
    h = await startPipeline('return-texts', { shop: { prices: [2_500], stock: 20 }, worker: { RETURNS_SWEEP_MS: '300' } });
    ({ api, stripe, shop } = h);
    worker = h.worker!;
  }, 180_000);
  afterAll(() => h?.close());

  it('stores codes and parameters, and writes history and notices in English, French and Chinese; old English rows too', async () => {
    const shopperUser = await createUser(api.db.prisma, 'SHOPPER');
    const shopper = await api.login(shopperUser.email);
    const manager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
    const added: any = await api.gql(ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity: 2, cartToken: null } }, shopper);
    const placed: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(added.data.addCartLine.cart.id, `texts-${h.prefix}`, { id: residentId(7801), name: '郑洁' }) }, shopper);
    expect(placed.errors).toBeUndefined();
    const order = placed.data.placeOrder.orders[0];
    expect(await stripe.deliver(api.baseUrl, stripe.succeed(placed.data.placeOrder.payment.paymentIntentId))).toBe(200);
    await until('the order delivered', async () => (await api.db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status === 'DELIVERED', 90_000, worker);

    const asked: any = await api.gql(`mutation($i: RequestReturnInput!) { requestReturn(input: $i) { id } }`, { i: { orderId: order.id, reason: 'DAMAGED', lines: [{ lineId: order.lines[0].id, quantity: 1 }] } }, shopper);
    expect(asked.errors).toBeUndefined();
    const id = asked.data.requestReturn.id as string;
    expect((await api.gql(`mutation($id: ID!) { decideReturn(returnId: $id, accept: true, comment: "Sorry: send it back") { id } }`, { id }, manager)).errors).toBeUndefined();
    await until('customs accepts the return', async () => (await api.db.prisma.orderReturn.findUniqueOrThrow({ where: { id } })).customsStatus === 'ACCEPTED', 60_000, worker);
    expect((await api.gql(`mutation($id: ID!) { markReturnReceived(returnId: $id) { id } }`, { id }, manager)).errors).toBeUndefined();
    const inspected: any = await api.gql(`mutation($i: InspectReturnInput!) { inspectReturn(input: $i) { refundAmount } }`, { i: { returnId: id, lines: [{ lineId: order.lines[0].id, acceptedQuantity: 1, sellable: true }] } }, manager);
    expect(inspected.errors).toBeUndefined();
    const refunded = inspected.data.inspectReturn.refundAmount as number;
    const waybill = (await api.db.prisma.orderReturn.findUniqueOrThrow({ where: { id } })).returnLogisticsNo!;

    // Stored: codes and parameters, no sentence.
    const events = await api.db.prisma.orderReturnEvent.findMany({ where: { returnId: id }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.kind)).toEqual(['REQUESTED', 'ACCEPTED', 'WAYBILL', 'CUSTOMS_ACCEPTED', 'RECEIVED', 'INSPECTED', 'REFUNDED']);
    expect(events.every((e) => e.detail === '')).toBe(true);
    expect(events[0]!.params).toEqual({ reason: 'DAMAGED', lines: [{ lineId: order.lines[0].id, quantity: 1 }] });
    expect(events[2]!.params).toEqual({ waybill });
    const notices = await api.db.prisma.shopperNotice.findMany({ where: { returnId: id } });
    expect(notices.length).toBe(7);
    expect(notices.every((n) => n.message === '')).toBe(true);

    const history = async (locale: string | null) => {
      const r: any = await api.gql(HISTORY, { id, locale }, manager);
      expect(r.errors).toBeUndefined();
      return r.data.museumReturn.history.map((e: any) => e.detail);
    };
    // The console in English and in French.
    expect(await history('en')).toEqual(['Reason: damaged; 1 unit(s)', 'Sorry: send it back', `Return waybill ${waybill}`, 'Customs accepted the return declaration', 'Marked received by the seller', '1 unit(s) accepted, 1 back on sale', `${money('en', refunded)} refunded`]);
    expect(await history('fr')).toEqual([
      'Motif : endommagé ; 1 unité(s)',
      'Sorry: send it back',
      `Lettre de transport retour ${waybill}`,
      'La douane a accepté la déclaration de retour',
      'Marqué reçu par le vendeur',
      '1 unité(s) acceptée(s), 1 remise(s) en vente',
      `${money('fr', refunded)} remboursés`,
    ]);
    // Without a locale: the request's Accept-Language (the shop's Chinese).
    const raw = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${manager}`, 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' },
      body: JSON.stringify({ query: HISTORY, variables: { id } }),
    });
    const zh = ((await raw.json()) as any).data.museumReturn.history.map((e: any) => e.detail);
    expect(zh).toEqual(['原因：商品损坏；共 1 件', 'Sorry: send it back', `退货运单号 ${waybill}`, '海关已接受退货申报', '卖家已确认收到包裹', '验收通过 1 件，其中 1 件重新上架', `已退款 ${money('zh-CN', refunded)}`]);
    expect(await history(null)).toEqual((await history('en')));

    // The shopper's notices in Chinese and in English.
    const mine = async (locale: string) => ((await api.gql(NOTICES, { locale }, shopper)) as any).data.myNotices.filter((n: any) => n.returnId === id);
    const zhNotices = await mine('zh-CN');
    expect(zhNotices.find((n: any) => n.kind === 'WAYBILL').message).toBe(`您的退货运单号为 ${waybill}，承运商将上门取件。`);
    expect(zhNotices.find((n: any) => n.kind === 'REFUNDED').message).toBe(`退款 ${money('zh-CN', refunded)} 正在退回您的账户。`);
    expect(zhNotices.find((n: any) => n.kind === 'CUSTOMS_ACCEPTED').message).toBe('海关已接受您的退货：税款不予征收，您的年度额度已恢复。');
    const enNotices = await mine('en');
    expect(enNotices.find((n: any) => n.kind === 'REFUNDED').message).toBe(`Your refund of ${money('en', refunded)} is on its way.`);
    expect(enNotices.every((n: any) => n.message && !/[\u4e00-\u9fff]/.test(n.message))).toBe(true);

    // Rows written in English before this change: the migration's backfill turns them into codes.
    const legacy = await api.db.prisma.orderReturnEvent.create({ data: { returnId: id, orderId: order.id, kind: 'REFUNDED', detail: '1234 fen (succeeded)' } });
    const legacyLate = await api.db.prisma.orderReturnEvent.create({ data: { returnId: id, orderId: order.id, kind: 'LATE', detail: 'not at the supervised site by 2027-01-18T08:17:11.000Z' } });
    const legacyNotice = await api.db.prisma.shopperNotice.create({ data: { userId: shopperUser.id, orderId: order.id, returnId: id, kind: 'ACCEPTED', message: 'Your return was accepted. Send the parcel before 2027-01-18.' } });
    const migrations = path.resolve(__dirname, '../../prisma/migrations');
    const sql = readFileSync(path.join(migrations, readdirSync(migrations).find((d) => d.endsWith('_return_texts'))!, 'migration.sql'), 'utf8');
    const backfill = sql.slice(sql.indexOf('-- Backfill'));
    for (const statement of backfill.split(/;\s*\n/).map((s) => s.replace(/^\s*--.*$/gm, '').trim()).filter(Boolean)) await api.db.prisma.$executeRawUnsafe(statement);
    expect(await api.db.prisma.orderReturnEvent.findUniqueOrThrow({ where: { id: legacy.id } })).toMatchObject({ detail: '', params: { amountMinor: 1234, currency: 'CNY', status: 'succeeded' } });
    expect((await api.db.prisma.orderReturnEvent.findUniqueOrThrow({ where: { id: legacyLate.id } })).params).toEqual({ deadline: '2027-01-18T08:17:11.000Z' });
    expect(await api.db.prisma.shopperNotice.findUniqueOrThrow({ where: { id: legacyNotice.id } })).toMatchObject({ message: '', params: { arrivalDeadline: '2027-01-18' } });
    // The steps written since were not touched by the backfill.
    expect((await api.db.prisma.orderReturnEvent.findMany({ where: { returnId: id }, orderBy: { id: 'asc' } })).slice(0, 7).map((e) => e.params)).toEqual(events.map((e) => e.params));
    const fr = await history('fr');
    expect(fr.slice(-2)).toEqual([`${money('fr', 1234)} remboursés`, `Pas au site sous douane le ${new Intl.DateTimeFormat('fr', { dateStyle: 'long', timeZone: 'Asia/Shanghai' }).format(new Date('2027-01-18T08:17:11.000Z'))}`]);
    expect((await mine('fr')).find((n: any) => n.kind === 'ACCEPTED' && n.message.includes('2027')).message).toBe(
      `Votre retour a été accepté. Envoyez le colis avant le ${new Intl.DateTimeFormat('fr', { dateStyle: 'long', timeZone: 'Asia/Shanghai' }).format(new Date('2027-01-18'))}.`,
    );
  }, 240_000);
});
