'use client';
// Links to the same page in the other locales (plain links: works before JavaScript loads).
import { usePathname, useSearchParams } from 'next/navigation';
import { LOCALE_NAMES, LOCALES, switchLocalePath, type ShopLocale } from '../i18n/locales';

export function LocaleSwitcher({ locale, label }: { locale: ShopLocale; label: string }) {
  const pathname = usePathname() ?? `/${locale}`;
  const search = useSearchParams()?.toString();
  return (
    <nav className="locale-switcher" aria-label={label}>
      <ul>
        {LOCALES.map((l) => (
          <li key={l}>
            <a
              href={`${switchLocalePath(pathname, l)}${search ? `?${search}` : ''}`}
              hrefLang={l}
              lang={l}
              aria-current={l === locale ? 'true' : undefined}
              data-locale={l}
            >
              {LOCALE_NAMES[l]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
