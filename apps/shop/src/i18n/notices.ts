import { noticesEn } from './dictionaries/notices/en';
import { noticesFr } from './dictionaries/notices/fr';
import { noticesZhCN } from './dictionaries/notices/zh-CN';
import type { ShopLocale } from './locales';
import type { NoticesDictionary } from './notices-types';

const NOTICES: Record<ShopLocale, NoticesDictionary> = { 'zh-CN': noticesZhCN, en: noticesEn, fr: noticesFr };

/** The notices page's and the unread badge's texts in `locale`. */
export function noticesDictionary(locale: ShopLocale): NoticesDictionary {
  return NOTICES[locale];
}
