import { Injectable, Logger, Optional } from '@nestjs/common';
import { ShopWindowAnnouncer } from '@vitrine/shared/data-access';
import { isoDate } from '../domain/periods';
import { isPastSellOff, staysListed } from '../domain/listing-window';
import { AgreementRepository } from '../infrastructure/agreement.repository';
import { LicensedProductRepository } from '../infrastructure/licensed-product.repository';
import { NotificationRepository } from '../infrastructure/notification.repository';
import { Clock } from './clock';

/**
 * Ends agreements whose term and sell-off period are over: the agreement expires and its
 * products are archived (off sale). The same sweep takes off sale any licensed product
 * that is listed while its agreement no longer allows it (e.g. published around this
 * context, or awaiting approval of a change). Each agreement is handled under its row lock
 * and re-read, so a second run, or a second worker, finds nothing left to do. Products taken
 * off sale are announced on the shop-window channel, so every API process stops showing them
 * at once instead of after PUBLIC_CACHE_SECONDS (a licence's end is a legal obligation).
 */
@Injectable()
export class TermExpiryService {
  private readonly logger = new Logger(TermExpiryService.name);

  constructor(
    private readonly agreements: AgreementRepository,
    private readonly products: LicensedProductRepository,
    private readonly notifications: NotificationRepository,
    private readonly clock: Clock,
    @Optional() private readonly shopWindow?: ShopWindowAnnouncer,
  ) {}

  /** The sweep: every agreement past its sell-off, then every listing its agreement no longer allows. */
  async run(): Promise<{ expired: number; delisted: number }> {
    const now = this.clock.now();
    const today = isoDate(now);
    let expired = 0;
    let delisted = 0;
    for (;;) {
      const batch = await this.agreements.activePastSellOff(today, 100);
      for (const a of batch) {
        const r = await this.expireOne(a.id);
        if (r.expired) expired++;
        delisted += r.delisted;
      }
      if (batch.length < 100) break;
    }
    let outside = 0;
    for (const p of await this.products.publishedWithTerms()) {
      if (staysListed(p, { status: p.proposalStatus, amendment: p.amendment, storefrontEdit: p.unapprovedEdit }, today)) continue;
      if (await this.products.delistIfPublished(p.productId, 'OUTSIDE_AGREEMENT', now)) outside++;
    }
    if (outside) await this.shopWindow?.announce('licensing');
    delisted += outside;
    if (expired || delisted) this.logger.log(`licence terms: ${expired} agreements expired, ${delisted} products taken off sale`);
    return { expired, delisted };
  }

  /**
   * Ends one agreement if its sell-off period is over (its delayed job, enqueued at final
   * approval, or the sweep). Under the row lock, on re-read state: early, already expired or
   * run twice, it does nothing.
   */
  async expireOne(agreementId: string): Promise<{ expired: boolean; delisted: number }> {
    const now = this.clock.now();
    const today = isoDate(now);
    let delisted = 0;
    const agreement = await this.agreements.withLock(agreementId, async (tx, fresh) => {
      if (fresh.status !== 'ACTIVE' || !isPastSellOff(fresh, today)) return null;
      await this.agreements.expire(tx, fresh.id, now);
      for (const productId of await this.products.productIdsOfAgreementIn(tx, fresh.id)) {
        if (await this.products.setStatus(tx, productId, ['PUBLISHED', 'DRAFT'], 'ARCHIVED')) {
          await this.products.markDelisted(tx, productId, 'TERM_ENDED', now);
          delisted++;
        }
      }
      return fresh;
    });
    if (!agreement) return { expired: false, delisted: 0 };
    if (delisted) await this.shopWindow?.announce('licensing');
    for (const side of [{ museumId: agreement.museumId, brandId: null }, { museumId: null, brandId: agreement.brandId }]) {
      await this.notifications.createOnce({
        ...side,
        proposalId: agreement.proposalId,
        kind: 'AGREEMENT_EXPIRED',
        dedupeKey: `agreement-expired:${agreement.id}:${side.museumId ? 'museum' : 'brand'}`,
        message: `The licence agreement ${agreement.id} ended on ${agreement.sellOffEnd} (term and sell-off); its products are off sale`,
        dueAt: null,
      });
    }
    return { expired: true, delisted };
  }
}
