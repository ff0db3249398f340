import { readFileSync } from 'node:fs';
import path from 'node:path';
import { contentSecurityPolicy, DEFAULT_EMBED_ORIGINS, embedOriginsFromEnv, isLivePage } from './live-embeds';

// The API's defaults, read from its source (the shop may not import libs).
const API_RULES = readFileSync(path.resolve(__dirname, '../../../../libs/live/src/lib/domain/stream-player.ts'), 'utf8');
const apiDefaultOrigins = () => {
  const block = API_RULES.slice(API_RULES.indexOf('DEFAULT_EMBED_RULES'), API_RULES.indexOf('];', API_RULES.indexOf('DEFAULT_EMBED_RULES')));
  return [...new Set([...block.matchAll(/origin: '([^']+)'/g)].map((m) => m[1]))];
};

describe('shop CSP frame-src: the players the API embeds', () => {
  it('has the API’s default origins', () => {
    expect(apiDefaultOrigins()).toHaveLength(3);
    expect(DEFAULT_EMBED_ORIGINS).toEqual(apiDefaultOrigins());
    expect(embedOriginsFromEnv(undefined)).toEqual(DEFAULT_EMBED_ORIGINS);
  });

  it('reads LIVE_EMBED_PLATFORMS as the API does', () => {
    const raw = 'loop=http://127.0.0.1:4100/embed/, bili=https://player.bilibili.com/player.html,bili2=https://player.bilibili.com/x/';
    // libs/live stream-player.spec: the API's parseEmbedRules gives these origins for the same value.
    expect(embedOriginsFromEnv(raw)).toEqual(['http://127.0.0.1:4100', 'https://player.bilibili.com']);
    expect(embedOriginsFromEnv('')).toEqual([]);
    // Entries the API refuses are never framed.
    expect(embedOriginsFromEnv('x=http://example.com/embed/,https://a.example/,y=nope')).toEqual([]);
  });

  it('is frame-src only', () => {
    expect(contentSecurityPolicy(DEFAULT_EMBED_ORIGINS)).toBe('frame-src https://player.bilibili.com https://player.youku.com https://v.qq.com');
    expect(contentSecurityPolicy([])).toBe("frame-src 'none'");
  });

  it('is sent on the live page only (the card step frames Stripe)', () => {
    expect(isLivePage('/zh-CN/live/3f1c2b8e-6a51-4f7e-9d1a-0a4b5c6d7e8f')).toBe(true);
    expect(isLivePage('/fr/live')).toBe(true);
    for (const other of ['/zh-CN', '/zh-CN/checkout/card', '/en/products/x', '/zh-CN/lives/x', '/zh-CN/drops/x']) expect(isLivePage(other)).toBe(false);
  });
});
