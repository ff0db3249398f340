import type { LocalizedText } from '@vitrine/shared/graphql';
import { LicensingError, LicensingErrorCode } from '../domain/licensing-error';
import type { LocalizedStrings, ProposalContent } from '../domain/proposal-content';
import type { AgreementRow } from '../infrastructure/agreement.repository';
import type { LicensableArtworkRow } from '../infrastructure/directory.repository';
import type { LedgerEntryRow } from '../infrastructure/ledger.repository';
import type { LicensedProductRow } from '../infrastructure/licensed-product.repository';
import type { NotificationRow } from '../infrastructure/notification.repository';
import type { ProposalRow } from '../infrastructure/proposal.repository';
import type { StatementRow } from '../infrastructure/statement.repository';
import type {
  AgreementTermsLockedErrorType,
  IllegalTransitionErrorType,
  LicenceAgreementType,
  LicensableArtworkType,
  LicensedProductType,
  LicensingNotificationType,
  ListingNotAllowedErrorType,
  ProposalContentInput,
  ProposalContentType,
  ProposalType,
  RoyaltyLedgerEntryType,
  RoyaltyStatementType,
  StaleRevisionErrorType,
} from './licensing.types';

export const text = (t: LocalizedStrings): LocalizedText => ({ fr: t.fr, en: t.en, zhCN: t.zh });
const money = (amount: number, currency: string) => ({ amount, currency });

export function toContent(c: ProposalContent): ProposalContentType {
  return {
    title: c.title ? text(c.title) : null,
    concept: c.concept ? text(c.concept) : null,
    imageUrls: c.imageUrls ?? null,
    artworkIds: c.artworkIds ?? null,
    category: c.category ?? null,
    crossBorderCategory: c.crossBorderCategory ?? null,
    targetRetailPrice: c.targetRetailPrice ?? null,
    forecastUnits: c.forecastUnits ?? null,
    territory: c.territory ?? null,
    channels: (c.channels as ProposalContentType['channels']) ?? null,
    termStart: c.termStart ?? null,
    termEnd: c.termEnd ?? null,
    sellOffDays: c.sellOffDays ?? null,
    royaltyRateBps: c.royaltyRateBps ?? null,
    minimumGuarantee: c.minimumGuarantee ?? null,
    advance: c.advance ?? null,
    specification: c.specification ?? null,
  };
}

/**
 * GraphQL content input → the domain patch (validated by the service). Localized texts
 * arrive as { fr, en, zhCN } and are stored as { fr, en, zh }; a given text replaces all
 * three locales (a missing locale becomes empty).
 */
export function toPatch(input: ProposalContentInput | null | undefined): Record<string, unknown> {
  if (!input) return {};
  const out: Record<string, unknown> = { ...input };
  for (const key of ['title', 'concept'] as const) {
    const t = input[key];
    if (t) out[key] = { fr: t.fr ?? '', en: t.en ?? '', zh: t.zhCN ?? '' };
  }
  for (const key of ['targetRetailPrice', 'minimumGuarantee', 'advance', 'specification'] as const) {
    if (input[key]) out[key] = { ...input[key] };
  }
  return out;
}

export function toProposal(p: ProposalRow): ProposalType {
  return {
    id: p.id,
    museumId: p.museumId,
    brandId: p.brandId,
    status: p.status as ProposalType['status'],
    stage: p.stage as ProposalType['stage'],
    amendment: p.amendment,
    currentVersion: p.currentVersion,
    submittedVersion: p.submittedVersion,
    approvedVersion: p.approvedVersion,
    content: toContent(p.content),
    submittedAt: p.submittedAt,
    reviewDueAt: p.reviewDueAt,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

export function toArtwork(a: LicensableArtworkRow): LicensableArtworkType {
  return {
    id: a.id,
    museumId: a.museumId,
    accessionNumber: a.accessionNumber,
    title: { fr: a.titleFr, en: a.titleEn, zhCN: a.titleZh },
    artist: a.artist,
    period: a.period,
    creditLine: a.creditLine,
    imageUrl: a.imageUrl,
  };
}

export function toAgreement(a: AgreementRow): LicenceAgreementType {
  return {
    id: a.id,
    proposalId: a.proposalId,
    museumId: a.museumId,
    brandId: a.brandId,
    status: a.status as LicenceAgreementType['status'],
    royaltyRateBps: a.royaltyRateBps,
    currency: a.currency,
    minimumGuarantee: money(a.minimumGuaranteeMinor, a.currency),
    advance: money(a.advanceMinor, a.currency),
    territory: a.territory,
    channels: a.channels as LicenceAgreementType['channels'],
    termStart: a.termStart,
    termEnd: a.termEnd,
    sellOffDays: a.sellOffDays,
    sellOffEnd: a.sellOffEnd,
    approvedVersion: a.approvedVersion,
    expiredAt: a.expiredAt,
    createdAt: a.createdAt,
  };
}

export function toLicensedProduct(p: LicensedProductRow): LicensedProductType {
  return {
    productId: p.productId,
    agreementId: p.agreementId,
    museumId: p.museumId,
    fulfilledByBrandId: p.fulfilledByBrandId,
    status: p.status,
    name: { fr: p.nameFr, en: p.nameEn, zhCN: p.nameZh },
    publishedAt: p.publishedAt,
    delistedAt: p.delistedAt,
    delistReason: p.delistReason,
  };
}

export function toLedgerEntry(e: LedgerEntryRow): RoyaltyLedgerEntryType {
  return {
    id: e.id.toString(),
    kind: e.kind as RoyaltyLedgerEntryType['kind'],
    orderLineId: e.orderLineId,
    productId: e.productId,
    occurredAt: e.occurredAt,
    periodStart: e.periodStart,
    units: e.units,
    sale: money(e.saleMinor, e.saleCurrency),
    fxRate: e.fxRate,
    netSales: money(e.netSalesMinor, e.currency),
    royalty: money(e.royaltyMinor, e.currency),
    statementId: e.statementId,
  };
}

export function toStatement(s: StatementRow): RoyaltyStatementType {
  const m = (n: number) => money(n, s.currency);
  return {
    id: s.id,
    agreementId: s.agreementId,
    museumId: s.museumId,
    brandId: s.brandId,
    periodStart: s.periodStart,
    periodEnd: s.periodEnd,
    currency: s.currency,
    entryCount: s.entryCount,
    units: s.units,
    netSales: m(s.netSalesMinor),
    royalty: m(s.royaltyMinor),
    cumulativeRoyalty: m(s.cumulativeRoyaltyMinor),
    advanceRecouped: m(s.advanceRecoupedMinor),
    advanceRemaining: m(s.advanceRemainingMinor),
    minimumGuaranteeShortfall: m(s.minimumGuaranteeShortfallMinor),
    amountPayable: m(s.amountPayableMinor),
    generatedAt: s.generatedAt,
    csvUrl: `/statements/${s.id}.csv`,
    pdfUrl: `/statements/${s.id}.pdf`,
  };
}

export function toNotification(n: NotificationRow): LicensingNotificationType {
  return { id: n.id, kind: n.kind, message: n.message, proposalId: n.proposalId, dueAt: n.dueAt, readAt: n.readAt, createdAt: n.createdAt };
}

type WorkflowErrorResult = IllegalTransitionErrorType | StaleRevisionErrorType | AgreementTermsLockedErrorType;

/**
 * Expected workflow refusals become result-union members; anything else (NOT_FOUND,
 * FORBIDDEN, VALIDATION_FAILED, bugs) is rethrown and reaches `errors` with its code.
 */
export function workflowErrorResult(e: unknown): WorkflowErrorResult {
  if (e instanceof LicensingError) {
    const d = e.details as Record<string, unknown>;
    switch (e.code) {
      case LicensingErrorCode.ILLEGAL_TRANSITION:
        return { errorCode: 'ILLEGAL_TRANSITION', message: e.message, status: d['status'], stage: d['stage'], action: d['event'] } as IllegalTransitionErrorType;
      case LicensingErrorCode.STALE_REVISION:
        return { errorCode: 'STALE_REVISION', message: e.message, latestVersion: (d['currentVersion'] as number | null) ?? null };
      case LicensingErrorCode.AGREEMENT_TERMS_LOCKED:
        return {
          errorCode: 'AGREEMENT_TERMS_LOCKED',
          message: e.message,
          lockedFields: ((d['fields'] as { path: string }[]) ?? []).map((f) => f.path.replace(/^input\.content\./, '')),
        };
      case LicensingErrorCode.LISTING_NOT_ALLOWED:
        break;
    }
  }
  throw e;
}

export function listingErrorResult(e: unknown): ListingNotAllowedErrorType {
  if (e instanceof LicensingError && e.code === LicensingErrorCode.LISTING_NOT_ALLOWED) {
    const reasons = ((e.details as { reasons?: { code: string; message: string; path?: string }[] }).reasons ?? []).map((r) => ({ ...r, path: r.path ?? null }));
    return { errorCode: 'LISTING_NOT_ALLOWED', message: e.message, reasons };
  }
  throw e;
}
