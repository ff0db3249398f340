import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

export class FeedFetchError extends Error {}

function isPrivate(address: string): boolean {
  if (isIP(address) === 6) {
    const a = address.toLowerCase();
    if (a.startsWith('::ffff:')) return isPrivate(a.slice(7));
    return a === '::1' || a === '::' || a.startsWith('fc') || a.startsWith('fd') || a.startsWith('fe8') || a.startsWith('fe9') || a.startsWith('fea') || a.startsWith('feb');
  }
  const [a, b] = address.split('.').map(Number);
  return a === 10 || a === 127 || a === 0 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
}

/** Refuses a URL whose host is (or resolves to) a private or loopback address: museum-given URLs must not reach our network. */
export async function assertPublicHost(url: URL): Promise<void> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
  if (!addresses.length) throw new FeedFetchError(`cannot resolve ${host}`);
  if (addresses.some(isPrivate)) throw new FeedFetchError(`${host} is a private address`);
}

/**
 * Fetches a museum's feed URL: http(s) only, bounded in time and size, and (in production)
 * never towards a private or loopback address, so a feed URL cannot be used to reach the
 * platform's own network.
 */
export class FeedFetcher {
  constructor(private readonly options: { timeoutMs: number; maxBytes: number; allowPrivate: boolean }) {}

  async fetch(url: string): Promise<string> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new FeedFetchError('the feed URL is not a URL');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new FeedFetchError('feed URLs are http or https');
    if (!this.options.allowPrivate) await assertPublicHost(parsed);
    let res: Response;
    try {
      res = await fetch(parsed, { redirect: 'error', signal: AbortSignal.timeout(this.options.timeoutMs), headers: { accept: 'text/csv, application/json;q=0.9, */*;q=0.1' } });
    } catch (error) {
      throw new FeedFetchError(`the feed URL did not answer: ${(error as Error).message}`);
    }
    if (!res.ok) throw new FeedFetchError(`the feed URL answered HTTP ${res.status}`);
    const declared = Number(res.headers.get('content-length') ?? 0);
    if (declared > this.options.maxBytes) throw new FeedFetchError(`the feed is larger than ${this.options.maxBytes} bytes`);
    const reader = res.body?.getReader();
    if (!reader) return '';
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > this.options.maxBytes) {
        await reader.cancel();
        throw new FeedFetchError(`the feed is larger than ${this.options.maxBytes} bytes`);
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks).toString('utf8');
  }
}
