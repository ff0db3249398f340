import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Prisma, SqlTx } from '@vitrine/shared/data-access';
import { NotFoundError } from '@vitrine/shared/kernel';
import { maskResidentId, type ResidentId } from '../domain/resident-id';
import { CustomsIdentityRepository } from '../infrastructure/customs-identity.repository';
import type { PiiAccess } from '../infrastructure/pii-access-audit';
import { PiiVault } from '../infrastructure/pii-vault';

export interface IdentityRecord {
  identityId: string;
  /** `110***********002X`: the only form that leaves this service. */
  masked: string;
}

/**
 * Real-name identity records. A resident ID number enters here once, is stored encrypted,
 * is found again by its keyed hash, and leaves only masked (or decrypted for the customs
 * declaration, or for a checkout its own shopper places with it as a saved identity, each
 * audited; never for an API answer, a log line or a job payload).
 */
@Injectable()
export class IdentityRecordsService {
  constructor(
    private readonly vault: PiiVault,
    private readonly identities: CustomsIdentityRepository,
  ) {}

  /** The keyed hash of a checked ID number: the identity key for quotas and idempotency. */
  identityHash(id: ResidentId): string {
    return this.vault.hash(id.value);
  }

  /** Records (or finds) the identity inside the caller's transaction and locks it until the end. */
  async record(tx: SqlTx, id: ResidentId): Promise<IdentityRecord> {
    const idHash = this.vault.hash(id.value);
    const row = await this.identities.upsertLocked(tx, {
      id: randomUUID(),
      idHash,
      idCiphertext: this.vault.encrypt(id.value, idHash),
      idMasked: maskResidentId(id.value),
      keyVersion: this.vault.keyVersion,
    });
    return { identityId: row.id, masked: row.idMasked };
  }

  /**
   * `record` in one statement with the caller's `first` (a write with RETURNING that must come
   * before it, e.g. checkout closing its cart): recorded and locked only if `first` returned a
   * row, else null and nothing written.
   */
  async recordAfter(tx: SqlTx, first: Prisma.Sql, id: ResidentId): Promise<IdentityRecord | null> {
    const idHash = this.vault.hash(id.value);
    const row = await this.identities.upsertLockedAfter(tx, first, {
      id: randomUUID(),
      idHash,
      idCiphertext: this.vault.encrypt(id.value, idHash),
      idMasked: maskResidentId(id.value),
      keyVersion: this.vault.keyVersion,
    });
    return row ? { identityId: row.id, masked: row.idMasked } : null;
  }

  /** The identity id for an ID number, when it has been recorded before. */
  async find(id: ResidentId): Promise<IdentityRecord | null> {
    const row = await this.identities.findByHash(this.vault.hash(id.value));
    return row ? { identityId: row.id, masked: row.idMasked } : null;
  }

  /**
   * The plain number, for the customs declaration (and checkout with a saved identity, its shopper's only). Every call writes its audit row (who,
   * why, which identity) before decrypting. A destroyed ciphertext (retention) answers NOT_FOUND.
   */
  async reveal(identityId: string, access: PiiAccess): Promise<string> {
    const row = await this.identities.findSealedAudited(identityId, access);
    if (!row?.idCiphertext) throw new NotFoundError('Identity');
    return this.vault.decrypt(row.idCiphertext, row.idHash, row.keyVersion);
  }
}
