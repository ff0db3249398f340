import { Injectable } from '@nestjs/common';
import { PrismaService, type SqlTx } from '@vitrine/shared/data-access';
import { IdentityOrdersSource } from '../../ports/identity-orders.source';
import { ShopperPersonalData } from '../../ports/shopper-personal-data.port';
import { LIVE_ORDER_STATUSES, RELEASED_STATUSES } from '../domain/retention-config';

export interface OrdererIdentityRow {
  id: string;
  idMasked: string;
  stored: boolean;
  lastOrderedAt: Date;
  deletionRequestedAt: Date | null;
}

export interface DeletionRequestRow {
  id: string;
  userId: string;
  kind: 'ACCOUNT' | 'IDENTITY';
  identityId: string | null;
  requestedAt: Date;
  completedAt: Date | null;
}

const LIVE = [...LIVE_ORDER_STATUSES];
const RELEASED = [...RELEASED_STATUSES];

/**
 * Destroys resident ID ciphertexts (the row, its keyed hash and masked form stay: orders and
 * the yearly quota refer to them) and keeps the shoppers' deletion requests. Rows are always
 * locked before the orders are read, in a later statement, so a checkout that has just
 * recorded an identity (and holds its row) is seen with its order.
 */
@Injectable()
export class PiiRetentionRepository {
  constructor(
    private readonly prisma: PrismaService,
    /** Orders' tables, through the relations libs/orders binds. */
    private readonly orders: IdentityOrdersSource,
    /** The other personal data an account's deletion erases (OrdersSourcesModule binds it; an app without it does not start). */
    private readonly personal: ShopperPersonalData,
  ) {}

  /**
   * One batch of the scheduled purge: identities still sealed, unused since `cutoff`, after
   * `afterId` (rows a checkout holds are skipped, and taken at the next run), whose every order
   * is released, refunded or cancelled before `cutoff`.
   */
  purgeExpiredBatch(cutoff: Date, afterId: string | null, limit: number): Promise<{ read: number; purged: string[]; lastId: string | null }> {
    return this.prisma.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM customs_identities
        WHERE id_ciphertext IS NOT NULL AND last_used_at < ${cutoff.toISOString()}::timestamp(3) AND (${afterId}::uuid IS NULL OR id > ${afterId}::uuid)
        ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
      const purged = rows.length ? await this.destroy(tx, rows.map((r) => r.id), cutoff.toISOString()) : [];
      return { read: rows.length, purged, lastId: rows.at(-1)?.id ?? null };
    });
  }

  /**
   * Destroys the ciphertexts of these (locked) identities that no order still needs: none
   * live, and, with `cutoff`, none released or finished since then. Returns the ids destroyed.
   */
  private async destroy(tx: SqlTx, ids: readonly string[], cutoff: string | null): Promise<string[]> {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      UPDATE customs_identities ci SET id_ciphertext = NULL, purged_at = now()
      WHERE ci.id = ANY(${[...ids]}::uuid[]) AND ci.id_ciphertext IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM ${this.orders.orders} o WHERE o.identity_id = ci.id AND o.status = ANY(${LIVE}::text[]))
        AND (${cutoff}::timestamp(3) IS NULL OR NOT EXISTS (
          SELECT 1 FROM ${this.orders.orders} o WHERE o.identity_id = ci.id AND COALESCE(GREATEST(
            (SELECT min(c.created_at) FROM ${this.orders.statusChanges} c WHERE c.order_id = o.id AND c.to_status = ANY(${RELEASED}::text[])),
            o.refunded_at, o.cancelled_at), o.updated_at) >= ${cutoff}::timestamp(3)))
      RETURNING ci.id`;
    return rows.map((r) => r.id);
  }

  /** Open deletion requests, oldest first. */
  openRequests(limit: number): Promise<DeletionRequestRow[]> {
    return this.prisma.$queryRaw<DeletionRequestRow[]>`
      SELECT id, user_id AS "userId", kind::text AS kind, identity_id AS "identityId", requested_at AS "requestedAt", completed_at AS "completedAt"
      FROM pii_deletion_requests WHERE completed_at IS NULL ORDER BY requested_at, id LIMIT ${limit}`;
  }

  /**
   * Carries out one deletion request: destroys the ciphertexts it covers that no live order
   * needs (for an account, first erases its other personal data: ShopperPersonalData), and completes it once none is left. Returns the request as it now stands and how
   * many identities still wait for an order.
   */
  processRequest(requestId: string): Promise<{ request: DeletionRequestRow | null; purged: number; waiting: number }> {
    return this.prisma.$transaction(async (tx) => {
      const [request] = await tx.$queryRaw<DeletionRequestRow[]>`
        SELECT id, user_id AS "userId", kind::text AS kind, identity_id AS "identityId", requested_at AS "requestedAt", completed_at AS "completedAt"
        FROM pii_deletion_requests WHERE id = ${requestId}::uuid FOR UPDATE`;
      if (!request || request.completedAt) return { request: request ?? null, purged: 0, waiting: 0 };
      // A closed account's other personal data (its saved delivery addresses) goes at once: no order needs it.
      if (request.kind === 'ACCOUNT') await this.personal.eraseAccount(tx, request.userId);
      const covered =
        request.kind === 'IDENTITY'
          ? request.identityId ? [request.identityId] : []
          : (await tx.$queryRaw<{ id: string }[]>`SELECT DISTINCT identity_id AS id FROM ${this.orders.orders} o WHERE o.shopper_user_id = ${request.userId}::uuid`).map((r) => r.id);
      const locked = covered.length
        ? (await tx.$queryRaw<{ id: string }[]>`SELECT id FROM customs_identities WHERE id = ANY(${covered}::uuid[]) AND id_ciphertext IS NOT NULL ORDER BY id FOR UPDATE`).map((r) => r.id)
        : [];
      const purged = locked.length ? await this.destroy(tx, locked, null) : [];
      const waiting = locked.length - purged.length;
      if (waiting === 0) {
        const [done] = await tx.$queryRaw<DeletionRequestRow[]>`
          UPDATE pii_deletion_requests SET completed_at = now() WHERE id = ${requestId}::uuid
          RETURNING id, user_id AS "userId", kind::text AS kind, identity_id AS "identityId", requested_at AS "requestedAt", completed_at AS "completedAt"`;
        return { request: done ?? null, purged: purged.length, waiting };
      }
      return { request, purged: purged.length, waiting };
    });
  }

  /** Whether this shopper ordered with this identity (the only identities they may see or delete). */
  async shopperUsed(userId: string, identityId: string): Promise<boolean> {
    const rows = await this.prisma.$queryRaw<unknown[]>`SELECT 1 FROM ${this.orders.orders} o WHERE o.identity_id = ${identityId}::uuid AND o.shopper_user_id = ${userId}::uuid LIMIT 1`;
    return rows.length > 0;
  }

  /** The open request for this subject, created if there is none (one open request per subject). */
  async openRequest(data: { userId: string; kind: 'ACCOUNT' | 'IDENTITY'; identityId: string | null }, tx: SqlTx = this.prisma.sql): Promise<DeletionRequestRow> {
    for (;;) {
      await tx.$executeRaw`
        INSERT INTO pii_deletion_requests (id, user_id, kind, identity_id, requested_at)
        VALUES (gen_random_uuid(), ${data.userId}::uuid, ${data.kind}::"PiiDeletionKind", ${data.identityId}::uuid, now())
        ON CONFLICT (user_id, kind, COALESCE(identity_id, '00000000-0000-0000-0000-000000000000'::uuid)) WHERE completed_at IS NULL DO NOTHING`;
      const rows = await tx.$queryRaw<DeletionRequestRow[]>`
        SELECT id, user_id AS "userId", kind::text AS kind, identity_id AS "identityId", requested_at AS "requestedAt", completed_at AS "completedAt"
        FROM pii_deletion_requests
        WHERE user_id = ${data.userId}::uuid AND kind = ${data.kind}::"PiiDeletionKind" AND identity_id IS NOT DISTINCT FROM ${data.identityId}::uuid AND completed_at IS NULL`;
      // Completed by the job between the two statements: ask again.
      if (rows[0]) return rows[0];
    }
  }

  /** The identities a shopper ordered with, most recent first (at most 100). */
  identitiesOf(userId: string): Promise<OrdererIdentityRow[]> {
    return this.prisma.$queryRaw<OrdererIdentityRow[]>`
      SELECT ci.id, ci.id_masked AS "idMasked", ci.id_ciphertext IS NOT NULL AS stored, u.last_ordered_at AS "lastOrderedAt",
        (SELECT min(r.requested_at) FROM pii_deletion_requests r
          WHERE r.user_id = ${userId}::uuid AND r.kind = 'IDENTITY' AND r.identity_id = ci.id AND r.completed_at IS NULL) AS "deletionRequestedAt"
      FROM (SELECT o.identity_id, max(o.created_at) AS last_ordered_at FROM ${this.orders.orders} o WHERE o.shopper_user_id = ${userId}::uuid GROUP BY o.identity_id) u
      JOIN customs_identities ci ON ci.id = u.identity_id
      ORDER BY u.last_ordered_at DESC, ci.id LIMIT 100`;
  }
}
