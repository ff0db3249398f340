import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { ShopFrame, THEME_COLOR } from '../../components/ShopFrame';
import { getDictionary } from '../../i18n/dictionary';
import { LOCALES, OG_LOCALE } from '../../i18n/locales';
import { localeOf, type LocaleParams } from '../../i18n/server';
import { shopOrigin } from '../../lib/api/config';
import '../globals.css';

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: THEME_COLOR };

export async function generateMetadata({ params }: { params: LocaleParams }): Promise<Metadata> {
  const locale = await localeOf(params);
  const dict = getDictionary(locale);
  return {
    metadataBase: new URL(shopOrigin()),
    title: { default: dict.meta.siteName, template: dict.meta.titleTemplate.replace('{title}', '%s') },
    description: dict.meta.description,
    openGraph: { siteName: dict.meta.siteName, locale: OG_LOCALE[locale], type: 'website' },
  };
}

export function generateStaticParams() {
  return LOCALES.map((locale) => ({ locale }));
}

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: LocaleParams }) {
  const locale = await localeOf(params);
  const dict = getDictionary(locale);
  return (
    <html lang={locale}>
      <body>
        <ShopFrame locale={locale} dict={dict}>
          {children}
        </ShopFrame>
      </body>
    </html>
  );
}
