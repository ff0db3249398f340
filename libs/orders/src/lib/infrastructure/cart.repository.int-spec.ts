import { randomUUID } from 'node:crypto';
import { Prisma, PrismaService } from '@vitrine/shared/data-access';
import { allowHsCodes, createMuseum, createProduct, createTestDatabase, type TestDatabase } from '@vitrine/shared/testing';
import { cartTokenHash } from '../domain/cart-token';
import { CartRepository } from './cart.repository';

/**
 * The cart statements on PrismaService.sql's connections, where each statement's generic plan is
 * made at its first call and kept for every later one, as the table grows. Before f90ec8b the two
 * add statements joined cart_items to the cart in a way that let that plan, made while the table
 * held a few hundred lines, hash-join a sequential scan of the whole table on every call (issue 18,
 * bench:drop: 471 of 579 adds). Now a cart's lines are read per cart through cart_items'
 * (cart_id, variant_id) index. Counted by PostgreSQL itself (pg_stat_user_tables.seq_scan),
 * flushed by ending the probe's backends. (A plan made on a nearly empty table, 300 lines or
 * fewer, still scans per cart until cart_items is analyzed again: that is not what this holds.)
 */
const PROBE = 'cart-items-scan-probe';
/** Other carts, two lines each: when the plans are made, then added before the calls counted. */
const CARTS_AT_PLANNING = 250;
const CARTS_ADDED = 20_000;
const ROUNDS = 8;
const rules = { maxLines: 50, maxLineQuantity: 99 };

describe('CartRepository (PostgreSQL): a cart\'s lines read per cart, never a scan of cart_items (generic plans kept as the table grows)', () => {
  let db: TestDatabase;
  let variants: string[];

  /** `count` more guest carts holding the first two variants. */
  const otherCarts = async (count: number, tag: string) => {
    await db.prisma.$executeRaw`INSERT INTO carts (id, token_hash, updated_at) SELECT gen_random_uuid(), ${tag} || g, now() FROM generate_series(1, ${count}::int) g`;
    await db.prisma.$executeRaw`
      INSERT INTO cart_items (id, cart_id, variant_id, quantity)
      SELECT gen_random_uuid(), c.id, v.id, 1 FROM carts c CROSS JOIN unnest(${variants.slice(0, 2)}::uuid[]) v(id) WHERE c.token_hash LIKE ${`${tag}%`}`;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    await allowHsCodes(db.prisma, ['6214']);
    const museum = await createMuseum(db.prisma);
    const product = await createProduct(db.prisma, museum.id, { variants: [{ priceMinor: 1_000 }, { priceMinor: 2_000 }, { priceMinor: 3_000 }] });
    variants = product.variants.map((v) => v.id);
    // No autoanalyze here: it would have the plans made again, for the grown table.
    await db.prisma.$executeRawUnsafe('ALTER TABLE carts SET (autovacuum_enabled = false)');
    await db.prisma.$executeRawUnsafe('ALTER TABLE cart_items SET (autovacuum_enabled = false)');
    await otherCarts(CARTS_AT_PLANNING, 'planned-');
    await db.prisma.$executeRawUnsafe('ANALYZE carts, cart_items');
  });
  afterAll(() => db.drop());

  /** Sequential scans of cart_items that `work` caused, on connections of their own whose counters are flushed as they end. */
  async function cartItemScans(work: (repo: CartRepository, probe: PrismaService) => Promise<void>): Promise<number> {
    const url = new URL(db.url);
    url.searchParams.set('application_name', PROBE);
    // One connection: the plans the counted calls use are the ones its first calls made.
    const probe = new PrismaService({ url: url.toString(), poolSize: 1 });
    const before = await seqScans();
    try {
      await work(new CartRepository(probe), probe);
    } finally {
      await probe.$disconnect();
    }
    // A backend flushes its counters before it leaves pg_stat_activity.
    let left = 1;
    for (let i = 0; i < 200 && left > 0; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 25));
      const [row] = await db.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = ${PROBE} AND datname = current_database()`;
      left = row!.n;
    }
    if (left > 0) throw new Error('the probe\'s backends are still there: their counters may not be flushed yet');
    return (await seqScans()) - before;
  }

  const seqScans = async () => {
    const [row] = await db.prisma.$queryRaw<{ n: number }[]>`SELECT seq_scan::int AS n FROM pg_stat_user_tables WHERE relname = 'cart_items'`;
    return row!.n;
  };

  it('counts a scan of the whole table when there is one (the probe works)', async () => {
    expect(await cartItemScans(async (_repo, probe) => void (await probe.sql.$queryRaw`SELECT sum(quantity) FROM cart_items`))).toBe(1);
  });

  it('adds lines (addLine, addSellableLine) and reads carts (findById, findByIdWith) through the index, with plans made on a smaller table', async () => {
    const round = async (repo: CartRepository) => {
      const token = cartTokenHash(randomUUID());
      // A new guest cart, then the same cart by its token and by its id, a line raised and one added.
      const first = await repo.addLine(null, token, { variantId: variants[0]!, quantity: 1 }, rules);
      expect(first?.created).toBe(true);
      const again = await repo.addLine({ tokenHash: token }, null, { variantId: variants[0]!, quantity: 1 }, rules);
      expect(again?.cart.items.map((l) => l.quantity)).toEqual([2]);
      const byId = await repo.addLine({ cartId: first!.cart.id }, null, { variantId: variants[1]!, quantity: 3 }, rules);
      expect(byId?.cart.items.map((l) => l.quantity)).toEqual([2, 3]);
      // The shop's add: a new cart, then the same one by its token and by its id.
      const shopToken = cartTokenHash(randomUUID());
      const lean = await repo.addSellableLine(null, shopToken, { variantId: variants[2]!, quantity: 1 }, rules);
      expect(lean.added?.created).toBe(true);
      const leanAgain = await repo.addSellableLine({ tokenHash: shopToken }, null, { variantId: variants[0]!, quantity: 1 }, rules);
      expect(leanAgain.added).toMatchObject({ cart: { id: lean.added!.cart.id }, created: false, refused: null });
      const leanById = await repo.addSellableLine({ cartId: lean.added!.cart.id }, null, { variantId: variants[2]!, quantity: 1 }, rules);
      expect(leanById.added?.refused).toBeNull();
      // The reads by id (findById batches through selectByIds; findByIdWith is placeOrder's).
      expect((await repo.findById(lean.added!.cart.id))?.items.map((l) => l.quantity)).toEqual([2, 1]);
      const withRiders = await repo.findByIdWith(first!.cart.id, [(ids) => Prisma.sql`SELECT cardinality(${ids})`, (ids) => Prisma.sql`SELECT ${ids}[1] IS NOT NULL`]);
      expect(withRiders).toMatchObject({ cart: { id: first!.cart.id }, riders: ['2', 'true'] });
    };
    const scans = await cartItemScans(async (repo, probe) => {
      // The connection PrismaService.sql runs them on: one generic plan from the first call.
      expect(await probe.sql.$queryRaw`SELECT current_setting('plan_cache_mode') AS mode`).toEqual([{ mode: 'force_generic_plan' }]);
      await round(repo);
      // The table grows under the plans just made, as it does under a running API's connections.
      await otherCarts(CARTS_ADDED, 'added-');
      for (let i = 1; i < ROUNDS; i++) await round(repo);
    });
    expect(scans).toBe(0);
    // The other carts' lines were left as they were.
    expect(await db.prisma.cartItem.count()).toBe((CARTS_AT_PLANNING + CARTS_ADDED) * 2 + ROUNDS * 4);
  });
});
