import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '@vitrine/shared/data-access';

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
  async upsertLocked(tx: Tx, data: { id: string; idHash: string; idCiphertext: string; idMasked: string; keyVersion: number }): Promise<IdentityRow> {
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

  findSealed(id: string): Promise<{ idHash: string; idCiphertext: string } | null> {
    return this.prisma.customsIdentity.findUnique({ where: { id }, select: { idHash: true, idCiphertext: true } });
  }
}
