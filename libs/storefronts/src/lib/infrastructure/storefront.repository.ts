import { Injectable } from '@nestjs/common';
import { PrismaService, type Prisma, type StorefrontStatus } from '@vitrine/shared/data-access';

export interface StorefrontRow {
  id: string;
  museumId: string;
  /** The museum's slug: storefront addresses use it. */
  slug: string;
  status: StorefrontStatus;
  nameFr: string;
  nameEn: string;
  nameZh: string;
  storyFr: string;
  storyEn: string;
  storyZh: string;
  bannerUrl: string | null;
  featuredCollectionIds: string[];
  /** Cleared parcels booked with the carrier at once (true) or handed over by the museum (shipOrder). */
  autoBookCarrier: boolean;
  /** The museum's customs registration (e-commerce enterprise code and name); null: it may not sell to China. */
  customsCode: string | null;
  customsName: string | null;
  updatedAt: Date;
}

const storefrontSelect = {
  id: true,
  museumId: true,
  status: true,
  nameFr: true,
  nameEn: true,
  nameZh: true,
  storyFr: true,
  storyEn: true,
  storyZh: true,
  bannerUrl: true,
  featuredCollectionIds: true,
  autoBookCarrier: true,
  customsCode: true,
  customsName: true,
  updatedAt: true,
  museum: { select: { slug: true } },
} as const satisfies Prisma.StorefrontSelect;

type Row = Prisma.StorefrontGetPayload<{ select: typeof storefrontSelect }>;
const toRow = ({ museum, ...rest }: Row): StorefrontRow => ({ ...rest, slug: museum.slug });

export type StorefrontWrite = Partial<Omit<StorefrontRow, 'id' | 'museumId' | 'slug' | 'updatedAt'>>;

@Injectable()
export class StorefrontRepository {
  constructor(private readonly prisma: PrismaService) {}

  async listOpen(q: { take: number; afterSlug?: string | null }): Promise<{ rows: StorefrontRow[]; total: number }> {
    const where: Prisma.StorefrontWhereInput = { status: 'OPEN' };
    const db = this.prisma.staleTolerant();
    const [rows, total] = await Promise.all([
      db.storefront.findMany({
        where: q.afterSlug ? { ...where, museum: { slug: { gt: q.afterSlug } } } : where,
        orderBy: { museum: { slug: 'asc' } },
        take: q.take + 1,
        select: storefrontSelect,
      }),
      db.storefront.count({ where }),
    ]);
    return { rows: rows.map(toRow), total };
  }

  async findOpenBySlug(slug: string): Promise<StorefrontRow | null> {
    const row = await this.prisma.staleTolerant().storefront.findFirst({ where: { status: 'OPEN', museum: { slug } }, select: storefrontSelect });
    return row ? toRow(row) : null;
  }

  /** One statement (a batch loader's query behind every product card). */
  byMuseumIds(museumIds: readonly string[]): Promise<StorefrontRow[]> {
    return this.prisma.staleTolerant().$queryRaw<StorefrontRow[]>`
      SELECT s.id, s.museum_id AS "museumId", m.slug, s.status::text AS status,
             s.name_fr AS "nameFr", s.name_en AS "nameEn", s.name_zh AS "nameZh",
             s.story_fr AS "storyFr", s.story_en AS "storyEn", s.story_zh AS "storyZh",
             s.banner_url AS "bannerUrl", s.featured_collection_ids::text[] AS "featuredCollectionIds",
             s.auto_book_carrier AS "autoBookCarrier", s.customs_code AS "customsCode", s.customs_name AS "customsName", s.updated_at AS "updatedAt"
      FROM storefronts s JOIN museums m ON m.id = s.museum_id
      WHERE s.museum_id = ANY(${[...museumIds]}::uuid[])`;
  }

  async update(museumId: string, data: StorefrontWrite): Promise<StorefrontRow> {
    return toRow(await this.prisma.storefront.update({ where: { museumId }, data: { ...data, updatedAt: new Date() }, select: storefrontSelect }));
  }
}
