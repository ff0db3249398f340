import type { DeclarationRequest, Enterprise } from '@vitrine/customs';
import type { ParcelRequest } from './carrier-gateway';
import type { DeclarableLine, DeclarableOrder } from '../infrastructure/pipeline.repository';

const address = (o: DeclarableOrder) => [o.province, o.city, o.district, o.street].filter(Boolean).join(' ');
const weightOf = (lines: readonly DeclarableLine[]) => lines.reduce((sum, l) => sum + l.weightGrams * l.quantity, 0);
const goodsOf = (lines: readonly DeclarableLine[]) => lines.map((l) => l.name).join('、');

/** What the carrier needs to issue the waybill of an order. */
export function parcelOf(o: DeclarableOrder, lines: readonly DeclarableLine[]): ParcelRequest {
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
    weightGrams: weightOf(lines),
    goodsDescription: goodsOf(lines),
    declaredValueMinor: o.goodsMinor,
  };
}

/**
 * The three documents of a paid order, from what it snapshotted at checkout: the freight
 * customs sees is shipping plus insurance (运杂费), so that acturalPaid = goodsValue +
 * freight − discount + taxTotal = the order total; the payer is the orderer (checkout takes
 * the payment from the person whose ID is declared); the ID number itself is added by the
 * customs lib at send time.
 */
export function declarationOf(
  o: DeclarableOrder,
  lines: readonly DeclarableLine[],
  payment: { providerPaymentId: string },
  shipment: { logisticsNo: string },
  logistics: Enterprise,
): DeclarationRequest {
  return {
    orderId: o.id,
    museumId: o.museumId,
    identityId: o.identityId,
    order: {
      orderNo: o.number,
      goodsValueMinor: o.goodsMinor,
      freightMinor: o.shippingMinor + o.insuranceMinor,
      discountMinor: 0,
      taxTotalMinor: o.taxMinor,
      acturalPaidMinor: o.totalMinor,
      buyerRegNo: o.shopperUserId ?? `guest-${o.checkoutId}`,
      buyerName: o.ordererName,
      buyerTelephone: o.recipientPhone,
      payTransactionId: payment.providerPaymentId,
      consignee: o.recipientName,
      consigneeTelephone: o.recipientPhone,
      consigneeAddress: address(o),
      lines: lines.map((l) => ({
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
      payTransactionId: payment.providerPaymentId,
      payerName: o.ordererName,
      telephone: o.recipientPhone,
      amountPaidMinor: o.totalMinor,
      payTime: o.paidAt ?? new Date(),
    },
    waybill: {
      logistics,
      logisticsNo: shipment.logisticsNo,
      freightMinor: o.shippingMinor,
      insuredFeeMinor: o.insuranceMinor,
      weightGrams: weightOf(lines),
      packNo: 1,
      goodsInfo: goodsOf(lines),
      consignee: o.recipientName,
      consigneeAddress: address(o),
      consigneeTelephone: o.recipientPhone,
    },
  };
}
