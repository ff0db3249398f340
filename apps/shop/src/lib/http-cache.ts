import { LOCALES } from '../i18n/locales';

// Which shop pages a shared HTTP cache (a CDN or reverse proxy in front of `next start`) may
// replay, and for how long. proxy.ts sets the header; ADR 0015 explains the bound.
//
// The catalogue pages render the same HTML for every shopper: their API reads are anonymous
// (lib/api/catalog.ts) and the header's per-shopper parts are read in the browser
// (components/HeaderSession.tsx). A change by a manager, or a sell-out, shows on them within
// PAGE_FRESH_SECONDS (+ PAGE_STALE_SECONDS for a cache that serves stale while revalidating).

/** s-maxage: how long a shared cache may replay a page without asking the shop. */
export const PAGE_FRESH_SECONDS = 30;
/** stale-while-revalidate: how much longer it may answer the old page while fetching the new. */
export const PAGE_STALE_SECONDS = 30;

export const PUBLIC_PAGE_CACHE_CONTROL = `public, s-maxage=${PAGE_FRESH_SECONDS}, stale-while-revalidate=${PAGE_STALE_SECONDS}`;

// /<locale>, /<locale>/products/<id>, /<locale>/m/<slug> and below (works, collections).
const CACHEABLE = new RegExp(String.raw`^/(?:${LOCALES.join('|')})(?:\/products\/[^/]+|\/m\/[^/]+(?:\/(?:works|collections)\/[^/]+)?)?/?$`);

export interface PageRequest {
  method: string;
  pathname: string;
  /** A session cookie (access or refresh token) came with the request. */
  signedIn: boolean;
  /**
   * An App Router navigation or prefetch (`RSC: 1`, `_rsc=`). Not shared: without `_rsc` Next
   * answers a 307 to the `_rsc` URL without Vary, which a cache would replay to page loads.
   */
  rsc: boolean;
}

/** The Cache-Control to send, or null to leave Next's own (private, no-store for dynamic pages). */
export function pageCacheControl(req: PageRequest): string | null {
  if (req.method !== 'GET' && req.method !== 'HEAD') return null;
  // Signed in: the proxy may rotate the session (Set-Cookie), so never shared. The page itself
  // is the same; a shared cache in front may still answer such a request from its copy.
  if (req.signedIn || req.rsc) return null;
  return CACHEABLE.test(req.pathname) ? PUBLIC_PAGE_CACHE_CONTROL : null;
}
