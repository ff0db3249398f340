import fc from 'fast-check';
import { validate } from '@vitrine/shared/kernel';
import { activeFlash, flashPriceAllowed, scheduleSchema, sessionPhase, stockChanges } from './live-rules';

const at = (s: number) => new Date(Date.UTC(2026, 11, 6, 10, 0, s));

describe('live session rules', () => {
  it('phases: scheduled before the start, live until the end, ended from the end on', () => {
    const s = { startsAt: at(10), endsAt: at(20) };
    expect([sessionPhase(s, at(9)), sessionPhase(s, at(10)), sessionPhase(s, at(19)), sessionPhase(s, at(20))]).toEqual(['SCHEDULED', 'LIVE', 'LIVE', 'ENDED']);
  });

  it('the flash price in force is the latest started one whose window holds now; none once it ends', () => {
    const flashes = [
      { productId: 'a', priceMinor: 900, startsAt: at(0), endsAt: at(30) },
      { productId: 'a', priceMinor: 800, startsAt: at(5), endsAt: at(10) },
      { productId: 'b', priceMinor: 100, startsAt: at(0), endsAt: at(60) },
    ];
    expect(activeFlash(flashes, 'a', at(6))?.priceMinor).toBe(800);
    expect(activeFlash(flashes, 'a', at(10))?.priceMinor).toBe(900);
    expect(activeFlash(flashes, 'a', at(30))).toBeNull();
    expect(activeFlash(flashes, 'c', at(6))).toBeNull();
  });

  it('a flash price is allowed only below the cheapest variant', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 10_000_000 }), (prices, flash) => {
        expect(flashPriceAllowed(flash, prices)).toBe(flash < Math.min(...prices));
      }),
    );
    expect(flashPriceAllowed(1, [])).toBe(false);
  });

  it('stock changes name only the products whose units moved', () => {
    expect(stockChanges(null, { a: 1 })).toEqual([{ productId: 'a', available: 1 }]);
    expect(stockChanges({ a: 1, b: 2 }, { a: 1, b: 1 })).toEqual([{ productId: 'b', available: 1 }]);
    expect(stockChanges({ a: 1 }, { a: 1 })).toEqual([]);
  });

  it('a schedule needs a stream URL (its shape: stream-player.spec), an end after the start, and no product twice', () => {
    const ok = { museumId: '3f1c2b8e-6a51-4f7e-9d1a-0a4b5c6d7e8f', title: ' 卢浮宫之夜 ', streamUrl: 'https://live.example.cn/room/1', startsAt: at(0), endsAt: at(60), productIds: [] };
    expect(validate(scheduleSchema, ok).title).toBe('卢浮宫之夜');
    const paths = (input: unknown) => {
      try {
        validate(scheduleSchema, input);
        return [];
      } catch (e) {
        return (e as { issues: { path: string }[] }).issues.map((i) => i.path);
      }
    };
    expect(paths({ ...ok, streamUrl: '  ' })).toEqual(['input.streamUrl']);
    expect(paths({ ...ok, endsAt: at(0) })).toEqual(['input.endsAt']);
    const id = '9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d';
    expect(paths({ ...ok, productIds: [id, id] })).toEqual(['input.productIds']);
  });
});
