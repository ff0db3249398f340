import type { MetadataRoute } from 'next';
import { LOCALES, type ShopLocale } from '../i18n/locales';
import { artworksOf, products, storefronts } from '../lib/api/catalog';
import { shopOrigin } from '../lib/api/config';
import { routes } from '../lib/routes';

export const dynamic = 'force-dynamic';

/** Every storefront, work and published product, in each locale (alternates per URL). At most 5,000 products. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = shopOrigin();
  const entry = (path: (l: ShopLocale) => string, lastModified?: Date): MetadataRoute.Sitemap[number] => ({
    url: `${origin}${path('zh-CN')}`,
    lastModified,
    alternates: { languages: Object.fromEntries(LOCALES.map((l) => [l, `${origin}${path(l)}`])) },
  });
  const out: MetadataRoute.Sitemap = [entry((l) => routes.home(l))];
  const shops = await storefronts('zh-CN');
  for (const s of shops) {
    out.push(entry((l) => routes.storefront(l, s.slug)));
    for (const w of await artworksOf('zh-CN', s.slug, 100)) out.push(entry((l) => routes.artwork(l, s.slug, w.id)));
  }
  let after: string | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const page = await products('zh-CN', {}, { first: 100, after, sort: 'NEWEST' });
    for (const p of page.nodes) out.push(entry((l) => routes.product(l, p.id)));
    if (!page.hasNextPage || !page.endCursor) break;
    after = page.endCursor;
  }
  return out;
}
