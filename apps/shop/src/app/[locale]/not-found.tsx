import { NotFoundMessage } from '../../components/NotFoundMessage';
import { getDictionary } from '../../i18n/dictionary';
import { requestLocale } from '../../i18n/server';

export default async function NotFound() {
  const locale = await requestLocale();
  return <NotFoundMessage locale={locale} dict={getDictionary(locale)} />;
}
