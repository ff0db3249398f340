import Head from 'next/head';
import { fill, type Dictionary } from '../i18n/dictionary';
import type { PageMeta } from '../lib/seo';
import { THEME_COLOR } from './ShopFrame';

/**
 * The <head> of a page of pages/ (ADR 0027): what [locale]/layout.tsx's metadata and viewport and
 * lib/seo.ts's pageMetadata give an App Router page, from the same PageMeta. `meta` null: a page
 * without its own (404, error), with the site's title and description.
 */
export function PagesHead({ dict, meta, title }: { dict: Dictionary; meta: PageMeta | null; title?: string }) {
  const pageTitle = meta?.title ?? title;
  return (
    <Head>
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="theme-color" content={THEME_COLOR} />
      <title>{pageTitle ? fill(dict.meta.titleTemplate, { title: pageTitle }) : dict.meta.siteName}</title>
      <meta name="description" content={meta?.description ?? dict.meta.description} />
      {meta ? null : <meta name="robots" content="noindex" />}
      {meta ? <link rel="canonical" href={meta.canonical} /> : null}
      {meta ? Object.entries(meta.languages).map(([l, href]) => <link key={l} rel="alternate" hrefLang={l} href={href} />) : null}
      {meta ? (
        <>
          <meta property="og:title" content={meta.title} />
          <meta property="og:description" content={meta.description} />
          <meta property="og:url" content={meta.canonical} />
          <meta property="og:site_name" content={dict.meta.siteName} />
          <meta property="og:locale" content={meta.ogLocale} />
          {meta.ogAlternateLocales.map((l) => (
            <meta key={l} property="og:locale:alternate" content={l} />
          ))}
          {meta.image ? <meta property="og:image" content={meta.image} /> : null}
          <meta property="og:type" content={meta.type} />
          <meta name="twitter:card" content={meta.image ? 'summary_large_image' : 'summary'} />
          <meta name="twitter:title" content={meta.title} />
          <meta name="twitter:description" content={meta.description} />
          {meta.image ? <meta name="twitter:image" content={meta.image} /> : null}
        </>
      ) : null}
    </Head>
  );
}
