import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CustomsModule, IdentityRecordsService, parseResidentId, residentIdCheckCharacter } from '@vitrine/customs';
import { DataAccessModule, PrismaService } from '@vitrine/shared/data-access';
import { createMuseum } from '@vitrine/shared/testing';

/**
 * Paid orders as checkout leaves them, written in bulk (20,000 take seconds): one museum
 * and warehouse, one product, real-name identities encrypted by the customs lib (one per
 * 50 orders, under the yearly limit), one checkout and succeeded payment per order, each
 * order PAID with its line, its status history and its pipeline start in the outbox, all
 * in the transaction that marks it paid, as checkout does.
 */
export interface PaidOrders {
  museumId: string;
  locationId: string;
  orderIds: string[];
  orderNos: string[];
}

export const ORDER_GOODS_MINOR = 20_000;
export const ORDER_SHIPPING_MINOR = 3_000;
export const ORDER_TAX_MINOR = 2_093;
export const ORDER_TOTAL_MINOR = ORDER_GOODS_MINOR + ORDER_SHIPPING_MINOR + ORDER_TAX_MINOR;

function residentId(n: number): string {
  const birth = new Date(Date.UTC(1980, 0, 1) + (n % 9000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `310101${birth}${String(Math.floor(n / 9000) % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

@Module({ imports: [DataAccessModule, CustomsModule] })
class IdentityFixtureModule {}

/** Encrypted identity records through the customs lib (DATABASE_URL must point at the database). */
async function identities(prisma: PrismaService, count: number): Promise<string[]> {
  const app = await NestFactory.createApplicationContext(IdentityFixtureModule, { logger: false });
  try {
    const records = app.get(IdentityRecordsService);
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const parsed = parseResidentId(residentId(i), new Date());
      if (!parsed.ok) throw new Error('fixture resident ID is invalid');
      ids.push((await prisma.$transaction((tx) => records.record(tx, parsed.id))).identityId);
    }
    return ids;
  } finally {
    await app.close();
  }
}

/**
 * `withStock`: the orders' units are in stock and committed to them (a level of 2 × count
 * units, all reserved, one COMMITTED reservation of 2 per order, the ledger adding up), as
 * checkout and payment leave them, so shipping them moves the ledger.
 */
export async function seedPaidOrders(prisma: PrismaService, count: number, options: { prefix?: string; startPipeline?: boolean; withStock?: boolean } = {}): Promise<PaidOrders> {
  const museum = await createMuseum(prisma);
  const location = await prisma.stockLocation.create({ data: { museumId: museum.id, code: `WH-${randomUUID().slice(0, 6)}`, name: 'Paris warehouse', kind: 'EU_WAREHOUSE', priority: 1 } });
  const productId = randomUUID();
  const variantId = randomUUID();
  await prisma.product.create({ data: { id: productId, museumId: museum.id, status: 'PUBLISHED', category: 'stationery', nameEn: 'Postcards', nameZh: '明信片套装' } });
  await prisma.productVariant.create({ data: { id: variantId, productId, museumId: museum.id, sku: `PC-${randomUUID().slice(0, 6)}`, priceMinor: 1_282, weightGrams: 425, hsCode: '491110', originCountry: 'FR' } });
  const identityIds = await identities(prisma, Math.max(1, Math.ceil(count / 50)));
  if (options.withStock) {
    await prisma.stockLevel.create({ data: { variantId, locationId: location.id, onHand: 2 * count, reserved: 2 * count } });
    await prisma.stockMovement.create({ data: { variantId, locationId: location.id, kind: 'RECEIPT', onHandDelta: 2 * count, reservedDelta: 0, reference: 'fixture' } });
  }
  const prefix = options.prefix ?? `VT${randomUUID().slice(0, 6).toUpperCase()}`;

  const orderIds: string[] = [];
  const orderNos: string[] = [];
  const slice = 2_000;
  for (let start = 0; start < count; start += slice) {
    const n = Math.min(slice, count - start);
    const ids = Array.from({ length: n }, () => randomUUID());
    const checkouts = Array.from({ length: n }, () => randomUUID());
    const nos = Array.from({ length: n }, (_, i) => `${prefix}-${String(start + i + 1).padStart(6, '0')}`);
    const idents = Array.from({ length: n }, (_, i) => identityIds[Math.floor((start + i) / 50) % identityIds.length]);
    await prisma.$transaction(async (tx) => {
      await tx.$executeRaw`
        INSERT INTO checkouts (id, idempotency_key, fingerprint, cart_id, identity_id, currency, goods_minor, shipping_minor, insurance_minor, tax_minor, total_minor,
          id_consent_at, risk_notice_accepted_at, consent_version, hold_expires_at)
        SELECT c, 'fixture-' || c, 'fixture', gen_random_uuid(), i, 'CNY', ${ORDER_GOODS_MINOR}, ${ORDER_SHIPPING_MINOR}, 0, ${ORDER_TAX_MINOR}, ${ORDER_TOTAL_MINOR},
          now(), now(), 'v1', now() + interval '15 minutes'
        FROM unnest(${checkouts}::uuid[], ${idents}::uuid[]) AS t(c, i)`;
      await tx.$executeRaw`
        INSERT INTO payments (id, checkout_id, provider_payment_id, client_secret, amount_minor, currency, status)
        SELECT gen_random_uuid(), c, 'pi_' || replace(c::text, '-', ''), 'secret', ${ORDER_TOTAL_MINOR}, 'CNY', 'SUCCEEDED' FROM unnest(${checkouts}::uuid[]) AS t(c)`;
      await tx.$executeRaw`
        INSERT INTO orders (id, number, checkout_id, museum_id, identity_id, status, customs_mode, stock_location_id, currency,
          goods_minor, shipping_minor, insurance_minor, tax_minor, total_minor, fx_rate, fx_margin_bps, fx_source, fx_effective_at,
          orderer_name, orderer_id_masked, recipient_name, recipient_phone, province, city, district, street, postal_code, hold_expires_at, paid_at)
        SELECT o, no, c, ${museum.id}::uuid, i, 'PAID', '9610', ${location.id}::uuid, 'CNY',
          ${ORDER_GOODS_MINOR}, ${ORDER_SHIPPING_MINOR}, 0, ${ORDER_TAX_MINOR}, ${ORDER_TOTAL_MINOR}, 7.8, 0, 'test', now(),
          '王芳', '310***********000X', '王芳', '13800138000', '上海市', '上海市', '黄浦区', '南京东路 100 号', '200001', now() + interval '15 minutes', now()
        FROM unnest(${ids}::uuid[], ${nos}::text[], ${checkouts}::uuid[], ${idents}::uuid[]) AS t(o, no, c, i)`;
      await tx.$executeRaw`
        INSERT INTO order_lines (id, order_id, position, variant_id, product_id, sku, name, cross_border_category, hs_code, origin_country, weight_grams, quantity,
          unit_price_eur_minor, unit_price_minor, currency, goods_minor, freight_minor, insurance_minor, dutiable_minor, tax_rate, tax_minor, total_minor, fx_rate, fx_source, fx_effective_at)
        SELECT gen_random_uuid(), o, 0, ${variantId}::uuid, ${productId}::uuid, 'PC-1', '明信片套装', 'GENERAL', '491110', 'FR', 425, 2,
          1282, 10000, 'CNY', ${ORDER_GOODS_MINOR}, ${ORDER_SHIPPING_MINOR}, 0, ${ORDER_GOODS_MINOR + ORDER_SHIPPING_MINOR}, '0.091', ${ORDER_TAX_MINOR}, ${ORDER_TOTAL_MINOR}, 7.8, 'test', now()
        FROM unnest(${ids}::uuid[]) AS t(o)`;
      await tx.$executeRaw`
        INSERT INTO order_status_changes (order_id, from_status, to_status, reason)
        SELECT o, 'PENDING_PAYMENT', 'PAID', 'payment succeeded' FROM unnest(${ids}::uuid[]) AS t(o)`;
      if (options.withStock) {
        await tx.$executeRaw`
          INSERT INTO stock_reservations (id, owner_id, variant_id, location_id, quantity, status)
          SELECT gen_random_uuid(), o, ${variantId}::uuid, ${location.id}::uuid, 2, 'COMMITTED' FROM unnest(${ids}::uuid[]) AS t(o)`;
        await tx.$executeRaw`
          INSERT INTO stock_movements (variant_id, location_id, kind, on_hand_delta, reserved_delta, reference)
          SELECT ${variantId}::uuid, ${location.id}::uuid, k::"StockMovementKind", 0, CASE k WHEN 'RESERVE' THEN 2 ELSE 0 END, o::text
          FROM unnest(${ids}::uuid[]) AS t(o), unnest(ARRAY['RESERVE', 'COMMIT']) AS m(k)`;
      }
      if (options.startPipeline !== false) {
        await tx.$executeRaw`
          INSERT INTO outbox_messages (queue, name, job_id, payload)
          SELECT 'order-pipeline', 'declare-customs', 'declare-customs.' || o, jsonb_build_object('orderId', o) FROM unnest(${ids}::uuid[]) AS t(o)`;
      }
    });
    orderIds.push(...ids);
    orderNos.push(...nos);
  }
  return { museumId: museum.id, locationId: location.id, orderIds, orderNos };
}

/** A signing key pair for the platform, and the environment that hands the private half to a worker. */
export function signingKeys(): { publicKey: KeyObject; env: Record<string, string> } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { publicKey, env: { CUSTOMS_SIGNING_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), CUSTOMS_SIGNING_KEY_NAME: 'test-cert' } };
}

/** Order statuses and how many orders are in each. */
export async function statusCounts(prisma: PrismaService, orderIds: readonly string[]): Promise<Record<string, number>> {
  const rows = await prisma.$queryRaw<{ status: string; n: bigint }[]>`
    SELECT status::text, count(*) AS n FROM orders WHERE id = ANY(${[...orderIds]}::uuid[]) GROUP BY status`;
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
