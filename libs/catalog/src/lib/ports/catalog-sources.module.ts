import { Global, Injectable, Module } from '@nestjs/common';
import { PrismaService } from '@vitrine/shared/data-access';
import { FeaturedCollections } from '@vitrine/storefronts';

/** The catalogue's answer to storefronts' question: which of these are this museum's collections. */
@Injectable()
export class CatalogFeaturedCollections extends FeaturedCollections {
  constructor(private readonly prisma: PrismaService) {
    super();
  }

  async ofMuseum(museumId: string, ids: readonly string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await this.prisma.collection.findMany({ where: { museumId, id: { in: [...ids] } }, select: { id: true } });
    return new Set(rows.map((r) => r.id));
  }
}

/**
 * Binds what storefronts (below the catalogue, ADR 0021) declares and the catalogue answers.
 * Global, since StorefrontsModule is imported from several places; the API imports it once.
 */
@Global()
@Module({ providers: [{ provide: FeaturedCollections, useClass: CatalogFeaturedCollections }], exports: [FeaturedCollections] })
export class CatalogSourcesModule {}
