import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService, type SqlTx } from '@vitrine/shared/data-access';
import { recordPiiAccess, type PiiAccess } from './pii-access-audit';

export interface IdentityRow {
  id: string;
  idMasked: string;
}

@Injectable()
export class CustomsIdentityRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Inserts the identity or touches the existing one. Either way the row stays locked until
   * the transaction ends, which serialises checkouts of one identity (the yearly quota). An
   * identity whose ciphertext was destroyed (retention) is sealed again with the number just
   * given: the new order needs it for customs.
   */
  async upsertLocked(tx: SqlTx, data: { id: string; idHash: string; idCiphertext: string; idMasked: string; keyVersion: number }): Promise<IdentityRow> {
    const rows = await tx.$queryRaw<IdentityRow[]>`
      INSERT INTO customs_identities (id, id_hash, id_ciphertext, id_masked, key_version)
      VALUES (${data.id}::uuid, ${data.idHash}, ${data.idCiphertext}, ${data.idMasked}, ${data.keyVersion})
      ON CONFLICT (id_hash) DO UPDATE SET last_used_at = now(),
        id_ciphertext = COALESCE(customs_identities.id_ciphertext, EXCLUDED.id_ciphertext),
        key_version = CASE WHEN customs_identities.id_ciphertext IS NULL THEN EXCLUDED.key_version ELSE customs_identities.key_version END,
        purged_at = NULL
      RETURNING id, id_masked AS "idMasked"`;
    return rows[0];
  }

  /**
   * upsertLocked in the statement of the caller's `first` (a data-modifying statement with
   * RETURNING, e.g. checkout closing its cart), which runs first: the identity is written and
   * locked only if `first` returned a row; null (nothing written) when it did not. One round trip
   * for what were two statements of the checkout transaction, locks still taken in their order.
   */
  async upsertLockedAfter(tx: SqlTx, first: Prisma.Sql, data: { id: string; idHash: string; idCiphertext: string; idMasked: string; keyVersion: number }): Promise<IdentityRow | null> {
    const rows = await tx.$queryRaw<IdentityRow[]>`
      WITH first AS (${first})
      INSERT INTO customs_identities (id, id_hash, id_ciphertext, id_masked, key_version)
      SELECT ${data.id}::uuid, ${data.idHash}::text, ${data.idCiphertext}::text, ${data.idMasked}::text, ${data.keyVersion}::int
      WHERE EXISTS (SELECT 1 FROM first)
      ON CONFLICT (id_hash) DO UPDATE SET last_used_at = now(),
        id_ciphertext = COALESCE(customs_identities.id_ciphertext, EXCLUDED.id_ciphertext),
        key_version = CASE WHEN customs_identities.id_ciphertext IS NULL THEN EXCLUDED.key_version ELSE customs_identities.key_version END,
        purged_at = NULL
      RETURNING id, id_masked AS "idMasked"`;
    return rows[0] ?? null;
  }

  findByHash(idHash: string): Promise<IdentityRow | null> {
    return this.prisma.customsIdentity.findUnique({ where: { idHash }, select: { id: true, idMasked: true } });
  }

  /** The sealed number of an identity (idCiphertext null once destroyed), with the audit row of the decryption about to happen. */
  async findSealedAudited(id: string, access: PiiAccess): Promise<{ idHash: string; idCiphertext: string | null; keyVersion: number } | null> {
    return this.prisma.$transaction(async (tx) => {
      const row = await tx.customsIdentity.findUnique({ where: { id }, select: { idHash: true, idCiphertext: true, keyVersion: true } });
      if (row?.idCiphertext) await recordPiiAccess(tx, access, [{ identityId: id }]);
      return row;
    });
  }

  /**
   * One batch of a key rotation, in its own transaction: the next rows (by id, after `afterId`)
   * sealed under another version than `currentVersion`, locked (rows another run holds are
   * skipped), handed to `reseal`, and rewritten when it answers a new ciphertext. Each update is
   * conditional on the row still holding what was read, so concurrent runs never undo each other.
   * Rows whose ciphertext was destroyed (retention) have nothing to re-seal and are not read.
   * Each decryption is audited (`access`) in the batch's transaction.
   */
  async resealBatch(
    currentVersion: number,
    afterId: string | null,
    limit: number,
    reseal: (row: SealedRow) => string | null,
    access: PiiAccess,
  ): Promise<{ read: number; resealed: number; lastId: string | null; skipped: SealedRow[] }> {
    return this.prisma.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<SealedRow[]>`
        SELECT id, id_hash AS "idHash", id_ciphertext AS "idCiphertext", key_version AS "keyVersion" FROM customs_identities
        WHERE key_version <> ${currentVersion} AND id_ciphertext IS NOT NULL AND (${afterId}::uuid IS NULL OR id > ${afterId}::uuid)
        ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
      let resealed = 0;
      const skipped: SealedRow[] = [];
      await recordPiiAccess(tx, access, rows.map((r) => ({ identityId: r.id })));
      for (const row of rows) {
        const ciphertext = reseal(row);
        if (ciphertext === null) {
          skipped.push(row);
          continue;
        }
        resealed += await tx.$executeRaw`
          UPDATE customs_identities SET id_ciphertext = ${ciphertext}, key_version = ${currentVersion}
          WHERE id = ${row.id}::uuid AND key_version = ${row.keyVersion} AND id_ciphertext = ${row.idCiphertext}`;
      }
      return { read: rows.length, resealed, lastId: rows.at(-1)?.id ?? null, skipped };
    });
  }

  /** Sealed rows per key version: an old key may be dropped once no row uses it (destroyed ciphertexts need no key). */
  async countByKeyVersion(): Promise<Map<number, number>> {
    const rows = await this.prisma.customsIdentity.groupBy({ by: ['keyVersion'], where: { idCiphertext: { not: null } }, _count: { _all: true }, orderBy: { keyVersion: 'asc' } });
    return new Map(rows.map((r) => [r.keyVersion, r._count._all]));
  }
}

export interface SealedRow {
  id: string;
  idHash: string;
  idCiphertext: string;
  keyVersion: number;
}
