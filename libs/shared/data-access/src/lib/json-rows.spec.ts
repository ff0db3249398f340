import { z } from 'zod';
import { JsonRowError, jsonTimestamp, parseJsonColumn } from './json-rows';

describe('JSON built in SQL, parsed at the repository boundary', () => {
  const items = z.array(z.object({ id: z.string(), quantity: z.number().int(), createdAt: jsonTimestamp }));

  it("reads a `timestamp` column's offset-less text as UTC, and keeps an offset given", () => {
    const [a, b, c] = parseJsonColumn(
      items,
      [
        { id: 'a', quantity: 1, createdAt: '2026-12-06T14:55:31.542' },
        { id: 'b', quantity: 2, createdAt: '2026-12-06T14:55:31' },
        { id: 'c', quantity: 3, createdAt: '2026-12-06T15:55:31.5+01:00' },
      ],
      'CartRepository.selectOne',
      'items',
    );
    expect(a.createdAt).toEqual(new Date(Date.UTC(2026, 11, 6, 14, 55, 31, 542)));
    expect(b.createdAt).toEqual(new Date(Date.UTC(2026, 11, 6, 14, 55, 31)));
    expect(c.createdAt).toEqual(new Date(Date.UTC(2026, 11, 6, 14, 55, 31, 500)));
  });

  it('refuses a value that does not match, naming the repository, the column and the field', () => {
    const read = () =>
      parseJsonColumn(
        items,
        [
          { id: 'a', quantity: 1, createdAt: '2026-12-06T14:55:31' },
          { id: 'b', quantity: '2', createdAt: '2026-12-06T14:55:31' },
        ],
        'CartRepository.selectOne',
        'items',
      );
    expect(read).toThrow(JsonRowError);
    expect(read).toThrow(/^CartRepository\.selectOne: items\[1\]\.quantity does not match its schema: /);
    expect(() =>
      parseJsonColumn(
        items,
        [{ id: 'a', quantity: 1, createdAt: 'yesterday' }],
        'CartRepository.addLine',
        'items',
      ),
    ).toThrow(/^CartRepository\.addLine: items\[0\]\.createdAt does not match/);
    expect(() => parseJsonColumn(items, null, 'CartRepository.selectByIds', 'items')).toThrow(
      /^CartRepository\.selectByIds: items does not match/,
    );
  });
});
