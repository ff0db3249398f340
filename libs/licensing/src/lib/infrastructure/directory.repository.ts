import { Injectable } from '@nestjs/common';
import { PrismaService, type Prisma } from '@vitrine/shared/data-access';

/**
 * Read model of what licensing needs from other contexts: museums and their storefront
 * names, brands, licensable works of the collection, the positive list. Read only, through
 * explicit selects; the owning contexts stay the writers.
 */
export interface LicensingMuseumRow {
  id: string;
  slug: string;
  storefrontStatus: 'DRAFT' | 'OPEN' | 'CLOSED' | null;
  nameFr: string;
  nameEn: string;
  nameZh: string;
}

export interface LicensableArtworkRow {
  id: string;
  museumId: string;
  accessionNumber: string;
  titleFr: string;
  titleEn: string;
  titleZh: string;
  artist: string;
  period: string;
  creditLine: string;
  imageUrl: string | null;
  licensable: boolean;
}

const artworkSelect = {
  id: true,
  museumId: true,
  accessionNumber: true,
  titleFr: true,
  titleEn: true,
  titleZh: true,
  artist: true,
  period: true,
  creditLine: true,
  imageUrl: true,
  licensable: true,
} as const satisfies Prisma.ArtworkSelect;

const museumSelect = {
  id: true,
  slug: true,
  storefront: { select: { status: true, nameFr: true, nameEn: true, nameZh: true } },
} as const satisfies Prisma.MuseumSelect;

type MuseumRecord = Prisma.MuseumGetPayload<{ select: typeof museumSelect }>;
const toMuseum = (m: MuseumRecord): LicensingMuseumRow => ({
  id: m.id,
  slug: m.slug,
  storefrontStatus: m.storefront?.status ?? null,
  nameFr: m.storefront?.nameFr ?? m.slug,
  nameEn: m.storefront?.nameEn ?? m.slug,
  nameZh: m.storefront?.nameZh ?? m.slug,
});

/** A museum offers licensing while its storefront is open and it has a licensable work. */
const offersLicensing: Prisma.MuseumWhereInput = { storefront: { is: { status: 'OPEN' } }, artworks: { some: { licensable: true } } };

@Injectable()
export class DirectoryRepository {
  constructor(private readonly prisma: PrismaService) {}

  async museum(id: string): Promise<LicensingMuseumRow | null> {
    const m = await this.prisma.museum.findUnique({ where: { id }, select: museumSelect });
    return m ? toMuseum(m) : null;
  }

  async museums(ids: readonly string[]): Promise<LicensingMuseumRow[]> {
    const rows = await this.prisma.museum.findMany({ where: { id: { in: [...ids] } }, select: museumSelect });
    return rows.map(toMuseum);
  }

  async museumsOfferingLicensing(take: number, afterSlug: string | null): Promise<{ rows: (LicensingMuseumRow & { licensableWorks: number })[]; total: number }> {
    const [rows, total] = await Promise.all([
      this.prisma.museum.findMany({
        where: afterSlug ? { AND: [offersLicensing, { slug: { gt: afterSlug } }] } : offersLicensing,
        orderBy: { slug: 'asc' },
        take: take + 1,
        select: { ...museumSelect, _count: { select: { artworks: { where: { licensable: true } } } } },
      }),
      this.prisma.museum.count({ where: offersLicensing }),
    ]);
    return { rows: rows.map((m) => ({ ...toMuseum(m), licensableWorks: m._count.artworks })), total };
  }

  async licensableArtworks(q: { museumId: string; take: number; after: [string, string] | null; search?: string }): Promise<{ rows: LicensableArtworkRow[]; total: number }> {
    const and: Prisma.ArtworkWhereInput[] = [{ museumId: q.museumId, licensable: true }];
    if (q.search) {
      const s = q.search;
      and.push({
        OR: [
          { accessionNumber: { contains: s, mode: 'insensitive' } },
          { titleFr: { contains: s, mode: 'insensitive' } },
          { titleEn: { contains: s, mode: 'insensitive' } },
          { titleZh: { contains: s } },
          { artist: { contains: s, mode: 'insensitive' } },
        ],
      });
    }
    const keyset: Prisma.ArtworkWhereInput[] = q.after
      ? [{ OR: [{ accessionNumber: { gt: q.after[0] } }, { accessionNumber: q.after[0], id: { gt: q.after[1] } }] }]
      : [];
    const [rows, total] = await Promise.all([
      this.prisma.artwork.findMany({
        where: { AND: [...and, ...keyset] },
        orderBy: [{ accessionNumber: 'asc' }, { id: 'asc' }],
        take: q.take + 1,
        select: artworkSelect,
      }),
      this.prisma.artwork.count({ where: { AND: and } }),
    ]);
    return { rows, total };
  }

  artworks(ids: readonly string[]): Promise<LicensableArtworkRow[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.prisma.artwork.findMany({ where: { id: { in: [...ids] } }, select: artworkSelect });
  }

  async brandNames(ids: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.prisma.brand.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true } });
    return new Map(rows.map((b) => [b.id, b.name]));
  }

  async positiveListPrefixes(): Promise<string[]> {
    const rows = await this.prisma.positiveListEntry.findMany({ select: { hsPrefix: true } });
    return rows.map((r) => r.hsPrefix);
  }
}
