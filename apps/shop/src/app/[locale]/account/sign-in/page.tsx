import type { Metadata } from 'next';
import { getDictionary } from '../../../../i18n/dictionary';
import { localeOf, type LocaleParams } from '../../../../i18n/server';
import { routes } from '../../../../lib/routes';
import { AuthForm } from '../AuthForm';
import '../../../buy.css';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: LocaleParams }): Promise<Metadata> {
  const dict = getDictionary(await localeOf(params));
  return { title: dict.buy.account.signIn, robots: { index: false } };
}

export default async function Page({ params, searchParams }: { params: LocaleParams; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const locale = await localeOf(params);
  const sp = await searchParams;
  const next = typeof sp['next'] === 'string' ? sp['next'] : routes.account(locale);
  const error = typeof sp['error'] === 'string' ? sp['error'] : undefined;
  return <AuthForm mode="in" locale={locale} dict={getDictionary(locale)} next={next} error={error} />;
}
