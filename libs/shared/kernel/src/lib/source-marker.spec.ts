import fc from 'fast-check';
import { attributionOf, isSourceMarker, SEARCH_TERM_MAX_LENGTH, searchSource, searchTerm, shelfSource } from './source-marker';

describe('source markers', () => {
  it('name a channel and a reference', () => {
    expect(attributionOf('shelf-louvre')).toEqual({ channel: 'SHELF_QR', ref: 'louvre' });
    expect(attributionOf('article-wechat-2026-12')).toEqual({ channel: 'ARTICLE', ref: 'wechat-2026-12' });
    expect(attributionOf('live-3f2a')).toEqual({ channel: 'LIVESTREAM', ref: '3f2a' });
    expect(attributionOf('share-product')).toEqual({ channel: 'SHARE', ref: 'product' });
    expect(attributionOf(shelfSource('British-Museum'))).toEqual({ channel: 'SHELF_QR', ref: 'british-museum' });
    expect(attributionOf('search-丝巾')).toEqual({ channel: 'SEARCH', ref: '丝巾' });
    expect(attributionOf('search-van gogh')).toEqual({ channel: 'SEARCH', ref: 'van gogh' });
    expect(attributionOf('search')).toEqual({ channel: 'SEARCH', ref: '' });
  });

  it('are none when absent or not well formed', () => {
    for (const bad of [null, undefined, '', 'shelf-', 'shelf', 'SHELF-louvre', 'radio-x', 'shelf-louvre;drop', 'shelf-' + 'a'.repeat(60), 'shelf--x'])
      expect(attributionOf(bad)).toBeNull();
    // A search marker whose term is not as the shop keeps it (upper case, spaces, control characters, too long, an ID number).
    for (const bad of ['search-', 'search- 丝巾', 'search-Van Gogh', 'search-a\u0000b', 'search-a\u202eb', 'search-' + 'a'.repeat(SEARCH_TERM_MAX_LENGTH + 1), 'search-11010519491231002x', 'searchx', 'Search-x'])
      expect({ bad, ok: isSourceMarker(bad) }).toEqual({ bad, ok: false });
  });

  it('keep a search term bounded and without what could be personal data', () => {
    expect(searchTerm('  Van\tGOGH  ')).toBe('van gogh');
    expect(searchTerm('ＶＡＮ　ＧＯＧＨ')).toBe('van gogh'); // full-width, as Chinese keyboards type it
    expect(searchTerm('梵\u200b高\u202e')).toBe('梵 高');
    expect(searchTerm('x'.repeat(100))).toHaveLength(SEARCH_TERM_MAX_LENGTH);
    expect(searchTerm('13800138000')).toBe('');
    expect(searchTerm('138 0013 8000')).toBe('');
    expect(searchTerm('wang@example.cn')).toBe('');
    expect(searchTerm('2026 丝巾')).toBe('2026 丝巾');
    expect(searchSource('丝巾')).toBe('search-丝巾');
    expect(searchSource('  ')).toBe('search');
    expect(searchSource(undefined)).toBe('search');
  });

  it('every term the shop keeps makes a marker the API accepts, with that term', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (q) => {
        const term = searchTerm(q);
        expect(searchTerm(term)).toBe(term);
        expect(Array.from(term).length).toBeLessThanOrEqual(SEARCH_TERM_MAX_LENGTH);
        expect(attributionOf(searchSource(q))).toEqual({ channel: 'SEARCH', ref: term });
      }),
      { numRuns: 500 },
    );
  });
});
