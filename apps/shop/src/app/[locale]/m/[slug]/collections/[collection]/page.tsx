import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ProductGrid } from '../../../../../../components/ProductCard';
import { getDictionary } from '../../../../../../i18n/dictionary';
import type { ShopLocale } from '../../../../../../i18n/locales';
import { localeOf } from '../../../../../../i18n/server';
import { products, storefront } from '../../../../../../lib/api/catalog';
import { orNotFound } from '../../../../../../lib/api/not-found';
import { routes } from '../../../../../../lib/routes';
import { pageMetadata } from '../../../../../../lib/seo';

type Params = Promise<{ locale: string; slug: string; collection: string }>;

async function load(locale: ShopLocale, slug: string, collectionSlug: string) {
  const s = await orNotFound(storefront(locale, slug));
  const collection = s.collections.find((c) => c.slug === collectionSlug);
  if (!collection) notFound();
  return { s, collection };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const locale = await localeOf(params);
  const { slug, collection } = await params;
  const { s, collection: c } = await load(locale, slug, collection);
  return pageMetadata(locale, (l) => routes.collection(l, slug, collection), { title: `${c.name} · ${s.name}`, description: s.story, image: s.bannerUrl });
}

export default async function CollectionPage({ params }: { params: Params }) {
  const locale = await localeOf(params);
  const { slug, collection } = await params;
  const dict = getDictionary(locale);
  const { s, collection: c } = await load(locale, slug, collection);
  const list = await products(locale, { collectionId: c.id }, { first: 48, sort: 'POPULARITY' });
  return (
    <article className="collection">
      <p className="breadcrumb">
        <Link href={routes.storefront(locale, slug)}>{s.name}</Link>
      </p>
      <h1>{c.name}</h1>
      <section aria-labelledby="collection-products">
        <h2 id="collection-products">{dict.collection.products}</h2>
        {list.nodes.length ? <ProductGrid products={list.nodes} locale={locale} dict={dict} eager={2} /> : <p>{dict.collection.noProducts}</p>}
      </section>
    </article>
  );
}
