import { RETURN_NOTICE_KINDS, RETURN_TEXT_KINDS, TEXT_CATALOGUES, TEXT_LOCALES, noticeLocale, returnEventText, returnNoticeText, textLocale } from './return-texts';

describe('return texts', () => {
  it('has every step and notice in every language', () => {
    for (const locale of TEXT_LOCALES) {
      expect(Object.keys(TEXT_CATALOGUES.events[locale]).sort()).toEqual([...RETURN_TEXT_KINDS].sort());
      expect(Object.keys(TEXT_CATALOGUES.notices[locale]).sort()).toEqual([...RETURN_NOTICE_KINDS].sort());
    }
  });

  it('writes a step from its code and parameters in the reader’s language', () => {
    const requested = { reason: 'DAMAGED', lines: [{ lineId: 'a', quantity: 2 }, { lineId: 'b', quantity: 1 }] };
    expect(TEXT_LOCALES.map((l) => returnEventText('REQUESTED', requested, l))).toEqual(['Reason: damaged; 3 unit(s)', 'Motif : endommagé ; 3 unité(s)', '原因：商品损坏；共 3 件']);
    const inspected = { lines: [{ lineId: 'a', accepted: 2, sellable: true }, { lineId: 'b', accepted: 1, sellable: false }] };
    expect(returnEventText('INSPECTED', inspected, 'zh-CN')).toBe('验收通过 3 件，其中 2 件重新上架');
    expect(returnEventText('REFUNDED', { amountMinor: 12_345, currency: 'CNY' }, 'fr')).toBe(`${new Intl.NumberFormat('fr', { style: 'currency', currency: 'CNY' }).format(123.45)} remboursés`);
    expect(returnEventText('REFUNDED', { amountMinor: 0 }, 'en')).toBe('Nothing accepted: nothing to refund');
    // People's own words are shown as written, in every language.
    expect(TEXT_LOCALES.map((l) => returnEventText('REFUSED', { comment: 'Opened and used' }, l))).toEqual(['Opened and used', 'Opened and used', 'Opened and used']);
    expect(returnEventText('LATE', { deadline: '2027-01-18T08:17:11.000Z' }, 'zh-CN')).toBe('未在 2027年1月18日 前送达海关监管场所');
    expect(returnNoticeText('ACCEPTED', { arrivalDeadline: '2027-01-18T08:17:11.000Z' }, 'en')).toBe('Your return was accepted. Send the parcel before January 18, 2027.');
    // An unknown step shows its code rather than nothing.
    expect(returnEventText('SOMETHING_NEW', {}, 'fr')).toBe('SOMETHING_NEW');
  });

  it('reads the language from a tag or an Accept-Language header', () => {
    expect(['zh-CN', 'zh-Hans-CN', 'fr-FR', 'fr', 'en-GB', 'de-DE', '', null, 'de-DE,fr;q=0.8', 'zh-CN,zh;q=0.9,en;q=0.8'].map((t) => textLocale(t))).toEqual(['zh-CN', 'zh-CN', 'fr', 'fr', 'en', 'en', 'en', 'en', 'fr', 'zh-CN']);
  });

  it('writes a shopper’s notice in the language asked for, else the order’s, else Chinese', () => {
    expect(noticeLocale('fr-FR', 'en')).toBe('fr');
    expect(noticeLocale(null, 'fr')).toBe('fr');
    expect(noticeLocale('de-DE', 'en')).toBe('en');
    // A drop's or back-in-stock notice has no order; a client that says nothing reads the shop's language.
    expect(noticeLocale(null, null)).toBe('zh-CN');
    expect(noticeLocale('de-DE', null)).toBe('zh-CN');
    expect(noticeLocale(undefined, 'xx')).toBe('zh-CN');
  });
});
