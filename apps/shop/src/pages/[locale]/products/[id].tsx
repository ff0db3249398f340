// The product page, in the Pages Router so that it ships no client JavaScript (ADR 0027): the
// App Router puts React and its router runtime in every page's first load (178 KB gzip against
// the budget of 120 KB), while everything here works as plain HTML — the variant picker
// is links, add to cart and notify me post to route handlers, and the header's per-shopper parts
// are filled in by one inline script. Same layout components as the App Router's pages.
import type { IncomingMessage } from 'node:http';
import type { ParsedUrlQuery } from 'node:querystring';
import type { GetServerSideProps } from 'next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { HeaderSessionScript } from '../../../components/HeaderSessionScript';
import { NotFoundMessage } from '../../../components/NotFoundMessage';
import { PagesHead } from '../../../components/PagesHead';
import { ProductView, type ProductOutcome } from '../../../components/product/ProductView';
import { ShopFrame } from '../../../components/ShopFrame';
import { getDictionary } from '../../../i18n/dictionary';
import { DEFAULT_LOCALE, isLocale, type ShopLocale } from '../../../i18n/locales';
import type { ProductDetail } from '../../../lib/api/catalog';
import { isId, readProduct } from '../../../lib/api/product-read';
import { isShopApiError } from '../../../lib/api/errors';
import { postGraphqlHttp } from '../../../lib/api/http-transport';
import { COOKIE, cookieOptions } from '../../../lib/api/config';
import { pageCacheControl } from '../../../lib/http-cache';
import { routes } from '../../../lib/routes';
import { SOURCE_MAX_AGE_SECONDS, validSource } from '../../../lib/source-marker';
import { pageMeta } from '../../../lib/seo';
import { selectedVariant } from '../../../lib/variants';

/** No Next.js or React script in the page (honoured by `next build` / `next start`, not by `next dev`). */
export const config = { unstable_runtimeJS: false };

type Props =
  | { view: 'product'; locale: ShopLocale; product: ProductDetail; variantId: string; outcome: ProductOutcome }
  | { view: 'not-found' | 'error'; locale: ShopLocale; retry: string };

const first = (v: string | string[] | undefined): string | null => (Array.isArray(v) ? (v[0] ?? null) : (v ?? null));

/** An App Router navigation or prefetch to this page (`RSC: 1`, `next-router-prefetch`, `_rsc=`). */
const isRscRequest = (req: IncomingMessage, query: ParsedUrlQuery): boolean =>
  req.headers['rsc'] !== undefined || req.headers['next-router-prefetch'] !== undefined || query['_rsc'] !== undefined || /[?&]_rsc=/.test(req.url ?? '');

const isPrefetch = (req: IncomingMessage): boolean =>
  req.headers['next-router-prefetch'] !== undefined || String(req.headers['sec-purpose'] ?? '').includes('prefetch') || req.headers['purpose'] === 'prefetch';

/** A Set-Cookie value as NextResponse's cookies.set writes it (lib/api/config.ts's cookieOptions). */
function setCookie(name: string, value: string, o: ReturnType<typeof cookieOptions>): string {
  const expires = new Date(Date.now() + o.maxAge * 1000).toUTCString();
  return `${name}=${encodeURIComponent(value)}; Path=${o.path}; Expires=${expires}; Max-Age=${o.maxAge}${o.secure ? '; Secure' : ''}${o.httpOnly ? '; HttpOnly' : ''}; SameSite=${o.sameSite}`;
}

export const getServerSideProps: GetServerSideProps<Props> = async ({ params, query, req, res, resolvedUrl }) => {
  const locale = first(params?.['locale']) ?? '';
  const id = first(params?.['id']) ?? '';
  // What proxy.ts does for other pages, done here: its matcher leaves this page out, which saves
  // a tenth of the page's CPU (issue 17, bench:shop). Unknown locales still go through it (redirected).
  // - An App Router navigation or prefetch gets no body: its client then loads the page as a document.
  if (isRscRequest(req, query)) {
    res.writeHead(204, { 'cache-control': 'private, no-store' }).end();
    return { props: { view: 'not-found', locale: DEFAULT_LOCALE, retry: resolvedUrl } };
  }
  // - Anonymous: a shared HTTP cache may replay it (lib/http-cache.ts). A signed-in shopper's
  //   session is renewed by the header's request to /<locale>/session, which proxy.ts handles.
  const cacheControl = pageCacheControl({ method: req.method ?? 'GET', pathname: (req.url ?? '').split('?')[0] ?? '', signedIn: Boolean(req.cookies[COOKIE.refresh] || req.cookies[COOKIE.access]), rsc: false });
  if (cacheControl) res.setHeader('cache-control', cacheControl);
  // - Opened from an article, a livestream or the search results (?src=…): the marker is kept for
  //   checkout, and this answer is never shared. Not on a prefetch.
  const source = validSource(first(query['src']));
  if (source && !isPrefetch(req)) {
    res.setHeader('set-cookie', setCookie(COOKIE.source, source, cookieOptions(SOURCE_MAX_AGE_SECONDS)));
    res.setHeader('cache-control', 'private, no-store');
  }
  // proxy.ts puts a locale in every URL, so an unknown one is a path no page has: the 404.
  if (!isLocale(locale)) {
    res.statusCode = 404;
    return { props: { view: 'not-found', locale: DEFAULT_LOCALE, retry: resolvedUrl } };
  }
  const notFound = () => {
    res.statusCode = 404;
    return { props: { view: 'not-found' as const, locale, retry: resolvedUrl } };
  };
  if (!isId(id)) return notFound();
  let product: ProductDetail;
  try {
    const forwardedFor = req.headers['x-forwarded-for'];
    product = await readProduct(locale, id, { forwardedFor: (Array.isArray(forwardedFor) ? forwardedFor.join(', ') : forwardedFor) ?? null, accessToken: null }, postGraphqlHttp);
  } catch (e) {
    if (isShopApiError(e) && (e.code === 'NOT_FOUND' || e.code === 'BAD_USER_INPUT')) return notFound();
    // As [locale]/error.tsx would show it; never replayed by a shared cache.
    console.error('product page', id, e);
    res.statusCode = 500;
    res.setHeader('cache-control', 'private, no-store');
    return { props: { view: 'error', locale, retry: resolvedUrl } };
  }
  const offers = new Map(product.offers.map((o) => [o.variantId, o]));
  const variant = selectedVariant(product.variants, first(query['v']) ?? undefined, (v) => offers.get(v.id)?.inStock ?? false);
  if (!variant) return notFound();
  const outcome = { added: first(query['added']), error: first(query['error']), notified: first(query['notify']) };
  return { props: { view: 'product', locale, product, variantId: variant.id, outcome } };
};

export default function ProductPage(props: Props) {
  const { locale } = props;
  const dict = getDictionary(locale);
  if (props.view !== 'product') {
    return (
      <>
        <PagesHead dict={dict} meta={null} title={props.view === 'not-found' ? dict.notFound.title : undefined} />
        <ShopFrame locale={locale} dict={dict} documentLinks>
          {props.view === 'not-found' ? (
            <NotFoundMessage locale={locale} dict={dict} />
          ) : (
            <ErrorMessage
              locale={locale}
              retry={(label) => (
                <a className="button" href={props.retry}>
                  {label}
                </a>
              )}
            />
          )}
        </ShopFrame>
        <HeaderSessionScript locale={locale} dict={dict} />
      </>
    );
  }
  const { product: p, variantId, outcome } = props;
  const variant = p.variants.find((v) => v.id === variantId)!;
  const image = [...p.media].sort((a, b) => a.position - b.position)[0]?.url;
  return (
    <>
      <PagesHead dict={dict} meta={pageMeta(locale, (l) => routes.product(l, p.id), { title: p.name, description: p.description, image })} />
      <ShopFrame locale={locale} dict={dict} documentLinks>
        <ProductView locale={locale} dict={dict} product={p} variant={variant} outcome={outcome} />
      </ShopFrame>
      <HeaderSessionScript locale={locale} dict={dict} />
    </>
  );
}
