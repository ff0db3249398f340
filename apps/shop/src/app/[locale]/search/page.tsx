import type { Metadata } from 'next';
import Link from 'next/link';
import { ProductGrid } from '../../../components/ProductCard';
import { fill, getDictionary } from '../../../i18n/dictionary';
import { localeOf } from '../../../i18n/server';
import { products, storefronts, type ProductSort } from '../../../lib/api/catalog';
import { routes } from '../../../lib/routes';
import { readSearch, searchQuery, toFilter } from '../../../lib/search-params';
import { searchSource } from '../../../lib/source-marker';

type Params = Promise<{ locale: string }>;
type Query = Promise<Record<string, string | string[] | undefined>>;

const PAGE = 24;

export async function generateMetadata({ params, searchParams }: { params: Params; searchParams: Query }): Promise<Metadata> {
  const locale = await localeOf(params);
  const dict = getDictionary(locale);
  const s = readSearch(await searchParams);
  // Result pages are not for search engines; the storefronts and products are.
  return { title: s.q ? `${s.q} · ${dict.search.title}` : dict.search.title, robots: { index: false, follow: true } };
}

export default async function SearchPage({ params, searchParams }: { params: Params; searchParams: Query }) {
  const locale = await localeOf(params);
  const dict = getDictionary(locale);
  const s = readSearch(await searchParams);
  const filter = toFilter(s);
  const [museums, page] = await Promise.all([storefronts(locale), products(locale, filter, { first: PAGE, after: s.after, sort: s.sort })]);
  const shown = page.nodes;
  const sorts: [ProductSort, string][] = [
    ['POPULARITY', dict.search.sortPopularity],
    ['NEWEST', dict.search.sortNewest],
    ['PRICE_ASC', dict.search.sortPriceAsc],
    ['PRICE_DESC', dict.search.sortPriceDesc],
  ];
  const filtered = Boolean(s.museum || s.category || s.minText || s.maxText || s.inStock);
  const count = page.totalCount;
  return (
    <section className="search">
      <h1>{s.q ? fill(dict.search.resultsFor, { count, query: s.q }) : fill(dict.search.results, { count })}</h1>
      <form className="filters" method="get" action={routes.search(locale)} data-testid="filters">
        <input type="hidden" name="q" value={s.q} />
        <details open={filtered || s.badPrice}>
          <summary>{dict.search.filters}</summary>
          <div className="filter-grid">
            <label>
              <span>{dict.search.museum}</span>
              <select name="museum" defaultValue={s.museum}>
                <option value="">{dict.search.anyMuseum}</option>
                {museums.map((m) => (
                  <option key={m.slug} value={m.slug}>
                    {m.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span>{dict.search.category}</span>
              <select name="category" defaultValue={s.category}>
                <option value="">{dict.search.anyCategory}</option>
                {Object.entries(dict.categories).map(([key, label]) => (
                  <option key={key} value={key}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <fieldset className="price-range">
              <legend>{dict.search.priceRange}</legend>
              <label>
                <span className="visually-hidden">{dict.search.minPrice}</span>
                <input name="min" inputMode="decimal" placeholder={dict.search.minPrice} defaultValue={s.minText} aria-invalid={s.badPrice || undefined} aria-describedby={s.badPrice ? 'price-error' : undefined} />
              </label>
              <span aria-hidden="true">–</span>
              <label>
                <span className="visually-hidden">{dict.search.maxPrice}</span>
                <input name="max" inputMode="decimal" placeholder={dict.search.maxPrice} defaultValue={s.maxText} aria-invalid={s.badPrice || undefined} aria-describedby={s.badPrice ? 'price-error' : undefined} />
              </label>
            </fieldset>
            {s.badPrice ? (
              <p id="price-error" className="field-error" role="alert">
                {dict.search.badPrice}
              </p>
            ) : null}
            <label className="checkbox">
              <input type="checkbox" name="instock" value="1" defaultChecked={s.inStock} />
              <span>{dict.search.inStockOnly}</span>
            </label>
          </div>
        </details>
        <div className="sort-row">
          <label>
            <span>{dict.search.sort}</span>
            <select name="sort" defaultValue={s.sort}>
              {sorts.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">{dict.search.apply}</button>
        </div>
        {filtered ? (
          <p>
            <Link className="inline-link" href={routes.search(locale, { q: s.q || undefined })}>
              {dict.search.clear}
            </Link>
          </p>
        ) : null}
      </form>
      {/* A product opened from here and bought is attributed to the search (SEARCH, with the term). */}
      {shown.length ? <ProductGrid products={shown} locale={locale} dict={dict} eager={2} source={searchSource(s.q)} /> : <p data-testid="no-results">{dict.search.noResults}</p>}
      {page.hasNextPage && page.endCursor ? (
        <p className="pager">
          <Link className="button secondary" href={routes.search(locale, searchQuery({ ...s, after: page.endCursor }))} rel="next">
            {dict.search.nextPage}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
