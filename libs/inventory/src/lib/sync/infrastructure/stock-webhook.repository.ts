import { Injectable } from '@nestjs/common';
import { CatalogReadPort } from '@vitrine/catalog';
import { PrismaService, type Prisma, type Tx, type SqlTx, type WebhookDeliveryStatus } from '@vitrine/shared/data-access';

export interface WebhookRecord {
  museumId: string;
  url: string;
  secret: string;
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface ChangedLevel {
  museumId: string;
  sku: string;
  location: string;
  onHand: number;
  reserved: number;
}

export interface DeliveryRecord {
  id: string;
  museumId: string;
  payload: Prisma.JsonValue;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

const webhookSelect = { museumId: true, url: true, secret: true, enabled: true, createdAt: true, updatedAt: true } as const;
const deliverySelect = { id: true, museumId: true, payload: true, status: true, attempts: true, lastStatusCode: true, lastError: true, createdAt: true, deliveredAt: true } as const;

/** Data access of outbound stock webhooks: endpoints, pending changes, deliveries. No rules here. */
@Injectable()
export class StockWebhookRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work, { maxWait: 20_000, timeout: 30_000 });
  }

  upsert(museumId: string, url: string, secret: string): Promise<WebhookRecord> {
    return this.prisma.stockWebhook.upsert({
      where: { museumId },
      create: { museumId, url, secret },
      update: { url, secret, enabled: true, updatedAt: new Date() },
      select: webhookSelect,
    });
  }

  find(museumId: string): Promise<WebhookRecord | null> {
    return this.prisma.stockWebhook.findUnique({ where: { museumId }, select: webhookSelect });
  }

  async disable(museumId: string): Promise<void> {
    await this.prisma.stockWebhook.updateMany({ where: { museumId }, data: { enabled: false, updatedAt: new Date() } });
  }

  /**
   * Takes up to `limit` recorded changes (SKIP LOCKED: several collectors share them) and
   * returns the current level of each changed (variant, location), for museums with an
   * enabled webhook. The changes are deleted in the caller's transaction.
   */
  async takeChanges(tx: SqlTx, limit: number): Promise<{ taken: number; levels: ChangedLevel[] }> {
    const taken = await tx.$queryRaw<{ variant_id: string; location_id: string }[]>`
      DELETE FROM stock_changes WHERE id IN (SELECT id FROM stock_changes ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING variant_id, location_id`;
    if (!taken.length) return { taken: 0, levels: [] };
    const levels = await tx.$queryRaw<ChangedLevel[]>`
      SELECT DISTINCT ON (s.variant_id, s.location_id) l.museum_id AS "museumId", v.sku, l.code AS location, s.on_hand AS "onHand", s.reserved
      FROM unnest(${taken.map((t) => t.variant_id)}::uuid[], ${taken.map((t) => t.location_id)}::uuid[]) AS c(v, l)
      JOIN stock_levels s ON s.variant_id = c.v AND s.location_id = c.l
      JOIN stock_locations l ON l.id = s.location_id
      JOIN ${CatalogReadPort.variants} v ON v.id = s.variant_id
      JOIN stock_webhooks w ON w.museum_id = l.museum_id AND w.enabled`;
    return { taken: taken.length, levels };
  }

  async insertDeliveries(tx: Tx, rows: readonly { id: string; museumId: string; payload: Prisma.InputJsonObject }[]): Promise<void> {
    if (rows.length) await tx.stockWebhookDelivery.createMany({ data: [...rows] });
  }

  findDelivery(id: string): Promise<(DeliveryRecord & { webhook: Pick<WebhookRecord, 'url' | 'secret' | 'enabled'> | null }) | null> {
    return this.prisma.stockWebhookDelivery
      .findUnique({ where: { id }, select: deliverySelect })
      .then(async (d) => (d ? { ...d, webhook: await this.prisma.stockWebhook.findUnique({ where: { museumId: d.museumId }, select: { url: true, secret: true, enabled: true } }) } : null));
  }

  async recordAttempt(id: string, outcome: { status: WebhookDeliveryStatus; statusCode: number | null; error: string | null }): Promise<void> {
    await this.prisma.stockWebhookDelivery.update({
      where: { id },
      data: {
        status: outcome.status,
        attempts: { increment: 1 },
        lastStatusCode: outcome.statusCode,
        lastError: outcome.error?.slice(0, 500) ?? null,
        deliveredAt: outcome.status === 'DELIVERED' ? new Date() : undefined,
      },
      select: { id: true },
    });
  }

  async deliveriesOf(q: { museumId: string; take: number; after?: [string, string] | null }): Promise<{ rows: DeliveryRecord[]; total: number }> {
    const where = { museumId: q.museumId };
    const keyset = q.after ? { OR: [{ createdAt: { lt: new Date(q.after[0]) } }, { createdAt: new Date(q.after[0]), id: { lt: q.after[1] } }] } : null;
    const [rows, total] = await Promise.all([
      this.prisma.stockWebhookDelivery.findMany({ where: keyset ? { AND: [where, keyset] } : where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: q.take + 1, select: deliverySelect }),
      this.prisma.stockWebhookDelivery.count({ where }),
    ]);
    return { rows, total };
  }
}
