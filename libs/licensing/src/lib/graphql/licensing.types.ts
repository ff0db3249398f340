import { Field, ID, InputType, Int, ObjectType, createUnionType, registerEnumType } from '@nestjs/graphql';
import { MoneyType } from '@vitrine/catalog';
import { GraphQLJSON, LocalizedText, LocalizedTextInput, Paginated } from '@vitrine/shared/graphql';

export enum ProposalStatusGql {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  CHANGES_REQUESTED = 'CHANGES_REQUESTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ProposalStatusGql, { name: 'ProposalStatus' });

export enum ProposalStageGql {
  CONCEPT = 'CONCEPT',
  PRE_PRODUCTION_SAMPLE = 'PRE_PRODUCTION_SAMPLE',
  FINAL_SAMPLE = 'FINAL_SAMPLE',
}
registerEnumType(ProposalStageGql, { name: 'ProposalStage' });

export enum ReviewDecisionGql {
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
  REQUEST_CHANGES = 'REQUEST_CHANGES',
}
registerEnumType(ReviewDecisionGql, { name: 'ReviewDecision' });

export enum ProposalActionGql {
  REVISE = 'REVISE',
  SUBMIT = 'SUBMIT',
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
  REQUEST_CHANGES = 'REQUEST_CHANGES',
  WITHDRAW = 'WITHDRAW',
  AMEND = 'AMEND',
}
registerEnumType(ProposalActionGql, { name: 'ProposalAction', description: 'A move of the approval workflow.' });

export enum LicenceChannelGql {
  VITRINE_MARKETPLACE = 'VITRINE_MARKETPLACE',
  BRAND_ONLINE = 'BRAND_ONLINE',
  BRAND_RETAIL = 'BRAND_RETAIL',
  MUSEUM_SHOP = 'MUSEUM_SHOP',
  WHOLESALE = 'WHOLESALE',
}
registerEnumType(LicenceChannelGql, { name: 'LicenceChannel', description: 'Where a licensed item may be sold; VITRINE_MARKETPLACE is this marketplace.' });

export enum AgreementStatusGql {
  ACTIVE = 'ACTIVE',
  EXPIRED = 'EXPIRED',
}
registerEnumType(AgreementStatusGql, { name: 'AgreementStatus' });

export enum RoyaltyEntryKindGql {
  ACCRUAL = 'ACCRUAL',
  REVERSAL = 'REVERSAL',
}
registerEnumType(RoyaltyEntryKindGql, { name: 'RoyaltyEntryKind' });

export enum FieldChangeKindGql {
  ADDED = 'ADDED',
  REMOVED = 'REMOVED',
  CHANGED = 'CHANGED',
}
registerEnumType(FieldChangeKindGql, { name: 'FieldChangeKind' });

// ---- browsing ----

@ObjectType('LicensingMuseum', { description: 'A museum offering works for licensing.' })
export class LicensingMuseumType {
  @Field(() => ID) id!: string;
  @Field(() => String) slug!: string;
  @Field(() => LocalizedText) name!: LocalizedText;
  @Field(() => Int, { nullable: true, description: 'Licensable works (in the museum list only).' }) licensableWorkCount!: number | null;
}
export const LicensingMuseumPage = Paginated(LicensingMuseumType, 'LicensingMuseumPage');

@ObjectType('LicensableArtwork', { description: 'A work of a museum’s collection offered for licensing.' })
export class LicensableArtworkType {
  @Field(() => ID) id!: string;
  @Field(() => ID) museumId!: string;
  @Field(() => String) accessionNumber!: string;
  @Field(() => LocalizedText) title!: LocalizedText;
  @Field(() => String) artist!: string;
  @Field(() => String) period!: string;
  @Field(() => String) creditLine!: string;
  @Field(() => String, { nullable: true }) imageUrl!: string | null;
}
export const LicensableArtworkPage = Paginated(LicensableArtworkType, 'LicensableArtworkPage');

// ---- proposals ----

@ObjectType('ProductSpecification')
export class ProductSpecificationType {
  @Field(() => String) hsCode!: string;
  @Field(() => Int) weightGrams!: number;
  @Field(() => String) originCountry!: string;
}

@ObjectType('ProposalContent', { description: 'A revision’s content; fields not filled in yet are null.' })
export class ProposalContentType {
  @Field(() => LocalizedText, { nullable: true }) title!: LocalizedText | null;
  @Field(() => LocalizedText, { nullable: true, description: 'The concept text.' }) concept!: LocalizedText | null;
  @Field(() => [String], { nullable: true }) imageUrls!: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Works of the museum the item uses.' }) artworkIds!: string[] | null;
  @Field(() => String, { nullable: true }) category!: string | null;
  @Field(() => String, { nullable: true, description: 'A CrossBorderCategory value.' }) crossBorderCategory!: string | null;
  @Field(() => MoneyType, { nullable: true, description: 'EUR, the catalogue base price.' }) targetRetailPrice!: MoneyType | null;
  @Field(() => Int, { nullable: true }) forecastUnits!: number | null;
  @Field(() => [String], { nullable: true, description: 'ISO 3166 alpha-2 codes; CN is needed to sell here.' }) territory!: string[] | null;
  @Field(() => [LicenceChannelGql], { nullable: true }) channels!: LicenceChannelGql[] | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) termStart!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) termEnd!: string | null;
  @Field(() => Int, { nullable: true }) sellOffDays!: number | null;
  @Field(() => Int, { nullable: true, description: 'Royalty on net sales, in basis points (1000 = 10%).' }) royaltyRateBps!: number | null;
  @Field(() => MoneyType, { nullable: true }) minimumGuarantee!: MoneyType | null;
  @Field(() => MoneyType, { nullable: true }) advance!: MoneyType | null;
  @Field(() => ProductSpecificationType, { nullable: true }) specification!: ProductSpecificationType | null;
}

@ObjectType('ProposalRevision')
export class ProposalRevisionType {
  @Field(() => Int) version!: number;
  @Field(() => ProposalStageGql) stage!: ProposalStageGql;
  @Field(() => ProposalContentType) content!: ProposalContentType;
  @Field(() => String) note!: string;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType('ProposalReview', { description: 'A museum decision on one submission.' })
export class ProposalReviewType {
  @Field(() => ID) id!: string;
  @Field(() => ProposalStageGql) stage!: ProposalStageGql;
  @Field(() => Int) revisionVersion!: number;
  @Field(() => ReviewDecisionGql) decision!: ReviewDecisionGql;
  @Field(() => String) comment!: string;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType('ProposalHistoryEntry', { description: 'One move of the proposal, oldest first.' })
export class ProposalHistoryEntryType {
  @Field(() => String) event!: string;
  @Field(() => ProposalStatusGql, { nullable: true }) fromStatus!: ProposalStatusGql | null;
  @Field(() => ProposalStatusGql) toStatus!: ProposalStatusGql;
  @Field(() => ProposalStageGql, { nullable: true }) fromStage!: ProposalStageGql | null;
  @Field(() => ProposalStageGql) toStage!: ProposalStageGql;
  @Field(() => Int, { nullable: true }) revisionVersion!: number | null;
  @Field(() => String) comment!: string;
  @Field(() => String) actorRole!: string;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType('FieldChange', { description: 'A field that differs between two revisions.' })
export class FieldChangeType {
  @Field(() => String, { description: 'Dotted path, e.g. title.zh or advance.amount.' }) path!: string;
  @Field(() => FieldChangeKindGql) kind!: FieldChangeKindGql;
  @Field(() => GraphQLJSON, { nullable: true }) before!: unknown;
  @Field(() => GraphQLJSON, { nullable: true }) after!: unknown;
}

@ObjectType('Proposal', { description: 'A brand’s proposal for a co-branded item under licence from a museum.' })
export class ProposalType {
  @Field(() => ID) id!: string;
  @Field(() => ID) museumId!: string;
  @Field(() => ID) brandId!: string;
  @Field(() => ProposalStatusGql) status!: ProposalStatusGql;
  @Field(() => ProposalStageGql) stage!: ProposalStageGql;
  @Field(() => Boolean, { description: 'Under review again after final approval.' }) amendment!: boolean;
  @Field(() => Int) currentVersion!: number;
  @Field(() => Int, { nullable: true }) submittedVersion!: number | null;
  @Field(() => Int, { nullable: true }) approvedVersion!: number | null;
  @Field(() => ProposalContentType, { description: 'The working copy (the latest revision).' }) content!: ProposalContentType;
  @Field(() => Date, { nullable: true }) submittedAt!: Date | null;
  @Field(() => Date, { nullable: true }) reviewDueAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
}
export const ProposalPage = Paginated(ProposalType, 'ProposalPage');

@ObjectType('SubmissionProblem')
export class SubmissionProblemType {
  @Field(() => String) path!: string;
  @Field(() => String) message!: string;
}

// ---- agreements, products, royalties ----

@ObjectType('LicenceAgreement')
export class LicenceAgreementType {
  @Field(() => ID) id!: string;
  @Field(() => ID) proposalId!: string;
  @Field(() => ID) museumId!: string;
  @Field(() => ID) brandId!: string;
  @Field(() => AgreementStatusGql) status!: AgreementStatusGql;
  @Field(() => Int) royaltyRateBps!: number;
  @Field(() => String) currency!: string;
  @Field(() => MoneyType) minimumGuarantee!: MoneyType;
  @Field(() => MoneyType) advance!: MoneyType;
  @Field(() => [String]) territory!: string[];
  @Field(() => [LicenceChannelGql]) channels!: LicenceChannelGql[];
  @Field(() => String) termStart!: string;
  @Field(() => String) termEnd!: string;
  @Field(() => Int) sellOffDays!: number;
  @Field(() => String, { description: 'Last day licensed products may be sold.' }) sellOffEnd!: string;
  @Field(() => Int) approvedVersion!: number;
  @Field(() => Date, { nullable: true }) expiredAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
}
export const LicenceAgreementPage = Paginated(LicenceAgreementType, 'LicenceAgreementPage');

@ObjectType('ListingReason', { description: 'Why a licensed product may not be listed now.' })
export class ListingReasonType {
  @Field(() => String, { description: 'AGREEMENT_EXPIRED, BEFORE_TERM, AFTER_TERM, TERRITORY_EXCLUDES_CN, CHANNEL_NOT_GRANTED, AWAITING_APPROVAL, or a catalogue code (MISSING_ZH_NAME, …).' })
  code!: string;
  @Field(() => String) message!: string;
  @Field(() => String, { nullable: true }) path!: string | null;
}

@ObjectType('LicensedProduct', { description: 'A co-branded catalogue product made under an agreement, fulfilled by the brand.' })
export class LicensedProductType {
  @Field(() => ID) productId!: string;
  @Field(() => ID) agreementId!: string;
  @Field(() => ID) museumId!: string;
  @Field(() => ID) fulfilledByBrandId!: string;
  @Field(() => String, { description: 'The catalogue status: DRAFT, PUBLISHED or ARCHIVED.' }) status!: string;
  @Field(() => LocalizedText) name!: LocalizedText;
  @Field(() => Date, { nullable: true }) publishedAt!: Date | null;
  @Field(() => Date, { nullable: true }) delistedAt!: Date | null;
  @Field(() => String, { nullable: true }) delistReason!: string | null;
}

@ObjectType('RoyaltyLedgerEntry', { description: 'A royalty accrual (a paid order line) or reversal (a refund).' })
export class RoyaltyLedgerEntryType {
  @Field(() => ID) id!: string;
  @Field(() => RoyaltyEntryKindGql) kind!: RoyaltyEntryKindGql;
  @Field(() => ID) orderLineId!: string;
  @Field(() => ID) productId!: string;
  @Field(() => Date) occurredAt!: Date;
  @Field(() => String) periodStart!: string;
  @Field(() => Int) units!: number;
  @Field(() => MoneyType, { description: 'Net sale in the sale currency.' }) sale!: MoneyType;
  @Field(() => String, { nullable: true, description: 'EUR→CNY snapshot of the order, when converted.' }) fxRate!: string | null;
  @Field(() => MoneyType) netSales!: MoneyType;
  @Field(() => MoneyType) royalty!: MoneyType;
  @Field(() => ID, { nullable: true }) statementId!: string | null;
}
export const RoyaltyLedgerEntryPage = Paginated(RoyaltyLedgerEntryType, 'RoyaltyLedgerEntryPage');

@ObjectType('RoyaltyStatement')
export class RoyaltyStatementType {
  @Field(() => ID) id!: string;
  @Field(() => ID) agreementId!: string;
  @Field(() => ID) museumId!: string;
  @Field(() => ID) brandId!: string;
  @Field(() => String) periodStart!: string;
  @Field(() => String) periodEnd!: string;
  @Field(() => String) currency!: string;
  @Field(() => Int) entryCount!: number;
  @Field(() => Int) units!: number;
  @Field(() => MoneyType) netSales!: MoneyType;
  @Field(() => MoneyType) royalty!: MoneyType;
  @Field(() => MoneyType) cumulativeRoyalty!: MoneyType;
  @Field(() => MoneyType) advanceRecouped!: MoneyType;
  @Field(() => MoneyType) advanceRemaining!: MoneyType;
  @Field(() => MoneyType, { description: 'Change of the minimum-guarantee shortfall this period (billed once the term has ended).' })
  minimumGuaranteeShortfall!: MoneyType;
  @Field(() => MoneyType) amountPayable!: MoneyType;
  @Field(() => Date) generatedAt!: Date;
  @Field(() => String, { description: 'GET with the bearer token for the CSV.' }) csvUrl!: string;
  @Field(() => String, { description: 'GET with the bearer token for the PDF.' }) pdfUrl!: string;
}
export const RoyaltyStatementPage = Paginated(RoyaltyStatementType, 'RoyaltyStatementPage');

@ObjectType('StatementRun')
export class StatementRunType {
  @Field(() => String) period!: string;
  @Field(() => Int) accrued!: number;
  @Field(() => Int) reversed!: number;
  @Field(() => Int) created!: number;
  @Field(() => Int) skipped!: number;
}

@ObjectType('LicensingNotification')
export class LicensingNotificationType {
  @Field(() => ID) id!: string;
  @Field(() => String) kind!: string;
  @Field(() => String) message!: string;
  @Field(() => ID, { nullable: true }) proposalId!: string | null;
  @Field(() => Date, { nullable: true }) dueAt!: Date | null;
  @Field(() => Date, { nullable: true }) readAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
}
export const LicensingNotificationPage = Paginated(LicensingNotificationType, 'LicensingNotificationPage');

// ---- expected failures as results (Vendure style) ----

@ObjectType('IllegalTransitionError', { description: 'The proposal’s state does not allow this move.' })
export class IllegalTransitionErrorType {
  @Field(() => String) errorCode!: 'ILLEGAL_TRANSITION';
  @Field(() => String) message!: string;
  @Field(() => ProposalStatusGql) status!: ProposalStatusGql;
  @Field(() => ProposalStageGql) stage!: ProposalStageGql;
  @Field(() => ProposalActionGql) action!: ProposalActionGql;
}

@ObjectType('StaleRevisionError', { description: 'The proposal moved on since the caller read it.' })
export class StaleRevisionErrorType {
  @Field(() => String) errorCode!: 'STALE_REVISION';
  @Field(() => String) message!: string;
  @Field(() => Int, { nullable: true, description: 'The revision to reload.' }) latestVersion!: number | null;
}

@ObjectType('AgreementTermsLockedError', { description: 'After final approval only the item’s text and images may change.' })
export class AgreementTermsLockedErrorType {
  @Field(() => String) errorCode!: 'AGREEMENT_TERMS_LOCKED';
  @Field(() => String) message!: string;
  @Field(() => [String]) lockedFields!: string[];
}

@ObjectType('ListingNotAllowedError')
export class ListingNotAllowedErrorType {
  @Field(() => String) errorCode!: 'LISTING_NOT_ALLOWED';
  @Field(() => String) message!: string;
  @Field(() => [ListingReasonType]) reasons!: ListingReasonType[];
}

export const ProposalResult = createUnionType({
  name: 'ProposalResult',
  types: () => [ProposalType, IllegalTransitionErrorType, StaleRevisionErrorType, AgreementTermsLockedErrorType] as const,
  resolveType: (v: { errorCode?: string }) =>
    v.errorCode === 'ILLEGAL_TRANSITION'
      ? IllegalTransitionErrorType
      : v.errorCode === 'STALE_REVISION'
        ? StaleRevisionErrorType
        : v.errorCode === 'AGREEMENT_TERMS_LOCKED'
          ? AgreementTermsLockedErrorType
          : ProposalType,
});

export const PublishLicensedProductResult = createUnionType({
  name: 'PublishLicensedProductResult',
  types: () => [LicensedProductType, ListingNotAllowedErrorType] as const,
  resolveType: (v: { errorCode?: string }) => (v.errorCode === 'LISTING_NOT_ALLOWED' ? ListingNotAllowedErrorType : LicensedProductType),
});

// ---- inputs ----

@InputType()
export class MoneyInput {
  @Field(() => Int, { description: 'Integer minor units.' }) amount!: number;
  @Field(() => String) currency!: string;
}

@InputType()
export class ProductSpecificationInput {
  @Field(() => String) hsCode!: string;
  @Field(() => Int) weightGrams!: number;
  @Field(() => String) originCountry!: string;
}

@InputType({ description: 'Fields of a proposal. On revision an absent field is kept and null clears it.' })
export class ProposalContentInput {
  @Field(() => LocalizedTextInput, { nullable: true }) title?: LocalizedTextInput | null;
  @Field(() => LocalizedTextInput, { nullable: true }) concept?: LocalizedTextInput | null;
  @Field(() => [String], { nullable: true }) imageUrls?: string[] | null;
  @Field(() => [ID], { nullable: true }) artworkIds?: string[] | null;
  @Field(() => String, { nullable: true }) category?: string | null;
  @Field(() => String, { nullable: true }) crossBorderCategory?: string | null;
  @Field(() => MoneyInput, { nullable: true }) targetRetailPrice?: MoneyInput | null;
  @Field(() => Int, { nullable: true }) forecastUnits?: number | null;
  @Field(() => [String], { nullable: true }) territory?: string[] | null;
  @Field(() => [LicenceChannelGql], { nullable: true }) channels?: LicenceChannelGql[] | null;
  @Field(() => String, { nullable: true }) termStart?: string | null;
  @Field(() => String, { nullable: true }) termEnd?: string | null;
  @Field(() => Int, { nullable: true }) sellOffDays?: number | null;
  @Field(() => Int, { nullable: true }) royaltyRateBps?: number | null;
  @Field(() => MoneyInput, { nullable: true }) minimumGuarantee?: MoneyInput | null;
  @Field(() => MoneyInput, { nullable: true }) advance?: MoneyInput | null;
  @Field(() => ProductSpecificationInput, { nullable: true }) specification?: ProductSpecificationInput | null;
}

@InputType()
export class CreateProposalInput {
  @Field(() => ID) museumId!: string;
  @Field(() => ProposalContentInput, { nullable: true }) content?: ProposalContentInput;
}

@InputType()
export class ReviseProposalInput {
  @Field(() => ID) id!: string;
  @Field(() => Int, { nullable: true, description: 'The revision the edit was made on; refused with StaleRevisionError if it is no longer current.' })
  expectedVersion?: number | null;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => ProposalContentInput) content!: ProposalContentInput;
}

@InputType()
export class ReviewProposalInput {
  @Field(() => ID) id!: string;
  @Field(() => ReviewDecisionGql) decision!: ReviewDecisionGql;
  @Field(() => String, { nullable: true, description: 'Required to reject or request changes.' }) comment?: string | null;
  @Field(() => Int, { nullable: true, description: 'The submitted revision reviewed.' }) expectedVersion?: number | null;
}

@InputType()
export class ProposalFilter {
  @Field(() => ProposalStatusGql, { nullable: true }) status?: ProposalStatusGql | null;
  @Field(() => ProposalStageGql, { nullable: true }) stage?: ProposalStageGql | null;
  @Field(() => ID, { nullable: true }) museumId?: string | null;
}
