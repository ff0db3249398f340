import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles, type Actor } from '@vitrine/shared/graphql';
import { PayoutsService, type PayoutAccountView } from '../application/payouts.service';
import { PayoutAccountType, PayoutRunType, SellerKind, SellerPayoutType } from './settlement.types';

const account = (a: PayoutAccountView): PayoutAccountType => ({ ...a, sellerType: a.sellerType as SellerKind });
type PayoutLike = {
  id: string;
  runKey: string;
  sellerType: string;
  sellerId: string;
  amountMinor: number;
  currency: string;
  status: string;
  stripeTransferId: string | null;
  checkoutId?: string | null;
  transferGroup?: string;
  reversedMinor?: number;
  createdAt?: Date | null;
  paidAt?: Date | null;
  bankStatus?: string | null;
  bankFailureCode?: string | null;
  bankFailureMessage?: string | null;
  receivedMinor?: number | null;
  receivedCurrency?: string | null;
  exchangeRate?: string | null;
};
const payout = (p: PayoutLike): SellerPayoutType => ({
  id: p.id,
  runKey: p.runKey,
  sellerType: p.sellerType as SellerKind,
  sellerId: p.sellerId,
  amount: { amount: p.amountMinor, currency: p.currency },
  status: p.status,
  stripeTransferId: p.stripeTransferId,
  checkoutId: p.checkoutId ?? null,
  transferGroup: p.transferGroup || null,
  bankStatus: p.bankStatus ?? null,
  bankFailureCode: p.bankFailureCode ?? null,
  bankFailureMessage: p.bankFailureMessage ?? null,
  received: p.receivedMinor != null && p.receivedCurrency ? { amount: p.receivedMinor, currency: p.receivedCurrency } : null,
  exchangeRate: p.exchangeRate ?? null,
  reversed: { amount: p.reversedMinor ?? 0, currency: p.currency },
  createdAt: p.createdAt ?? null,
  paidAt: p.paidAt ?? null,
});

/** Payout accounts (Stripe Connect) and the operator's payout run. */
@Resolver()
export class PayoutsResolver {
  constructor(private readonly payouts: PayoutsService) {}

  @Roles('PLATFORM_ADMIN', 'MUSEUM_MANAGER', 'BRAND_PARTNER')
  @Mutation(() => PayoutAccountType, { description: 'Connects the seller’s payout account (Stripe Express, created once) and answers Stripe’s onboarding link while it is not ready. Same tenancy as sellerBalance.' })
  async connectPayoutAccount(
    @CurrentActor() actor: Actor,
    @Args('returnUrl', { type: () => String }) returnUrl: string,
    @Args('refreshUrl', { type: () => String }) refreshUrl: string,
    @Args('museumId', { type: () => ID, nullable: true }) museumId?: string | null,
    @Args('brandId', { type: () => ID, nullable: true }) brandId?: string | null,
  ): Promise<PayoutAccountType> {
    return account(await this.payouts.connect(actor, { museumId, brandId, returnUrl, refreshUrl }));
  }

  @Roles('PLATFORM_ADMIN', 'MUSEUM_MANAGER', 'BRAND_PARTNER')
  @Query(() => PayoutAccountType, { nullable: true, description: 'The seller’s payout account as Stripe last reported it (its Connect webhooks keep it current; no call to Stripe); null before one is connected.' })
  async payoutAccount(
    @CurrentActor() actor: Actor,
    @Args('museumId', { type: () => ID, nullable: true }) museumId?: string | null,
    @Args('brandId', { type: () => ID, nullable: true }) brandId?: string | null,
  ): Promise<PayoutAccountType | null> {
    const a = await this.payouts.account(actor, { museumId, brandId });
    return a ? account(a) : null;
  }

  @Roles('PLATFORM_ADMIN', 'MUSEUM_MANAGER', 'BRAND_PARTNER')
  @Query(() => [SellerPayoutType], { description: 'The seller’s payouts, newest first (at most 100).' })
  async sellerPayouts(
    @CurrentActor() actor: Actor,
    @Args('museumId', { type: () => ID, nullable: true }) museumId?: string | null,
    @Args('brandId', { type: () => ID, nullable: true }) brandId?: string | null,
  ): Promise<SellerPayoutType[]> {
    return (await this.payouts.payoutsOf(actor, { museumId, brandId })).map(payout);
  }

  @Roles('PLATFORM_ADMIN')
  @Mutation(() => PayoutRunType, { description: 'Operator: transfers every seller’s payable balance to its ready payout account; the same runKey again pays nothing twice, and a run resumes what an earlier one left PENDING.' })
  async runPayouts(@CurrentActor() actor: Actor, @Args('runKey', { type: () => String }) runKey: string): Promise<PayoutRunType> {
    const r = await this.payouts.run(actor, runKey);
    return {
      runKey: r.runKey,
      paid: r.paid.map(payout),
      skipped: r.skipped.map((s) => ({ sellerType: s.sellerType as SellerKind, sellerId: s.sellerId, payable: { amount: s.amountMinor, currency: s.currency }, reason: s.reason })),
      failed: r.failed.map((f) => payout({ id: f.payoutId, runKey: r.runKey, sellerType: f.sellerType, sellerId: f.sellerId, amountMinor: f.amountMinor, currency: f.currency, status: 'PENDING', stripeTransferId: null, checkoutId: f.checkoutId, transferGroup: f.transferGroup })),
    };
  }
}
