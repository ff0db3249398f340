import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Img } from '../../../../../../components/Img';
import { ProductGrid } from '../../../../../../components/ProductCard';
import { getDictionary } from '../../../../../../i18n/dictionary';
import type { ShopLocale } from '../../../../../../i18n/locales';
import { localeOf } from '../../../../../../i18n/server';
import { artworksOf, isId, products, storefront } from '../../../../../../lib/api/catalog';
import { orNotFound } from '../../../../../../lib/api/not-found';
import { routes } from '../../../../../../lib/routes';
import { pageMetadata } from '../../../../../../lib/seo';

type Params = Promise<{ locale: string; slug: string; artworkId: string }>;

async function load(locale: ShopLocale, slug: string, artworkId: string) {
  if (!isId(artworkId)) notFound();
  const [s, works] = await Promise.all([orNotFound(storefront(locale, slug)), orNotFound(artworksOf(locale, slug, 100))]);
  const work = works.find((w) => w.id === artworkId);
  if (!work) notFound();
  return { s, work };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const locale = await localeOf(params);
  const { slug, artworkId } = await params;
  const { s, work } = await load(locale, slug, artworkId);
  return pageMetadata(locale, (l) => routes.artwork(l, slug, artworkId), { title: `${work.title} · ${work.artist}`, description: `${work.creditLine} · ${s.name}`, image: work.imageUrl });
}

export default async function ArtworkPage({ params }: { params: Params }) {
  const locale = await localeOf(params);
  const { slug, artworkId } = await params;
  const dict = getDictionary(locale);
  const { s, work } = await load(locale, slug, artworkId);
  const inspired = await products(locale, { artworkId }, { first: 48, sort: 'POPULARITY' });
  return (
    <article className="artwork">
      <p className="breadcrumb">
        <Link href={routes.storefront(locale, slug)}>{s.name}</Link>
      </p>
      {work.imageUrl ? <Img url={work.imageUrl} alt={work.title} widths={[390, 780]} sizes="100vw" priority className="artwork-image" /> : null}
      <h1>{work.title}</h1>
      <dl className="facts" data-testid="artwork-facts">
        <div>
          <dt>{dict.artwork.artist}</dt>
          <dd>{work.artist}</dd>
        </div>
        {work.period ? (
          <div>
            <dt>{dict.artwork.period}</dt>
            <dd>{work.period}</dd>
          </div>
        ) : null}
        <div>
          <dt>{dict.artwork.accessionNumber}</dt>
          <dd>{work.accessionNumber}</dd>
        </div>
        <div>
          <dt>{dict.artwork.creditLine}</dt>
          <dd>{work.creditLine}</dd>
        </div>
      </dl>
      <section aria-labelledby="inspired-heading">
        <h2 id="inspired-heading">{dict.artwork.productsFrom}</h2>
        {inspired.nodes.length ? <ProductGrid products={inspired.nodes} locale={locale} dict={dict} /> : <p>{dict.artwork.noProducts}</p>}
      </section>
    </article>
  );
}
