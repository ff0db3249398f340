import { classifyStreamUrl, DEFAULT_EMBED_RULES, embedOrigins, parseEmbedRules, streamPlayer } from './stream-player';

const rules = DEFAULT_EMBED_RULES;
const kind = (url: string) => {
  const v = classifyStreamUrl(url, rules);
  return v.ok ? v.player.kind : v.problem;
};

describe('stream player (issue 22): embed, link or refused', () => {
  it('embeds the partner players’ embed URL shapes', () => {
    expect(classifyStreamUrl('https://player.bilibili.com/player.html?bvid=BV1xx411c7mD&autoplay=0', rules)).toEqual({
      ok: true,
      player: { kind: 'EMBED', embedUrl: 'https://player.bilibili.com/player.html?bvid=BV1xx411c7mD&autoplay=0', platform: 'bilibili' },
    });
    expect(classifyStreamUrl(' https://player.youku.com/embed/XNDk2NzQ4MjA4OA== ', rules)).toMatchObject({ ok: true, player: { kind: 'EMBED', platform: 'youku' } });
    expect(classifyStreamUrl('https://v.qq.com/txp/iframe/player.html?vid=x00123abcd', rules)).toMatchObject({ ok: true, player: { kind: 'EMBED', platform: 'tencent-video' } });
    // Host case and the default port do not matter; the embed URL is the parsed one.
    expect(classifyStreamUrl('https://PLAYER.bilibili.com:443/player.html?bvid=BV1', rules)).toMatchObject({ ok: true, player: { embedUrl: 'https://player.bilibili.com/player.html?bvid=BV1' } });
  });

  it('links to watch pages and link-only platforms (WeChat Channels, Douyin, Taobao Live)', () => {
    for (const url of [
      'https://www.bilibili.com/video/BV1xx411c7mD',
      'https://live.bilibili.com/21452505',
      'https://v.qq.com/x/cover/abc.html',
      'https://channels.weixin.qq.com/live/abc',
      'https://live.douyin.com/123456',
      'https://tbzb.taobao.com/live?liveId=1',
      // Another origin or another path on the player's host is not the player.
      'https://player.bilibili.com.evil.example/player.html',
      'https://player.youku.com/other/XN',
    ]) {
      expect([url, kind(url)]).toEqual([url, 'LINK']);
      expect(streamPlayer(url, rules)).toEqual({ kind: 'LINK', embedUrl: null, platform: null });
    }
  });

  it('refuses what is neither https nor an allowed player', () => {
    expect(kind('http://live.example.cn/room/1')).toBe('NOT_HTTPS');
    expect(kind('http://player.bilibili.com/player.html?bvid=BV1')).toBe('NOT_HTTPS');
    expect(kind('javascript:alert(1)')).toBe('NOT_HTTPS');
    expect(kind('data:text/html,<b>x</b>')).toBe('NOT_HTTPS');
    expect(kind('ftp://live.example.cn/x')).toBe('NOT_HTTPS');
    expect(kind('player.bilibili.com/player.html')).toBe('NOT_A_URL');
    expect(kind('not a url')).toBe('NOT_A_URL');
    expect(kind('https://user:secret@player.bilibili.com/player.html?bvid=1')).toBe('HAS_CREDENTIALS');
    // Saved before the rules changed: shown as a link, never embedded.
    expect(streamPlayer('http://live.example.cn/x', rules)).toEqual({ kind: 'LINK', embedUrl: null, platform: null });
  });

  it('reads LIVE_EMBED_PLATFORMS: replaces the defaults, http only on loopback, empty embeds nothing', () => {
    expect(parseEmbedRules(undefined)).toEqual(DEFAULT_EMBED_RULES);
    expect(parseEmbedRules('')).toEqual([]);
    const test = parseEmbedRules(' loop=http://127.0.0.1:4100/embed/ , bili=https://player.bilibili.com/player.html');
    expect(test).toEqual([
      { platform: 'loop', origin: 'http://127.0.0.1:4100', pathPrefix: '/embed/' },
      { platform: 'bili', origin: 'https://player.bilibili.com', pathPrefix: '/player.html' },
    ]);
    expect(classifyStreamUrl('http://127.0.0.1:4100/embed/room-1', test)).toMatchObject({ ok: true, player: { kind: 'EMBED', platform: 'loop' } });
    // The allowed loopback prefix does not open plain http elsewhere, not even on its own host.
    expect(classifyStreamUrl('http://127.0.0.1:4100/other', test)).toEqual({ ok: false, problem: 'NOT_HTTPS' });
    expect(classifyStreamUrl('https://player.youku.com/embed/X', test)).toMatchObject({ ok: true, player: { kind: 'LINK' } });
    for (const bad of ['x=http://example.com/embed/', 'https://player.bilibili.com/', 'y=https://a.example/p?q=1', 'z=https://u:p@a.example/', 'w=not a url', 'v w=https://a.example/']) {
      expect(() => parseEmbedRules(bad)).toThrow(/LIVE_EMBED_PLATFORMS/);
    }
  });

  it('the shop frames exactly the rules’ origins, each once', () => {
    expect(embedOrigins(DEFAULT_EMBED_RULES)).toEqual(['https://player.bilibili.com', 'https://player.youku.com', 'https://v.qq.com']);
    expect(embedOrigins(parseEmbedRules('a=https://x.example/a/,b=https://x.example/b/'))).toEqual(['https://x.example']);
  });
});
