import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { shortCodeOf, uuidRangeOf } from './short-code';

describe('product short codes', () => {
  it('are 11 base62 characters whose range holds the id they came from', () => {
    fc.assert(
      fc.property(fc.uuid(), (id) => {
        const code = shortCodeOf(id);
        expect(code).toMatch(/^[0-9A-Za-z]{11}$/);
        const range = uuidRangeOf(code)!;
        expect(range.from <= id.toLowerCase() && id.toLowerCase() <= range.to).toBe(true);
        expect(range.from.slice(0, 19)).toBe(id.toLowerCase().slice(0, 19));
      }),
    );
  });

  it('differ for different ids (64 leading bits)', () => {
    const codes = new Set(Array.from({ length: 5000 }, () => shortCodeOf(randomUUID())));
    expect(codes.size).toBe(5000);
  });

  it('refuse what is not a code', () => {
    for (const bad of ['', 'abc', 'abcdefghijk!', '../../etc/pa', 'zzzzzzzzzzz']) expect(uuidRangeOf(bad)).toBeNull();
    expect(() => shortCodeOf('not-a-uuid')).toThrow(RangeError);
    expect(uuidRangeOf('00000000000')).toEqual({ from: '00000000-0000-0000-0000-000000000000', to: '00000000-0000-0000-ffff-ffffffffffff' });
  });
});
