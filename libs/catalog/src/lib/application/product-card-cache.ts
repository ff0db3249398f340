import { LRUCache } from 'lru-cache';
import type { ProductCardKey, ProductCardRow } from '../infrastructure/product.repository';

/** Cards kept per process: at most this many bytes, estimated (approxBytes): about 13,000 cards of the bench's shape. */
export const CARD_CACHE_MAX_BYTES = 32 * 2 ** 20;

interface Entry {
  /** The product's `updated_at` the card was read at, in ms. */
  stamp: number;
  card: ProductCardRow;
}

/**
 * Product cards of the shop window (a product with its variants and media, as a list shows it)
 * kept in memory per (product id, updated_at), so a list page reads only its rows' keys in SQL
 * and maps no JSON it has mapped before (issue 18). A card is taken only for the `updated_at`
 * the list just read; the whole cache is cleared with the shop window's other caches
 * (ShopWindowCaches: after any back-office write, in every API process through Redis) and an
 * entry lives at most the shop window's staleness bound (PUBLIC_CACHE_SECONDS), so a change that
 * does not touch the product row (a variant's price, a photo) shows within the bound the front-door
 * cache already gives whole answers.
 */
export class ProductCardCache {
  private readonly cards: LRUCache<string, Entry>;

  constructor(ttlMs: number, maxBytes = CARD_CACHE_MAX_BYTES) {
    this.cards = new LRUCache<string, Entry>({ maxSize: maxBytes, sizeCalculation: (e) => approxBytes(e.card), ttl: ttlMs });
  }

  /** The card of this key if held at its version. */
  get(key: ProductCardKey): ProductCardRow | undefined {
    const e = this.cards.get(key.id);
    return e && e.stamp === key.updatedAt.getTime() ? e.card : undefined;
  }

  set(card: ProductCardRow): void {
    this.cards.set(card.id, { stamp: card.updatedAt.getTime(), card });
  }

  clear(): void {
    this.cards.clear();
  }

  get size(): number {
    return this.cards.size;
  }

  get bytes(): number {
    return this.cards.calculatedSize;
  }
}

const WIDE = /[^\u0000-\u00ff]/;

/**
 * A card's heap size, estimated a little from above (2,456 estimated against 2,288 bytes measured
 * a card of the bench's catalogue, heapUsed over 5,000 cards): V8 keeps a Latin-1 string at a
 * byte a character and others at two, plus a header; objects and arrays with their slots.
 * Computed once per card stored.
 */
export function approxBytes(value: unknown): number {
  if (typeof value === 'string') return 16 + (WIDE.test(value) ? 2 : 1) * value.length;
  if (value === null || typeof value !== 'object') return 8;
  if (value instanceof Date) return 40;
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + 8 + approxBytes(v), 32);
  let n = 32;
  for (const v of Object.values(value)) n += 12 + approxBytes(v);
  return n;
}
