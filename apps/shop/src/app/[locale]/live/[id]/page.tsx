import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { LiveRoom } from '../../../../components/live/LiveRoom';
import { getDictionary } from '../../../../i18n/dictionary';
import { liveEn } from '../../../../i18n/dictionaries/live/en';
import { liveFr } from '../../../../i18n/dictionaries/live/fr';
import { liveZhCN } from '../../../../i18n/dictionaries/live/zh-CN';
import type { LiveDictionary } from '../../../../i18n/live-types';
import type { ShopLocale } from '../../../../i18n/locales';
import { localeOf } from '../../../../i18n/server';
import { isId } from '../../../../lib/api/catalog';
import { orNotFound } from '../../../../lib/api/not-found';
import { liveEventsUrl, liveSession } from '../../../../lib/live';
import { routes } from '../../../../lib/routes';
import { addFromLive } from './actions';
import '../../../live.css';

type Params = Promise<{ locale: string; id: string }>;

const TEXTS: Record<ShopLocale, LiveDictionary> = { 'zh-CN': liveZhCN, en: liveEn, fr: liveFr };

// Rendered per request: the first paint shows the session as it is now, then its stream takes over.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const locale = await localeOf(params);
  return { title: TEXTS[locale].title };
}

export default async function LivePage({ params }: { params: Params }) {
  const locale = await localeOf(params);
  const { id } = await params;
  if (!isId(id)) notFound();
  const initial = await orNotFound(liveSession(id));
  const dict = getDictionary(locale);
  return (
    <LiveRoom
      locale={locale}
      initial={initial}
      eventsUrl={liveEventsUrl(id)}
      cartHref={routes.cart(locale)}
      t={TEXTS[locale]}
      errors={dict.errors as unknown as Record<string, string>}
      action={addFromLive}
      renderedAt={Date.now()}
    />
  );
}
