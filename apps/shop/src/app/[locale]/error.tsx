'use client';
// An unexpected failure while rendering a page, in the shopper's language.
import { useParams } from 'next/navigation';
// Only the error page's texts: this component is in every page's first JavaScript.
import { ERROR_PAGE_TEXTS as PAGES } from '../../i18n/dictionaries/error-page';
import { isLocale, DEFAULT_LOCALE } from '../../i18n/locales';

export default function ErrorPage({ retry }: { error: unknown; retry: () => void }) {
  const param = useParams<{ locale: string }>()?.locale;
  const locale = isLocale(param) ? param : DEFAULT_LOCALE;
  const text = PAGES[locale];
  return (
    <section className="message-page" data-testid="error-page">
      <h1>{text.title}</h1>
      <p>{text.body}</p>
      <div className="actions">
        <button type="button" className="button" onClick={() => retry()}>
          {text.retry}
        </button>
        <a className="button secondary" href={`/${locale}`}>
          {text.backHome}
        </a>
      </div>
    </section>
  );
}
