import type { Metadata } from 'next';
import Link from 'next/link';
import { getDictionary } from '../../../../i18n/dictionary';
import { noticesDictionary } from '../../../../i18n/notices';
import type { NoticesDictionary } from '../../../../i18n/notices-types';
import type { ShopLocale } from '../../../../i18n/locales';
import { INTL_LOCALE } from '../../../../i18n/locales';
import { localeOf, type LocaleParams } from '../../../../i18n/server';
import { markNoticesRead, myNotices, NOTICES_PAGE_SIZE, type ShopperNotice } from '../../../../lib/api/notices';
import { isSignedIn } from '../../../../lib/api/session';
import { routes } from '../../../../lib/routes';
import '../../../buy.css';
import '../../../notices.css';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: LocaleParams }): Promise<Metadata> {
  return { title: noticesDictionary(await localeOf(params)).title, robots: { index: false } };
}

function link(n: ShopperNotice, t: NoticesDictionary, locale: ShopLocale): { href: string; label: string } | null {
  if (n.orderId) return { href: `${routes.order(locale, n.orderId)}${n.returnId ? '#returns' : ''}`, label: t.viewReturn };
  if (n.dropId) return { href: routes.drop(locale, n.dropId), label: t.viewDrop };
  if (n.productId) return { href: `${routes.product(locale, n.productId)}${n.variantId ? `?v=${encodeURIComponent(n.variantId)}` : ''}`, label: t.viewProduct };
  return null;
}

/** The signed-in shopper's notices, newest first; showing them marks them read (the header's badge then drops). */
export default async function NoticesPage({ params, searchParams }: { params: LocaleParams; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const locale = await localeOf(params);
  const t = noticesDictionary(locale);
  if (!(await isSignedIn())) {
    return (
      <div className="buy-page">
        <h1>{t.title}</h1>
        <Link className="button wide" href={routes.signIn(locale, routes.notices(locale))}>
          {getDictionary(locale).buy.account.signIn}
        </Link>
      </div>
    );
  }
  const sp = await searchParams;
  const after = typeof sp['after'] === 'string' && /^[1-9][0-9]{0,18}$/.test(sp['after']) ? sp['after'] : null;
  const notices = await myNotices(locale, after);
  // Shown with what was unread when the page was asked for, then marked read.
  await markNoticesRead(notices.filter((n) => !n.readAt).map((n) => n.id));
  const when = new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  const last = notices[notices.length - 1];
  return (
    <div className="buy-page">
      <h1>{t.title}</h1>
      {notices.length === 0 ? <p>{t.empty}</p> : null}
      <ul className="notice-list">
        {notices.map((n) => {
          const to = link(n, t, locale);
          return (
            <li key={n.id} className={`notice-item${n.readAt ? '' : ' unread'}`} data-testid="notice" data-kind={n.kind}>
              <p className="notice-head">
                <time dateTime={n.at}>{when.format(new Date(n.at))}</time>
                {n.readAt ? null : <span className="notice-unread">{t.unread}</span>}
              </p>
              {/* Written by the API in the page's language from the notice's code and parameters (returns, drops, stock). */}
              <p className="notice-text">{n.message}</p>
              {to ? (
                <Link className="notice-link" href={to.href}>
                  {to.label}
                </Link>
              ) : null}
            </li>
          );
        })}
      </ul>
      {notices.length === NOTICES_PAGE_SIZE && last ? (
        <Link className="button secondary wide" href={routes.notices(locale, last.id)}>
          {t.older}
        </Link>
      ) : null}
    </div>
  );
}
