import { isPastSellOff, listingBlocks, staysListed, type AgreementWindow } from './listing-window';

const agreement: AgreementWindow = {
  status: 'ACTIVE',
  territory: ['CN', 'FR'],
  channels: ['VITRINE_MARKETPLACE'],
  termStart: '2026-01-01',
  termEnd: '2026-12-31',
  sellOffEnd: '2027-03-31',
};
const approved = { status: 'APPROVED' as const, amendment: false };

describe('listing window', () => {
  it('allows listing within the term, with CN and the marketplace channel, when approved', () => {
    expect(listingBlocks(agreement, approved, '2026-01-01')).toEqual([]);
    expect(listingBlocks(agreement, approved, '2026-12-31')).toEqual([]);
  });

  it('names every reason it is refused', () => {
    const codes = (a: Partial<AgreementWindow>, today: string, p = approved) => listingBlocks({ ...agreement, ...a }, p, today).map((b) => b.code);
    expect(codes({}, '2025-12-31')).toEqual(['BEFORE_TERM']);
    expect(codes({}, '2027-01-01')).toEqual(['AFTER_TERM']);
    expect(codes({ territory: ['FR'], channels: ['BRAND_ONLINE'] }, '2026-06-01')).toEqual(['TERRITORY_EXCLUDES_CN', 'CHANNEL_NOT_GRANTED']);
    expect(codes({ status: 'EXPIRED' }, '2026-06-01')).toEqual(['AGREEMENT_EXPIRED']);
    expect(codes({}, '2026-06-01', { status: 'SUBMITTED', amendment: true } as never)).toEqual(['AWAITING_APPROVAL']);
  });

  it('blocks a product whose storefront edit awaits approval or was rejected', () => {
    const codes = (storefrontEdit: 'PENDING' | 'REJECTED' | null) => listingBlocks(agreement, { ...approved, storefrontEdit }, '2026-06-01').map((b) => b.code);
    expect(codes(null)).toEqual([]);
    expect(codes('PENDING')).toEqual(['AWAITING_APPROVAL']);
    expect(codes('REJECTED')).toEqual(['CHANGE_REJECTED']);
    expect(staysListed(agreement, { ...approved, storefrontEdit: 'REJECTED' }, '2026-06-01')).toBe(false);
  });

  it('delists after the sell-off period, not before', () => {
    expect(isPastSellOff(agreement, '2027-03-31')).toBe(false);
    expect(isPastSellOff(agreement, '2027-04-01')).toBe(true);
  });
});

describe('staying listed', () => {
  it('keeps selling through the sell-off period, then stops', () => {
    expect(staysListed(agreement, approved, '2027-02-01')).toBe(true);
    expect(staysListed(agreement, approved, '2027-04-01')).toBe(false);
    expect(staysListed(agreement, { status: 'SUBMITTED', amendment: true }, '2026-06-01')).toBe(false);
    expect(staysListed({ ...agreement, territory: ['FR'] }, approved, '2026-06-01')).toBe(false);
  });
});
