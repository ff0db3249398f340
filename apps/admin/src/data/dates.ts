/**
 * The locale to format dates in: the browser's own variant of the console's language
 * (en-GB dates for a British browser in English), or the language itself.
 */
export function dateLocale(uiLocale: string): string {
  const browser = typeof navigator === 'undefined' ? '' : navigator.language;
  return browser.toLowerCase().startsWith(uiLocale.toLowerCase()) ? browser : uiLocale;
}
