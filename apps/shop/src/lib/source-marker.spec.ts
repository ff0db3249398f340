import { searchSource, searchTerm, validSource } from './source-marker';

describe('source markers the shop keeps', () => {
  it('keeps well-formed markers only', () => {
    expect(validSource('shelf-louvre')).toBe('shelf-louvre');
    expect(validSource(' live-3f2a ')).toBe('live-3f2a');
    expect(validSource('search-丝巾')).toBe('search-丝巾');
    expect(validSource('search')).toBe('search');
    for (const bad of [null, undefined, '', 'shelf-', 'Shelf-louvre', 'radio-x', 'shelf-louvre;x', 'shelf-' + 'a'.repeat(60), 'search-', 'search-Van Gogh', 'search-a\u202eb', 'search-' + 'a'.repeat(41), 'search-13800138000'])
      expect(validSource(bad)).toBeNull();
  });

  it('marks search results with the term as the API keeps it: bounded, no personal data', () => {
    expect(searchSource('  Van  GOGH ')).toBe('search-van gogh');
    expect(searchSource('ＳＩＬＫ　丝巾')).toBe('search-silk 丝巾');
    expect(searchSource('')).toBe('search');
    expect(searchSource('13800138000')).toBe('search');
    expect(searchSource('me@example.cn')).toBe('search');
    expect(searchTerm('长'.repeat(100))).toHaveLength(40);
    // Whatever was typed, the marker is one the shop keeps (and the API accepts).
    for (const q of ['梵高', 'a\u0000b', '\u202e丝巾', 'x'.repeat(500), '   ']) expect(validSource(searchSource(q))).toBe(searchSource(q));
  });
});
