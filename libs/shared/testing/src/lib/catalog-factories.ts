import { randomBytes } from 'node:crypto';
import type { PrismaService, ProductStatus } from '@vitrine/shared/data-access';

const uniq = () => randomBytes(4).toString('hex');

/** Lets these HS prefixes be sold cross-border (the positive list). */
export async function allowHsCodes(prisma: PrismaService, prefixes: string[]) {
  await prisma.positiveListEntry.createMany({ data: prefixes.map((hsPrefix) => ({ hsPrefix, description: `test ${hsPrefix}` })), skipDuplicates: true });
}

export async function createArtwork(
  prisma: PrismaService,
  museumId: string,
  over: { accessionNumber?: string; titleFr?: string; titleEn?: string; titleZh?: string; artist?: string; licensable?: boolean } = {},
) {
  return prisma.artwork.create({
    data: {
      museumId,
      accessionNumber: over.accessionNumber ?? `INV ${uniq()}`,
      titleFr: over.titleFr ?? 'Œuvre',
      titleEn: over.titleEn ?? 'Work',
      titleZh: over.titleZh ?? '作品',
      artist: over.artist ?? 'Anonyme',
      period: '19th century',
      creditLine: 'Photo © Test museum',
      licensable: over.licensable ?? true,
    },
  });
}

export async function createCollection(prisma: PrismaService, museumId: string, over: { slug?: string; nameEn?: string } = {}) {
  const slug = over.slug ?? `collection-${uniq()}`;
  return prisma.collection.create({ data: { museumId, slug, nameFr: slug, nameEn: over.nameEn ?? slug, nameZh: `${slug}（中文）` } });
}

export interface ProductFactoryOptions {
  status?: ProductStatus;
  category?: string;
  nameFr?: string;
  nameEn?: string;
  nameZh?: string;
  descriptionZh?: string;
  popularity?: number;
  createdAt?: Date;
  /** Defaults to one variant at 10.00 EUR with an HS code of the factory's positive list. */
  variants?: { sku?: string; priceMinor: number; hsCode?: string; options?: Record<string, string> }[];
  media?: string[];
  artworkIds?: string[];
  collectionIds?: string[];
}

/**
 * A product written straight to the database, for lists and tenancy tests. Its search
 * text is a plain lower-cased join; tests of search go through the API instead.
 */
export async function createProduct(prisma: PrismaService, museumId: string, over: ProductFactoryOptions = {}) {
  const variants = over.variants ?? [{ priceMinor: 1_000 }];
  const names = { nameFr: over.nameFr ?? 'Produit', nameEn: over.nameEn ?? 'Product', nameZh: over.nameZh ?? '产品' };
  const status = over.status ?? 'PUBLISHED';
  return prisma.product.create({
    data: {
      museumId,
      status,
      category: over.category ?? 'scarves',
      ...names,
      descriptionFr: 'Description',
      descriptionEn: 'Description',
      descriptionZh: over.descriptionZh ?? '描述',
      searchText: Object.values(names).join(' ').toLowerCase(),
      minPriceEurCents: Math.min(...variants.map((v) => v.priceMinor)),
      popularity: over.popularity ?? 0,
      publishedAt: status === 'PUBLISHED' ? new Date() : null,
      ...(over.createdAt ? { createdAt: over.createdAt } : {}),
      variants: {
        create: variants.map((v, position) => ({
          museumId,
          sku: v.sku ?? `SKU-${uniq()}`,
          options: v.options ?? {},
          priceMinor: v.priceMinor,
          weightGrams: 120,
          hsCode: v.hsCode ?? '621410',
          originCountry: 'FR',
          position,
        })),
      },
      media: { create: (over.media ?? [`https://img.example.test/${uniq()}.jpg`]).map((url, position) => ({ url, alt: names.nameEn, position })) },
      artworks: { create: (over.artworkIds ?? []).map((artworkId) => ({ artworkId })) },
      collections: { create: (over.collectionIds ?? []).map((collectionId) => ({ collectionId })) },
    },
    include: { variants: true },
  });
}
