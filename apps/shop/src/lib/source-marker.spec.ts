import { validSource } from './source-marker';

describe('source markers the shop keeps', () => {
  it('keeps well-formed markers only', () => {
    expect(validSource('shelf-louvre')).toBe('shelf-louvre');
    expect(validSource(' live-3f2a ')).toBe('live-3f2a');
    for (const bad of [null, undefined, '', 'shelf-', 'Shelf-louvre', 'radio-x', 'shelf-louvre;x', 'shelf-' + 'a'.repeat(60)]) expect(validSource(bad)).toBeNull();
  });
});
