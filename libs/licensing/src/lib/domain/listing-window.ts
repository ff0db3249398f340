import type { IsoDate } from './periods';
import { MARKETPLACE_CHANNEL, MARKETPLACE_TERRITORY, type Channel } from './proposal-content';
import type { ProposalStatus } from './proposal-workflow';

/** Why a licensed product may not be published now. */
export type ListingBlockCode = 'AGREEMENT_EXPIRED' | 'BEFORE_TERM' | 'AFTER_TERM' | 'TERRITORY_EXCLUDES_CN' | 'CHANNEL_NOT_GRANTED' | 'AWAITING_APPROVAL' | 'CHANGE_REJECTED';

export interface ListingBlock {
  code: ListingBlockCode;
  message: string;
}

/** Whether the item's current content is approved. */
export interface ItemApproval {
  status: ProposalStatus;
  amendment: boolean;
  /** The product's own storefront edit, when one is not approved. */
  storefrontEdit?: 'PENDING' | 'REJECTED' | null;
}

export interface AgreementWindow {
  status: 'ACTIVE' | 'EXPIRED';
  territory: readonly string[];
  channels: readonly Channel[];
  termStart: IsoDate;
  termEnd: IsoDate;
  sellOffEnd: IsoDate;
}

/**
 * A licensed product may be published only while the agreement allows it: active, its
 * territory includes China, it grants this marketplace's channel, today is within the term,
 * and the item's current content is approved (no amendment under review, and no storefront
 * edit of the product pending or rejected).
 */
export function listingBlocks(agreement: AgreementWindow, proposal: ItemApproval, today: IsoDate): ListingBlock[] {
  const blocks: ListingBlock[] = [];
  if (agreement.status !== 'ACTIVE') blocks.push({ code: 'AGREEMENT_EXPIRED', message: 'the licence agreement has expired' });
  if (today < agreement.termStart) blocks.push({ code: 'BEFORE_TERM', message: `the licence term starts on ${agreement.termStart}` });
  if (today > agreement.termEnd) blocks.push({ code: 'AFTER_TERM', message: `the licence term ended on ${agreement.termEnd}` });
  if (!agreement.territory.includes(MARKETPLACE_TERRITORY)) blocks.push({ code: 'TERRITORY_EXCLUDES_CN', message: 'the licensed territory does not include China' });
  if (!agreement.channels.includes(MARKETPLACE_CHANNEL)) blocks.push({ code: 'CHANNEL_NOT_GRANTED', message: 'the agreement does not grant the Vitrine marketplace channel' });
  if (proposal.status !== 'APPROVED' || proposal.amendment || proposal.storefrontEdit === 'PENDING') {
    blocks.push({ code: 'AWAITING_APPROVAL', message: 'a change to the item awaits the museum’s approval' });
  }
  if (proposal.storefrontEdit === 'REJECTED') {
    blocks.push({ code: 'CHANGE_REJECTED', message: 'the museum rejected the product’s edited text or images; edit it again and have the change approved' });
  }
  return blocks;
}

/** Once the sell-off period is over, the product comes off sale and the agreement expires. */
export function isPastSellOff(agreement: Pick<AgreementWindow, 'sellOffEnd'>, today: IsoDate): boolean {
  return today > agreement.sellOffEnd;
}

/**
 * Whether a product already on sale may stay listed: as for publishing, except that after
 * the term it may keep selling through the sell-off period.
 */
export function staysListed(agreement: AgreementWindow, proposal: ItemApproval, today: IsoDate): boolean {
  if (isPastSellOff(agreement, today)) return false;
  return listingBlocks(agreement, proposal, today).every((b) => b.code === 'AFTER_TERM');
}
