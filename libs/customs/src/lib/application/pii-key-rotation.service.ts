import { Injectable } from '@nestjs/common';
import { CustomsIdentityRepository } from '../infrastructure/customs-identity.repository';
import { PiiVault } from '../infrastructure/pii-vault';

export interface ReencryptReport {
  /** Rows moved to the current key by this run. */
  resealed: number;
  /** Rows left under another version because no key of theirs is configured (ids only). */
  unreadable: string[];
  /** Rows per key version once the run is over. */
  versions: Map<number, number>;
}

/**
 * Key rotation of the resident ID ciphertexts. After PII_ENCRYPTION_KEY / PII_KEY_VERSION
 * move to a new key (the old one in PII_ENCRYPTION_OLD_KEYS), new rows are sealed with the new
 * key at once and old rows stay readable; `reencrypt` then moves the old rows to the current
 * key in batches. Safe to run twice or side by side: rows already current are not read again
 * and each rewrite is conditional on the row being unchanged. When `versions` shows only the
 * current version, the old key can leave the environment.
 */
@Injectable()
export class PiiKeyRotationService {
  constructor(
    private readonly vault: PiiVault,
    private readonly identities: CustomsIdentityRepository,
  ) {}

  get currentVersion(): number {
    return this.vault.keyVersion;
  }

  async reencrypt(options: { batchSize?: number } = {}): Promise<ReencryptReport> {
    const batchSize = Math.min(Math.max(Math.trunc(options.batchSize ?? 500), 1), 10_000);
    const unreadable: string[] = [];
    let resealed = 0;
    let afterId: string | null = null;
    for (;;) {
      const batch = await this.identities.resealBatch(this.vault.keyVersion, afterId, batchSize, (row) => {
        if (!this.vault.canOpen(row.keyVersion)) return null;
        // Same associated data (the keyed hash): the row's binding is unchanged, only the key moves.
        return this.vault.encrypt(this.vault.decrypt(row.idCiphertext, row.idHash, row.keyVersion), row.idHash);
      }, { actor: 'script:pii-reencrypt', purpose: 'KEY_ROTATION' });
      resealed += batch.resealed;
      unreadable.push(...batch.skipped.map((r) => r.id));
      if (batch.read < batchSize || batch.lastId === null) break;
      afterId = batch.lastId;
    }
    return { resealed, unreadable, versions: await this.identities.countByKeyVersion() };
  }

  keyVersionsInUse(): Promise<Map<number, number>> {
    return this.identities.countByKeyVersion();
  }
}
