import { randomUUID } from 'node:crypto';
import type { PrismaService } from '@vitrine/shared/data-access';

/**
 * Paid (and refunded) orders written straight into libs/orders' tables, as the checkout
 * leaves them, for licensing's tests: the royalty side reads nothing else.
 */
export interface SaleLineSpec {
  productId: string;
  quantity: number;
  /** Goods value of the line in CNY fen (net of tax and discounts). */
  goodsMinor: number;
  /** EUR→CNY snapshot. */
  fxRate: string;
}

export interface SaleSpec {
  museumId: string;
  paidAt: Date | null;
  refundedAt?: Date | null;
  lines: SaleLineSpec[];
}

export async function insertSales(prisma: PrismaService, sales: readonly SaleSpec[]): Promise<{ orderId: string; lineIds: string[] }[]> {
  const out: { orderId: string; lineIds: string[] }[] = [];
  for (const sale of sales) {
    const goods = sale.lines.reduce((s, l) => s + l.goodsMinor, 0);
    const tax = Math.round(goods * 0.091);
    const now = sale.paidAt ?? new Date();
    const checkout = await prisma.checkout.create({
      data: {
        idempotencyKey: randomUUID(),
        fingerprint: 'test',
        cartId: randomUUID(),
        identityId: randomUUID(),
        goodsMinor: goods,
        shippingMinor: 0,
        insuranceMinor: 0,
        taxMinor: tax,
        totalMinor: goods + tax,
        idConsentAt: now,
        riskNoticeAcceptedAt: now,
        consentVersion: 'test',
        holdExpiresAt: now,
      },
      select: { id: true },
    });
    const order = await prisma.order.create({
      data: {
        number: `T-${randomUUID().slice(0, 12)}`,
        checkoutId: checkout.id,
        museumId: sale.museumId,
        identityId: randomUUID(),
        status: sale.refundedAt ? 'REFUNDED' : sale.paidAt ? 'PAID' : 'PENDING_PAYMENT',
        customsMode: '9610',
        stockLocationId: randomUUID(),
        goodsMinor: goods,
        shippingMinor: 0,
        insuranceMinor: 0,
        taxMinor: tax,
        totalMinor: goods + tax,
        fxRate: sale.lines[0]?.fxRate ?? '7.8',
        fxMarginBps: 300,
        fxSource: 'test',
        fxEffectiveAt: now,
        ordererName: 'Test',
        ordererIdMasked: '110***********002X',
        recipientName: 'Test',
        recipientPhone: '13800000000',
        province: 'Shanghai',
        city: 'Shanghai',
        district: 'Huangpu',
        street: '1 Test Road',
        postalCode: '200000',
        holdExpiresAt: now,
        paidAt: sale.paidAt,
        refundedAt: sale.refundedAt ?? null,
        createdAt: now,
        lines: {
          create: sale.lines.map((l, position) => ({
            position,
            variantId: randomUUID(),
            productId: l.productId,
            sku: 'LIC',
            name: 'Licensed item',
            crossBorderCategory: 'GENERAL',
            hsCode: '6214100000',
            originCountry: 'FR',
            weightGrams: 100,
            quantity: l.quantity,
            unitPriceEurMinor: 0,
            unitPriceMinor: Math.floor(l.goodsMinor / Math.max(1, l.quantity)),
            goodsMinor: l.goodsMinor,
            freightMinor: 0,
            insuranceMinor: 0,
            dutiableMinor: l.goodsMinor,
            taxRate: '0.091',
            taxMinor: Math.round(l.goodsMinor * 0.091),
            totalMinor: l.goodsMinor + Math.round(l.goodsMinor * 0.091),
            fxRate: l.fxRate,
            fxSource: 'test',
            fxEffectiveAt: now,
          })),
        },
      },
      select: { id: true, lines: { select: { id: true }, orderBy: { position: 'asc' } } },
    });
    out.push({ orderId: order.id, lineIds: order.lines.map((l) => l.id) });
  }
  return out;
}
