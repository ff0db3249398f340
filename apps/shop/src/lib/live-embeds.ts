// The origins of the partner players the live page embeds, for the shop's Content-Security-Policy
// (frame-src): the same LIVE_EMBED_PLATFORMS the API classifies stream URLs with, and the same
// defaults (libs/live domain/stream-player; copied: the shop imports no lib, and
// live-embeds.spec.ts checks the two agree).

/** The API's default players' origins (Bilibili, Youku, Tencent Video). */
export const DEFAULT_EMBED_ORIGINS: readonly string[] = ['https://player.bilibili.com', 'https://player.youku.com', 'https://v.qq.com'];

/**
 * `name=prefix,…` to origins, each once. An entry the API would refuse (it then does not start)
 * is left out here, so the shop never frames more than the API embeds.
 */
export function embedOriginsFromEnv(raw: string | undefined): string[] {
  if (raw === undefined) return [...DEFAULT_EMBED_ORIGINS];
  const origins = new Set<string>();
  for (const entry of raw.split(',').map((e) => e.trim()).filter(Boolean)) {
    const eq = entry.indexOf('=');
    if (eq < 1) continue;
    try {
      const url = new URL(entry.slice(eq + 1).trim());
      const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
      if (url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) origins.add(url.origin);
    } catch {
      // not a URL: the API refuses it
    }
  }
  return [...origins];
}

/** The shop's CSP: only frame-src, the embed origins and nothing else ('none' when there are none). */
export function contentSecurityPolicy(origins: readonly string[]): string {
  return `frame-src ${origins.length ? origins.join(' ') : "'none'"}`;
}

let cached: string | null = null;

/** The live page: /<locale>/live/<id>. */
export const isLivePage = (pathname: string) => /^\/[^/]+\/live(\/|$)/.test(pathname);

/**
 * The CSP of a page: the live page's frame-src (LIVE_EMBED_PLATFORMS is read once per process),
 * none elsewhere. Not site-wide: the card step frames Stripe's Payment Element and 3-D Secure
 * (js.stripe.com, hooks.stripe.com), which this list must not have to name.
 */
export function pageContentSecurityPolicy(pathname: string): string | null {
  if (!isLivePage(pathname)) return null;
  cached ??= contentSecurityPolicy(embedOriginsFromEnv(process.env['LIVE_EMBED_PLATFORMS']));
  return cached;
}
