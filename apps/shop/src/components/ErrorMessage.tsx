import type { ReactNode } from 'react';
// Only the error page's texts: [locale]/error.tsx, which renders this, is in every App Router page's first JavaScript.
import { ERROR_PAGE_TEXTS } from '../i18n/dictionaries/error-page';
import type { ShopLocale } from '../i18n/locales';

/**
 * An unexpected failure in the shopper's language: [locale]/error.tsx (retry: a button that
 * re-renders) and the product page of pages/ (retry: a link to the same page, no JavaScript).
 */
export function ErrorMessage({ locale, retry }: { locale: ShopLocale; retry: (label: string) => ReactNode }) {
  const text = ERROR_PAGE_TEXTS[locale];
  return (
    <section className="message-page" data-testid="error-page">
      <h1>{text.title}</h1>
      <p>{text.body}</p>
      <div className="actions">
        {retry(text.retry)}
        <a className="button secondary" href={`/${locale}`}>
          {text.backHome}
        </a>
      </div>
    </section>
  );
}
