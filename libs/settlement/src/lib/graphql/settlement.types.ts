import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Paginated } from '@vitrine/shared/graphql';

export enum SellerKind {
  MUSEUM = 'MUSEUM',
  BRAND = 'BRAND',
}
registerEnumType(SellerKind, { name: 'SellerKind' });

@ObjectType('LedgerAmount', { description: 'An amount of the settlement ledger: integer minor units (fen, cents) of an ISO currency.' })
export class LedgerAmountType {
  @Field(() => Float, { description: 'Integer minor units (a Float only to hold balances beyond 2^31).' }) amount!: number;
  @Field(() => String) currency!: string;
}

@ObjectType('SellerBalance', { description: 'What the platform owes a museum or brand, derived from the ledger (negative: the seller owes the platform).' })
export class SellerBalanceType {
  @Field(() => SellerKind) sellerType!: SellerKind;
  @Field(() => ID) sellerId!: string;
  @Field(() => [LedgerAmountType], { description: 'Owed on orders that can no longer be returned (RETURN_WINDOW_DAYS after customs release, no return open): what a payout may pay.' })
  payable!: LedgerAmountType[];
  @Field(() => [LedgerAmountType], { description: 'Owed on orders still within their return window.' }) pending!: LedgerAmountType[];
  @Field(() => [LedgerAmountType], {
    description: 'Transferred to the seller’s payout account but not paid out to its bank: Stripe reported its bank payout failed (the money is back on the account’s Stripe balance).',
  })
  notPaidOut!: LedgerAmountType[];
}

@ObjectType('PlatformLedger', { description: 'Operator: every seller’s balance, the tax owed to customs, commission revenue, Stripe clearing and fees.' })
export class PlatformLedgerType {
  @Field(() => [SellerBalanceType]) sellers!: SellerBalanceType[];
  @Field(() => [LedgerAmountType], { description: 'Cross-border tax collected as withholding agent, owed to customs until remitted.' }) taxOwedToCustoms!: LedgerAmountType[];
  @Field(() => [LedgerAmountType]) commissionRevenue!: LedgerAmountType[];
  @Field(() => [LedgerAmountType], { description: 'Shoppers’ money held at Stripe: paid less refunded, lost in disputes and fees.' }) stripeClearing!: LedgerAmountType[];
  @Field(() => [LedgerAmountType]) stripeFees!: LedgerAmountType[];
  @Field(() => [LedgerAmountType], { description: 'What the platform paid for platform-wide promotions (PLATFORM_PROMOTIONS), net of refunds.' })
  platformPromotions!: LedgerAmountType[];
}

@ObjectType('OrderSettlementLine', { description: 'One line of the ledger about an order: debit positive, credit negative.' })
export class OrderSettlementLineType {
  @Field(() => String, { description: 'The event that caused it: order-paid:<order>, refund:<re_…>, refund-failed:<re_…>, dispute-lost:<dp_…>, order-payable:<order>.' }) event!: string;
  @Field(() => String, { description: 'ORDER_PAID, REFUND, REFUND_FAILED, DISPUTE_LOST, ORDER_PAYABLE, FEE, PAYOUT or TRANSFER_REVERSAL.' }) entryKind!: string;
  @Field(() => Date) occurredAt!: Date;
  @Field(() => String, { description: 'SELLER_PENDING, SELLER_PAYABLE, PLATFORM_COMMISSION, TAX_PAYABLE, STRIPE_CLEARING or STRIPE_FEES.' }) account!: string;
  @Field(() => String, { description: 'MUSEUM, BRAND or PLATFORM.' }) ownerType!: string;
  @Field(() => ID, { nullable: true }) ownerId!: string | null;
  @Field(() => String, { description: 'PAYMENT, GOODS, COMMISSION, ROYALTY, FREIGHT, TAX or FEE.' }) component!: string;
  @Field(() => LedgerAmountType) amount!: LedgerAmountType;
}

@ObjectType('OrderSettlementDiscount', {
  description:
    'A promotion taken off the order, and who funds it: the museum (its promotion: the seller’s goods are sold for less) or the platform (a platform-wide promotion: the platform pays the seller the difference, its PLATFORM_PROMOTIONS account).',
})
export class OrderSettlementDiscountType {
  @Field(() => ID) promotionId!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'THRESHOLD or COUPON.' }) kind!: string;
  @Field(() => String, { nullable: true }) code!: string | null;
  @Field(() => String, { description: 'MUSEUM or PLATFORM.' }) fundedBy!: string;
  @Field(() => LedgerAmountType, { description: 'What it took off the order.' }) amount!: LedgerAmountType;
}

@ObjectType('OrderSettlement', { description: 'How an order’s money splits: who is owed what (positive), after refunds and lost disputes.' })
export class OrderSettlementType {
  @Field(() => [OrderSettlementPartyType], { description: 'Per party and component; the platform’s PLATFORM_PROMOTIONS / PROMOTION share is negative: what it pays for platform-wide promotions.' })
  parties!: OrderSettlementPartyType[];
  @Field(() => [OrderSettlementLineType]) lines!: OrderSettlementLineType[];
  @Field(() => [OrderSettlementDiscountType], { description: 'The promotions taken off the order and who funds each (at checkout).' })
  discounts!: OrderSettlementDiscountType[];
}

@ObjectType('OrderSettlementParty', { description: 'One party’s share of an order, by component (owed: positive).' })
export class OrderSettlementPartyType {
  @Field(() => String) account!: string;
  @Field(() => String) ownerType!: string;
  @Field(() => ID, { nullable: true }) ownerId!: string | null;
  @Field(() => String) component!: string;
  @Field(() => LedgerAmountType) amount!: LedgerAmountType;
}

@ObjectType('CategoryCommissionRate')
export class CategoryCommissionRateType {
  @Field(() => String, { description: 'A product category (Product.category).' }) category!: string;
  @Field(() => Int, { description: 'Basis points: 100 = 1 %.' }) rateBps!: number;
}

@ObjectType('CommissionSettings', { description: 'A storefront’s commission rates in force, for orders placed from effectiveFrom on.' })
export class CommissionSettingsType {
  @Field(() => ID, { nullable: true, description: 'Null when never set (every rate 0).' }) id!: string | null;
  @Field(() => ID) storefrontId!: string;
  @Field(() => Int) defaultRateBps!: number;
  @Field(() => [CategoryCommissionRateType]) categoryRates!: CategoryCommissionRateType[];
  @Field(() => Boolean, { description: 'The storefront’s terms pass Stripe’s fees on to its orders’ sellers (else the platform bears them).' }) passStripeFees!: boolean;
  @Field(() => Date, { nullable: true }) effectiveFrom!: Date | null;
}

@InputType()
export class CategoryCommissionRateInput {
  @Field(() => String) category!: string;
  @Field(() => Int) rateBps!: number;
}

@InputType()
export class SetCommissionRatesInput {
  @Field(() => ID) storefrontId!: string;
  @Field(() => Int, { description: 'Basis points, 0..10000.' }) defaultRateBps!: number;
  @Field(() => [CategoryCommissionRateInput], { defaultValue: [] }) categoryRates!: CategoryCommissionRateInput[];
  @Field(() => Boolean, { nullable: true, description: 'Pass Stripe’s fees on to the storefront’s sellers (for orders placed from now on). Omitted or null: unchanged.' })
  passStripeFees?: boolean | null;
}

@ObjectType('StatementMovement', { description: 'A seller’s movements of the month for one account, kind of entry and component (owed: positive).' })
export class StatementMovementType {
  @Field(() => String, { description: 'SELLER_PENDING or SELLER_PAYABLE.' }) account!: string;
  @Field(() => String, { description: 'ORDER_PAID, REFUND, REFUND_FAILED, DISPUTE_LOST, ORDER_PAYABLE, FEE, PAYOUT or TRANSFER_REVERSAL.' }) entryKind!: string;
  @Field(() => String, { description: 'GOODS, ROYALTY or FREIGHT.' }) component!: string;
  @Field(() => Int, { description: 'Orders concerned.' }) orders!: number;
  @Field(() => Float, { description: 'Integer minor units.' }) amount!: number;
}

@ObjectType('StatementDeduction', { description: 'What was taken from the seller’s goods in the month before they reached its balance (the GOODS movements are net of it; not part of opening + movements = closing).' })
export class StatementDeductionType {
  @Field(() => String, { description: 'ORDER_PAID, REFUND, REFUND_FAILED or DISPUTE_LOST.' }) entryKind!: string;
  @Field(() => String, { description: 'COMMISSION (the platform’s) or ROYALTY (the museum’s, on a brand’s co-branded sales).' }) component!: string;
  @Field(() => Int, { description: 'Orders concerned.' }) orders!: number;
  @Field(() => Float, { description: 'Integer minor units; positive when deducted, negative when a refund gave it back.' }) amount!: number;
}

@ObjectType('CurrencyStatement')
export class CurrencyStatementType {
  @Field(() => String) currency!: string;
  @Field(() => Float) openingPending!: number;
  @Field(() => Float) openingPayable!: number;
  @Field(() => [StatementMovementType]) movements!: StatementMovementType[];
  @Field(() => Float, { description: 'openingPending + the month’s SELLER_PENDING movements.' }) closingPending!: number;
  @Field(() => Float, { description: 'openingPayable + the month’s SELLER_PAYABLE movements.' }) closingPayable!: number;
  @Field(() => [StatementDeductionType]) deductions!: StatementDeductionType[];
}

@ObjectType('SellerStatement', { description: 'A seller’s settlement statement for a UTC month, by when entries were written (a month that has ended never changes); it reconciles to the ledger by construction.' })
export class SellerStatementType {
  @Field(() => SellerKind) sellerType!: SellerKind;
  @Field(() => ID) sellerId!: string;
  @Field(() => String) month!: string;
  @Field(() => [CurrencyStatementType]) currencies!: CurrencyStatementType[];
  @Field(() => String, { description: 'The statement as CSV (minor units).' }) csv!: string;
}

@ObjectType('PayoutAccount', { description: 'A seller’s Stripe Connect account (Express) for payouts, as Stripe last reported it (account.updated, or a read when connecting and before each transfer).' })
export class PayoutAccountType {
  @Field(() => SellerKind) sellerType!: SellerKind;
  @Field(() => ID) sellerId!: string;
  @Field(() => Boolean, { description: 'Payouts enabled: the payout run transfers to it.' }) ready!: boolean;
  @Field(() => Boolean) detailsSubmitted!: boolean;
  @Field(() => [String], { description: 'What Stripe still needs (requirements.currently_due).' }) requirements!: string[];
  @Field(() => String, { nullable: true, description: 'Stripe’s onboarding page while the account is not ready (single use, short-lived).' }) onboardingUrl!: string | null;
  @Field(() => Boolean, { description: 'Charges enabled on the connected account (from Stripe’s account.updated).' }) chargesEnabled!: boolean;
  @Field(() => String, { nullable: true, description: 'The account’s latest payout to its bank as Stripe reported it (payout.paid / payout.failed): paid or failed; null before any.' }) bankPayoutStatus!: string | null;
  @Field(() => String, { nullable: true, description: 'Stripe’s failure code of that bank payout when it failed.' }) bankPayoutFailureCode!: string | null;
  @Field(() => String, { nullable: true, description: 'The currency the seller is paid out in: the account’s default currency, into which Stripe converts each transfer (null before Stripe was read).' })
  payoutCurrency!: string | null;
}

@ObjectType('SellerPayout', { description: 'One transfer of a payout run to a seller.' })
export class SellerPayoutType {
  @Field(() => ID) id!: string;
  @Field(() => String) runKey!: string;
  @Field(() => SellerKind) sellerType!: SellerKind;
  @Field(() => ID) sellerId!: string;
  @Field(() => LedgerAmountType) amount!: LedgerAmountType;
  @Field(() => String, { description: 'PENDING (Stripe not reached yet: the next run makes it, under the same key) or PAID.' }) status!: string;
  @Field(() => String, { nullable: true }) stripeTransferId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The checkout whose money the transfer carries (null: money of no checkout, or a payout older than transfer groups).' }) checkoutId!: string | null;
  @Field(() => String, { nullable: true, description: 'Stripe’s transfer_group of the transfer: the checkout’s, as on its PaymentIntent.' }) transferGroup!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The payout account’s payout of this money to its bank, as Stripe reported it: PAID, FAILED (the money is back on the account’s Stripe balance, not paid out), or null while not reported.',
  })
  bankStatus?: string | null;
  @Field(() => String, { nullable: true, description: 'Stripe’s failure_code of a FAILED bank payout (e.g. account_closed).' }) bankFailureCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Stripe’s failure_message of a FAILED bank payout.' }) bankFailureMessage?: string | null;
  @Field(() => LedgerAmountType, {
    nullable: true,
    description: 'What the seller’s payout account received, in its payout currency (Stripe converts the transfer on arrival), in minor units; null until Stripe told it.',
  })
  received?: LedgerAmountType | null;
  @Field(() => String, { nullable: true, description: 'The rate Stripe converted the transfer at (its exchange_rate: received currency per unit of the transfer’s), as recorded; null when no conversion.' })
  exchangeRate?: string | null;
  @Field(() => LedgerAmountType, { description: 'What Stripe reversed of the transfer (transfer reversals, back in the seller’s payable balance).' }) reversed!: LedgerAmountType;
  @Field(() => Date, { nullable: true, description: 'When the payout row was written (null in a run’s answer for a row not read back).' }) createdAt?: Date | null;
  @Field(() => Date, { nullable: true, description: 'When Stripe made the transfer.' }) paidAt?: Date | null;
}

@ObjectType('SellerLedgerLine', { description: 'One line of a seller’s accounts in the ledger, as the seller reads it: positive adds to what it is owed, negative takes back.' })
export class SellerLedgerLineType {
  @Field(() => ID, { description: 'The line (its keyset cursor is its id).' }) id!: string;
  @Field(() => String, { description: 'The event that caused the entry (order-paid:<order>, refund:<re_…>, payout:<id>, …).' }) event!: string;
  @Field(() => String, { description: 'ORDER_PAID, REFUND, REFUND_FAILED, DISPUTE_LOST, DISPUTE_FEE, ORDER_PAYABLE, FEE, PAYOUT or TRANSFER_REVERSAL.' }) entryKind!: string;
  @Field(() => Date, { description: 'When the entry was written (statements go by it).' }) createdAt!: Date;
  @Field(() => Date, { description: 'When its event happened.' }) occurredAt!: Date;
  @Field(() => String, { description: 'SELLER_PENDING or SELLER_PAYABLE.' }) account!: string;
  @Field(() => String, { description: 'GOODS, ROYALTY, FREIGHT, FEE or PAYOUT.' }) component!: string;
  @Field(() => ID, { nullable: true }) orderId!: string | null;
  @Field(() => String, { nullable: true }) orderNumber!: string | null;
  @Field(() => LedgerAmountType) amount!: LedgerAmountType;
}

export const SellerLedgerLinePage = Paginated(SellerLedgerLineType, 'SellerLedgerLinePage');

@ObjectType('PayoutSkip')
export class PayoutSkipType {
  @Field(() => SellerKind) sellerType!: SellerKind;
  @Field(() => ID) sellerId!: string;
  @Field(() => LedgerAmountType) payable!: LedgerAmountType;
  @Field(() => String, { description: 'NO_PAYOUT_ACCOUNT or ACCOUNT_NOT_READY: the seller keeps accruing.' }) reason!: string;
}

@ObjectType('PayoutRun')
export class PayoutRunType {
  @Field(() => String) runKey!: string;
  @Field(() => [SellerPayoutType]) paid!: SellerPayoutType[];
  @Field(() => [PayoutSkipType]) skipped!: PayoutSkipType[];
  @Field(() => [SellerPayoutType], { description: 'Left PENDING: Stripe refused or did not answer; the next run retries them under the same key.' }) failed!: SellerPayoutType[];
}

@InputType({ description: 'A payment of the cross-border tax to customs (ADR 0031).' })
export class RecordTaxRemittanceInput {
  @Field(() => String, { description: 'Customs’ or the bank’s reference of the payment (1 to 64 letters, digits or _ . : / -): one remittance per reference.' }) reference!: string;
  @Field(() => Float, { description: 'Integer minor units (a Float only to hold amounts beyond 2^31).' }) amount!: number;
  @Field(() => String, { description: 'ISO 4217 code, in capitals.' }) currency!: string;
}

@ObjectType('TaxRemittance', { description: 'A recorded payment of the cross-border tax to customs, and what is still owed in its currency.' })
export class TaxRemittanceType {
  @Field(() => String) reference!: string;
  @Field(() => LedgerAmountType) amount!: LedgerAmountType;
  @Field(() => LedgerAmountType, { description: 'The tax still owed to customs in this currency after the remittance.' }) taxOwedAfter!: LedgerAmountType;
}
