// Runs before every page: puts the locale in the URL (zh-CN by default), renews the shopper's
// access token from the refresh token, so server components always read a valid one, and marks
// anonymous catalogue pages as replayable by a shared HTTP cache (lib/http-cache.ts).
import { NextResponse, type NextRequest } from 'next/server';
import { apiUrl, COOKIE, cookieOptions, REFRESH_MAX_AGE_SECONDS } from './lib/api/config';
import type { ApiSession } from './lib/api/session';
import { pageCacheControl } from './lib/http-cache';
import { pageContentSecurityPolicy } from './lib/live-embeds';
import { SOURCE_MAX_AGE_SECONDS, validSource } from './lib/source-marker';
import { DEFAULT_LOCALE, isLocale, LOCALE_HEADER, LOCALES } from './i18n/locales';

const PRODUCT_PAGE = new RegExp(String.raw`^/(?:${LOCALES.join('|')})/products/[^/]+/?$`);

const REFRESH = `mutation Refresh($refreshToken: String!) { refreshSession(refreshToken: $refreshToken) { accessToken refreshToken expiresIn } }`;

// Rotating refresh tokens: a reused one ends the whole session family, so concurrent requests
// carrying the same refresh token share one rotation (per process, kept briefly).
const rotations = new Map<string, Promise<ApiSession | null>>();

async function rotate(refreshToken: string, forwardedFor: string | null): Promise<ApiSession | null> {
  const pending = rotations.get(refreshToken);
  if (pending) return pending;
  const promise = (async () => {
    try {
      const res = await fetch(apiUrl(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
        body: JSON.stringify({ query: REFRESH, variables: { refreshToken } }),
        cache: 'no-store',
        signal: AbortSignal.timeout(10_000),
      });
      const body = (await res.json()) as { data?: { refreshSession: ApiSession } | null };
      return body.data?.refreshSession ?? null;
    } catch {
      return null;
    }
  })();
  rotations.set(refreshToken, promise);
  setTimeout(() => rotations.delete(refreshToken), 30_000).unref?.();
  return promise;
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const response = await route(request);
  // The live page frames only the partner players it embeds (lib/live-embeds.ts).
  const csp = pageContentSecurityPolicy(request.nextUrl.pathname);
  if (csp) response.headers.set('content-security-policy', csp);
  // A page opened from an article, a livestream or the search results (?src=article-…, search-…):
  // the marker is kept for checkout, and this answer, which sets a cookie, is never shared. Not on
  // a prefetch: a link the shopper only saw (the search results prefetch their product pages) is
  // not where they came from.
  const source = validSource(request.nextUrl.searchParams.get('src'));
  const prefetch = request.headers.has('next-router-prefetch') || request.headers.get('sec-purpose')?.includes('prefetch') || request.headers.get('purpose') === 'prefetch';
  if (source && !prefetch) {
    response.cookies.set(COOKIE.source, source, cookieOptions(SOURCE_MAX_AGE_SECONDS));
    response.headers.set('cache-control', 'private, no-store');
  }
  return response;
}

async function route(request: NextRequest): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  const first = pathname.split('/')[1];
  if (!isLocale(first)) {
    const url = request.nextUrl.clone();
    url.pathname = `/${DEFAULT_LOCALE}${pathname === '/' ? '' : pathname}`;
    url.search = search;
    url.searchParams.delete('_rsc'); // not normalized away (skipProxyUrlNormalize)
    // With skipProxyUrlNormalize Next no longer makes the Location relative (and refuses a
    // relative one here): name the host and scheme the browser asked for, not the server's own.
    url.host = request.headers.get('host') ?? url.host;
    const proto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
    if (proto === 'https' || proto === 'http') url.protocol = `${proto}:`;
    return NextResponse.redirect(url);
  }

  // The locale, for what renders without route params (not-found.tsx).
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(LOCALE_HEADER, first);
  // Seen here because next.config.mjs sets skipProxyUrlNormalize (Next strips them otherwise).
  const rsc = request.headers.has('rsc') || request.headers.has('next-router-prefetch') || request.nextUrl.searchParams.has('_rsc');
  // The product page is a Pages Router page without client JavaScript (ADR 0027): an App Router
  // navigation or prefetch to it (a <Link>, a server action's redirect) would render the whole
  // page for a payload it cannot use. No body: the App Router's client then loads it as a document.
  if (rsc && PRODUCT_PAGE.test(pathname)) return new NextResponse(null, { status: 204, headers: { 'cache-control': 'private, no-store' } });
  const refreshToken = request.cookies.get(COOKIE.refresh)?.value;
  const accessToken = request.cookies.get(COOKIE.access)?.value;
  if (!refreshToken || accessToken) {
    const response = NextResponse.next({ request: { headers: requestHeaders } });
    // Anonymous catalogue pages: a shared HTTP cache may replay them (lib/http-cache.ts).
    const cacheControl = pageCacheControl({
      method: request.method,
      pathname,
      signedIn: Boolean(refreshToken || accessToken),
      rsc,
    });
    if (cacheControl) response.headers.set('cache-control', cacheControl);
    return response;
  }
  const session = await rotate(refreshToken, request.headers.get('x-forwarded-for'));
  const cookieHeader = (jar: NextRequest['cookies']) => requestHeaders.set('cookie', jar.toString());
  if (!session) {
    // Expired or revoked: signed out.
    request.cookies.delete(COOKIE.refresh);
    cookieHeader(request.cookies);
    const response = NextResponse.next({ request: { headers: requestHeaders } });
    response.cookies.delete(COOKIE.refresh);
    return response;
  }
  // The page rendering now sees the new token; the browser keeps it for the next ones.
  request.cookies.set(COOKIE.access, session.accessToken);
  request.cookies.set(COOKIE.refresh, session.refreshToken);
  cookieHeader(request.cookies);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.cookies.set(COOKIE.access, session.accessToken, cookieOptions(Math.max(1, session.expiresIn - 30)));
  response.cookies.set(COOKIE.refresh, session.refreshToken, cookieOptions(REFRESH_MAX_AGE_SECONDS));
  return response;
}

export const config = {
  // Not: Next's own files, short links, return photos' signed links, the sitemap, robots.txt, icons and files in public/,
  // nor the product page of a known locale, whose getServerSideProps does this file's work for it
  // (pages/[locale]/products/[id].tsx: a tenth of its CPU, issue 17). The locales are LOCALES (a matcher must be a literal).
  matcher: ['/((?!(?:zh-CN|en|fr)/products/[^/]+/?$|_next/|p/|s/|return-photos/|sitemap\\.xml|robots\\.txt|favicon\\.ico|icon|apple-icon|images/).*)'],
};
