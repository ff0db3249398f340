import type { ReactNode } from 'react';
import type { Dictionary } from '../i18n/dictionary';
import type { ShopLocale } from '../i18n/locales';
import { Footer } from './Footer';
import { Header } from './Header';

/** The browser's UI colour on phones (the viewport's theme-color). */
export const THEME_COLOR = '#7a1f2b';

/**
 * What every shop page has around its content: the header (locale switch, cart, search), the
 * main landmark and the footer. Used by the App Router's [locale]/layout.tsx and by the product
 * page, which the Pages Router renders without client JavaScript (ADR 0027) and so with
 * `documentLinks`: plain <a> where a next/link would be the same <a> (issue 17, bench:shop).
 */
export function ShopFrame({ locale, dict, children, documentLinks }: { locale: ShopLocale; dict: Dictionary; children: ReactNode; documentLinks?: boolean }) {
  return (
    <>
      <Header locale={locale} dict={dict} documentLinks={documentLinks} />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <Footer dict={dict} />
    </>
  );
}
