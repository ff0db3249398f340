import Link from 'next/link';
import type { Dictionary } from '../i18n/dictionary';
import type { ShopLocale } from '../i18n/locales';
import { routes } from '../lib/routes';

/** The translated 404's content ([locale]/not-found.tsx and the product page of pages/). */
export function NotFoundMessage({ locale, dict }: { locale: ShopLocale; dict: Dictionary }) {
  return (
    <section className="message-page" data-testid="not-found">
      <h1>{dict.notFound.title}</h1>
      <p>{dict.notFound.body}</p>
      <Link className="button" href={routes.home(locale)}>
        {dict.notFound.backHome}
      </Link>
    </section>
  );
}
