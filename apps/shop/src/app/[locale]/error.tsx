'use client';
// An unexpected failure while rendering a page, in the shopper's language.
import { useParams } from 'next/navigation';
import { en } from '../../i18n/dictionaries/en';
import { fr } from '../../i18n/dictionaries/fr';
import { zhCN } from '../../i18n/dictionaries/zh-CN';
import { isLocale, DEFAULT_LOCALE } from '../../i18n/locales';

const PAGES = { 'zh-CN': zhCN.errorPage, en: en.errorPage, fr: fr.errorPage };

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
