import Link from 'next/link';
import { Suspense } from 'react';
import type { Dictionary } from '../i18n/dictionary';
import type { ShopLocale } from '../i18n/locales';
import { noticesDictionary } from '../i18n/notices';
import { routes } from '../lib/routes';
import { HeaderSession } from './HeaderSession';
import { LocaleSwitcher } from './LocaleSwitcher';

// The same for every shopper (no cookies read): the cart count and signed-in state are read in
// the browser by HeaderSession, so anonymous pages may be replayed by a shared HTTP cache.
/** `documentLinks`: plain <a> for a page without Next's runtime in the browser (the product page, ADR 0027). */
export function Header({ locale, dict, query, documentLinks }: { locale: ShopLocale; dict: Dictionary; query?: string; documentLinks?: boolean }) {
  const Anchor = documentLinks ? 'a' : Link;
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {dict.header.skipToContent}
      </a>
      <div className="header-row">
        {/* href last: where Link puts it, so both write the same HTML. */}
        <Anchor className="brand" aria-label={dict.header.home} href={routes.home(locale)}>
          Vitrine
        </Anchor>
        <Suspense fallback={null}>
          <LocaleSwitcher locale={locale} label={dict.header.localeLabel} />
        </Suspense>
        <HeaderSession
          locale={locale}
          accountHref={routes.account(locale)}
          accountLabel={dict.header.account}
          accountUnreadLabel={noticesDictionary(locale).accountUnread}
          cartHref={routes.cart(locale)}
          cartLabel={dict.header.cartLabel}
          // Changes whenever the server renders the layout again (a server action's revalidatePath
          // after add to cart, sign-in, sign-out): the header then reads the session again.
          rendered={Date.now()}
          documentLinks={documentLinks}
        />
      </div>
      <form className="search-form" role="search" action={routes.search(locale)} method="get">
        <label htmlFor="site-search" className="visually-hidden">
          {dict.header.searchLabel}
        </label>
        <input id="site-search" name="q" type="search" defaultValue={query} placeholder={dict.header.searchPlaceholder} enterKeyHint="search" autoComplete="off" />
        <button type="submit">
          {/* A magnifier instead of the word on the narrowest phones (globals.css), so the placeholder fits beside it. */}
          <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.5">
            <circle cx="11" cy="11" r="7" />
            <path d="m20 20-4-4" />
          </svg>
          <span className="search-submit-text">{dict.header.searchSubmit}</span>
        </button>
      </form>
    </header>
  );
}
