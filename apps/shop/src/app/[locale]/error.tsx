'use client';
// An unexpected failure while rendering a page, in the shopper's language.
import { useParams } from 'next/navigation';
import { ErrorMessage } from '../../components/ErrorMessage';
import { isLocale, DEFAULT_LOCALE } from '../../i18n/locales';

export default function ErrorPage({ retry }: { error: unknown; retry: () => void }) {
  const param = useParams<{ locale: string }>()?.locale;
  const locale = isLocale(param) ? param : DEFAULT_LOCALE;
  return (
    <ErrorMessage
      locale={locale}
      retry={(label) => (
        <button type="button" className="button" onClick={() => retry()}>
          {label}
        </button>
      )}
    />
  );
}
