import type { Metadata } from 'next';
import Link from 'next/link';
import { Img } from '../../../../components/Img';
import { ProductGrid } from '../../../../components/ProductCard';
import { Share } from '../../../../components/Share';
import { getDictionary } from '../../../../i18n/dictionary';
import { localeOf } from '../../../../i18n/server';
import { artworksOf, products, storefront } from '../../../../lib/api/catalog';
import { orNotFound } from '../../../../lib/api/not-found';
import { routes } from '../../../../lib/routes';
import { pageMetadata } from '../../../../lib/seo';

type Params = Promise<{ locale: string; slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const locale = await localeOf(params);
  const { slug } = await params;
  const s = await orNotFound(storefront(locale, slug));
  // A storefront without its story yet still previews with a description: the shop's own.
  return pageMetadata(locale, (l) => routes.storefront(l, slug), { title: s.name, description: s.story || getDictionary(locale).meta.description, image: s.bannerUrl });
}

export default async function StorefrontPage({ params }: { params: Params }) {
  const locale = await localeOf(params);
  const { slug } = await params;
  const dict = getDictionary(locale);
  const s = await orNotFound(storefront(locale, slug));
  const [newest, works] = await Promise.all([products(locale, { storefrontSlug: slug }, { first: 8, sort: 'NEWEST' }), artworksOf(locale, slug, 12)]);
  const featured = s.featuredCollections.length ? s.featuredCollections : s.collections.slice(0, 4);
  return (
    <article className="storefront">
      {s.bannerUrl ? <Img url={s.bannerUrl} alt="" widths={[390, 780, 1200]} sizes="100vw" priority className="storefront-banner" aspect={{ width: 1600, height: 500 }} /> : null}
      <h1>{s.name}</h1>
      <p className="story">{s.story}</p>
      <Share dict={dict} kind="s" code={slug} name={s.name} />

      {featured.length ? (
        <section aria-labelledby="featured-heading">
          <h2 id="featured-heading">{dict.storefront.featuredCollections}</h2>
          <ul className="chip-list" data-testid="featured-collections">
            {featured.map((c) => (
              <li key={c.id}>
                <Link className="chip" href={routes.collection(locale, slug, c.slug)}>
                  {c.name}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="new-heading">
        <h2 id="new-heading">{dict.storefront.newArrivals}</h2>
        {newest.nodes.length ? <ProductGrid products={newest.nodes} locale={locale} dict={dict} /> : <p>{dict.storefront.noProducts}</p>}
        <p>
          <Link className="button secondary" href={routes.search(locale, { museum: slug })}>
            {dict.storefront.allProducts}
          </Link>
        </p>
      </section>

      {works.length ? (
        <section aria-labelledby="works-heading">
          <h2 id="works-heading">{dict.storefront.works}</h2>
          <ul className="work-list">
            {works.map((w) => (
              <li key={w.id}>
                <Link href={routes.artwork(locale, slug, w.id)}>
                  {w.imageUrl ? <Img url={w.imageUrl} alt="" widths={[160, 320]} sizes="40vw" className="work-thumb" /> : <span className="image-placeholder" aria-hidden="true" />}
                  <span className="work-title">{w.title}</span>
                  <span className="work-artist">{w.artist}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {s.collections.length > featured.length ? (
        <section aria-labelledby="collections-heading">
          <h2 id="collections-heading">{dict.storefront.collections}</h2>
          <ul className="chip-list">
            {s.collections.map((c) => (
              <li key={c.id}>
                <Link className="chip" href={routes.collection(locale, slug, c.slug)}>
                  {c.name}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
