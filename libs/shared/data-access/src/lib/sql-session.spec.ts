import { createRequire } from 'node:module';
import { Prisma } from '../generated/prisma/client';
import { arrayLiteral, PREPARED_LIMITS, preparedStatement } from './sql-session';

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

describe('preparedStatement: one name per statement text, found by its fragments', () => {
  const where = (kind: 'token' | 'id', value: string) => (kind === 'token' ? Prisma.sql`c.token_hash = ${value}` : Prisma.sql`c.id = ${value}::uuid`);
  const statement = (kind: 'token' | 'id', value: string, limit: number) =>
    Prisma.sql`SELECT c.id FROM carts c WHERE ${where(kind, value)} AND c.status = 'OPEN' LIMIT ${limit}`;

  it('gives the same name and the same text object to every statement of the same text, whatever its values', () => {
    const first = preparedStatement(statement('token', 'a', 1));
    const again = preparedStatement(statement('token', 'b', 2));
    expect(first.name).toMatch(/^vitrine_\d+$/);
    expect(again.name).toBe(first.name);
    expect(again.text).toBe(first.text);
    expect(first.text).toBe("SELECT c.id FROM carts c WHERE c.token_hash = $1 AND c.status = 'OPEN' LIMIT $2");
    // Built from a nested fragment of another text: another statement, another name.
    const other = preparedStatement(statement('id', 'x', 1));
    expect(other.name).not.toBe(first.name);
    expect(other.text).toBe("SELECT c.id FROM carts c WHERE c.id = $1::uuid AND c.status = 'OPEN' LIMIT $2");
    // The same text reached through other fragments (no nesting) is the same statement as well.
    const flat = preparedStatement(Prisma.sql`SELECT c.id FROM carts c WHERE c.id = ${'y'}::uuid AND c.status = 'OPEN' LIMIT ${3}`);
    expect(flat.text).toBe(other.text);
    expect(flat.name).toBe(other.name);
  });

  it('tells apart statements that share their first fragment and their number of fragments', () => {
    const a = preparedStatement(Prisma.sql`SELECT ${1} FROM carts WHERE id = ${'a'}`);
    const b = preparedStatement(Prisma.sql`SELECT ${1} FROM cart_items WHERE id = ${'a'}`);
    expect(a.name).not.toBe(b.name);
    expect(b.text).toBe('SELECT $1 FROM cart_items WHERE id = $2');
  });

  it('runs statements unnamed past its bound in characters (the texts and fragments it holds)', () => {
    const saved = { ...PREPARED_LIMITS };
    try {
      PREPARED_LIMITS.chars = 0;
      const big = preparedStatement(Prisma.sql`SELECT ${'x'} AS ${Prisma.raw('"' + 'y'.repeat(5_000) + '"')}`);
      expect(big.name).toBeUndefined();
      expect(big.text).toBe(`SELECT $1 AS "${'y'.repeat(5_000)}"`);
      // What was named before the bound keeps its name.
      expect(preparedStatement(Prisma.sql`SELECT ${1} FROM carts WHERE id = ${'b'}`).name).toMatch(/^vitrine_\d+$/);
    } finally {
      Object.assign(PREPARED_LIMITS, saved);
    }
  });
});
