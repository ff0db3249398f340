import { createHash } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { FxRatesService, shopperPrice, type ShopperQuote } from '@vitrine/catalog';
import {
  IdentityRecordsService,
  MESSAGE_TYPE,
  businessNo,
  crossBorderRulesFromEnv,
  customsTime,
  maskedEntryXml,
  parseResidentId,
  stableGuid,
  type Declaration,
  type Enterprise,
} from '@vitrine/customs';
import { StockService } from '@vitrine/inventory';
import { RoyaltyAccrualService, RoyaltyStatementsService } from '@vitrine/licensing';
import { CONSENT_VERSION, pipelineConfigFromEnv, priceCheckout, shippingRatesFromEnv, type CustomsMode } from '@vitrine/orders';
import type { OrderStatus, PrismaService, Tx } from '@vitrine/shared/data-access';
import type { CoBranded } from './demo-licensing';
import { locationId } from './demo-stock';
import { stableId } from './stable-id';

/** The GB 11643-1999 published sample (also test/support/checkout-fixtures.ts): valid, and nobody's. */
export const DEMO_RESIDENT_ID = '11010519491231002X';
export const DEMO_RESIDENT_ID_MASKED = '110***********002X';
export const DEMO_SHOPPER_EMAIL = 'shopper@vitrine.test';

const RECIPIENT = { name: '李娜', phone: '13800138000', province: '上海市', city: '上海市', district: '徐汇区', street: '漕溪北路 88 号 1203 室', postalCode: '200030' };

type DemoState = 'PAID' | 'CUSTOMS_SUBMITTED' | 'HELD' | 'SHIPPED' | 'DELIVERED' | 'REFUNDED';

interface DemoOrderSpec {
  key: string;
  museumSlug: string;
  /** A museum location code, or 'brand' for the co-branded product from the brand's own stock. */
  from: string;
  lines: { sku: string; quantity: number }[] | 'co-branded';
  state: DemoState;
  /** Hours before the seed ran that the order was placed, or 'last-month': on a day of the previous month. */
  ageHours: number | 'last-month';
  heldReason?: string;
}

/**
 * The demo shopper's orders, one per state a newcomer should see. Each is left in a state the
 * worker's pipeline never picks up, so nothing is declared to a customs gateway or booked
 * with a carrier that was not asked to (a real one when CUSTOMS_GATEWAY_URL / CARRIER_API_URL
 * are set):
 * - PAID carries its three customs messages PENDING with the waybill issued: the sweep starts
 *   only paid orders without any message (paidWithoutDeclaration), settles only orders whose
 *   messages moved (lagging), and no declare job is in the outbox;
 * - CUSTOMS_SUBMITTED and HELD have every message answered (ACCEPTED, or the order HELD with
 *   customs' reason): nothing lags behind them, and the receipt feed only carries what the
 *   gateway itself was sent;
 * - SHIPPED is IN_TRANSIT and DELIVERED delivered: tracking is a feed of the carrier's own
 *   parcels, and the booking step only takes CLEARED orders;
 * - REFUNDED was refunded before any declaration: there is nothing to withdraw.
 * No outbox row is written for any of them.
 */
export const DEMO_ORDERS: DemoOrderSpec[] = [
  { key: 'louvre-delivered', museumSlug: 'louvre', from: 'EU-PARIS', lines: [], state: 'DELIVERED', ageHours: 24 * 19 },
  { key: 'british-museum-refunded', museumSlug: 'british-museum', from: 'EU-ROTTERDAM', lines: [], state: 'REFUNDED', ageHours: 24 * 12 },
  { key: 'orsay-shipped', museumSlug: 'orsay', from: 'EU-PARIS', lines: [], state: 'SHIPPED', ageHours: 24 * 6 },
  {
    key: 'british-museum-held',
    museumSlug: 'british-museum',
    from: 'EU-ROTTERDAM',
    lines: [],
    state: 'HELD',
    ageHours: 24 * 4,
    heldReason: '申报商品名称与归类不符，请补充材质说明 (goods description does not match the declared tariff line: state the material)',
  },
  { key: 'louvre-customs-submitted', museumSlug: 'louvre', from: 'CN-NINGBO-BONDED', lines: [], state: 'CUSTOMS_SUBMITTED', ageHours: 30 },
  { key: 'orsay-paid', museumSlug: 'orsay', from: 'EU-PARIS', lines: [], state: 'PAID', ageHours: 3 },
  // Paid last month, so the month's royalty statement exists from the start.
  { key: 'louvre-co-branded-delivered', museumSlug: 'louvre', from: 'brand', lines: 'co-branded', state: 'DELIVERED', ageHours: 'last-month' },
  { key: 'louvre-co-branded-submitted', museumSlug: 'louvre', from: 'brand', lines: 'co-branded', state: 'CUSTOMS_SUBMITTED', ageHours: 0.5 },
  { key: 'louvre-co-branded-paid', museumSlug: 'louvre', from: 'brand', lines: 'co-branded', state: 'PAID', ageHours: 0.25 },
];

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
/** VT-YYMMDD-XXXXXXXX like a real order number, derived from the demo key so reruns agree. */
function demoOrderNumber(key: string, at: Date): string {
  const h = createHash('sha256').update(`vitrine-demo-order:${key}`).digest();
  let suffix = '';
  for (let i = 0; i < 8; i++) suffix += ALPHABET[h[i]! % ALPHABET.length];
  return `VT-${at.toISOString().slice(2, 10).replace(/-/g, '')}-${suffix}`;
}

interface VariantRow {
  id: string;
  productId: string;
  sku: string;
  priceMinor: number;
  weightGrams: number;
  hsCode: string;
  originCountry: string;
  netContent: number | null;
  netContentUnit: 'ML' | 'G' | 'PIECE' | null;
  product: { nameZh: string; nameEn: string; nameFr: string; crossBorderCategory: string; status: string };
}

/** Which demo SKUs each museum order buys: published, in stock at its location, picked from the level rows. */
async function pickLines(prisma: PrismaService, locationIdValue: string, skip: number, count: number): Promise<{ variantId: string; quantity: number }[]> {
  const levels = await prisma.stockLevel.findMany({
    where: { locationId: locationIdValue, onHand: { gte: 10 } },
    select: { variantId: true },
    orderBy: { variantId: 'asc' },
  });
  return levels.slice(skip, skip + count).map((l, i) => ({ variantId: l.variantId, quantity: 1 + (i % 2) }));
}

export interface OrdersSeeded {
  created: number;
}

export async function seedOrders(app: INestApplicationContext, prisma: PrismaService, museumIds: ReadonlyMap<string, string>, coBranded: CoBranded | null): Promise<OrdersSeeded> {
  const shopper = await prisma.user.findUnique({ where: { email: DEMO_SHOPPER_EMAIL }, select: { id: true } });
  if (!shopper) return { created: 0 };
  const existing = new Set((await prisma.order.findMany({ where: { id: { in: DEMO_ORDERS.map((o) => stableId(`order:${o.key}`)) } }, select: { id: true } })).map((o) => o.id));
  const todo = DEMO_ORDERS.filter((o) => !existing.has(stableId(`order:${o.key}`)) && (o.lines !== 'co-branded' || coBranded));
  if (!todo.length) return { created: 0 };

  const parsed = parseResidentId(DEMO_RESIDENT_ID, new Date());
  if (!parsed.ok) throw new Error(`the demo resident ID is not valid: ${parsed.problem}`);
  const residentId = parsed.id;
  const identities = app.get(IdentityRecordsService);
  const stock = app.get(StockService);
  const settings = await app.get(FxRatesService).shopperQuote();
  const rules = crossBorderRulesFromEnv();
  const shipping = shippingRatesFromEnv();
  const customs = customsEnterprises(process.env);
  const { code: carrierCode, name: carrierName } = pipelineConfigFromEnv().carrier;
  const carrier: Enterprise = { code: carrierCode, name: carrierName };
  const now = new Date();
  let created = 0;

  for (const [index, spec] of todo.entries()) {
    const museumId = museumIds.get(spec.museumSlug);
    if (!museumId) continue;
    const fromBrand = spec.from === 'brand';
    const stockLocationId = fromBrand ? coBranded!.locationId : locationId(spec.museumSlug, spec.from);
    const location = await prisma.stockLocation.findUnique({ where: { id: stockLocationId }, select: { kind: true } });
    if (!location) continue;
    const wanted =
      spec.lines === 'co-branded'
        ? [{ variantId: coBranded!.variantId, quantity: 1 }]
        : await pickLines(prisma, stockLocationId, (index * 3) % 7, spec.state === 'DELIVERED' ? 3 : 2);
    if (!wanted.length) continue;
    const variants = new Map(
      (
        await prisma.productVariant.findMany({
          where: { id: { in: wanted.map((w) => w.variantId) } },
          select: { id: true, productId: true, sku: true, priceMinor: true, weightGrams: true, hsCode: true, originCountry: true, netContent: true, netContentUnit: true, product: { select: { nameZh: true, nameEn: true, nameFr: true, crossBorderCategory: true, status: true } } },
        })
      ).map((v): [string, VariantRow] => [v.id, v]),
    );
    if (wanted.some((w) => variants.get(w.variantId)?.product.status !== 'PUBLISHED')) continue;

    // 'last-month': twelve days before the end of the previous month (whatever today is, a day of it).
    const ageHours = spec.ageHours === 'last-month' ? 24 * (now.getUTCDate() + 12) : spec.ageHours;
    const placedAt = new Date(now.getTime() - ageHours * 3_600_000);
    // The rate in force when the order was placed (the oldest seeded one for older orders).
    const fx =
      (await prisma.fxRate.findFirst({ where: { base: 'EUR', quote: 'CNY', effectiveAt: { lte: placedAt } }, orderBy: { effectiveAt: 'desc' } })) ??
      (await prisma.fxRate.findFirst({ where: { base: 'EUR', quote: 'CNY' }, orderBy: { effectiveAt: 'asc' } }));
    if (!fx) continue;
    const quote: ShopperQuote = { ...settings, fx: { id: fx.id, base: fx.base, quote: fx.quote, rate: fx.rate.toFixed(), source: fx.source, effectiveAt: fx.effectiveAt } };
    const customsMode: CustomsMode = location.kind === 'BONDED_WAREHOUSE_CN' ? '1210' : '9610';
    const pricing = priceCheckout(
      [
        {
          sellerId: museumId,
          customsMode,
          lines: wanted.map((w, i) => {
            const v = variants.get(w.variantId)!;
            return {
              ref: String(i),
              variantId: v.id,
              unitPriceMinor: shopperPrice(v.priceMinor, quote).amount,
              quantity: w.quantity,
              weightGrams: v.weightGrams,
              category: v.product.crossBorderCategory,
              hsCode: v.hsCode,
              netContent: v.netContent != null && v.netContentUnit ? { amount: v.netContent, unit: v.netContentUnit } : null,
            };
          }),
        },
      ],
      rules,
      shipping,
    );
    const priced = pricing.orders[0]!;

    const orderId = stableId(`order:${spec.key}`);
    const checkoutId = stableId(`checkout:${spec.key}`);
    const cartId = stableId(`cart:${spec.key}`);
    const number = demoOrderNumber(spec.key, placedAt);
    const holdExpiresAt = new Date(placedAt.getTime() + 15 * 60_000);
    const paidAt = new Date(placedAt.getTime() + 2 * 60_000);
    const providerPaymentId = `pi_demo_${createHash('sha256').update(spec.key).digest('hex').slice(0, 24)}`;

    await prisma.$transaction(
      async (tx) => {
        await tx.cart.create({ data: { id: cartId, userId: shopper.id, status: 'CHECKED_OUT', createdAt: placedAt, updatedAt: placedAt } });
        const identity = await identities.record(tx, residentId);
        await tx.checkout.create({
          data: {
            id: checkoutId,
            idempotencyKey: `demo-${spec.key}`,
            fingerprint: createHash('sha256').update(`demo-checkout:${spec.key}`).digest('hex'),
            cartId,
            shopperUserId: shopper.id,
            identityId: identity.identityId,
            currency: 'CNY',
            goodsMinor: priced.goodsMinor,
            shippingMinor: priced.shippingMinor,
            insuranceMinor: priced.insuranceMinor,
            taxMinor: priced.taxMinor,
            totalMinor: priced.totalMinor,
            idConsentAt: placedAt,
            riskNoticeAcceptedAt: placedAt,
            consentVersion: CONSENT_VERSION,
            holdExpiresAt,
            createdAt: placedAt,
          },
        });
        await tx.order.create({
          data: {
            id: orderId,
            number,
            checkoutId,
            museumId,
            fulfilledByBrandId: fromBrand ? coBranded!.brandId : null,
            shopperUserId: shopper.id,
            identityId: identity.identityId,
            status: 'PENDING_PAYMENT',
            customsMode,
            stockLocationId,
            currency: 'CNY',
            goodsMinor: priced.goodsMinor,
            shippingMinor: priced.shippingMinor,
            insuranceMinor: priced.insuranceMinor,
            taxMinor: priced.taxMinor,
            totalMinor: priced.totalMinor,
            fxRate: quote.fx.rate,
            fxMarginBps: quote.marginBps,
            fxSource: quote.fx.source,
            fxEffectiveAt: quote.fx.effectiveAt,
            ordererName: RECIPIENT.name,
            ordererIdMasked: identity.masked,
            recipientName: RECIPIENT.name,
            recipientPhone: RECIPIENT.phone,
            province: RECIPIENT.province,
            city: RECIPIENT.city,
            district: RECIPIENT.district,
            street: RECIPIENT.street,
            postalCode: RECIPIENT.postalCode,
            holdExpiresAt,
            createdAt: placedAt,
            updatedAt: placedAt,
            lines: {
              create: priced.lines.map((l, position) => {
                const v = variants.get(l.variantId)!;
                return {
                  position,
                  variantId: v.id,
                  productId: v.productId,
                  sku: v.sku,
                  name: v.product.nameZh || v.product.nameEn || v.product.nameFr,
                  crossBorderCategory: l.category,
                  hsCode: v.hsCode,
                  originCountry: v.originCountry,
                  weightGrams: l.weightGrams,
                  quantity: l.quantity,
                  unitPriceEurMinor: v.priceMinor,
                  unitPriceMinor: l.unitPriceMinor,
                  currency: 'CNY',
                  goodsMinor: l.goodsMinor,
                  freightMinor: l.freightMinor,
                  insuranceMinor: l.insuranceMinor,
                  dutiableMinor: l.dutiableMinor,
                  taxRate: l.taxRate,
                  taxMinor: l.taxMinor,
                  taxRegime: l.regime,
                  dutyMinor: l.dutyMinor,
                  vatMinor: l.vatMinor,
                  consumptionTaxMinor: l.consumptionTaxMinor,
                  totalMinor: l.totalMinor,
                  fxRate: quote.fx.rate,
                  fxSource: quote.fx.source,
                  fxEffectiveAt: quote.fx.effectiveAt,
                };
              }),
            },
          },
        });
        // Stock as checkout and payment move it: RESERVE at placing, COMMIT once paid.
        await stock.reserve(tx, { ownerId: orderId, locationId: stockLocationId, lines: wanted.map((w, i) => ({ ref: String(i), variantId: w.variantId, quantity: w.quantity })), expiresAt: holdExpiresAt });
        await stock.commit(tx, [orderId]);
        await tx.payment.create({
          data: {
            checkoutId,
            providerPaymentId,
            clientSecret: `${providerPaymentId}_secret_demo`,
            amountMinor: priced.totalMinor,
            currency: 'CNY',
            status: 'SUCCEEDED',
            amountRefundedMinor: spec.state === 'REFUNDED' ? priced.totalMinor : 0,
            createdAt: placedAt,
            updatedAt: paidAt,
          },
        });

        const history: { from: OrderStatus | null; to: OrderStatus; reason: string; at: Date }[] = [
          { from: null, to: 'PENDING_PAYMENT', reason: 'placed', at: placedAt },
          { from: 'PENDING_PAYMENT', to: 'PAID', reason: 'payment succeeded', at: paidAt },
        ];
        const step = (hours: number) => new Date(Math.min(paidAt.getTime() + hours * 3_600_000, now.getTime() - 60_000));
        const declared = spec.state !== 'REFUNDED';
        let logisticsNo: string | null = null;
        if (declared) {
          logisticsNo = `VL${createHash('sha256').update(`waybill:${spec.key}`).digest('hex').slice(0, 10).toUpperCase()}`;
          const shipmentStatus = spec.state === 'DELIVERED' ? 'DELIVERED' : spec.state === 'SHIPPED' ? 'IN_TRANSIT' : 'WAYBILL_ISSUED';
          const shipmentId = stableId(`shipment:${spec.key}`);
          await tx.shipment.create({
            data: {
              id: shipmentId,
              orderId,
              museumId,
              carrierCode: carrier.code,
              logisticsNo,
              status: shipmentStatus,
              waybillIssuedAt: step(0.05),
              bookingRef: shipmentStatus === 'WAYBILL_ISSUED' ? null : `BK-${logisticsNo}`,
              bookedAt: shipmentStatus === 'WAYBILL_ISSUED' ? null : step(6),
              deliveredAt: shipmentStatus === 'DELIVERED' ? step(24 * 7) : null,
              bookingAttempts: shipmentStatus === 'WAYBILL_ISSUED' ? 0 : 1,
              updatedAt: step(shipmentStatus === 'DELIVERED' ? 24 * 7 : 30),
            },
          });
          if (shipmentStatus !== 'WAYBILL_ISSUED') {
            const events = [
              { status: 'PICKED_UP', description: 'Parcel picked up from the warehouse', location: customsMode === '1210' ? '宁波保税区' : 'Paris, FR', hours: 8 },
              { status: 'IN_TRANSIT', description: 'Departed the origin hub', location: customsMode === '1210' ? '宁波' : 'Paris CDG, FR', hours: 20 },
              { status: 'ARRIVED', description: 'Arrived at the destination hub', location: '上海', hours: 24 * 4 },
              ...(shipmentStatus === 'DELIVERED'
                ? [
                    { status: 'OUT_FOR_DELIVERY', description: 'Out for delivery', location: '上海市徐汇区', hours: 24 * 6.8 },
                    { status: 'DELIVERED', description: 'Delivered, signed by the recipient', location: '上海市徐汇区', hours: 24 * 7 },
                  ]
                : []),
            ];
            await tx.shipmentEvent.createMany({
              data: events.map((e, i) => ({ shipmentId, eventId: `demo-${spec.key}-${i}`, status: e.status, description: e.description, location: e.location, occurredAt: step(e.hours), receivedAt: step(e.hours) })),
            });
          }
          await writeCustomsMessages(tx, {
            orderId,
            museumId,
            number,
            spec,
            priced,
            lines: priced.lines.map((l) => ({ ...l, v: variants.get(l.variantId)! })),
            shopperUserId: shopper.id,
            paidAt,
            providerPaymentId,
            logisticsNo,
            customsMode,
            ebp: customs.ebp,
            ebc: customs.ebc,
            pay: customs.payment,
            logistics: carrier,
            sentAt: step(0.1),
            answeredAt: step(0.5),
            masked: identity.masked,
          });
        }
        switch (spec.state) {
          case 'PAID':
            break;
          case 'REFUNDED': {
            const refundedAt = step(20);
            await stock.releaseAll(tx, [orderId], 'refunded');
            const payment = await tx.payment.findUniqueOrThrow({ where: { checkoutId }, select: { id: true } });
            await tx.paymentRefund.create({
              data: { paymentId: payment.id, providerRefundId: `re_demo_${providerPaymentId.slice(8)}`, amountMinor: priced.totalMinor, currency: 'CNY', status: 'succeeded', orderId, reason: 'requested_by_customer', createdAt: refundedAt, updatedAt: refundedAt },
            });
            history.push({ from: 'PAID', to: 'REFUNDED', reason: 'refunded', at: refundedAt });
            await tx.order.update({ where: { id: orderId }, data: { refundedAt } });
            break;
          }
          case 'HELD':
            history.push({ from: 'PAID', to: 'CUSTOMS_SUBMITTED', reason: 'customs accepted the order, payment and waybill messages', at: step(0.5) });
            history.push({ from: 'CUSTOMS_SUBMITTED', to: 'HELD', reason: `held by customs: ${spec.heldReason}`, at: step(5) });
            break;
          case 'CUSTOMS_SUBMITTED':
            history.push({ from: 'PAID', to: 'CUSTOMS_SUBMITTED', reason: 'customs accepted the order, payment and waybill messages', at: step(0.5) });
            break;
          case 'SHIPPED':
          case 'DELIVERED':
            history.push({ from: 'PAID', to: 'CUSTOMS_SUBMITTED', reason: 'customs accepted the order, payment and waybill messages', at: step(0.5) });
            history.push({ from: 'CUSTOMS_SUBMITTED', to: 'CLEARED', reason: 'customs released the parcel (放行)', at: step(4) });
            await stock.ship(tx, [orderId], `shipped with waybill ${logisticsNo}`);
            history.push({ from: 'CLEARED', to: 'SHIPPED', reason: `handed to carrier ${carrier.code}, waybill ${logisticsNo}`, at: step(6) });
            if (spec.state === 'DELIVERED') history.push({ from: 'SHIPPED', to: 'DELIVERED', reason: `delivered (waybill ${logisticsNo})`, at: step(24 * 7) });
            break;
        }
        const last = history[history.length - 1]!;
        await tx.order.update({ where: { id: orderId }, data: { status: last.to, paidAt, updatedAt: last.at } });
        await tx.orderStatusChange.createMany({ data: history.map((h) => ({ orderId, fromStatus: h.from, toStatus: h.to, reason: h.reason, createdAt: h.at })) });
      },
      { timeout: 30_000 },
    );
    created++;
  }

  // Royalty on the co-branded lines, as the worker's accrue-order job books it once an order is
  // paid; last month's statement as the worker's monthly-statements job writes it on the 1st
  // (once per agreement and month: a rerun skips it). This month's is left to that job.
  if (coBranded) {
    const accrual = app.get(RoyaltyAccrualService);
    for (const spec of DEMO_ORDERS.filter((o) => o.lines === 'co-branded')) await accrual.reconcile(new Date(Date.now() + 1_000), stableId(`order:${spec.key}`));
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 10);
    await app.get(RoyaltyStatementsService).runMonth(lastMonth);
  }
  return { created };
}

/**
 * The platform's and the payment provider's customs registrations, with the defaults of
 * libs/customs declarations-config (which would also make a signing key the seed does not need).
 */
function customsEnterprises(env: NodeJS.ProcessEnv): { ebp: Enterprise; ebc: Enterprise; payment: Enterprise } {
  const ebp = { code: env['CUSTOMS_EBP_CODE'] ?? '1105910159', name: env['CUSTOMS_EBP_NAME'] ?? 'Vitrine Cross-border E-commerce' };
  return {
    ebp,
    ebc: { code: env['CUSTOMS_EBC_CODE'] ?? ebp.code, name: env['CUSTOMS_EBC_NAME'] ?? ebp.name },
    payment: { code: env['CUSTOMS_PAY_CODE'] ?? '312226T001', name: env['CUSTOMS_PAY_NAME'] ?? 'Stripe Payments (cross-border)' },
  };
}

interface MessagesInput {
  orderId: string;
  museumId: string;
  number: string;
  spec: DemoOrderSpec;
  priced: { goodsMinor: number; shippingMinor: number; insuranceMinor: number; taxMinor: number; totalMinor: number };
  lines: { quantity: number; unitPriceMinor: number; goodsMinor: number; weightGrams: number; v: VariantRow }[];
  shopperUserId: string;
  paidAt: Date;
  providerPaymentId: string;
  logisticsNo: string;
  customsMode: string;
  ebp: Enterprise;
  ebc: Enterprise;
  pay: Enterprise;
  logistics: Enterprise;
  sentAt: Date;
  answeredAt: Date;
  masked: string;
}

/**
 * The three documents as the declaration step records them (guid from order and document,
 * the audit copy with the masked ID, never the number), with the receipts customs would
 * have sent for the order's state.
 */
async function writeCustomsMessages(tx: Tx, m: MessagesInput): Promise<void> {
  const address = [RECIPIENT.province, RECIPIENT.city, RECIPIENT.district, RECIPIENT.street].join(' ');
  const name = (v: VariantRow) => v.product.nameZh || v.product.nameEn || v.product.nameFr;
  const weight = m.lines.reduce((a, l) => a + l.weightGrams * l.quantity, 0);
  const appTime = m.sentAt;
  const declarations: Declaration[] = [
    {
      document: 'ORDER',
      entry: {
        guid: stableGuid(`${m.orderId}:ORDER`),
        orderNo: m.number,
        ebp: m.ebp,
        ebc: m.ebc,
        goodsValueMinor: m.priced.goodsMinor,
        freightMinor: m.priced.shippingMinor + m.priced.insuranceMinor,
        discountMinor: 0,
        taxTotalMinor: m.priced.taxMinor,
        acturalPaidMinor: m.priced.totalMinor,
        buyerRegNo: m.shopperUserId,
        buyerName: RECIPIENT.name,
        buyerTelephone: RECIPIENT.phone,
        buyerIdNumber: m.masked,
        pay: m.pay,
        payTransactionId: m.providerPaymentId,
        consignee: RECIPIENT.name,
        consigneeTelephone: RECIPIENT.phone,
        consigneeAddress: address,
        lines: m.lines.map((l) => ({ itemNo: l.v.sku, itemName: name(l.v), gmodel: l.v.sku, qty: l.quantity, priceMinor: l.unitPriceMinor, totalMinor: l.goodsMinor, originCountry: l.v.originCountry })),
        appTime,
        note: `customs mode ${m.customsMode}`,
      },
    },
    {
      document: 'PAYMENT',
      entry: {
        guid: stableGuid(`${m.orderId}:PAYMENT`),
        orderNo: m.number,
        pay: m.pay,
        payTransactionId: m.providerPaymentId,
        ebp: m.ebp,
        payerName: RECIPIENT.name,
        payerIdNumber: m.masked,
        telephone: RECIPIENT.phone,
        amountPaidMinor: m.priced.totalMinor,
        payTime: m.paidAt,
        appTime,
      },
    },
    {
      document: 'WAYBILL',
      entry: {
        guid: stableGuid(`${m.orderId}:WAYBILL`),
        orderNo: m.number,
        logistics: m.logistics,
        logisticsNo: m.logisticsNo,
        freightMinor: m.priced.shippingMinor,
        insuredFeeMinor: m.priced.insuranceMinor,
        weightGrams: weight,
        packNo: 1,
        goodsInfo: m.lines.map((l) => name(l.v)).join('、'),
        consignee: RECIPIENT.name,
        consigneeAddress: address,
        consigneeTelephone: RECIPIENT.phone,
        appTime,
      },
    },
  ];
  const state = m.spec.state;
  const sender = (d: Declaration) => (d.document === 'ORDER' ? m.ebp : d.document === 'PAYMENT' ? m.pay : m.logistics);
  const statusOf = (d: Declaration) => {
    if (state === 'PAID') return 'PENDING' as const;
    if (d.document !== 'ORDER' || state === 'CUSTOMS_SUBMITTED') return 'ACCEPTED' as const;
    return state === 'HELD' ? ('HELD' as const) : ('CLEARED' as const);
  };
  const returnTime = (at: Date) => customsTime(at);
  for (const d of declarations) {
    const status = statusOf(d);
    const sent = status !== 'PENDING';
    await tx.customsMessage.create({
      data: {
        id: d.entry.guid,
        orderId: m.orderId,
        museumId: m.museumId,
        orderNo: m.number,
        document: d.document,
        messageType: MESSAGE_TYPE[d.document],
        senderCode: sender(d).code,
        businessNo: businessNo(d),
        status,
        xmlMasked: maskedEntryXml(d),
        attempts: sent ? 1 : 0,
        firstSentAt: sent ? m.sentAt : null,
        lastSentAt: sent ? m.sentAt : null,
        createdAt: m.sentAt,
        updatedAt: sent ? m.answeredAt : m.sentAt,
      },
    });
    if (!sent) continue;
    const receipts: { status: 'ACCEPTED' | 'CLEARED' | 'HELD' | null; returnStatus: string; returnInfo: string; at: Date }[] = [
      { status: null, returnStatus: '2', returnInfo: '电子口岸已暂存 (received by the electronic port)', at: new Date(m.answeredAt.getTime() - 60_000) },
      { status: 'ACCEPTED', returnStatus: '120', returnInfo: '新增申报成功 (declaration accepted)', at: m.answeredAt },
    ];
    if (status === 'CLEARED') receipts.push({ status: 'CLEARED', returnStatus: '800', returnInfo: '放行 (released)', at: new Date(m.answeredAt.getTime() + 3 * 3_600_000) });
    if (status === 'HELD') receipts.push({ status: 'HELD', returnStatus: '500', returnInfo: m.spec.heldReason ?? '查验 (inspection)', at: new Date(m.answeredAt.getTime() + 4 * 3_600_000) });
    await tx.customsReceipt.createMany({
      data: receipts.map((r) => ({ messageId: d.entry.guid, receiptKey: `${d.entry.guid}:${r.returnStatus}:${returnTime(r.at)}`, status: r.status, returnStatus: r.returnStatus, returnInfo: r.returnInfo, returnTime: returnTime(r.at), receivedAt: r.at })),
    });
  }
}
