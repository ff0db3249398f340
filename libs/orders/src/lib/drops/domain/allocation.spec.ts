import fc from 'fast-check';
import { acceptsEntries, drawOrder, dueStatus, sha256Hex, shuffle, turnsToGive } from './allocation';

describe('drop allocation', () => {
  it('draws the same order from the same seed and list, whatever order the list comes in', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.uniqueArray(fc.uuid(), { maxLength: 40 }), (seed, ids) => {
        const a = drawOrder(seed, ids);
        expect(drawOrder(seed, [...ids].reverse())).toEqual(a);
        expect([...a].sort()).toEqual([...ids].sort());
      }),
    );
  });

  it('ranks by SHA-256(seed:entryId)', () => {
    const ids = ['b', 'a', 'c'];
    const expected = [...ids].sort((x, y) => (sha256Hex(`s:${x}`) < sha256Hex(`s:${y}`) ? -1 : 1));
    expect(drawOrder('s', ids)).toEqual(expected);
  });

  it('shuffles into a permutation', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 50 }), (xs) => {
        expect(shuffle(xs).sort((a, b) => a - b)).toEqual([...xs].sort((a, b) => a - b));
      }),
    );
  });

  it('never gives turns promising more than the edition', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 100 }), (edition, limit, claimed, open) => {
        const n = turnsToGive({ editionSize: edition, perIdentityLimit: limit, claimedUnits: claimed, openTurns: open });
        expect(n).toBeGreaterThanOrEqual(0);
        if (n > 0) expect(claimed + (open + n - 1) * limit).toBeLessThan(edition);
      }),
    );
  });

  it('follows the timetable', () => {
    const startsAt = new Date('2026-12-06T10:00:00Z');
    const registrationClosesAt = new Date('2026-12-06T11:00:00Z');
    expect(dueStatus({ mode: 'QUEUE', status: 'SCHEDULED', startsAt, registrationClosesAt: null }, new Date('2026-12-06T09:59:59Z'))).toBe('SCHEDULED');
    expect(dueStatus({ mode: 'QUEUE', status: 'SCHEDULED', startsAt, registrationClosesAt: null }, startsAt)).toBe('ALLOCATING');
    expect(dueStatus({ mode: 'DRAW', status: 'SCHEDULED', startsAt, registrationClosesAt }, startsAt)).toBe('REGISTRATION');
    expect(dueStatus({ mode: 'DRAW', status: 'REGISTRATION', startsAt, registrationClosesAt }, registrationClosesAt)).toBe('ALLOCATING');
    expect(acceptsEntries('QUEUE', 'ALLOCATING')).toBe(true);
    expect(acceptsEntries('DRAW', 'ALLOCATING')).toBe(false);
    expect(acceptsEntries('DRAW', 'SCHEDULED')).toBe(false);
  });
});
