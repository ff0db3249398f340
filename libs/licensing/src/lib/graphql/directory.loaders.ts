import { byKeys, type RequestContext } from '@vitrine/shared/graphql';
import type { BrowseLicensableWorksService } from '../application/browse-licensable-works.service';
import type { LicensingMuseumRow } from '../infrastructure/directory.repository';
import type { LicensingMuseumType } from './licensing.types';

// Display names of the parties, batched per request and shared by proposals and agreements
// (the parents were authorized before these run).

export async function loadMuseum(ctx: RequestContext, browse: BrowseLicensableWorksService, museumId: string): Promise<LicensingMuseumType | null> {
  const m = await ctx.loaders
    .get<string, LicensingMuseumRow | null>('licensing.museums', async (ids) => byKeys(ids, await browse.museumsByIds(ids), (r) => r.id))
    .load(museumId);
  return m ? { id: m.id, slug: m.slug, name: { fr: m.nameFr, en: m.nameEn, zhCN: m.nameZh }, licensableWorkCount: null } : null;
}

export function loadBrandName(ctx: RequestContext, browse: BrowseLicensableWorksService, brandId: string): Promise<string | null> {
  return ctx.loaders
    .get<string, string | null>('licensing.brandNames', async (ids) => {
      const names = await browse.brandNames(ids);
      return ids.map((id) => names.get(id) ?? null);
    })
    .load(brandId);
}
