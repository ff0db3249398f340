import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { z } from 'zod';
import { NotFoundError, validate, canManageMuseum, type Actor } from '@vitrine/shared/kernel';
import { enqueue, jobOf } from '@vitrine/shared/jobs';
import { SIGNATURE_HEADER, signWebhook } from '../domain/webhook-signature';
import { assertPublicHost } from '../infrastructure/feed-fetcher';
import { StockWebhookRepository, type ChangedLevel, type WebhookRecord } from '../infrastructure/stock-webhook.repository';
import { deliverStockWebhookJob } from '../stock-sync.jobs';
import { SYNC_CONFIG, type SyncConfig } from './sync-config';

/** Levels per delivery: a large change (a big sync of orders) goes out in several requests. */
const LEVELS_PER_DELIVERY = 500;

export interface DeliveryContext {
  attempt: number;
  maxAttempts: number;
}

/**
 * Pushes marketplace stock changes (orders, cancellations, returns, manual counts) back to
 * the museum's own system. Changes are recorded by the database in the transaction that
 * made them; a collector turns them into deliveries (the current levels of what changed)
 * and each delivery is POSTed, signed with HMAC-SHA256 of the body and a timestamp, and
 * retried with backoff until the endpoint answers 2xx or the attempts run out.
 */
@Injectable()
export class StockWebhooksService {
  private readonly logger = new Logger(StockWebhooksService.name);

  constructor(
    private readonly repo: StockWebhookRepository,
    @Inject(SYNC_CONFIG) private readonly config: SyncConfig,
  ) {}

  /** Sets (or replaces) the endpoint; a new secret each time, returned only here. */
  async configure(actor: Actor, input: unknown): Promise<WebhookRecord> {
    const v = validate(z.object({ museumId: z.string().uuid(), url: z.string().trim().url().max(2_000).refine((u) => /^https?:\/\//i.test(u), 'must be an http or https URL') }), input);
    if (!canManageMuseum(actor, v.museumId)) throw new NotFoundError('Museum');
    return this.repo.upsert(v.museumId, v.url, randomBytes(32).toString('hex'));
  }

  async get(actor: Actor, museumId: string): Promise<WebhookRecord | null> {
    if (!canManageMuseum(actor, museumId)) throw new NotFoundError('Museum');
    return this.repo.find(museumId);
  }

  async disable(actor: Actor, museumId: string): Promise<boolean> {
    if (!canManageMuseum(actor, museumId)) throw new NotFoundError('Museum');
    await this.repo.disable(museumId);
    return true;
  }

  async deliveries(actor: Actor, q: { museumId: string; take: number; after?: [string, string] | null }) {
    if (!canManageMuseum(actor, q.museumId)) throw new NotFoundError('Museum');
    return this.repo.deliveriesOf(q);
  }

  /** Recorded changes → deliveries and their jobs, in one transaction. */
  async collect(limit = 5_000): Promise<{ changes: number; deliveries: number }> {
    return this.repo.transaction(async (tx) => {
      const { taken, levels } = await this.repo.takeChanges(tx, limit);
      const byMuseum = new Map<string, ChangedLevel[]>();
      for (const l of levels) byMuseum.set(l.museumId, [...(byMuseum.get(l.museumId) ?? []), l]);
      const now = new Date().toISOString();
      const rows = [...byMuseum].flatMap(([museumId, list]) => {
        const out = [];
        for (let i = 0; i < list.length; i += LEVELS_PER_DELIVERY) {
          const id = randomUUID();
          out.push({
            id,
            museumId,
            payload: {
              id,
              event: 'stock.changed',
              museumId,
              occurredAt: now,
              levels: list.slice(i, i + LEVELS_PER_DELIVERY).map((l) => ({ sku: l.sku, location: l.location, onHand: l.onHand, reserved: l.reserved, available: l.onHand - l.reserved })),
            },
          });
        }
        return out;
      });
      await this.repo.insertDeliveries(tx, rows);
      await enqueue(tx, rows.map((r) => jobOf(deliverStockWebhookJob, { deliveryId: r.id })));
      return { changes: taken, deliveries: rows.length };
    });
  }

  /** One attempt of one delivery; throws (so the job retries) unless the endpoint took it or the delivery is settled. */
  async deliver(deliveryId: string, ctx: DeliveryContext): Promise<'DELIVERED' | 'SKIPPED'> {
    const d = await this.repo.findDelivery(deliveryId);
    if (!d || d.status !== 'PENDING') return 'SKIPPED';
    if (!d.webhook?.enabled) {
      await this.repo.recordAttempt(deliveryId, { status: 'FAILED', statusCode: null, error: 'the museum disabled its webhook' });
      return 'SKIPPED';
    }
    const body = JSON.stringify(d.payload);
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      if (!this.config.allowPrivateUrls) await assertPublicHost(new URL(d.webhook.url));
      const res = await fetch(d.webhook.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signWebhook(d.webhook.secret, body, new Date()), 'x-vitrine-delivery': deliveryId, 'user-agent': 'Vitrine-Webhooks/1' },
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(this.config.webhookTimeoutMs),
      });
      statusCode = res.status;
      await res.arrayBuffer().catch(() => undefined);
      if (!res.ok) error = `the endpoint answered HTTP ${res.status}`;
    } catch (e) {
      error = `the endpoint did not answer: ${(e as Error).message}`;
    }
    if (!error) {
      await this.repo.recordAttempt(deliveryId, { status: 'DELIVERED', statusCode, error: null });
      return 'DELIVERED';
    }
    const last = ctx.attempt >= ctx.maxAttempts;
    await this.repo.recordAttempt(deliveryId, { status: last ? 'FAILED' : 'PENDING', statusCode, error });
    if (last) this.logger.warn(`stock webhook delivery ${deliveryId} to museum ${d.museumId} failed for good: ${error}`);
    throw new Error(error);
  }
}
