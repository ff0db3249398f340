import type { Metadata } from 'next';
import Link from 'next/link';
import { Img } from '../../components/Img';
import { getDictionary } from '../../i18n/dictionary';
import { LOCALES, toApiLocale } from '../../i18n/locales';
import { localeOf, type LocaleParams } from '../../i18n/server';
import { gql } from '../../lib/api/client';
import { routes } from '../../lib/routes';

const STOREFRONTS = `query Storefronts($locale: Locale) {
  storefronts(first: 24, locale: $locale) { nodes { id slug name story bannerUrl } }
}`;

interface StorefrontCard {
  id: string;
  slug: string;
  name: string;
  story: string;
  bannerUrl: string | null;
}

export async function generateMetadata({ params }: { params: LocaleParams }): Promise<Metadata> {
  const locale = await localeOf(params);
  const dict = getDictionary(locale);
  return {
    title: { absolute: dict.meta.siteName },
    alternates: { canonical: routes.home(locale), languages: Object.fromEntries(LOCALES.map((l) => [l, routes.home(l)])) },
  };
}

export default async function Home({ params }: { params: LocaleParams }) {
  const locale = await localeOf(params);
  const dict = getDictionary(locale);
  const { storefronts } = await gql<{ storefronts: { nodes: StorefrontCard[] } }>(STOREFRONTS, { locale: toApiLocale(locale) });
  return (
    <>
      <section className="hero">
        <h1>{dict.home.title}</h1>
        <p>{dict.home.intro}</p>
      </section>
      <section aria-labelledby="storefronts-heading">
        <h2 id="storefronts-heading">{dict.home.storefrontsHeading}</h2>
        {storefronts.nodes.length === 0 ? <p>{dict.home.noStorefronts}</p> : null}
        <ul className="card-list" data-testid="storefronts">
          {storefronts.nodes.map((s, i) => (
            <li key={s.id} className="storefront-card">
              <Link href={routes.storefront(locale, s.slug)}>
                {s.bannerUrl ? (
                  <Img url={s.bannerUrl} alt="" widths={[390, 780]} sizes="(min-width: 720px) 50vw, 100vw" priority={i === 0} className="storefront-card-image" aspect={{ width: 1600, height: 500 }} />
                ) : (
                  <div className="banner-placeholder" aria-hidden="true" />
                )}
                <span className="card-title">{s.name}</span>
                <span className="card-text">{s.story}</span>
                <span className="card-cta">{dict.home.visitStorefront}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
