import type { DeclarationRequest, Enterprise } from '@vitrine/customs';
import { linesLeft, refundedPerLine } from '../../domain/refunds';
import type { ParcelRequest } from './carrier-gateway';
import type { DeclarableLine, DeclarableOrder, LineRefundSum } from '../infrastructure/pipeline.repository';

const address = (o: DeclarableOrder) => [o.province, o.city, o.district, o.street].filter(Boolean).join(' ');
const weightOf = (lines: readonly DeclarableLine[]) => lines.reduce((sum, l) => sum + l.weightGrams * l.quantity, 0);
const goodsOf = (lines: readonly DeclarableLine[]) => lines.map((l) => l.name).join('、');

/** What the pipeline declares, books and ships of an order: its units not refunded, and their amounts. */
export interface ParcelContent {
  lines: DeclarableLine[];
  goodsMinor: number;
  shippingMinor: number;
  insuranceMinor: number;
  taxMinor: number;
  totalMinor: number;
  /** Promotions on the goods left: goods − discount + shipping + insurance + tax = total. */
  discountMinor: number;
}

/**
 * What is left of an order once its partial refunds are taken off (refundOrder with lines):
 * each line's units, goods, freight share and tax less what its refunds gave back, the totals
 * their sums, so a partly refunded order is declared with what remains and nothing refunded
 * reaches customs or the carrier. Null when every unit was refunded: nothing to declare. An
 * order without partial refunds is declared with its own snapshotted totals, as before.
 */
export function contentLeft(o: DeclarableOrder, lines: readonly DeclarableLine[], refunds: readonly LineRefundSum[]): ParcelContent | null {
  const own = new Set(lines.map((l) => l.id));
  const refunded = refundedPerLine(refunds.filter((r) => own.has(r.orderLineId)));
  if (!refunded.size) return { lines: [...lines], goodsMinor: o.goodsMinor, shippingMinor: o.shippingMinor, insuranceMinor: o.insuranceMinor, taxMinor: o.taxMinor, totalMinor: o.totalMinor, discountMinor: o.discountMinor };
  const left = new Map(linesLeft(lines, refunded).map((l) => [l.id, l]));
  if (!left.size) return null;
  const kept: DeclarableLine[] = [];
  let insuranceMinor = 0;
  for (const l of lines) {
    const rest = left.get(l.id);
    if (!rest) continue;
    // Insurance in proportion to the units left; the rest of the freight share is shipping.
    const insurance = Math.min(rest.freightMinor, Math.round((l.insuranceMinor * rest.quantity) / l.quantity));
    insuranceMinor += insurance;
    kept.push({ ...l, quantity: rest.quantity, goodsMinor: rest.goodsMinor, taxMinor: rest.taxMinor, totalMinor: rest.totalMinor, discountMinor: rest.discountMinor ?? 0, freightMinor: rest.freightMinor - insurance, insuranceMinor: insurance });
  }
  const sum = (f: (l: DeclarableLine) => number) => kept.reduce((a, l) => a + f(l), 0);
  return {
    lines: kept,
    goodsMinor: sum((l) => l.goodsMinor),
    shippingMinor: sum((l) => l.freightMinor),
    insuranceMinor,
    taxMinor: sum((l) => l.taxMinor),
    totalMinor: sum((l) => l.totalMinor),
    discountMinor: sum((l) => l.discountMinor),
  };
}

/** What the carrier needs to issue the waybill of an order (its units not refunded). */
export function parcelOf(o: DeclarableOrder, c: ParcelContent): ParcelRequest {
  return {
    orderNo: o.number,
    customsMode: o.customsMode,
    consigneeName: o.recipientName,
    consigneePhone: o.recipientPhone,
    province: o.province,
    city: o.city,
    district: o.district,
    street: o.street,
    postalCode: o.postalCode,
    weightGrams: weightOf(c.lines),
    goodsDescription: goodsOf(c.lines),
    declaredValueMinor: c.goodsMinor,
  };
}

/**
 * The documents of a paid order, from what it snapshotted at checkout, declared by its museum
 * (`seller`: its own customs registration) on the platform: the freight
 * customs sees is shipping plus insurance (运杂费), so that acturalPaid = goodsValue +
 * freight − discount + taxTotal = the order total; the payer is the orderer (checkout takes
 * the payment from the person whose ID is declared); the ID number itself is added by the
 * customs lib at send time. Amounts and lines are what is left of the order (`contentLeft`):
 * the payment record shows what was paid for them.
 */
export function declarationOf(
  o: DeclarableOrder,
  c: ParcelContent,
  payment: { providerPaymentId: string; walletMethod?: string | null; checkoutId?: string; amountMinor?: number },
  shipment: { logisticsNo: string },
  logistics: Enterprise,
  seller: Enterprise,
): DeclarationRequest {
  return {
    orderId: o.id,
    museumId: o.museumId,
    identityId: o.identityId,
    ebc: seller,
    inventory: { tradeMode: o.customsMode === '1210' ? '1210' : '9610', hsCodes: c.lines.map((l) => l.hsCode) },
    order: {
      orderNo: o.number,
      goodsValueMinor: c.goodsMinor,
      freightMinor: c.shippingMinor + c.insuranceMinor,
      // The promotions on the goods declared (ADR 0019): goodsValue + freight − discount + taxTotal = acturalPaid.
      discountMinor: c.discountMinor,
      taxTotalMinor: c.taxMinor,
      acturalPaidMinor: c.totalMinor,
      buyerRegNo: o.shopperUserId ?? `guest-${o.checkoutId}`,
      buyerName: o.ordererName,
      buyerTelephone: o.recipientPhone,
      payTransactionId: payment.providerPaymentId,
      consignee: o.recipientName,
      consigneeTelephone: o.recipientPhone,
      consigneeAddress: address(o),
      lines: c.lines.map((l) => ({
        itemNo: l.sku,
        itemName: l.name,
        gmodel: l.sku,
        qty: l.quantity,
        priceMinor: l.unitPriceMinor,
        totalMinor: l.goodsMinor,
        originCountry: l.originCountry,
      })),
      note: `customs mode ${o.customsMode}`,
    },
    payment: {
      // The wallet's company declares it (WeChat Pay for wechat_pay); Alipay for alipay and cards.
      method: payment.walletMethod === 'wechat_pay' ? 'WECHAT_PAY' : payment.walletMethod === 'alipay' ? 'ALIPAY' : 'CARD',
      payTransactionId: payment.providerPaymentId,
      payerName: o.ordererName,
      telephone: o.recipientPhone,
      amountPaidMinor: c.totalMinor,
      payTime: o.paidAt ?? new Date(),
      // The payment paid for more than this order (a checkout split per seller and customs mode): declared as a split of it.
      splitOf: payment.amountMinor !== undefined && payment.checkoutId && payment.amountMinor > o.totalMinor ? payment.checkoutId : null,
    },
    waybill: {
      logistics,
      logisticsNo: shipment.logisticsNo,
      freightMinor: c.shippingMinor,
      insuredFeeMinor: c.insuranceMinor,
      weightGrams: weightOf(c.lines),
      packNo: 1,
      goodsInfo: goodsOf(c.lines),
      consignee: o.recipientName,
      consigneeAddress: address(o),
      consigneeTelephone: o.recipientPhone,
    },
  };
}
