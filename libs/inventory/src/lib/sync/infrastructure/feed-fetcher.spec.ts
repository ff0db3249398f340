import { FeedFetcher, assertPublicHost } from './feed-fetcher';

describe('museum-given URLs', () => {
  it('are refused when they point at a private or loopback address (production)', async () => {
    for (const url of ['http://127.0.0.1/feed.csv', 'http://10.1.2.3/x', 'http://192.168.0.5/x', 'http://172.20.0.1/x', 'http://169.254.169.254/latest/meta-data', 'http://[::1]/x', 'http://localhost/x']) {
      await expect(assertPublicHost(new URL(url))).rejects.toThrow(/private address/);
    }
    await expect(assertPublicHost(new URL('http://93.184.215.14/x'))).resolves.toBeUndefined();
    const fetcher = new FeedFetcher({ timeoutMs: 1_000, maxBytes: 1_000, allowPrivate: false });
    await expect(fetcher.fetch('ftp://example.org/feed.csv')).rejects.toThrow(/http or https/);
    await expect(fetcher.fetch('http://127.0.0.1:9/feed.csv')).rejects.toThrow(/private address/);
  });
});
