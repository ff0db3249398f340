import { randomUUID } from 'node:crypto';
import { Prisma, PrismaService, SqlError } from '@vitrine/shared/data-access';
import { createTestDatabase, type TestDatabase } from '@vitrine/shared/testing';

/**
 * `PrismaService.sql` and `sqlTransaction` stand in for `$queryRaw` on the checkout's path, so a
 * repository must not be able to tell them apart: same rows, same types, same parameters, and
 * errors that the same readers (SQLSTATE, detail) understand.
 */
describe('SqlSession on PostgreSQL', () => {
  let db: TestDatabase;
  let prisma: PrismaService;

  beforeAll(async () => {
    db = await createTestDatabase();
    prisma = new PrismaService({ url: db.url, poolSize: 3 });
    await prisma.$executeRawUnsafe(`CREATE TABLE sql_probe (id uuid PRIMARY KEY, n int4, big int8, amount numeric(12,6), at timestamp(3), at_tz timestamptz,
      day date, doc jsonb, tags text[], ok boolean, status "OrderStatus", note text)`);
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await db.drop();
  });

  const select = (id: string) => Prisma.sql`SELECT id, n, big, amount, at, at_tz, day, doc, tags, ok, status, note, count(*) OVER () AS total FROM sql_probe WHERE id = ${id}::uuid`;

  it('answers the rows $queryRaw answers, typed alike, for values written through either', async () => {
    const at = new Date('2026-12-31T23:59:58.123Z');
    for (const writer of [prisma, prisma.sql] as const) {
      const id = randomUUID();
      const written = await writer.$executeRaw`
        INSERT INTO sql_probe (id, n, big, amount, at, at_tz, day, doc, tags, ok, status, note)
        VALUES (${id}::uuid, ${42}, ${9_007_199_254_740_993n}, ${new Prisma.Decimal('7.812300')}, ${at}, ${at}, ${'2026-02-28'}::date,
          ${JSON.stringify({ a: [1, 'b'] })}::jsonb, ${['x', 'y']}::text[], ${true}, ${'PAID'}::"OrderStatus", ${null})`;
      expect(written).toBe(1);

      const [viaPrisma] = await prisma.$queryRaw<Record<string, unknown>[]>(select(id));
      const [viaSql] = await prisma.sql.$queryRaw<Record<string, unknown>[]>(select(id));
      expect(viaSql).toEqual(viaPrisma);
      expect(viaSql!['big']).toBe(9_007_199_254_740_993n);
      expect(viaSql!['total']).toBe(1n);
      expect(Prisma.Decimal.isDecimal(viaSql!['amount']) && (viaSql!['amount'] as Prisma.Decimal).equals('7.8123')).toBe(true);
      expect((viaSql!['at'] as Date).toISOString()).toBe(at.toISOString());
      expect((viaSql!['at_tz'] as Date).toISOString()).toBe(at.toISOString());
      expect(viaSql!['doc']).toEqual({ a: [1, 'b'] });
      expect(viaSql!['tags']).toEqual(['x', 'y']);
      expect(viaSql!['status']).toBe('PAID');
    }
  });

  it('commits a transaction whole, or rolls it back whole with the SQLSTATE and detail of the failure', async () => {
    const id = randomUUID();
    await prisma.sqlTransaction(async (tx) => {
      await tx.$executeRaw`INSERT INTO sql_probe (id, n) VALUES (${id}::uuid, 1)`;
      await tx.$executeRaw`UPDATE sql_probe SET n = n + 1 WHERE id = ${id}::uuid`;
    });
    expect((await prisma.sql.$queryRaw<{ n: number }[]>`SELECT n FROM sql_probe WHERE id = ${id}::uuid`)[0]?.n).toBe(2);

    const other = randomUUID();
    const failure = await prisma
      .sqlTransaction(async (tx) => {
        await tx.$executeRaw`INSERT INTO sql_probe (id, n) VALUES (${other}::uuid, 1)`;
        await tx.$executeRaw`INSERT INTO sql_probe (id, n) VALUES (${id}::uuid, 1)`;
      })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SqlError);
    expect((failure as SqlError).code).toBe('23505');
    expect((failure as SqlError).cause.detail).toContain(id);
    expect(await prisma.sql.$queryRaw`SELECT id FROM sql_probe WHERE id = ${other}::uuid`).toEqual([]);
  });

  it('reports an error raised at COMMIT by a deferred trigger, and rolls back', async () => {
    await prisma.$executeRawUnsafe(`CREATE FUNCTION sql_probe_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.note = 'refuse' THEN RAISE EXCEPTION 'refused at commit' USING ERRCODE = 'VXOOS', DETAIL = '[{"variantId":"v"}]'; END IF; RETURN NULL; END $$`);
    await prisma.$executeRawUnsafe(`CREATE CONSTRAINT TRIGGER sql_probe_refuse AFTER INSERT ON sql_probe DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION sql_probe_refuse()`);
    const id = randomUUID();
    let reachedCommit = false;
    const failure = await prisma
      .sqlTransaction(async (tx) => {
        await tx.$executeRaw`INSERT INTO sql_probe (id, note) VALUES (${id}::uuid, 'refuse')`;
        reachedCommit = true;
      })
      .catch((e: unknown) => e);
    expect(reachedCommit).toBe(true);
    expect((failure as SqlError).cause).toMatchObject({ originalCode: 'VXOOS', detail: '[{"variantId":"v"}]' });
    expect(await prisma.sql.$queryRaw`SELECT id FROM sql_probe WHERE id = ${id}::uuid`).toEqual([]);
  });

  it('drops a connection that died inside a transaction, and the next transactions get a live one', async () => {
    const failure = await prisma.sqlTransaction(async (tx) => tx.$queryRaw`SELECT pg_terminate_backend(pg_backend_pid())`).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(Error);
    const answers = await Promise.all(Array.from({ length: 3 }, (_, i) => prisma.sqlTransaction(async (tx) => tx.$queryRaw<{ v: number }[]>`SELECT ${i}::int AS v`)));
    expect(answers.map((rows) => rows[0]?.v)).toEqual([0, 1, 2]);
  });

  it('keeps the pool usable after failures: every connection comes back', async () => {
    for (let i = 0; i < 6; i++) {
      await prisma.sqlTransaction(async (tx) => tx.$executeRaw`SELECT 1/0`).catch(() => undefined);
    }
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => prisma.sqlTransaction(async (tx) => tx.$queryRaw<{ v: number }[]>`SELECT ${i}::int AS v`)));
    expect(answers.map((rows) => rows[0]?.v)).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
