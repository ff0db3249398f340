import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import frenchMessages from 'ra-language-french';
import { resolveBrowserLocale, type TranslationMessages } from 'react-admin';
import { en } from './en';
import { fr } from './fr';

type Tree = { [key: string]: string | Tree };
function merge(base: Tree, over: Tree): Tree {
  const out: Tree = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] = typeof v === 'object' && typeof b === 'object' ? merge(b, v) : v;
  }
  return out;
}

const messages = {
  en: merge(englishMessages as unknown as Tree, en) as unknown as TranslationMessages,
  fr: merge(frenchMessages as unknown as Tree, fr) as unknown as TranslationMessages,
};

const browser = resolveBrowserLocale('en');
export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'fr' ? messages.fr : messages.en),
  browser.startsWith('fr') ? 'fr' : 'en',
  [
    { locale: 'en', name: 'English' },
    { locale: 'fr', name: 'Français' },
  ],
  { allowMissing: true },
);
