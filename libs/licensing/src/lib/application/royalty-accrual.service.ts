import { Injectable, Logger } from '@nestjs/common';
import type { Money } from '@vitrine/shared/kernel';
import { monthOf } from '../domain/periods';
import { UnsupportedConversionError, accrueLine, reinstateReversal, reverseLine, type FxSnapshot, type LineAccrual } from '../domain/royalty';
import { AgreementRepository } from '../infrastructure/agreement.repository';
import { LedgerRepository, type LedgerEntryWrite } from '../infrastructure/ledger.repository';
import { OrderLineReadRepository, type PaidLicensedLine, type RefundedLicensedLine } from '../infrastructure/order-line.read-repository';

/** Bookings in one reconcile after which the ledger's statistics are refreshed. */
const ANALYZE_AFTER = 10_000;

/** The EUR→CNY snapshot an order line carries. */
const snapshot = (rate: string | null): FxSnapshot | null => (rate ? { base: 'EUR', quote: 'CNY', rate } : null);

export interface AgreementTerms {
  id: string;
  royaltyRateBps: number;
  currency: string;
}

export interface AccrueCommand {
  orderLineId: string;
  orderId: string;
  productId: string;
  agreement: AgreementTerms;
  quantity: number;
  /** Net of tax and discounts, in the sale currency. */
  netAmount: Money;
  fxSnapshot: FxSnapshot | null;
  paidAt: Date;
}

export interface ReverseCommand {
  orderLineId: string;
  /** The refund's own reference: each refund reverses once. */
  refundRef: string;
  /** Refunded net amount (sale currency) and units. */
  refundedNetAmount: Money;
  units: number;
  refundedAt: Date;
}

export interface ReconcileResult {
  accrued: number;
  reversed: number;
  /** Lines that could not be converted (logged, left for the next run). */
  skipped: number;
}

/**
 * Royalty accrual from real sales. Each paid order line of a licensed product accrues once
 * (unique order line + kind + source), a refund reverses once. `accrue` and `reverse` are
 * the entry points for libs/orders' payment and refund events; `reconcile` rebuilds any
 * missing entries from the order tables, streamed, and runs before every statement.
 */
@Injectable()
export class RoyaltyAccrualService {
  private readonly logger = new Logger(RoyaltyAccrualService.name);

  constructor(
    private readonly orderLines: OrderLineReadRepository,
    private readonly ledger: LedgerRepository,
    private readonly agreements: AgreementRepository,
  ) {}

  /** Accrues one paid line; false when it had already accrued. */
  async accrue(cmd: AccrueCommand): Promise<{ created: boolean; entry: LedgerEntryWrite }> {
    const a = accrueLine({ quantity: cmd.quantity, netSaleMinor: cmd.netAmount.amount, saleCurrency: cmd.netAmount.currency, fx: cmd.fxSnapshot }, { rateBps: cmd.agreement.royaltyRateBps, currency: cmd.agreement.currency });
    const entry = toEntry(a, { agreementId: cmd.agreement.id, orderLineId: cmd.orderLineId, orderId: cmd.orderId, productId: cmd.productId, kind: 'ACCRUAL', sourceRef: 'paid', at: cmd.paidAt });
    return { created: (await this.ledger.insert(null, [entry])) === 1, entry };
  }

  /** Reverses (part of) an accrued line; null when the line never accrued, created false on a replay. */
  async reverse(cmd: ReverseCommand): Promise<{ created: boolean; entry: LedgerEntryWrite } | null> {
    const entries = await this.ledger.ofOrderLine(cmd.orderLineId);
    const accrual = entries.find((e) => e.kind === 'ACCRUAL' && e.sourceRef === 'paid');
    if (!accrual) return null;
    const existing = entries.find((e) => e.kind === 'REVERSAL' && e.sourceRef === cmd.refundRef);
    if (existing) return { created: false, entry: existing };
    const agreement = await this.agreements.findById(accrual.agreementId);
    if (!agreement) return null;
    const left = entries.reduce(
      (acc, e) => ({ units: acc.units + e.units, saleMinor: acc.saleMinor + e.saleMinor, netSalesMinor: acc.netSalesMinor + e.netSalesMinor, royaltyMinor: acc.royaltyMinor + e.royaltyMinor }),
      { units: 0, saleMinor: 0, netSalesMinor: 0, royaltyMinor: 0 },
    );
    if (left.saleMinor <= 0) return null;
    const r = reverseLine(left, { saleMinor: cmd.refundedNetAmount.amount, units: cmd.units }, { ...accrual, fx: snapshot(accrual.fxRate), rateBps: agreement.royaltyRateBps });
    const entry = toEntry(r, { ...accrual, kind: 'REVERSAL', sourceRef: cmd.refundRef, at: cmd.refundedAt });
    return { created: (await this.ledger.insert(null, [entry])) === 1, entry };
  }

  /**
   * Books every missing accrual and refund reversal of one order (what orders calls on paid,
   * refunded and partially refunded): its lines' accruals, the reversal of each partial refund
   * (once per refund row), and the reversal of what is left when the order is refunded whole.
   * A partial refund that Stripe reported failed or cancelled has its reversal accrued back
   * (once per refund row): booking the reversal first, then its exact opposite, gives the same
   * ledger whichever of the refund's and the failure's jobs runs first, or both at once.
   */
  async accrueOrder(orderId: string): Promise<ReconcileResult> {
    // Most orders sell no licensed product: one look instead of two streamed transactions (bench:pipeline).
    if (!(await this.orderLines.hasRoyaltyLines(orderId))) return { accrued: 0, reversed: 0, skipped: 0 };
    return this.bookOrder(orderId);
  }

  /** `accrueOrder`'s bookings, for an order that has a licensed line or ledger entries. */
  private async bookOrder(orderId: string): Promise<ReconcileResult> {
    const result = await this.reconcile(new Date(8.64e15), orderId);
    let partial = 0;
    let reinstated = 0;
    for (const r of await this.orderLines.lineRefundsOf(orderId)) {
      const refundRef = `line-refund:${r.refundRowId}`;
      const reversed = await this.reverse({
        orderLineId: r.orderLineId,
        refundRef,
        refundedNetAmount: { amount: r.goodsMinor, currency: r.saleCurrency },
        units: r.units,
        refundedAt: r.refundedAt,
      });
      if (reversed?.created) partial++;
      if (r.cancelledAt && reversed && (await this.reinstate(r.orderLineId, refundRef, `line-refund-cancelled:${r.refundRowId}`, r.cancelledAt))) reinstated++;
    }
    return { ...result, accrued: result.accrued + reinstated, reversed: result.reversed + partial };
  }

  /**
   * `accrueOrder` for the orders of the accrual jobs running at once (issue 23: one job and a
   * Prisma statement an order cost the worker's pipeline): one look for which of them have a
   * licensed line or ledger entries, then `accrueOrder`'s work for those, one order after the
   * other. Answers each order's error, if it had one (the others are booked); orders with
   * nothing to book are done. Run twice, at once or one after the other, an order's entries are
   * written once (their unique keys), as with `accrueOrder`.
   */
  async accrueOrders(orderIds: readonly string[]): Promise<Map<string, Error | undefined>> {
    const ids = [...new Set(orderIds)];
    const out = new Map<string, Error | undefined>(ids.map((id) => [id, undefined]));
    for (const orderId of await this.orderLines.withRoyaltyLines(ids)) {
      try {
        await this.bookOrder(orderId);
      } catch (error) {
        out.set(orderId, error as Error);
      }
    }
    return out;
  }

  /** Accrues back the reversal booked under `refundRef` (as stored, whoever booked it); false when already done. */
  private async reinstate(orderLineId: string, refundRef: string, sourceRef: string, at: Date): Promise<boolean> {
    const entries = await this.ledger.ofOrderLine(orderLineId);
    const reversal = entries.find((e) => e.kind === 'REVERSAL' && e.sourceRef === refundRef);
    if (!reversal || entries.some((e) => e.kind === 'ACCRUAL' && e.sourceRef === sourceRef)) return false;
    const entry = toEntry(reinstateReversal(reversal), { ...reversal, kind: 'ACCRUAL', sourceRef, at });
    return (await this.ledger.insert(null, [entry])) === 1;
  }

  /** Books every missing entry for sales and refunds before `until`, in streamed batches. */
  async reconcile(until: Date, orderId?: string): Promise<ReconcileResult> {
    const terms = new Map<string, AgreementTerms>();
    const load = async (ids: string[]) => {
      const missing = [...new Set(ids)].filter((id) => !terms.has(id));
      if (missing.length) for (const a of await this.agreements.findByIds(missing)) terms.set(a.id, a);
    };
    let skipped = 0;
    const accrued = await this.orderLines.streamUnaccrued({ until, orderId }, async (tx, lines: PaidLicensedLine[]) => {
      await load(lines.map((l) => l.agreementId));
      const entries: LedgerEntryWrite[] = [];
      for (const l of lines) {
        const t = terms.get(l.agreementId)!;
        try {
          const a = accrueLine({ quantity: l.quantity, netSaleMinor: l.netSaleMinor, saleCurrency: l.saleCurrency, fx: snapshot(l.fxRate) }, { rateBps: t.royaltyRateBps, currency: t.currency });
          entries.push(toEntry(a, { ...l, kind: 'ACCRUAL', sourceRef: 'paid', at: l.paidAt }));
        } catch (e) {
          if (!(e instanceof UnsupportedConversionError)) throw e;
          skipped++;
          this.logger.error(`order line ${l.orderLineId}: ${e.message}; left unaccrued`);
        }
      }
      await this.ledger.insert(tx, entries);
    });
    if (accrued >= ANALYZE_AFTER) await this.ledger.refreshStatistics();
    const reversed = await this.orderLines.streamUnreversedRefunds({ until, orderId }, async (tx, lines: RefundedLicensedLine[]) => {
      await load(lines.map((l) => l.agreementId));
      const entries = lines
        .filter((l) => l.saleMinor > 0)
        .map((l) => {
          const r = reverseLine(l, { saleMinor: l.saleMinor, units: l.units }, { ...l, fx: snapshot(l.fxRate), rateBps: terms.get(l.agreementId)!.royaltyRateBps });
          return toEntry(r, { ...l, kind: 'REVERSAL', sourceRef: 'order-refunded', at: l.refundedAt });
        });
      await this.ledger.insert(tx, entries);
    });
    if (reversed >= ANALYZE_AFTER) await this.ledger.refreshStatistics();
    return { accrued: accrued - skipped, reversed, skipped };
  }
}

function toEntry(
  a: LineAccrual,
  ref: { agreementId: string; orderLineId: string; orderId: string; productId: string; kind: 'ACCRUAL' | 'REVERSAL'; sourceRef: string; at: Date },
): LedgerEntryWrite {
  return {
    agreementId: ref.agreementId,
    orderLineId: ref.orderLineId,
    orderId: ref.orderId,
    productId: ref.productId,
    kind: ref.kind,
    sourceRef: ref.sourceRef,
    occurredAt: ref.at,
    periodStart: monthOf(ref.at),
    units: a.units,
    saleMinor: a.saleMinor,
    saleCurrency: a.saleCurrency,
    fxRate: a.fxRate,
    netSalesMinor: a.netSalesMinor,
    royaltyMinor: a.royaltyMinor,
    currency: a.currency,
  };
}
