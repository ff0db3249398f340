// `npm run db:seed` (and `npm start`): demo museums, works, collections, 168 products with
// fr/en/zh-CN text, FX rates, the positive list, one account per role, and what each role's
// screens show: stock per museum (and the brand's), Maison Demo's proposals to the Louvre at
// several stages with an agreement and a published co-branded product, the demo shopper's
// orders in every state, the royalty their co-branded lines accrued, and each storefront's
// promotions and coupon codes (prisma/seed/demo-promotions.ts). Idempotent: ids are
// derived from natural keys and rows that exist are left as they are.
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import argon2 from 'argon2';
import { CatalogModule, listingProblemsForChina, normalizeSearchText, productSearchText } from '@vitrine/catalog';
import { CustomsModule } from '@vitrine/customs';
import { InventoryModule } from '@vitrine/inventory';
import { LicensingCoreModule } from '@vitrine/licensing';
import { OrdersSourcesModule } from '@vitrine/orders';
import { DataAccessModule, PrismaService, databaseOptionsFromEnv, type Prisma } from '@vitrine/shared/data-access';
import { DEMO_PASSWORD, MUSEUMS, POSITIVE_LIST, PRODUCT_TYPES, SEARCH_SYNONYMS, artistName, demoProducts, periodNames, hash, type DemoMuseum } from './seed/demo-catalog';
import { seedLicensing } from './seed/demo-licensing';
import { seedOrders } from './seed/demo-orders';
import { seedPromotions } from './seed/demo-promotions';
import { seedMuseumStock } from './seed/demo-stock';
import { stableId } from './seed/stable-id';

export { stableId };

/** The services the demo writes through, so licensing, stock and identities obey their own rules. */
@Module({ imports: [DataAccessModule, OrdersSourcesModule, CatalogModule, CustomsModule, InventoryModule, LicensingCoreModule] })
class DemoSeedModule {}

const image = (seed: string) => `https://picsum.photos/seed/${encodeURIComponent(seed)}/800/800`;

/** Demo China customs registrations of the demo museums (10 characters each). */
const DEMO_CUSTOMS_CODES: Record<string, string> = { louvre: '3120260001', 'british-museum': '3120260002', orsay: '3120260003' };

async function seedMuseum(prisma: PrismaService, m: DemoMuseum): Promise<{ museumId: string; artworkIds: Map<string, string> }> {
  const museum = await prisma.museum.upsert({
    where: { slug: m.slug },
    create: { id: stableId(`museum:${m.slug}`), slug: m.slug, legalName: m.legalName, country: m.country },
    update: {},
    select: { id: true },
  });
  await prisma.storefront.upsert({
    where: { museumId: museum.id },
    create: {
      id: stableId(`storefront:${m.slug}`),
      museumId: museum.id,
      status: 'OPEN',
      nameFr: m.name.fr,
      nameEn: m.name.en,
      nameZh: m.name.zh,
      storyFr: m.story.fr,
      storyEn: m.story.en,
      storyZh: m.story.zh,
      bannerUrl: `https://picsum.photos/seed/${m.slug}-banner/1600/500`,
    },
    update: {},
  });
  // Each museum declares to China customs as its own e-commerce enterprise (demo codes); set
  // once, also on a storefront seeded before registrations existed, never over an operator's edit.
  const customsCode = DEMO_CUSTOMS_CODES[m.slug];
  if (customsCode) await prisma.storefront.updateMany({ where: { museumId: museum.id, customsCode: null }, data: { customsCode, customsName: `${m.legalName} (cross-border e-commerce)` } });
  await prisma.artwork.createMany({
    data: m.artworks.map((w) => ({
      id: stableId(`artwork:${m.slug}:${w.accessionNumber}`),
      museumId: museum.id,
      accessionNumber: w.accessionNumber,
      titleFr: w.title.fr,
      titleEn: w.title.en,
      titleZh: w.title.zh,
      artist: w.artist,
      artistEn: artistName(w.artist).en,
      artistZh: artistName(w.artist).zh,
      period: w.period,
      periodEn: periodNames(w.period).en,
      periodZh: periodNames(w.period).zh,
      creditLine: m.creditLine,
      imageUrl: image(`${m.slug}-${w.accessionNumber}`),
    })),
    skipDuplicates: true,
  });
  // Works seeded before artists had their Chinese and English names get them (never over an edit).
  for (const w of m.artworks) {
    const names = artistName(w.artist);
    await prisma.artwork.updateMany({ where: { museumId: museum.id, accessionNumber: w.accessionNumber, artistZh: '' }, data: { artistZh: names.zh } });
    await prisma.artwork.updateMany({ where: { museumId: museum.id, accessionNumber: w.accessionNumber, artistEn: '' }, data: { artistEn: names.en } });
    const periods = periodNames(w.period);
    await prisma.artwork.updateMany({ where: { museumId: museum.id, accessionNumber: w.accessionNumber, periodZh: '' }, data: { periodZh: periods.zh } });
    await prisma.artwork.updateMany({ where: { museumId: museum.id, accessionNumber: w.accessionNumber, periodEn: '' }, data: { periodEn: periods.en } });
  }
  // Read back: a work entered by hand before the seed keeps its own id.
  const rows = await prisma.artwork.findMany({ where: { museumId: museum.id }, select: { id: true, accessionNumber: true } });
  return { museumId: museum.id, artworkIds: new Map(rows.map((r) => [r.accessionNumber, r.id])) };
}

async function seedCatalogue(prisma: PrismaService): Promise<{ products: number; published: number }> {
  await prisma.positiveListEntry.createMany({ data: POSITIVE_LIST, skipDuplicates: true });
  // The search's synonym dictionary (an operator edits it afterwards: a group seeded once stays as they left it).
  await prisma.searchSynonymGroup.createMany({
    data: SEARCH_SYNONYMS.map((terms) => ({ id: stableId(`synonyms:${terms[0]}`), terms: [...new Set(terms.map(normalizeSearchText))] })),
    skipDuplicates: true,
  });
  const allowed = POSITIVE_LIST.map((e) => e.hsPrefix);
  const museums = new Map<string, { museumId: string; artworkIds: Map<string, string> }>();
  for (const m of MUSEUMS) museums.set(m.slug, await seedMuseum(prisma, m));

  const products = demoProducts();
  const now = Date.now();
  const productRows: Prisma.ProductCreateManyInput[] = [];
  const variantRows: Prisma.ProductVariantCreateManyInput[] = [];
  const mediaRows: Prisma.ProductMediaCreateManyInput[] = [];
  const workLinks: Prisma.ProductArtworkCreateManyInput[] = [];
  for (const p of products) {
    const { museumId, artworkIds } = museums.get(p.museumSlug)!;
    const id = stableId(`product:${p.key}`);
    const variants = p.type.variants.map((v, i) => ({ sku: p.skus[i]!, hsCode: p.type.hsCode, priceMinor: v.priceMinor, options: v.options, netContent: v.netContent }));
    // The seed publishes only what the publishing rules would accept.
    const listable = listingProblemsForChina({ nameZh: p.name.zh, descriptionZh: p.description.zh, variants }, allowed).length === 0;
    const status = p.status === 'PUBLISHED' && !listable ? 'DRAFT' : p.status;
    const createdAt = new Date(now - p.ageDays * 86_400_000 - (hash(p.key) % 86_400) * 1000);
    productRows.push({
      id,
      museumId,
      status,
      category: p.type.category,
      crossBorderCategory: p.type.crossBorderCategory,
      nameFr: p.name.fr,
      nameEn: p.name.en,
      nameZh: p.name.zh,
      descriptionFr: p.description.fr,
      descriptionEn: p.description.en,
      descriptionZh: p.description.zh,
      searchText: productSearchText({
        name: p.name,
        description: p.description,
        works: [{ titleFr: p.work.title.fr, titleEn: p.work.title.en, titleZh: p.work.title.zh, artist: p.work.artist, artistEn: artistName(p.work.artist).en, artistZh: artistName(p.work.artist).zh }],
      }),
      minPriceEurCents: Math.min(...variants.map((v) => v.priceMinor)),
      popularity: p.popularity,
      publishedAt: status === 'PUBLISHED' ? createdAt : null,
      createdAt,
    });
    variants.forEach((v, position) =>
      variantRows.push({
        id: stableId(`variant:${v.sku}`),
        productId: id,
        museumId,
        sku: v.sku,
        options: v.options,
        priceMinor: v.priceMinor,
        currency: 'EUR',
        weightGrams: p.type.weightGrams,
        hsCode: v.hsCode,
        originCountry: p.type.key === 'SCARF' ? 'IT' : p.museumSlug === 'british-museum' ? 'GB' : 'FR',
        netContent: v.netContent?.amount ?? null,
        netContentUnit: v.netContent?.unit ?? null,
        position,
      }),
    );
    for (let i = 0; i < 2; i++) {
      mediaRows.push({ id: stableId(`media:${p.key}:${i}`), productId: id, url: image(`${p.skus[0]}-${i}`), alt: `${p.name.en} (${i + 1})`, position: i });
    }
    const workId = artworkIds.get(p.work.accessionNumber);
    if (workId) workLinks.push({ productId: id, artworkId: workId });
  }
  await prisma.$transaction(async (tx) => {
    await tx.product.createMany({ data: productRows, skipDuplicates: true });
    // A product that already existed keeps its variants; a SKU taken by a hand-made product is skipped.
    const hasVariants = new Set((await tx.productVariant.findMany({ where: { productId: { in: productRows.map((r) => r.id!) } }, select: { productId: true } })).map((r) => r.productId));
    await tx.productVariant.createMany({ data: variantRows.filter((v) => !hasVariants.has(v.productId)), skipDuplicates: true });
    // Seeded variants from before net content existed get theirs (only where none is set).
    for (const v of variantRows.filter((r) => r.netContent != null)) {
      await tx.productVariant.updateMany({ where: { id: v.id!, netContent: null }, data: { netContent: v.netContent, netContentUnit: v.netContentUnit } });
    }
    await tx.productMedia.createMany({ data: mediaRows, skipDuplicates: true });
    await tx.productArtwork.createMany({ data: workLinks, skipDuplicates: true });
    // A loaded machine (tests in parallel) can take longer than Prisma's 5 s default.
  }, { timeout: 30_000 });

  // Collections: bestsellers, the stationery corner and one theme per museum; featured on the storefront.
  for (const m of MUSEUMS) {
    const { museumId } = museums.get(m.slug)!;
    const mine = products.filter((p) => p.museumSlug === m.slug && p.status === 'PUBLISHED');
    const collections = [
      { slug: 'bestsellers', name: { fr: 'Meilleures ventes', en: 'Bestsellers', zh: '热销榜' }, members: [...mine].sort((a, b) => b.popularity - a.popularity).slice(0, 12) },
      { slug: 'stationery-corner', name: { fr: 'Papeterie', en: 'Stationery corner', zh: '文具角' }, members: mine.filter((p) => p.type.crossBorderCategory === 'STATIONERY') },
      { slug: m.theme.slug, name: m.theme.name, members: mine.filter((p) => m.theme.works.includes(p.work.accessionNumber)) },
    ];
    await prisma.collection.createMany({
      data: collections.map((c) => ({ id: stableId(`collection:${m.slug}:${c.slug}`), museumId, slug: c.slug, nameFr: c.name.fr, nameEn: c.name.en, nameZh: c.name.zh })),
      skipDuplicates: true,
    });
    const ids = new Map(
      (await prisma.collection.findMany({ where: { museumId, slug: { in: collections.map((c) => c.slug) } }, select: { id: true, slug: true } })).map((r) => [r.slug, r.id]),
    );
    await prisma.productCollection.createMany({
      data: collections.flatMap((c) => c.members.map((p, position) => ({ collectionId: ids.get(c.slug)!, productId: stableId(`product:${p.key}`), position }))),
      skipDuplicates: true,
    });
    const storefront = await prisma.storefront.findUniqueOrThrow({ where: { museumId }, select: { featuredCollectionIds: true } });
    if (!storefront.featuredCollectionIds.length) {
      await prisma.storefront.update({ where: { museumId }, data: { featuredCollectionIds: [ids.get(m.theme.slug)!, ids.get('bestsellers')!] } });
    }
  }
  return { products: productRows.length, published: productRows.filter((p) => p.status === 'PUBLISHED').length };
}

async function seedFxRates(prisma: PrismaService): Promise<void> {
  if (await prisma.fxRate.count({ where: { base: 'EUR', quote: 'CNY' } })) return;
  // A week of ECB-like reference rates, the latest in force now.
  const rates = ['7.7912', '7.8035', '7.7986', '7.8150', '7.8097', '7.8201', '7.8123'];
  const today = new Date();
  today.setUTCHours(14, 15, 0, 0);
  await prisma.fxRate.createMany({
    data: rates.map((rate, i) => ({
      id: stableId(`fx:EUR:CNY:${i}`),
      base: 'EUR',
      quote: 'CNY',
      rate,
      source: 'ECB euro foreign exchange reference rates (demo)',
      effectiveAt: new Date(Math.min(today.getTime(), Date.now()) - (rates.length - 1 - i) * 86_400_000),
    })),
    skipDuplicates: true,
  });
}

async function seedAccounts(prisma: PrismaService, museumIds: Map<string, string>): Promise<void> {
  const passwordHash = await argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id });
  const brand = await prisma.brand.upsert({
    where: { slug: 'maison-demo' },
    create: { id: stableId('brand:maison-demo'), slug: 'maison-demo', name: 'Maison Demo', country: 'FR' },
    update: {},
    select: { id: true },
  });
  const users = [
    { email: 'admin@vitrine.test', displayName: 'Vitrine operator', role: 'PLATFORM_ADMIN' as const },
    ...MUSEUMS.map((m) => ({ email: m.managerEmail, displayName: `${m.name.en} manager`, role: 'MUSEUM_MANAGER' as const, museumSlug: m.slug })),
    { email: 'partner@maison-demo.test', displayName: 'Maison Demo licensing', role: 'BRAND_PARTNER' as const, brandId: brand.id },
    { email: 'shopper@vitrine.test', displayName: '李娜 (Li Na)', role: 'SHOPPER' as const },
  ];
  await prisma.user.createMany({
    data: users.map((u) => ({
      id: stableId(`user:${u.email}`),
      email: u.email,
      passwordHash,
      displayName: u.displayName,
      role: u.role,
      brandId: 'brandId' in u ? u.brandId : null,
    })),
    skipDuplicates: true,
  });
  const ids = new Map((await prisma.user.findMany({ where: { email: { in: users.map((u) => u.email) } }, select: { id: true, email: true } })).map((u) => [u.email, u.id]));
  await prisma.museumMembership.createMany({
    data: users.flatMap((u) => ('museumSlug' in u ? [{ userId: ids.get(u.email)!, museumId: museumIds.get(u.museumSlug)! }] : [])),
    skipDuplicates: true,
  });
}

export async function seedDemo(prisma: PrismaService): Promise<{ products: number; published: number }> {
  const result = await seedCatalogue(prisma);
  await seedFxRates(prisma);
  const museumIds = new Map((await prisma.museum.findMany({ where: { slug: { in: MUSEUMS.map((m) => m.slug) } }, select: { id: true, slug: true } })).map((m) => [m.slug, m.id]));
  await seedAccounts(prisma, museumIds);
  await seedMuseumStock(prisma, museumIds);
  // The services use DATABASE_URL: the same database as `prisma` (main and the tests set both).
  const app = await NestFactory.createApplicationContext(DemoSeedModule, { logger: false });
  try {
    const coBranded = await seedLicensing(app, prisma, museumIds.get('louvre')!);
    await seedOrders(app, prisma, museumIds, coBranded);
  } finally {
    await app.close();
  }
  // After the orders: they keep the prices they were placed at.
  const managers = new Map(MUSEUMS.map((m) => [m.slug, m.managerEmail]));
  await seedPromotions(prisma, museumIds, (slug) => managers.get(slug)!, 'admin@vitrine.test');
  return result;
}

async function main(): Promise<void> {
  const prisma = new PrismaService(databaseOptionsFromEnv(process.env, 4));
  try {
    const { products, published } = await seedDemo(prisma);
    console.log(`demo data: ${MUSEUMS.length} museums, ${products} products (${published} published), ${PRODUCT_TYPES.length} product types; password for every demo account: ${DEMO_PASSWORD}`);
  } finally {
    await prisma.$disconnect();
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
