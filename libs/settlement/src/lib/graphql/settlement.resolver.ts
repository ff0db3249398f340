import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles, type Actor } from '@vitrine/shared/graphql';
import { CommissionService } from '../application/commission.service';
import { TaxRemittanceService } from '../application/tax-remittance.service';
import { SettlementQueriesService, type Amount, type SellerBalance } from '../application/settlement-queries.service';
import { CommissionSettingsType, PlatformLedgerType, RecordTaxRemittanceInput, SellerBalanceType, SellerKind, SellerLedgerLinePage, SellerStatementType, SetCommissionRatesInput, TaxRemittanceType } from './settlement.types';

const amount = (a: Amount) => ({ amount: a.amountMinor, currency: a.currency });
const seller = (s: SellerBalance): SellerBalanceType => ({
  sellerType: s.sellerType as SellerKind,
  sellerId: s.sellerId,
  payable: s.payable.map(amount),
  pending: s.pending.map(amount),
  notPaidOut: (s.notPaidOut ?? []).map(amount),
});

@Resolver()
export class SettlementResolver {
  constructor(
    private readonly queries: SettlementQueriesService,
    private readonly commissions: CommissionService,
    private readonly remittances: TaxRemittanceService,
  ) {}

  @Roles('PLATFORM_ADMIN', 'MUSEUM_MANAGER', 'BRAND_PARTNER')
  @Query(() => SellerBalanceType, { description: 'A seller’s balance: a manager’s own museum, a brand its own; the operator any (museumId or brandId). Without ids: the caller’s own.' })
  async sellerBalance(
    @CurrentActor() actor: Actor,
    @Args('museumId', { type: () => ID, nullable: true }) museumId?: string | null,
    @Args('brandId', { type: () => ID, nullable: true }) brandId?: string | null,
  ): Promise<SellerBalanceType> {
    return seller(await this.queries.sellerBalance(actor, { museumId, brandId }));
  }

  @Roles('PLATFORM_ADMIN', 'MUSEUM_MANAGER', 'BRAND_PARTNER')
  @Query(() => SellerStatementType, { description: 'A seller’s monthly settlement statement (month YYYY-MM, UTC): same tenancy as sellerBalance; VALIDATION_FAILED on a malformed month.' })
  async sellerStatement(
    @CurrentActor() actor: Actor,
    @Args('month', { type: () => String }) month: string,
    @Args('museumId', { type: () => ID, nullable: true }) museumId?: string | null,
    @Args('brandId', { type: () => ID, nullable: true }) brandId?: string | null,
  ): Promise<SellerStatementType> {
    const s = await this.queries.sellerStatement(actor, { museumId, brandId, month });
    return {
      sellerType: s.sellerType as SellerKind,
      sellerId: s.sellerId,
      month: s.month,
      csv: s.csv,
      currencies: s.currencies.map((c) => ({
        currency: c.currency,
        openingPending: c.openingPendingMinor,
        openingPayable: c.openingPayableMinor,
        closingPending: c.closingPendingMinor,
        closingPayable: c.closingPayableMinor,
        movements: c.movements.map((m) => ({ account: m.account, entryKind: m.entryKind, component: m.component, orders: m.orders, amount: m.amountMinor })),
        deductions: c.deductions.map((d) => ({ entryKind: d.entryKind, component: d.component, orders: d.orders, amount: d.amountMinor })),
      })),
    };
  }

  @Roles('PLATFORM_ADMIN', 'MUSEUM_MANAGER', 'BRAND_PARTNER')
  @Query(() => SellerLedgerLinePage, {
    description: 'A seller’s ledger lines, newest first, in keyset pages; kind (an entry kind) and [from, to) (when entries were written) filter them. Same tenancy as sellerBalance; VALIDATION_FAILED on a bad kind, range or cursor.',
  })
  async sellerLedgerLines(
    @CurrentActor() actor: Actor,
    @Args('museumId', { type: () => ID, nullable: true }) museumId?: string | null,
    @Args('brandId', { type: () => ID, nullable: true }) brandId?: string | null,
    @Args('kind', { type: () => String, nullable: true }) kind?: string | null,
    @Args('from', { type: () => Date, nullable: true }) from?: Date | null,
    @Args('to', { type: () => Date, nullable: true }) to?: Date | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    const page = await this.queries.sellerLedgerLines(actor, { museumId, brandId, kind, from, to, first, after });
    return {
      ...page,
      nodes: page.nodes.map((r) => ({
        id: r.id,
        event: r.eventKey,
        entryKind: r.entryKind,
        createdAt: r.createdAt,
        occurredAt: r.occurredAt,
        account: r.account,
        component: r.component,
        orderId: r.orderId,
        orderNumber: r.orderNumber,
        amount: { amount: r.amountMinor, currency: r.currency },
      })),
    };
  }

  @Roles('PLATFORM_ADMIN')
  @Query(() => PlatformLedgerType, { description: 'Operator: every seller’s balance, the tax owed to customs and the commission revenue.' })
  async platformLedger(@CurrentActor() actor: Actor): Promise<PlatformLedgerType> {
    const l = await this.queries.platformLedger(actor);
    return {
      sellers: l.sellers.map(seller),
      taxOwedToCustoms: l.taxOwedToCustoms.map(amount),
      commissionRevenue: l.commissionRevenue.map(amount),
      stripeClearing: l.stripeClearing.map(amount),
      stripeFees: l.stripeFees.map(amount),
      platformPromotions: l.platformPromotions.map(amount),
    };
  }

  @Roles('PLATFORM_ADMIN')
  @Query(() => CommissionSettingsType, { description: 'Operator: a storefront’s commission rates in force.' })
  commissionSettings(@CurrentActor() actor: Actor, @Args('storefrontId', { type: () => ID }) storefrontId: string) {
    return this.commissions.ratesOf(actor, storefrontId);
  }

  @Roles('PLATFORM_ADMIN')
  @Mutation(() => CommissionSettingsType, {
    description: 'Operator: sets a storefront’s commission (default and per-category basis points), in force for orders placed from now on. INVALID_COMMISSION_RATE (negative, over 10000), nothing written.',
  })
  setCommissionRates(@CurrentActor() actor: Actor, @Args('input') input: SetCommissionRatesInput) {
    return this.commissions.setRates(actor, input);
  }

  @Roles('PLATFORM_ADMIN')
  @Mutation(() => TaxRemittanceType, {
    description:
      'Operator: records a payment of the cross-border tax to customs (the tax owed goes down by it). CURRENCY_MISMATCH (no tax was collected in that currency), REMITTANCE_EXCEEDS_OWED, VALIDATION_FAILED: nothing written. The same reference again answers the recorded remittance; with another amount or currency, CONFLICT.',
  })
  async recordTaxRemittance(@CurrentActor() actor: Actor, @Args('input') input: RecordTaxRemittanceInput): Promise<TaxRemittanceType> {
    const r = await this.remittances.record(actor, { reference: input.reference, amountMinor: input.amount, currency: input.currency });
    return { reference: r.reference, amount: { amount: r.amountMinor, currency: r.currency }, taxOwedAfter: { amount: r.owedAfterMinor, currency: r.currency } };
  }
}
