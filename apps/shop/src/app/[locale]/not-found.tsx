import Link from 'next/link';
import { getDictionary } from '../../i18n/dictionary';
import { requestLocale } from '../../i18n/server';
import { routes } from '../../lib/routes';

export default async function NotFound() {
  const locale = await requestLocale();
  const dict = getDictionary(locale);
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
