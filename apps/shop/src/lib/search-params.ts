// The search page's URL parameters, read and validated (pure: unit-tested).
import { parseCnyInput } from './format/money';
import { PRODUCT_SORTS, type ProductFilter, type ProductSort } from './api/catalog';

export interface SearchState {
  q: string;
  museum: string;
  category: string;
  /** As typed, to show back in the form. */
  minText: string;
  maxText: string;
  min: number | null;
  max: number | null;
  inStock: boolean;
  sort: ProductSort;
  after: string | null;
  /** A typed price that is not a price (shown as a message; the filter is left out). */
  badPrice: boolean;
}

type Raw = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export function readSearch(raw: Raw): SearchState {
  const minText = one(raw['min']).trim();
  const maxText = one(raw['max']).trim();
  const min = minText ? parseCnyInput(minText) : null;
  const max = maxText ? parseCnyInput(maxText) : null;
  const sortText = one(raw['sort']);
  const sort = (PRODUCT_SORTS as readonly string[]).includes(sortText) ? (sortText as ProductSort) : one(raw['q']).trim() ? 'POPULARITY' : 'NEWEST';
  return {
    q: one(raw['q']).trim().slice(0, 100),
    museum: one(raw['museum']).trim(),
    category: one(raw['category']).trim(),
    minText,
    maxText,
    min,
    max,
    inStock: one(raw['instock']) === '1',
    sort,
    after: one(raw['after']) || null,
    badPrice: (minText !== '' && min === null) || (maxText !== '' && max === null),
  };
}

/** The API's filter (prices in fen, as the API takes them; a reversed range is put right). */
export function toFilter(s: SearchState): ProductFilter {
  const filter: ProductFilter = {};
  if (s.q) filter.search = s.q;
  if (s.museum) filter.storefrontSlug = s.museum;
  if (s.category) filter.category = s.category;
  if (s.min !== null) filter.minPriceCny = s.min;
  if (s.max !== null) filter.maxPriceCny = s.max;
  // Filtered by the API in the list's query, so pages and the count hold only what can be bought now.
  if (s.inStock) filter.inStock = true;
  if (filter.minPriceCny !== undefined && filter.maxPriceCny !== undefined && filter.minPriceCny > filter.maxPriceCny) {
    [filter.minPriceCny, filter.maxPriceCny] = [filter.maxPriceCny, filter.minPriceCny];
  }
  return filter;
}

/** The query string of a state, for links (next page, clearing filters). */
export function searchQuery(s: Partial<SearchState>): Record<string, string | undefined> {
  return {
    q: s.q || undefined,
    museum: s.museum || undefined,
    category: s.category || undefined,
    min: s.minText || undefined,
    max: s.maxText || undefined,
    instock: s.inStock ? '1' : undefined,
    sort: s.sort,
    after: s.after ?? undefined,
  };
}
