import { Injectable } from '@nestjs/common';
import { PrismaService, type SqlTx } from '@vitrine/shared/data-access';

export interface IdentityRow {
  id: string;
  idMasked: string;
}

@Injectable()
export class CustomsIdentityRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Inserts the identity or touches the existing one. Either way the row stays locked until
   * the transaction ends, which serialises checkouts of one identity (the yearly quota).
   */
  async upsertLocked(tx: SqlTx, data: { id: string; idHash: string; idCiphertext: string; idMasked: string; keyVersion: number }): Promise<IdentityRow> {
    const rows = await tx.$queryRaw<IdentityRow[]>`
      INSERT INTO customs_identities (id, id_hash, id_ciphertext, id_masked, key_version)
      VALUES (${data.id}::uuid, ${data.idHash}, ${data.idCiphertext}, ${data.idMasked}, ${data.keyVersion})
      ON CONFLICT (id_hash) DO UPDATE SET last_used_at = now()
      RETURNING id, id_masked AS "idMasked"`;
    return rows[0];
  }

  findByHash(idHash: string): Promise<IdentityRow | null> {
    return this.prisma.customsIdentity.findUnique({ where: { idHash }, select: { id: true, idMasked: true } });
  }

  findSealed(id: string): Promise<{ idHash: string; idCiphertext: string; keyVersion: number } | null> {
    return this.prisma.customsIdentity.findUnique({ where: { id }, select: { idHash: true, idCiphertext: true, keyVersion: true } });
  }

  /**
   * One batch of a key rotation, in its own transaction: the next rows (by id, after `afterId`)
   * sealed under another version than `currentVersion`, locked (rows another run holds are
   * skipped), handed to `reseal`, and rewritten when it answers a new ciphertext. Each update is
   * conditional on the row still holding what was read, so concurrent runs never undo each other.
   */
  async resealBatch(
    currentVersion: number,
    afterId: string | null,
    limit: number,
    reseal: (row: SealedRow) => string | null,
  ): Promise<{ read: number; resealed: number; lastId: string | null; skipped: SealedRow[] }> {
    return this.prisma.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<SealedRow[]>`
        SELECT id, id_hash AS "idHash", id_ciphertext AS "idCiphertext", key_version AS "keyVersion" FROM customs_identities
        WHERE key_version <> ${currentVersion} AND (${afterId}::uuid IS NULL OR id > ${afterId}::uuid)
        ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
      let resealed = 0;
      const skipped: SealedRow[] = [];
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

  /** Rows per key version: an old key may be dropped once no row uses it. */
  async countByKeyVersion(): Promise<Map<number, number>> {
    const rows = await this.prisma.customsIdentity.groupBy({ by: ['keyVersion'], _count: { _all: true }, orderBy: { keyVersion: 'asc' } });
    return new Map(rows.map((r) => [r.keyVersion, r._count._all]));
  }
}

export interface SealedRow {
  id: string;
  idHash: string;
  idCiphertext: string;
  keyVersion: number;
}
