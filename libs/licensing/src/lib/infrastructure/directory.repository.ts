import { Injectable } from '@nestjs/common';
import { CatalogReadPort, type CatalogArtworkRow } from '@vitrine/catalog';
import { Prisma, PrismaService } from '@vitrine/shared/data-access';
import { StorefrontsReadPort } from '@vitrine/storefronts';

/**
 * Read model of what licensing needs from other contexts: museums and their storefront
 * names, brands, licensable works of the collection, the positive list. Read only, through
 * the read ports of libs/storefronts and libs/catalog (issue 19); the owning contexts stay
 * the writers.
 */
export interface LicensingMuseumRow {
  id: string;
  slug: string;
  storefrontStatus: 'DRAFT' | 'OPEN' | 'CLOSED' | null;
  nameFr: string;
  nameEn: string;
  nameZh: string;
}

export type LicensableArtworkRow = CatalogArtworkRow;

/** A museum with its storefront's status and names (the slug when it has none). */
const MUSEUM_COLUMNS = Prisma.sql`m.id::text AS id, m.slug, s.status::text AS "storefrontStatus",
  coalesce(s.name_fr, m.slug) AS "nameFr", coalesce(s.name_en, m.slug) AS "nameEn", coalesce(s.name_zh, m.slug) AS "nameZh"`;
const MUSEUMS = Prisma.sql`${StorefrontsReadPort.museums} m LEFT JOIN ${StorefrontsReadPort.storefronts} s ON s.museum_id = m.id`;
/** A museum offers licensing while its storefront is open and it has a licensable work. */
const OFFERS_LICENSING = Prisma.sql`s.status = 'OPEN' AND EXISTS (SELECT 1 FROM ${CatalogReadPort.artworks} a WHERE a.museum_id = m.id AND a.licensable)`;

@Injectable()
export class DirectoryRepository {
  constructor(private readonly prisma: PrismaService) {}

  async museum(id: string): Promise<LicensingMuseumRow | null> {
    return (await this.museums([id]))[0] ?? null;
  }

  museums(ids: readonly string[]): Promise<LicensingMuseumRow[]> {
    return this.prisma.$queryRaw<LicensingMuseumRow[]>`SELECT ${MUSEUM_COLUMNS} FROM ${MUSEUMS} WHERE m.id = ANY(${[...ids]}::uuid[])`;
  }

  async museumsOfferingLicensing(take: number, afterSlug: string | null): Promise<{ rows: (LicensingMuseumRow & { licensableWorks: number })[]; total: number }> {
    const [rows, total] = await Promise.all([
      this.prisma.$queryRaw<(LicensingMuseumRow & { licensableWorks: number })[]>`
        SELECT ${MUSEUM_COLUMNS}, (SELECT count(*)::int FROM ${CatalogReadPort.artworks} a WHERE a.museum_id = m.id AND a.licensable) AS "licensableWorks"
          FROM ${MUSEUMS}
         WHERE ${OFFERS_LICENSING} AND (${afterSlug}::text IS NULL OR m.slug > ${afterSlug}::text)
         ORDER BY m.slug LIMIT ${take + 1}`,
      this.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM ${MUSEUMS} WHERE ${OFFERS_LICENSING}`,
    ]);
    return { rows, total: total[0]!.n };
  }

  licensableArtworks(q: { museumId: string; take: number; after: [string, string] | null; search?: string }): Promise<{ rows: LicensableArtworkRow[]; total: number }> {
    return CatalogReadPort.licensableArtworks(this.prisma, q);
  }

  artworks(ids: readonly string[]): Promise<LicensableArtworkRow[]> {
    return CatalogReadPort.artworksByIds(this.prisma, ids);
  }

  async brandNames(ids: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.prisma.$queryRaw<{ id: string; name: string }[]>`SELECT b.id::text AS id, b.name FROM ${StorefrontsReadPort.brands} b WHERE b.id = ANY(${[...ids]}::uuid[])`;
    return new Map(rows.map((b) => [b.id, b.name]));
  }

  positiveListPrefixes(): Promise<string[]> {
    return CatalogReadPort.positiveListPrefixes(this.prisma);
  }
}
