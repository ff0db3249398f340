import { attributionOf, shelfSource } from './source-marker';

describe('source markers', () => {
  it('name a channel and a reference', () => {
    expect(attributionOf('shelf-louvre')).toEqual({ channel: 'SHELF_QR', ref: 'louvre' });
    expect(attributionOf('article-wechat-2026-12')).toEqual({ channel: 'ARTICLE', ref: 'wechat-2026-12' });
    expect(attributionOf('live-3f2a')).toEqual({ channel: 'LIVESTREAM', ref: '3f2a' });
    expect(attributionOf('share-product')).toEqual({ channel: 'SHARE', ref: 'product' });
    expect(attributionOf(shelfSource('British-Museum'))).toEqual({ channel: 'SHELF_QR', ref: 'british-museum' });
  });

  it('are none when absent or not well formed', () => {
    for (const bad of [null, undefined, '', 'shelf-', 'shelf', 'SHELF-louvre', 'radio-x', 'shelf-louvre;drop', 'shelf-' + 'a'.repeat(60), 'shelf--x'])
      expect(attributionOf(bad)).toBeNull();
  });
});
