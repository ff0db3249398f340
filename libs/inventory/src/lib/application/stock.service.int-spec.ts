import { randomUUID } from 'node:crypto';
import { Prisma, PrismaService } from '@vitrine/shared/data-access';
import { createBrand, createMuseum, createTestDatabase, type TestDatabase } from '@vitrine/shared/testing';
import { InventoryError } from '../domain/inventory-error';
import { BrandStockRepository } from '../infrastructure/brand-stock.repository';
import { SOLD_OUT_MARK_MS, StockRepository } from '../infrastructure/stock.repository';
import { StockService } from './stock.service';

describe('StockService on PostgreSQL', () => {
  let db: TestDatabase;
  let prisma: PrismaService;
  let repo: StockRepository;
  let stock: StockService;
  let museumId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    // A pool as wide as real traffic, so transactions really overlap.
    prisma = new PrismaService({ url: db.url, poolSize: 12 });
    repo = new StockRepository(prisma);
    stock = new StockService(repo, new BrandStockRepository(prisma));
    museumId = (await createMuseum(db.prisma)).id;
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await db.drop();
  });

  async function location(onHand: Record<string, number>, kind: 'EU_WAREHOUSE' | 'BONDED_WAREHOUSE_CN' = 'EU_WAREHOUSE') {
    const loc = await repo.createLocation({ museumId, code: `L${randomUUID().slice(0, 8)}`, name: 'Warehouse', kind, priority: 1 });
    for (const [variantId, qty] of Object.entries(onHand)) {
      await repo.transaction((tx) => repo.setOnHand(tx, loc.id, variantId, () => qty));
      await prisma.stockMovement.create({ data: { variantId, locationId: loc.id, kind: 'RECEIPT', onHandDelta: qty, reservedDelta: 0, reference: 'test' } });
    }
    return loc.id;
  }

  const reserve = (locationId: string, lines: { variantId: string; quantity: number; ref?: string }[], atCommit = false, ownerId = randomUUID()) =>
    repo
      .transaction((tx) => stock.reserve(tx, { ownerId, locationId, lines: lines.map((l, i) => ({ ref: l.ref ?? `line-${i}`, ...l })), expiresAt: new Date(Date.now() + 60_000) }, { atCommit }))
      .then(() => ({ ok: true as const, ownerId }))
      .catch((e: unknown) => {
        if (e instanceof InventoryError) return { ok: false as const, code: e.code, details: e.details };
        throw e;
      });

  /** The database's own view: levels never negative, and the ledger adds up to each level. */
  async function assertInvariants(locationId: string) {
    const levels = await prisma.stockLevel.findMany({ where: { locationId } });
    for (const l of levels) {
      expect(l.reserved).toBeGreaterThanOrEqual(0);
      expect(l.onHand - l.reserved).toBeGreaterThanOrEqual(0);
      const ledger = await prisma.stockMovement.aggregate({ where: { locationId, variantId: l.variantId }, _sum: { onHandDelta: true, reservedDelta: true } });
      expect(ledger._sum.onHandDelta).toBe(l.onHand);
      expect(ledger._sum.reservedDelta).toBe(l.reserved);
      const held = await prisma.stockReservation.aggregate({ where: { locationId, variantId: l.variantId, status: { in: ['HELD', 'COMMITTED'] } }, _sum: { quantity: true } });
      expect(held._sum.quantity ?? 0).toBe(l.reserved);
    }
  }

  // The checkout takes its units at COMMIT; every other caller at once. Both must hold the same guarantees.
  describe.each([
    ['at once', false],
    ['at COMMIT', true],
  ])('levels taken %s', (_when, atCommit) => {
    it('never oversells one variant under 80 parallel reservations', async () => {
      const v = randomUUID();
      const loc = await location({ [v]: 25 });
      const wants = Array.from({ length: 80 }, (_, i) => 1 + (i % 3));
      const results = await Promise.all(wants.map((q) => reserve(loc, [{ variantId: v, quantity: q }], atCommit)));
      const granted = results.reduce((a, r, i) => a + (r.ok ? wants[i] : 0), 0);
      expect(results.every((r) => r.ok || r.code === 'OUT_OF_STOCK')).toBe(true);
      expect(granted).toBeLessThanOrEqual(25);
      // Stock only goes down, so every refused ask was larger than what is left at the end.
      results.forEach((r, i) => {
        if (!r.ok) expect(wants[i]).toBeGreaterThan(25 - granted);
      });
      const level = await prisma.stockLevel.findFirstOrThrow({ where: { locationId: loc, variantId: v } });
      expect(level.reserved).toBe(granted);
      await assertInvariants(loc);
    });

    it('locks multi-variant carts in a fixed order: opposite line orders in parallel never deadlock', async () => {
      const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
      const loc = await location({ [a]: 30, [b]: 30, [c]: 30 });
      const carts = Array.from({ length: 60 }, (_, i) =>
        i % 2 ? [{ variantId: a, quantity: 1 }, { variantId: b, quantity: 1 }, { variantId: c, quantity: 1 }] : [{ variantId: c, quantity: 1 }, { variantId: b, quantity: 1 }, { variantId: a, quantity: 1 }],
      );
      const results = await Promise.all(carts.map((lines) => reserve(loc, lines, atCommit)));
      expect(results.filter((r) => r.ok)).toHaveLength(30);
      expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'OUT_OF_STOCK')).toBe(true);
      await assertInvariants(loc);
    });

    it('counts two lines of one variant together and names both lines when short', async () => {
      const v = randomUUID();
      const loc = await location({ [v]: 3 });
      const r = await reserve(loc, [
        { variantId: v, quantity: 2, ref: 'first' },
        { variantId: v, quantity: 2, ref: 'second' },
      ], atCommit);
      expect(r).toMatchObject({ ok: false, code: 'OUT_OF_STOCK', details: { lines: ['first', 'second'], shortages: [{ variantId: v, requested: 4, available: 3 }] } });
      expect((await prisma.stockLevel.findFirstOrThrow({ where: { locationId: loc } })).reserved).toBe(0);
      expect(await prisma.stockReservation.count({ where: { locationId: loc } })).toBe(0);
      expect((await reserve(loc, [{ variantId: v, quantity: 1 }, { variantId: v, quantity: 2 }], atCommit)).ok).toBe(true);
      await assertInvariants(loc);
    });

    it('names every short line of a multi-variant reservation, and takes nothing', async () => {
      const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()].sort();
      const loc = await location({ [a]: 1, [b]: 5, [c]: 0 });
      const r = await reserve(loc, [
        { variantId: c, quantity: 1, ref: 'c' },
        { variantId: b, quantity: 2, ref: 'b' },
        { variantId: a, quantity: 2, ref: 'a' },
      ], atCommit);
      expect(r).toMatchObject({ ok: false, code: 'OUT_OF_STOCK', details: { lines: ['a', 'c'] } });
      expect(!r.ok && r.details['shortages']).toEqual([
        { variantId: a, requested: 2, available: 1, lines: ['a'] },
        { variantId: c, requested: 1, available: 0, lines: ['c'] },
      ]);
      expect((await prisma.stockLevel.findMany({ where: { locationId: loc } })).map((l) => l.reserved)).toEqual([0, 0, 0]);
      await assertInvariants(loc);
    });
  });

  it('at COMMIT: an open reserving transaction locks no level, and its commit is refused when the units went meanwhile', async () => {
    const v = randomUUID();
    const loc = await location({ [v]: 1 });
    let resume!: () => void;
    const paused = new Promise<void>((r) => (resume = r));
    let claimed!: () => void;
    const written = new Promise<void>((r) => (claimed = r));
    const slow = repo
      .transaction(async (tx) => {
        await stock.reserve(tx, { ownerId: randomUUID(), locationId: loc, lines: [{ ref: 'slow', variantId: v, quantity: 1 }], expiresAt: null }, { atCommit: true });
        claimed();
        await paused;
      })
      .catch((e: unknown) => e);
    await written;
    // The open transaction holds no lock on the level: this one commits at once and takes the unit.
    let timer: NodeJS.Timeout | undefined;
    const fast = await Promise.race([reserve(loc, [{ variantId: v, quantity: 1 }], true), new Promise((r) => (timer = setTimeout(() => r('blocked'), 5_000)))]);
    clearTimeout(timer);
    expect(fast).toMatchObject({ ok: true });
    resume();
    expect(await slow).toMatchObject({ code: 'OUT_OF_STOCK', details: { lines: ['slow'], shortages: [{ variantId: v, requested: 1, available: 0, lines: ['slow'] }] } });
    expect(await prisma.stockReservation.count({ where: { locationId: loc } })).toBe(1);
    expect(await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM stock_claims`).toEqual([{ n: 0n }]);
    await assertInvariants(loc);
  });

  it('answers a variant read at zero sold out without a statement for a moment; a release or a new count in this process clears that at once, a change elsewhere within SOLD_OUT_MARK_MS', async () => {
    const v = randomUUID();
    const loc = await location({ [v]: 1 });
    const soldOut = async () => (await stock.soldOut([{ ref: 'l', variantId: v, quantity: 1 }])).length > 0;
    const reads = jest.spyOn(prisma.sql, '$queryRaw');
    try {
      const held = await reserve(loc, [{ variantId: v, quantity: 1 }]);
      expect(await soldOut()).toBe(true);
      reads.mockClear();
      expect(await soldOut()).toBe(true);
      expect(reads).not.toHaveBeenCalled();
      // A release (expiry, failed payment, refund) in this process clears the mark.
      await repo.transaction((tx) => stock.releaseHeld(tx, [held.ok ? held.ownerId : ''], 'test'));
      expect(await soldOut()).toBe(false);
      expect(reads).toHaveBeenCalledTimes(1);
      // So does a new on-hand count.
      expect((await reserve(loc, [{ variantId: v, quantity: 1 }])).ok).toBe(true);
      expect(await soldOut()).toBe(true);
      await repo.transaction((tx) => repo.setOnHand(tx, loc, v, () => 2));
      expect(await soldOut()).toBe(false);
      // A change made elsewhere (another process, the worker) is seen once the mark lapses.
      await prisma.stockLevel.update({ where: { variantId_locationId: { variantId: v, locationId: loc } }, data: { onHand: 1 } });
      expect(await soldOut()).toBe(true);
      await prisma.stockLevel.update({ where: { variantId_locationId: { variantId: v, locationId: loc } }, data: { onHand: 3 } });
      expect(await soldOut()).toBe(true);
      await new Promise((r) => setTimeout(r, SOLD_OUT_MARK_MS + 50));
      expect(await soldOut()).toBe(false);
    } finally {
      reads.mockRestore();
    }
  });

  it('releases a hold once, even when released concurrently, and never a committed one by expiry', async () => {
    const v = randomUUID();
    const loc = await location({ [v]: 5 });
    const held = await reserve(loc, [{ variantId: v, quantity: 2 }]);
    const paid = await reserve(loc, [{ variantId: v, quantity: 3 }]);
    if (!held.ok || !paid.ok) throw new Error('setup');
    await repo.transaction((tx) => stock.commit(tx, [paid.ownerId]));
    const released = await Promise.all(Array.from({ length: 5 }, () => repo.transaction((tx) => stock.releaseHeld(tx, [held.ownerId, paid.ownerId], 'expired'))));
    expect(released.sort()).toEqual([0, 0, 0, 0, 2]);
    const level = await prisma.stockLevel.findFirstOrThrow({ where: { locationId: loc } });
    expect(level.reserved).toBe(3);
    expect(await repo.transaction((tx) => stock.commit(tx, [held.ownerId]))).toEqual({ committed: 0, allHeld: false });
    await assertInvariants(loc);
  });

  it('reports availability per museum and location', async () => {
    const v = randomUUID();
    const loc = await location({ [v]: 7 }, 'BONDED_WAREHOUSE_CN');
    const byMuseum = await stock.availability([museumId], [v]);
    const mine = byMuseum.get(museumId)!.find((l) => l.locationId === loc)!;
    expect(mine.kind).toBe('BONDED_WAREHOUSE_CN');
    expect(mine.available.get(v)).toBe(7);
    expect(stock.plan([{ ref: 'x', variantId: v, quantity: 7 }], [mine])).toMatchObject({ ok: true, customsMode: '1210' });
  });

  it('keeps a brand partner’s locations apart: one owner per location, its own availability, not a museum’s', async () => {
    const brand = await createBrand(prisma);
    const brandLocation = await new BrandStockRepository(prisma).createLocation({ brandId: brand.id, code: 'B-1', name: 'Brand warehouse', kind: 'EU_WAREHOUSE', priority: 1 });
    const v = randomUUID();
    await repo.transaction((tx) => repo.setOnHand(tx, brandLocation.id, v, () => 4));
    expect((await stock.brandAvailability([brand.id], [v])).get(brand.id)!.map((l) => [l.locationId, l.available.get(v)])).toEqual([[brandLocation.id, 4]]);
    expect((await stock.availability([museumId], [v])).get(museumId)!.some((l) => l.locationId === brandLocation.id)).toBe(false);
    // The database refuses a location owned by both, or by nobody.
    await expect(prisma.stockLocation.create({ data: { museumId, brandId: brand.id, code: 'BOTH', name: 'x', kind: 'EU_WAREHOUSE' } })).rejects.toThrow();
    await expect(prisma.stockLocation.create({ data: { code: 'NONE', name: 'x', kind: 'EU_WAREHOUSE' } })).rejects.toThrow();
    expect(await prisma.stockLocation.count({ where: { code: { in: ['BOTH', 'NONE'] } } })).toBe(0);
  });

  it('reads heldForCheckout inside another statement (heldForCheckoutRider, placeOrder\'s cart read): the same shortages and stock, museum and brand locations, and the same sold-out marks', async () => {
    const brand = await createBrand(prisma);
    const brandLocation = await new BrandStockRepository(prisma).createLocation({ brandId: brand.id, code: `B-${randomUUID().slice(0, 8)}`, name: 'Brand warehouse', kind: 'BONDED_WAREHOUSE_CN', priority: 2 });
    const [a, b, gone, none] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const paris = await location({ [a]: 3, [b]: 1, [gone]: 1 });
    const ningbo = await location({ [a]: 2 }, 'BONDED_WAREHOUSE_CN');
    await repo.transaction((tx) => repo.setOnHand(tx, brandLocation.id, b, () => 5));
    expect((await reserve(paris, [{ variantId: gone, quantity: 1 }])).ok).toBe(true);
    const lines = [
      { ref: 'l1', variantId: a, quantity: 4 },
      { ref: 'l2', variantId: b, quantity: 7 },
      { ref: 'l3', variantId: gone, quantity: 1 },
      { ref: 'l4', variantId: none, quantity: 1 },
      { ref: 'l5', variantId: a, quantity: 1 },
    ];
    const ids = [...new Set(lines.map((l) => l.variantId))];
    // Each read on a service of its own: no sold-out mark of one read answers the other.
    const fresh = () => new StockService(new StockRepository(prisma), new BrandStockRepository(prisma));
    const readRider = async (service: StockService) => {
      const rider = service.heldForCheckoutRider();
      const [row] = await prisma.$queryRaw<{ v: string }[]>`SELECT (${rider.sql(Prisma.sql`${ids}::uuid[]`)})::text AS v`;
      return rider.read(lines, row!.v);
    };
    const byLocation = (held: ReadonlyMap<string, readonly { locationId: string }[]>) => new Map([...held].map(([id, rows]) => [id, [...rows].sort((x, y) => x.locationId.localeCompare(y.locationId))]));
    const direct = await fresh().heldForCheckout(lines);
    const viaRider = await readRider(fresh());
    expect([...viaRider.shortages].sort((x, y) => x.variantId.localeCompare(y.variantId))).toEqual(
      [
        { variantId: b, requested: 7, available: 6, lines: ['l2'] },
        { variantId: gone, requested: 1, available: 0, lines: ['l3'] },
        { variantId: none, requested: 1, available: 0, lines: ['l4'] },
      ].sort((x, y) => x.variantId.localeCompare(y.variantId)),
    );
    expect(viaRider.shortages).toEqual(direct.shortages);
    expect(byLocation(viaRider.held)).toEqual(byLocation(direct.held));
    expect(byLocation(viaRider.held).get(a)).toEqual(
      [
        { locationId: paris, museumId, brandId: null, kind: 'EU_WAREHOUSE', priority: 1, available: 3 },
        { locationId: ningbo, museumId, brandId: null, kind: 'BONDED_WAREHOUSE_CN', priority: 1, available: 2 },
      ].sort((x, y) => x.locationId.localeCompare(y.locationId)),
    );
    expect(viaRider.held.get(b)).toContainEqual({ locationId: brandLocation.id, museumId: null, brandId: brand.id, kind: 'BONDED_WAREHOUSE_CN', priority: 2, available: 5 });
    expect(viaRider.held.get(none)).toEqual([]);
    // heldBy groups the rider's stock per owner as it does heldForCheckout's.
    expect(stock.heldBy(viaRider.held, 'brand', [brand.id], ids)).toEqual(stock.heldBy(direct.held, 'brand', [brand.id], ids));

    // Sold-out marks: what the rider read at zero is marked, so heldForCheckout answers it with no
    // statement; a marked variant is answered with no location by the rider too, whatever it read.
    const marked = fresh();
    await readRider(marked);
    await prisma.stockLevel.update({ where: { variantId_locationId: { variantId: gone, locationId: paris } }, data: { onHand: 5 } });
    const reads = jest.spyOn(prisma.sql, '$queryRaw');
    try {
      const goneOnly = [{ ref: 'g', variantId: gone, quantity: 1 }];
      expect((await marked.heldForCheckout(goneOnly)).shortages).toEqual([{ variantId: gone, requested: 1, available: 0, lines: ['g'] }]);
      expect(reads).not.toHaveBeenCalled();
      expect((await readRider(marked)).held.get(gone)).toEqual([]);
      expect((await fresh().heldForCheckout(goneOnly)).shortages).toEqual([]);
    } finally {
      reads.mockRestore();
    }
  });

  it('reserves inside another statement (reserveSql, placeOrder\'s orders insert): the rows reserve writes, only when the statement\'s condition holds, the levels taken at COMMIT or the COMMIT refused', async () => {
    const [a, b] = [randomUUID(), randomUUID()].sort();
    const loc = await location({ [a]: 3, [b]: 1 });
    const other = await location({ [a]: 2 });
    const ownerIds = [randomUUID(), randomUUID()];
    const commands = (qtyB: number) => [
      { ownerId: ownerIds[0]!, locationId: loc, lines: [{ ref: 'l1', variantId: a, quantity: 2 }, { ref: 'l2', variantId: b, quantity: qtyB }, { ref: 'l3', variantId: a, quantity: 1 }], expiresAt: new Date(Date.now() + 60_000) },
      { ownerId: ownerIds[1]!, locationId: other, lines: [{ ref: 'l4', variantId: a, quantity: 2 }], expiresAt: null },
    ];
    const levels = async () => (await prisma.stockLevel.findMany({ where: { variantId: { in: [a, b] } }, orderBy: [{ locationId: 'asc' }, { variantId: 'asc' }] })).map((l) => [l.locationId, l.variantId, l.onHand, l.reserved]);
    const before = await levels();
    // In a statement of another context, as placeOrder's insert: its own CTE, then inventory's, under its condition.
    const write = (when: boolean, qtyB: number) =>
      repo.transaction(async (tx) => {
        const ctes = stock.reserveSql(commands(qtyB), Prisma.sql`EXISTS (SELECT 1 FROM mine WHERE mine.ok)`)!;
        await tx.$queryRaw`WITH mine AS (SELECT ${when}::boolean AS ok), ${ctes} SELECT (SELECT ok FROM mine) AS ok`;
        // Nothing moves before COMMIT: no level is locked across the transaction.
        expect(await levels()).toEqual(before);
      });
    const reservations = () => prisma.stockReservation.findMany({ where: { ownerId: { in: ownerIds } }, select: { ownerId: true, locationId: true, variantId: true, quantity: true, status: true } });

    await write(false, 1);
    expect(await reservations()).toEqual([]);
    expect(await prisma.stockMovement.count({ where: { reference: { in: ownerIds } } })).toBe(0);

    // More of b than there is: the COMMIT is refused, OUT_OF_STOCK naming the line, nothing kept.
    await expect(write(true, 2)).rejects.toMatchObject({ code: 'OUT_OF_STOCK', details: { shortages: [{ variantId: b, requested: 2, available: 1, lines: ['l2'] }] } });
    expect(await reservations()).toEqual([]);
    expect(await levels()).toEqual(before);

    await write(true, 1);
    const sorted = <T extends { ownerId: string; variantId: string }>(rows: T[]) => [...rows].sort((x, y) => `${x.ownerId}${x.variantId}`.localeCompare(`${y.ownerId}${y.variantId}`));
    expect(sorted(await reservations())).toEqual(
      sorted([
        { ownerId: ownerIds[0]!, locationId: loc, variantId: a, quantity: 3, status: 'HELD' },
        { ownerId: ownerIds[0]!, locationId: loc, variantId: b, quantity: 1, status: 'HELD' },
        { ownerId: ownerIds[1]!, locationId: other, variantId: a, quantity: 2, status: 'HELD' },
      ]),
    );
    expect(await prisma.stockMovement.count({ where: { reference: { in: ownerIds }, kind: 'RESERVE' } })).toBe(3);
    expect(Object.fromEntries((await levels()).map(([l, v, , reserved]) => [`${l}:${v}`, reserved]))).toEqual({ [`${loc}:${a}`]: 3, [`${loc}:${b}`]: 1, [`${other}:${a}`]: 2 });
    await assertInvariants(loc);
    await assertInvariants(other);
  });
});
