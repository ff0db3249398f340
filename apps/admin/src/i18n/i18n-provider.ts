import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import { resolveBrowserLocale, type I18nProvider, type TranslationMessages } from 'react-admin';
import { en } from './en';

type Tree = { [key: string]: string | Tree };
function merge(base: Tree, over: Tree): Tree {
  const out: Tree = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] = typeof v === 'object' && typeof b === 'object' ? merge(b, v) : v;
  }
  return out;
}

const english = merge(englishMessages as unknown as Tree, en) as unknown as TranslationMessages;

// French loads when it is first needed (a French browser, or the user picks it), which
// keeps its messages out of everyone else's initial download.
let french: TranslationMessages | null = null;
async function loadFrench(): Promise<TranslationMessages> {
  const [base, ours] = await Promise.all([import('ra-language-french'), import('./fr')]);
  french = merge(base.default as unknown as Tree, ours.fr) as unknown as TranslationMessages;
  return french;
}

const LOCALES = [
  { locale: 'en', name: 'English' },
  { locale: 'fr', name: 'Français' },
];

/** The console's translations, in the browser's language (fr or en) from the first render. */
export async function createI18nProvider(): Promise<I18nProvider> {
  const initial = resolveBrowserLocale('en').startsWith('fr') ? 'fr' : 'en';
  if (initial === 'fr') await loadFrench();
  return polyglotI18nProvider((locale) => (locale === 'fr' ? (french ?? loadFrench()) : english), initial, LOCALES, { allowMissing: true });
}
