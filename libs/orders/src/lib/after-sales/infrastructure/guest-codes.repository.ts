import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx, type SqlTx } from '@vitrine/shared/data-access';
import type { StoredCode } from '../domain/guest-codes';

export interface GuestOrderFacts {
  id: string;
  /** Null for a guest's order. */
  shopperUserId: string | null;
  recipientPhone: string;
}

const codeSelect = { id: true, codeHash: true, expiresAt: true, attempts: true, usedAt: true, createdAt: true } as const;

/** guest_order_codes (guest-returns.prisma): the codes sent to guests, as their HMAC. */
@Injectable()
export class GuestCodesRepository {
  constructor(private readonly prisma: PrismaService) {}

  orderByNumber(number: string): Promise<GuestOrderFacts | null> {
    return this.prisma.order.findUnique({ where: { number }, select: { id: true, shopperUserId: true, recipientPhone: true } });
  }

  /** Serialises sends and checks of one order's codes for the rest of the transaction (its orders row is not touched). */
  async lockOrderCodes(tx: SqlTx, orderId: string): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`guest-code:${orderId}`}::text, 0))`;
  }

  /** The order's codes created since `since`, newest first. */
  recent(tx: Tx, orderId: string, since: Date): Promise<StoredCode[]> {
    return tx.guestOrderCode.findMany({ where: { orderId, createdAt: { gte: since } }, select: codeSelect, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  }

  latest(tx: Tx, orderId: string): Promise<StoredCode | null> {
    return tx.guestOrderCode.findFirst({ where: { orderId }, select: codeSelect, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  }

  async create(tx: Tx, row: { id: string; orderId: string; codeHash: string; expiresAt: Date; createdAt: Date }): Promise<void> {
    await tx.guestOrderCode.create({ data: row });
  }

  async setMessageId(tx: Tx, id: string, messageId: string): Promise<void> {
    await tx.guestOrderCode.update({ where: { id }, data: { messageId } });
  }

  async countTry(tx: Tx, id: string): Promise<void> {
    await tx.guestOrderCode.update({ where: { id }, data: { attempts: { increment: 1 } } });
  }

  /** Uses the code once: false when another request used it first. */
  async use(tx: Tx, id: string, now: Date): Promise<boolean> {
    return (await tx.guestOrderCode.updateMany({ where: { id, usedAt: null }, data: { usedAt: now } })).count === 1;
  }
}
