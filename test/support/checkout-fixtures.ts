import { randomUUID } from 'node:crypto';
import { residentIdCheckCharacter } from '@vitrine/customs';
import type { PrismaService } from '@vitrine/shared/data-access';
import { allowHsCodes, createBrand, createMuseum, createProduct, createUser, setFxRate } from '@vitrine/shared/testing';
import { startApi } from './api-harness';
import { startStripeLoopback } from './stripe-loopback';

/** The published sample of GB 11643-1999. */
export const SAMPLE_RESIDENT_ID = '11010519491231002X';

/** A distinct valid resident ID number for each n (Beijing Dongcheng, born 1990-01-01 + n days). */
export function residentId(n: number): string {
  const birth = new Date(Date.UTC(1990, 0, 1) + (n % 9000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const seq = String(Math.floor(n / 9000) % 1000).padStart(3, '0');
  const first17 = `110101${birth}${seq}`;
  return first17 + residentIdCheckCharacter(first17);
}

export interface ShopVariant {
  id: string;
  productId: string;
  museumId: string;
  priceEur: number;
}

export interface Shop {
  museumId: string;
  locationId: string;
  variants: ShopVariant[];
}

/**
 * A museum with an open storefront, published products listable for China, one stock
 * location and stock of each variant written with its ledger receipt.
 */
export async function seedShop(
  prisma: PrismaService,
  opts: { prices: number[]; stock: number; kind?: 'EU_WAREHOUSE' | 'BONDED_WAREHOUSE_CN'; category?: 'GENERAL' | 'COSMETICS' },
): Promise<Shop> {
  await allowHsCodes(prisma, ['6214', '3304']);
  const museum = await createMuseum(prisma);
  const location = await prisma.stockLocation.create({
    data: { museumId: museum.id, code: `WH-${randomUUID().slice(0, 6)}`, name: 'Warehouse', kind: opts.kind ?? 'EU_WAREHOUSE', priority: 1 },
  });
  const variants: ShopVariant[] = [];
  for (const priceEur of opts.prices) {
    const product = await createProduct(prisma, museum.id, { variants: [{ priceMinor: priceEur, hsCode: opts.category === 'COSMETICS' ? '330499' : '621410' }] });
    if (opts.category) await prisma.product.update({ where: { id: product.id }, data: { crossBorderCategory: opts.category } });
    const variant = product.variants[0]!;
    await setStock(prisma, location.id, variant.id, opts.stock);
    variants.push({ id: variant.id, productId: product.id, museumId: museum.id, priceEur });
  }
  return { museumId: museum.id, locationId: location.id, variants };
}

/** Sets on hand as a receipt in the ledger, so the ledger always adds up to the level. */
export async function setStock(prisma: PrismaService, locationId: string, variantId: string, onHand: number) {
  const current = await prisma.stockLevel.findUnique({ where: { variantId_locationId: { variantId, locationId } } });
  await prisma.stockLevel.upsert({
    where: { variantId_locationId: { variantId, locationId } },
    create: { variantId, locationId, onHand },
    update: { onHand },
  });
  await prisma.stockMovement.create({ data: { variantId, locationId, kind: 'RECEIPT', onHandDelta: onHand - (current?.onHand ?? 0), reservedDelta: 0, reference: 'test' } });
}

export async function seedFx(prisma: PrismaService, rate = '7.8000') {
  return setFxRate(prisma, rate);
}

export const RECIPIENT = {
  name: '王芳',
  phone: '13800138000',
  province: '上海市',
  city: '上海市',
  district: '黄浦区',
  street: '南京东路 100 号',
  postalCode: '200001',
};

export function placeOrderInput(cartId: string, idempotencyKey: string, over: { id?: string; name?: string; cartToken?: string | null } & Record<string, unknown> = {}) {
  const { id = SAMPLE_RESIDENT_ID, name = '王芳', cartToken = null, ...rest } = over;
  return {
    cartId,
    cartToken,
    idempotencyKey,
    recipient: RECIPIENT,
    orderer: { name, residentId: id },
    payer: { name, residentId: id },
    consentToIdUse: true,
    acceptRiskNotice: true,
    ...rest,
  };
}

export const CART_FIELDS = `id status currency goodsTotal shippingTotal taxTotal total
  fx { rate marginBps source effectiveAt }
  problems { code lineIds variantId available }
  sellers { museumId customsMode weightGrams goods shipping tax total lines { id variantId quantity unitPrice goods freight taxRate tax total inStock listableForChina } }
  lines { id variantId quantity unitPrice goods freight tax total }`;

export const ORDER_FIELDS = `id number checkoutId museumId status customsMode currency goodsTotal shippingTotal insuranceTotal taxTotal total paymentStatus
  fx { rate marginBps source effectiveAt }
  orderer { name residentIdMasked }
  recipient { name phone province city district street postalCode }
  lines { id variantId sku quantity unitPrice unitPriceEur goods freight dutiable taxRate tax total fx { rate source effectiveAt } }
  history { from to reason }`;

export const ADD_LINE = `mutation($i: CartLineInput!) { addCartLine(input: $i) { cartToken cart { ${CART_FIELDS} } } }`;
export const PLACE_ORDER = `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id replayed currency goodsTotal shippingTotal taxTotal total holdExpiresAt
  payment { paymentIntentId clientSecret amount currency } orders { ${ORDER_FIELDS} } } }`;

/** The real API wired to a Stripe loopback (the SDK's host/port/protocol point at it). */
export async function startCheckoutApi(env: Record<string, string> = {}) {
  const stripe = await startStripeLoopback();
  Object.assign(process.env, stripe.env, env);
  const api = await startApi();
  return {
    api,
    stripe,
    async close() {
      await api.close();
      await stripe.close();
    },
  };
}

/**
 * The product becomes licensed to a new brand partner under a 10 % agreement in CNY, which
 * fulfils it (set up after the sale in the refund specs: checkout routing is not what they test).
 */
export async function licenseAfterSale(prisma: PrismaService, museumId: string, productId: string): Promise<void> {
  const brand = await createBrand(prisma);
  const partner = await createUser(prisma, 'BRAND_PARTNER', { brandId: brand.id });
  const content = { title: { en: 'Scarf', fr: 'Foulard', zhCN: '丝巾' }, concept: { en: 'c', fr: 'c', zhCN: 'c' } };
  const proposal = await prisma.licensingProposal.create({
    data: {
      museumId, brandId: brand.id, status: 'APPROVED', stage: 'FINAL_SAMPLE', content, approvedVersion: 1, createdByUserId: partner.id,
      revisions: { create: { version: 1, stage: 'FINAL_SAMPLE', content, authorUserId: partner.id } },
    },
  });
  const agreement = await prisma.licenceAgreement.create({
    data: {
      proposalId: proposal.id, museumId, brandId: brand.id, royaltyRateBps: 1000, currency: 'CNY', minimumGuaranteeMinor: 0, advanceMinor: 0,
      territory: ['CN'], channels: ['VITRINE_MARKETPLACE'], termStart: new Date('2026-01-01'), termEnd: new Date('2030-12-31'), sellOffDays: 0,
      sellOffEnd: new Date('2030-12-31'), approvedVersion: 1,
    },
  });
  await prisma.licensedProduct.create({ data: { productId, agreementId: agreement.id, museumId, fulfilledByBrandId: brand.id } });
}
