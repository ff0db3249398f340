import { createRequire } from 'node:module';
import { arrayLiteral } from './sql-session';

// node-postgres's own conversion (its lib/utils has no published types).
const { prepareValue } = createRequire(__filename)('pg/lib/utils') as { prepareValue: (value: unknown) => unknown };

/** What node-postgres sends for an array whose elements Prisma's parameter rules have already mapped (instants to ISO text, bigints to digits). */
const pgLiteral = (values: readonly unknown[]): unknown => prepareValue(values.map((v) => (v instanceof Date ? v.toISOString() : typeof v === 'bigint' ? v.toString() : v)));

describe('arrayLiteral: the array literal node-postgres would send, built in one pass', () => {
  it.each([
    ['uuids', ['0190f2c4-1b2a-7c3d-8e4f-123456789abc', '0190f2c4-1b2a-7c3d-8e4f-123456789abd']],
    ['amounts, negative and zero', [12900, -1170, 0, Number.MAX_SAFE_INTEGER]],
    ['nulls and undefined among ids', ['a', null, undefined, 'b']],
    ['text needing quotes: commas, braces, spaces, empty, the word NULL', ['a,b', '{x}', ' lead', '', 'NULL', 'line\nbreak']],
    ['backslashes and double quotes', ['C:\\path', 'say "hi"', '\\"', '"']],
    ['Chinese and emoji', ['丝巾', '梵高 🎨']],
    ['booleans and bigints', [true, false, 12345678901234567890n]],
    ['instants', [new Date('2026-12-07T03:00:00.123Z'), new Date(0)]],
    ['empty', []],
  ])('%s', (_name, values) => {
    expect(arrayLiteral(values)).toBe(pgLiteral(values));
  });

  it('leaves arrays it does not know to the general path', () => {
    expect(arrayLiteral([['nested']])).toBeUndefined();
    expect(arrayLiteral([Buffer.from('x')])).toBeUndefined();
    expect(arrayLiteral([{ toPostgres: () => 'x' }])).toBeUndefined();
  });
});
