import { normalizeSearchText, productSearchText, searchTerms } from './search-text';

describe('search text', () => {
  const column = productSearchText({
    name: { fr: 'Foulard en soie « La Joconde »', en: 'Mona Lisa silk scarf', zh: '蒙娜丽莎真丝围巾' },
    description: { fr: '', en: '', zh: '' },
    works: [{ titleFr: 'Portrait de Monna Lisa, dite La Joconde', titleEn: 'Mona Lisa', titleZh: '蒙娜丽莎', artist: 'Léonard de Vinci' }],
  });
  const finds = (query: string) => searchTerms(query).every((term) => column.includes(term));

  it('finds a product in Chinese, English and French, whatever the case and accents', () => {
    expect(finds('蒙娜丽莎')).toBe(true);
    expect(finds('mona lisa')).toBe(true);
    expect(finds('MONA   Lisa')).toBe(true);
    expect(finds('Joconde')).toBe(true);
    expect(finds('léonard')).toBe(true);
    expect(finds('leonard de vinci')).toBe(true);
    expect(finds('van gogh')).toBe(false);
  });

  it('drops punctuation and LIKE wildcards from queries', () => {
    expect(searchTerms('%_mona\\lisa_%')).toEqual(['mona', 'lisa']);
    expect(searchTerms('  ')).toEqual([]);
    expect(searchTerms(null)).toEqual([]);
    expect(normalizeSearchText('Œuvre — Éclat')).toBe('œuvre eclat');
  });

  it('caps the number of terms', () => {
    expect(searchTerms('a b c d e f g h i j k')).toHaveLength(8);
  });
});
