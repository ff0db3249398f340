import { readSearch, searchQuery, toFilter } from './search-params';

describe('search parameters', () => {
  it('reads a shopper’s filters into the API’s filter, prices in fen', () => {
    const s = readSearch({ q: ' 丝巾 ', museum: 'louvre', category: 'scarves', min: '100', max: '599.5', instock: '1', sort: 'PRICE_ASC' });
    expect(toFilter(s)).toEqual({ search: '丝巾', storefrontSlug: 'louvre', category: 'scarves', minPriceCny: 10000, maxPriceCny: 59950, inStock: true });
    expect(s.inStock).toBe(true);
    expect(s.sort).toBe('PRICE_ASC');
    expect(s.badPrice).toBe(false);
  });

  it('sorts by popularity when searching and by newest when browsing, unless told', () => {
    expect(readSearch({ q: 'scarf' }).sort).toBe('POPULARITY');
    expect(readSearch({}).sort).toBe('NEWEST');
    expect(readSearch({ sort: 'DROP TABLE' }).sort).toBe('NEWEST');
  });

  it('leaves out a price that is not one and says so, and puts a reversed range right', () => {
    const bad = readSearch({ min: 'cheap', max: '-5' });
    expect(bad.badPrice).toBe(true);
    expect(toFilter(bad)).toEqual({});
    expect(toFilter(readSearch({ min: '500', max: '100' }))).toEqual({ minPriceCny: 10000, maxPriceCny: 50000 });
  });

  it('writes a state back as query parameters without empty ones', () => {
    const s = readSearch({ q: 'Van Gogh', instock: '1' });
    expect(searchQuery({ ...s, after: 'c1' })).toEqual({ q: 'Van Gogh', museum: undefined, category: undefined, min: undefined, max: undefined, instock: '1', sort: 'POPULARITY', after: 'c1' });
  });
});
