import { Inject, Injectable, Logger } from '@nestjs/common';
import { ForbiddenError, NotFoundError, isUuid, type Actor } from '@vitrine/shared/kernel';
import { retentionCutoff, type RetentionConfig } from '../domain/retention-config';
import { PiiRetentionRepository, type DeletionRequestRow, type OrdererIdentityRow } from '../infrastructure/pii-retention.repository';

export const RETENTION_CONFIG = Symbol('RETENTION_CONFIG');
/** What shoppers are promised: a deletion request is done within this many days. */
export const DELETION_DUE_DAYS = 15;

export interface RetentionReport {
  /** Ciphertexts destroyed because their retention ran out. */
  expired: number;
  /** Ciphertexts destroyed for deletion requests. */
  requested: number;
  /** Requests completed by this run. */
  completed: number;
  /** Requests still waiting for a live order. */
  waiting: number;
}

/**
 * Keeps a resident ID number only as long as customs may need it (docs/adr/0011-pii-retention.md):
 * the ciphertext is destroyed once every order of the identity was released (or refunded,
 * cancelled) more than PII_RETENTION_DAYS_AFTER_RELEASE days ago, or at the shopper's request
 * once no live order needs it. The keyed hash (yearly quota, checkout fingerprints) and the
 * masked form stay. Every step is conditional on the rows' state: running twice destroys nothing
 * twice and completes nothing twice.
 */
@Injectable()
export class PiiRetentionService {
  private readonly logger = new Logger(PiiRetentionService.name);

  constructor(
    private readonly repo: PiiRetentionRepository,
    @Inject(RETENTION_CONFIG) private readonly config: RetentionConfig,
  ) {}

  /** The scheduled run: expired ciphertexts first, then the open deletion requests. */
  async run(now = new Date()): Promise<RetentionReport> {
    const expired = await this.purgeExpired(now);
    const requests = await this.processDeletionRequests();
    const report = { expired, ...requests };
    if (expired || requests.requested || requests.completed) this.logger.log(`PII retention: ${JSON.stringify(report)}`);
    return report;
  }

  async purgeExpired(now = new Date()): Promise<number> {
    const cutoff = retentionCutoff(now, this.config);
    let purged = 0;
    let afterId: string | null = null;
    for (;;) {
      const batch = await this.repo.purgeExpiredBatch(cutoff, afterId, this.config.batchSize);
      purged += batch.purged.length;
      if (batch.read < this.config.batchSize || batch.lastId === null) return purged;
      afterId = batch.lastId;
    }
  }

  async processDeletionRequests(): Promise<Omit<RetentionReport, 'expired'>> {
    const out = { requested: 0, completed: 0, waiting: 0 };
    // Bounded per run: a request waiting for a live order is read again at the next run.
    let overdue = 0;
    const due = Date.now() - DELETION_DUE_DAYS * 86_400_000;
    for (const r of await this.repo.openRequests(10_000)) {
      const result = await this.repo.processRequest(r.id);
      out.requested += result.purged;
      if (result.request?.completedAt) out.completed += 1;
      else {
        out.waiting += 1;
        if (r.requestedAt.getTime() < due) overdue += 1;
      }
    }
    // Lawful (customs still holds or has not released the order), but someone should look.
    if (overdue) this.logger.warn(`${overdue} deletion request(s) open for more than ${DELETION_DUE_DAYS} days: their orders are not released by customs yet`);
    return out;
  }

  /** The identities the shopper ordered with (masked), newest first. */
  identitiesOf(actor: Actor): Promise<OrdererIdentityRow[]> {
    assertShopper(actor);
    return this.repo.identitiesOf(actor.userId);
  }

  /**
   * The shopper's request to delete one identity they ordered with: recorded, and done at once
   * unless a live order still needs the number (then the retention job completes it after
   * release). Someone else's identity, or one never used by this account: NOT_FOUND.
   */
  async requestIdentityDeletion(actor: Actor, identityId: string): Promise<DeletionRequestRow> {
    assertShopper(actor);
    if (!isUuid(identityId) || !(await this.repo.shopperUsed(actor.userId, identityId))) throw new NotFoundError('OrdererIdentity');
    const request = await this.repo.openRequest({ userId: actor.userId, kind: 'IDENTITY', identityId });
    const done = await this.repo.processRequest(request.id);
    return done.request ?? request;
  }
}

function assertShopper(actor: Actor): void {
  if (actor.role !== 'SHOPPER') throw new ForbiddenError('Only shoppers have orderer identities');
}
