import { TEXT_LOCALES } from '../../after-sales/domain/return-texts';
import { DROP_NOTICE_CATALOGUE, DROP_NOTICE_KINDS, dropNoticeText, nameFor } from './drop-notice-texts';

const ends = '2026-12-06T06:05:00.000Z'; // 14:05 in Shanghai
const at = (locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(new Date(ends));

describe('drop and back-in-stock notice texts', () => {
  it('has every kind in every language, each a sentence with or without the item’s name', () => {
    for (const locale of TEXT_LOCALES) {
      expect(Object.keys(DROP_NOTICE_CATALOGUE[locale]).sort()).toEqual([...DROP_NOTICE_KINDS].sort());
      for (const kind of DROP_NOTICE_KINDS) {
        for (const name of ['', 'Nymphéas']) {
          const text = dropNoticeText(kind, { mode: 'QUEUE', turnEndsAt: ends, reason: 'x' }, locale, name);
          expect(text.length).toBeGreaterThan(5);
          expect(text).not.toMatch(/undefined|null|\[object/);
          if (name) expect(text).toContain(name);
        }
      }
    }
  });

  it('writes each notice from its code and parameters in the reader’s language', () => {
    expect(TEXT_LOCALES.map((l) => dropNoticeText('DROP_OPEN', { mode: 'DRAW' }, l, ''))).toEqual([
      'Registration for a drop you follow is open.',
      'Les inscriptions sont ouvertes pour une édition limitée que vous suivez.',
      '您关注的限量发售已开放登记。',
    ]);
    expect(dropNoticeText('DROP_OPEN', { mode: 'QUEUE' }, 'zh-CN', '睡莲丝巾')).toBe('「睡莲丝巾」限量发售已开始，请排队购买。');
    expect(dropNoticeText('DROP_TURN', { turnEndsAt: ends }, 'en', 'Water Lilies scarf')).toBe(`It is your turn: pay for Water Lilies scarf by ${at('en')}.`);
    expect(dropNoticeText('DROP_WON', { turnEndsAt: ends }, 'zh-CN', '睡莲丝巾')).toBe(`您已中签：请在 ${at('zh-CN')} 前为「睡莲丝巾」付款。`);
    expect(dropNoticeText('DROP_WON', {}, 'fr', '')).toBe('Vous avez été tiré au sort : payez votre édition limitée avant la fin du délai.');
    expect(dropNoticeText('DROP_NOT_SELECTED', { mode: 'DRAW' }, 'fr', 'Foulard Nymphéas')).toBe('Vous n’avez pas été tiré au sort cette fois pour Foulard Nymphéas.');
    expect(dropNoticeText('DROP_NOT_SELECTED', { mode: 'QUEUE' }, 'en', '')).toBe('The limited edition has ended.');
    // The operator's reason is shown as written.
    expect(dropNoticeText('DROP_CANCELLED', { reason: 'the edition was damaged in transit' }, 'zh-CN', '睡莲丝巾')).toBe('「睡莲丝巾」限量发售已取消：the edition was damaged in transit');
    expect(dropNoticeText('DROP_CANCELLED', {}, 'en', '')).toBe('A drop you follow was cancelled.');
    expect(dropNoticeText('BACK_IN_STOCK', {}, 'fr', '')).toBe('Un article que vous attendiez est de nouveau en stock.');
    expect(dropNoticeText('BACK_IN_STOCK', {}, 'zh-CN', '睡莲丝巾')).toBe('「睡莲丝巾」已补货。');
    // A bad time reads as no time; an unknown kind shows its code.
    expect(dropNoticeText('DROP_TURN', { turnEndsAt: 'soon' }, 'en', '')).toBe('It is your turn: pay for your limited edition before your time ends.');
    expect(dropNoticeText('SOMETHING_NEW', {}, 'fr', 'x')).toBe('SOMETHING_NEW');
  });

  it('names the item in the reader’s language, else in another it has', () => {
    expect(nameFor('zh-CN', { fr: 'Foulard', en: 'Scarf', zh: '丝巾' })).toBe('丝巾');
    expect(nameFor('zh-CN', { fr: 'Foulard', en: 'Scarf', zh: '' })).toBe('Scarf');
    expect(nameFor('fr', { fr: '', en: '', zh: '丝巾' })).toBe('丝巾');
    expect(nameFor('en', { fr: 'Foulard', en: ' ', zh: '' })).toBe('Foulard');
    expect(nameFor('en', { fr: '', en: '', zh: '' })).toBe('');
  });
});
