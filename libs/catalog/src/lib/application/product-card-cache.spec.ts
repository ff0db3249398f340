import type { ProductCardRow } from '../infrastructure/product.repository';
import { ProductCardCache, approxBytes } from './product-card-cache';

const card = (id: string, updatedAt: Date, nameZh = '丝巾'): ProductCardRow => ({
  id,
  museumId: 'm',
  status: 'PUBLISHED',
  category: 'scarf',
  crossBorderCategory: 'GENERAL',
  nameFr: 'Foulard',
  nameEn: 'Silk scarf',
  nameZh,
  descriptionFr: 'Description',
  descriptionEn: 'Description',
  descriptionZh: '描述',
  minPriceEurCents: 1_500,
  popularity: 1,
  publishedAt: updatedAt,
  createdAt: updatedAt,
  updatedAt,
  variants: [],
  media: [{ id: `${id}-m`, productId: id, url: `https://cdn.test/${id}.jpg`, alt: 'photo', position: 0 }],
});

describe('ProductCardCache', () => {
  it('answers a card only at the version it was read at', () => {
    const cache = new ProductCardCache(60_000);
    const at = new Date('2026-12-06T10:00:00Z');
    cache.set(card('a', at));
    expect(cache.get({ id: 'a', updatedAt: new Date(at) })?.id).toBe('a');
    expect(cache.get({ id: 'a', updatedAt: new Date(at.getTime() + 1) })).toBeUndefined();
    expect(cache.get({ id: 'b', updatedAt: at })).toBeUndefined();
    cache.clear();
    expect(cache.get({ id: 'a', updatedAt: at })).toBeUndefined();
  });

  it('holds at most its bytes, dropping the least recently used cards', () => {
    const one = approxBytes(card('x0', new Date()));
    const cache = new ProductCardCache(60_000, one * 10);
    const at = new Date();
    for (let i = 0; i < 30; i++) cache.set(card(`x${i}`.padEnd(2, '0'), at));
    expect(cache.bytes).toBeLessThanOrEqual(one * 10);
    expect(cache.size).toBeLessThanOrEqual(10);
    expect(cache.get({ id: 'x29', updatedAt: at })).toBeDefined();
    expect(cache.get({ id: 'x1', updatedAt: at })).toBeUndefined();
  });

  it('counts a Chinese string at two bytes a character and a Latin one at one', () => {
    expect(approxBytes('丝巾丝巾')).toBe(16 + 8);
    expect(approxBytes('théière!')).toBe(16 + 8);
  });
});
