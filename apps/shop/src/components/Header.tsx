import Link from 'next/link';
import { Suspense } from 'react';
import { fill, type Dictionary } from '../i18n/dictionary';
import type { ShopLocale } from '../i18n/locales';
import { routes } from '../lib/routes';
import { LocaleSwitcher } from './LocaleSwitcher';

export function Header({ locale, dict, cartCount, query }: { locale: ShopLocale; dict: Dictionary; cartCount: number; query?: string }) {
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {dict.header.skipToContent}
      </a>
      <div className="header-row">
        <Link href={routes.home(locale)} className="brand" aria-label={dict.header.home}>
          Vitrine
        </Link>
        <Suspense fallback={null}>
          <LocaleSwitcher locale={locale} label={dict.header.localeLabel} />
        </Suspense>
        <Link href={routes.account(locale)} className="cart-link" aria-label={dict.header.account} data-testid="account-link">
          <svg aria-hidden="true" width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
            <circle cx="12" cy="8" r="4" />
            <path d="M4 21c1.5-4 4.5-6 8-6s6.5 2 8 6" />
          </svg>
        </Link>
        <Link href={routes.cart(locale)} className="cart-link" aria-label={fill(dict.header.cartLabel, { count: cartCount })} data-testid="cart-link">
          <svg aria-hidden="true" width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
            <path d="M6 6h15l-1.5 9h-12z" />
            <path d="M6 6 5 3H2" />
            <circle cx="9" cy="20" r="1.5" />
            <circle cx="18" cy="20" r="1.5" />
          </svg>
          <span className="cart-count" data-testid="cart-count">
            {cartCount}
          </span>
        </Link>
      </div>
      <form className="search-form" role="search" action={routes.search(locale)} method="get">
        <label htmlFor="site-search" className="visually-hidden">
          {dict.header.searchLabel}
        </label>
        <input id="site-search" name="q" type="search" defaultValue={query} placeholder={dict.header.searchPlaceholder} enterKeyHint="search" autoComplete="off" />
        <button type="submit">{dict.header.searchSubmit}</button>
      </form>
    </header>
  );
}
