import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { DataAccessModule, PrismaService } from '@vitrine/shared/data-access';
import { createMuseum, createTestDatabase, type TestDatabase } from '@vitrine/shared/testing';
import { InventoryModule } from '../inventory.module';
import { StockService } from './stock.service';

@Module({ imports: [DataAccessModule, InventoryModule] })
class StockShipTestModule {}

/**
 * Shipping turns an order's committed units into SHIP movements once: concurrent and repeated
 * calls (a retried step, two workers on one order) move nothing twice, and units that were
 * only held, or already released, are never shipped.
 */
describe('StockService.ship on PostgreSQL', () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  let prisma: PrismaService;
  let stock: StockService;
  let locationId: string;
  const [a, b] = [randomUUID(), randomUUID()];

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await NestFactory.createApplicationContext(StockShipTestModule, { logger: false });
    prisma = app.get(PrismaService);
    stock = app.get(StockService);
    const museum = await createMuseum(db.prisma);
    locationId = (await db.prisma.stockLocation.create({ data: { museumId: museum.id, code: 'SHIP-1', name: 'Warehouse', kind: 'EU_WAREHOUSE', priority: 1 } })).id;
    for (const variantId of [a, b]) {
      await db.prisma.stockLevel.create({ data: { variantId, locationId, onHand: 10 } });
      await db.prisma.stockMovement.create({ data: { variantId, locationId, kind: 'RECEIPT', onHandDelta: 10, reservedDelta: 0, reference: 'test' } });
    }
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  async function paidOrder(lines: { variantId: string; quantity: number }[]): Promise<string> {
    const ownerId = randomUUID();
    await prisma.$transaction(async (tx) => {
      await stock.reserve(tx, { ownerId, locationId, lines: lines.map((l, i) => ({ ...l, ref: `line-${i}` })), expiresAt: new Date(Date.now() + 60_000) });
      await stock.commit(tx, [ownerId]);
    });
    return ownerId;
  }

  const levels = async () => Object.fromEntries((await db.prisma.stockLevel.findMany({ where: { locationId } })).map((l) => [l.variantId, [l.onHand, l.reserved]]));

  it('ships committed units once, however many calls race for them', async () => {
    const order = await paidOrder([{ variantId: a, quantity: 2 }, { variantId: b, quantity: 1 }, { variantId: a, quantity: 1 }]);
    expect(await levels()).toEqual({ [a]: [10, 3], [b]: [10, 1] });
    const shipped = await Promise.all(Array.from({ length: 8 }, () => prisma.$transaction((tx) => stock.ship(tx, [order], 'handed to the carrier'))));
    expect(shipped.sort()).toEqual([0, 0, 0, 0, 0, 0, 0, 4]);
    expect(await prisma.$transaction((tx) => stock.ship(tx, [order], 'replayed'))).toBe(0);
    expect(await levels()).toEqual({ [a]: [7, 0], [b]: [9, 0] });
    const ships = await db.prisma.stockMovement.findMany({ where: { reference: order, kind: 'SHIP' }, select: { variantId: true, onHandDelta: true, reservedDelta: true, note: true } });
    expect(ships.map((m) => [m.variantId, m.onHandDelta, m.reservedDelta]).sort()).toEqual([[a, -3, -3], [b, -1, -1]].sort());
    expect(ships.every((m) => m.note === 'handed to the carrier')).toBe(true);
    expect((await db.prisma.stockReservation.findMany({ where: { ownerId: order } })).map((r) => r.status)).toEqual(['FULFILLED', 'FULFILLED']);
  });

  it('never ships units that were only held or were released', async () => {
    const held = randomUUID();
    await prisma.$transaction((tx) => stock.reserve(tx, { ownerId: held, locationId, lines: [{ variantId: b, quantity: 2, ref: 'l' }], expiresAt: new Date(Date.now() + 60_000) }));
    const refunded = await paidOrder([{ variantId: a, quantity: 1 }]);
    await prisma.$transaction((tx) => stock.releaseAll(tx, [refunded], 'refunded'));
    expect(await prisma.$transaction((tx) => stock.ship(tx, [held, refunded], 'handed to the carrier'))).toBe(0);
    expect(await levels()).toEqual({ [a]: [7, 0], [b]: [9, 2] });
  });

  it('keeps the ledger equal to the levels', async () => {
    for (const variantId of [a, b]) {
      const level = await db.prisma.stockLevel.findUniqueOrThrow({ where: { variantId_locationId: { variantId, locationId } } });
      const sums = await db.prisma.stockMovement.aggregate({ where: { variantId, locationId }, _sum: { onHandDelta: true, reservedDelta: true } });
      expect(sums._sum).toEqual({ onHandDelta: level.onHand, reservedDelta: level.reserved });
    }
  });
});
