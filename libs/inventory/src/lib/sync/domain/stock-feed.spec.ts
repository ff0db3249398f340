import { FeedFormatError, parseStockFeed } from './stock-feed';
import { reconcile, resolveRows } from './reconcile';
import { signWebhook, verifyWebhook } from './webhook-signature';

describe('warehouse stock feeds', () => {
  it('reads CSV with its line numbers; bad rows are errors, good rows stay', () => {
    const csv = ['SKU,Location,Quantity', 'MUG-1,PARIS,12', '', 'MUG-2,PARIS,-3', ',PARIS,4', 'TOTE,PARIS,7.5', '"CARD, big",LYON,0'].join('\n');
    const { rows, errors } = parseStockFeed('CSV', csv);
    expect(rows).toEqual([
      { line: 2, sku: 'MUG-1', location: 'PARIS', quantity: 12 },
      { line: 7, sku: 'CARD, big', location: 'LYON', quantity: 0 },
    ]);
    expect(errors.map((e) => [e.line, e.code])).toEqual([
      [4, 'INVALID_QUANTITY'],
      [5, 'INVALID_ROW'],
      [6, 'INVALID_QUANTITY'],
    ]);
    expect(parseStockFeed('CSV', 'sku;location_code;qty\nA;P;1'.replace(/;/g, ',')).rows).toEqual([{ line: 2, sku: 'A', location: 'P', quantity: 1 }]);
  });

  it('refuses a document that is not a feed at all', () => {
    expect(() => parseStockFeed('CSV', 'name,price\nmug,12')).toThrow(FeedFormatError);
    expect(() => parseStockFeed('CSV', 'sku,location,quantity\n"unclosed,P,1')).toThrow(FeedFormatError);
    expect(() => parseStockFeed('JSON', '{"nope": 1}')).toThrow(FeedFormatError);
    expect(() => parseStockFeed('JSON', '[{')).toThrow(FeedFormatError);
  });

  it('reads JSON arrays or { items }, numbering items from 1', () => {
    const { rows, errors } = parseStockFeed('JSON', JSON.stringify({ items: [{ sku: 'A', location: 'P', quantity: 3 }, 'x', { sku: 'B', location: 'P', on_hand: '4' }] }));
    expect(rows).toEqual([
      { line: 1, sku: 'A', location: 'P', quantity: 3 },
      { line: 3, sku: 'B', location: 'P', quantity: 4 },
    ]);
    expect(errors).toEqual([expect.objectContaining({ line: 2, code: 'INVALID_ROW' })]);
  });

  it('matches SKUs and locations of the museum, refuses duplicates and counts below what orders hold', () => {
    const variants = new Map([['A', 'va'], ['B', 'vb'], ['C', 'vc']]);
    const locations = new Map([['P', 'lp']]);
    const { resolved, errors } = resolveRows(
      [
        { line: 2, sku: 'A', location: 'P', quantity: 10 },
        { line: 3, sku: 'ZZZ', location: 'P', quantity: 1 },
        { line: 4, sku: 'A', location: 'P', quantity: 11 },
        { line: 5, sku: 'B', location: 'LYON', quantity: 1 },
        { line: 6, sku: 'B', location: 'P', quantity: 2 },
        { line: 7, sku: 'C', location: 'P', quantity: 5 },
      ],
      variants,
      locations,
    );
    expect(errors.map((e) => [e.line, e.code])).toEqual([
      [3, 'UNKNOWN_SKU'],
      [4, 'DUPLICATE_ROW'],
      [5, 'UNKNOWN_LOCATION'],
    ]);
    const levels = new Map([
      ['va:lp', { onHand: 4, reserved: 3 }],
      ['vb:lp', { onHand: 9, reserved: 5 }],
      ['vc:lp', { onHand: 5, reserved: 0 }],
    ]);
    const r = reconcile(resolved, levels);
    expect(r.changes).toEqual([{ line: 2, variantId: 'va', locationId: 'lp', before: 4, after: 10 }]);
    expect(r.unchanged).toBe(1);
    expect(r.errors).toEqual([expect.objectContaining({ line: 6, code: 'BELOW_RESERVED', message: '2 on hand is below the 5 units reserved for open orders' })]);
    // A variant never stocked at the location starts from zero.
    expect(reconcile([{ line: 1, sku: 'A', location: 'P', quantity: 2, variantId: 'va', locationId: 'new' }], new Map()).changes).toEqual([
      { line: 1, variantId: 'va', locationId: 'new', before: 0, after: 2 },
    ]);
  });

  it('signs webhooks so a receiver can check body, secret and freshness', () => {
    const now = new Date();
    const header = signWebhook('s3cret', '{"a":1}', now);
    expect(verifyWebhook('s3cret', '{"a":1}', header, now)).toBe(true);
    expect(verifyWebhook('s3cret', '{"a":2}', header, now)).toBe(false);
    expect(verifyWebhook('other', '{"a":1}', header, now)).toBe(false);
    expect(verifyWebhook('s3cret', '{"a":1}', header, new Date(now.getTime() + 600_000))).toBe(false);
  });
});
