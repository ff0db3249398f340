/**
 * How the shop shows a session's stream: in an embedded player (an iframe on the live page) when
 * its URL has the shape of an allowed partner player, otherwise as a link that opens the platform.
 * Platforms without an embeddable player (WeChat Channels, Douyin, Taobao Live) are links: they
 * need no rule. The shop's Content-Security-Policy frames exactly the rules' origins.
 */

export type StreamPlayerKind = 'EMBED' | 'LINK';

/** An embeddable player: URLs on `origin` whose path starts with `pathPrefix`. */
export interface EmbedRule {
  platform: string;
  origin: string;
  pathPrefix: string;
}

export interface StreamPlayer {
  kind: StreamPlayerKind;
  /** The iframe's src (the URL as parsed), for EMBED only. */
  embedUrl: string | null;
  /** The rule's platform name, for EMBED only. */
  platform: string | null;
}

/** Why a URL is refused when a manager saves it. */
export type StreamUrlProblem = 'NOT_A_URL' | 'NOT_HTTPS' | 'HAS_CREDENTIALS';

export type StreamUrlVerdict = { ok: true; player: StreamPlayer } | { ok: false; problem: StreamUrlProblem };

/** Partner players' embed URL shapes (LIVE_EMBED_PLATFORMS replaces them). */
export const DEFAULT_EMBED_RULES: readonly EmbedRule[] = [
  // https://player.bilibili.com/player.html?bvid=BV…
  { platform: 'bilibili', origin: 'https://player.bilibili.com', pathPrefix: '/player.html' },
  // https://player.youku.com/embed/XNDk…
  { platform: 'youku', origin: 'https://player.youku.com', pathPrefix: '/embed/' },
  // https://v.qq.com/txp/iframe/player.html?vid=…
  { platform: 'tencent-video', origin: 'https://v.qq.com', pathPrefix: '/txp/iframe/' },
];

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * LIVE_EMBED_PLATFORMS: `name=prefix,name=prefix…`, each prefix an https URL (origin and path
 * prefix, no query, no credentials). Plain http is accepted on a loopback host only, for tests.
 * An empty value embeds nothing. Throws on a malformed entry (the API refuses to start).
 */
export function parseEmbedRules(raw: string | undefined): EmbedRule[] {
  if (raw === undefined) return [...DEFAULT_EMBED_RULES];
  const rules: EmbedRule[] = [];
  for (const entry of raw.split(',').map((e) => e.trim()).filter(Boolean)) {
    const eq = entry.indexOf('=');
    const platform = eq > 0 ? entry.slice(0, eq).trim() : '';
    let url: URL;
    try {
      url = new URL(entry.slice(eq + 1).trim());
    } catch {
      throw new Error(`LIVE_EMBED_PLATFORMS: "${entry}" is not name=https://host/path-prefix`);
    }
    if (!/^[a-z0-9-]{1,40}$/i.test(platform)) throw new Error(`LIVE_EMBED_PLATFORMS: "${entry}" needs a name (letters, digits, -)`);
    const https = url.protocol === 'https:';
    if (!https && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) throw new Error(`LIVE_EMBED_PLATFORMS: "${entry}" must be https (http only on a loopback host)`);
    if (url.username || url.password || url.search || url.hash) throw new Error(`LIVE_EMBED_PLATFORMS: "${entry}" takes an origin and a path prefix only`);
    rules.push({ platform, origin: url.origin, pathPrefix: url.pathname });
  }
  return rules;
}

/** The origins the shop may frame (its CSP frame-src), in rule order, each once. */
export function embedOrigins(rules: readonly EmbedRule[]): string[] {
  return [...new Set(rules.map((r) => r.origin))];
}

/**
 * A stream URL as a manager saves it: an embed when a rule matches, a link when it is any other
 * https URL, refused otherwise (not a URL, not https, or carrying credentials).
 */
export function classifyStreamUrl(raw: string, rules: readonly EmbedRule[]): StreamUrlVerdict {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, problem: 'NOT_A_URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'NOT_HTTPS' };
  if (url.username || url.password) return { ok: false, problem: 'HAS_CREDENTIALS' };
  const rule = rules.find((r) => r.origin === url.origin && url.pathname.startsWith(r.pathPrefix));
  if (rule) return { ok: true, player: { kind: 'EMBED', embedUrl: url.href, platform: rule.platform } };
  if (url.protocol !== 'https:') return { ok: false, problem: 'NOT_HTTPS' };
  return { ok: true, player: { kind: 'LINK', embedUrl: null, platform: null } };
}

/** The player of a saved URL; one no longer allowed (the rules changed) is shown as a link. */
export function streamPlayer(raw: string, rules: readonly EmbedRule[]): StreamPlayer {
  const verdict = classifyStreamUrl(raw, rules);
  return verdict.ok ? verdict.player : { kind: 'LINK', embedUrl: null, platform: null };
}
