import { LOCALES } from './i18n/locales';
import { config } from './proxy';

// proxy.ts's matcher (a literal Next reads at build time) leaves out the product page of each
// locale, whose getServerSideProps does the proxy's work itself (issue 17, bench:shop): a locale
// added to LOCALES must be added there too, and nothing else may slip out of the proxy.
const matched = (pathname: string) => config.matcher.some((source) => new RegExp(`^${source}$`).test(pathname));

describe('which requests go through proxy.ts', () => {
  it('not the product page of a known locale', () => {
    for (const locale of LOCALES) {
      expect(matched(`/${locale}/products/7f0c1d9e-0b6a-4a3e-9a53-4d2c8f7e6a11`)).toBe(false);
      expect(matched(`/${locale}/products/7f0c1d9e-0b6a-4a3e-9a53-4d2c8f7e6a11/`)).toBe(false);
    }
  });

  it('every other page and form post, and a product page under an unknown locale (redirected to one)', () => {
    for (const pathname of ['/', '/zh-CN', '/en/cart', '/fr/search', '/zh-CN/session', '/zh-CN/products/x/cart', '/zh-CN/products/x/notify', '/de/products/x', '/products/x', '/zh-CN/m/louvre']) {
      expect(matched(pathname)).toBe(true);
    }
    for (const pathname of ['/_next/static/x.js', '/p/ABC', '/s/ABC', '/robots.txt', '/sitemap.xml']) expect(matched(pathname)).toBe(false);
  });
});
