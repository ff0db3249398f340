import type { ApiHarness } from './api-harness';
import { gqlAt } from './api-harness';
import type { Shop } from './checkout-fixtures';

const PRODUCT = `query($id: ID!) { product(id: $id, locale: en) { id name variants { price { amount } } } }`;
const LIST = `query($slug: String) { products(first: 10, filter: { storefrontSlug: $slug }, locale: en) { nodes { id name variants { price { amount } } } } }`;
const UPDATE = `mutation($i: UpdateProductInput!) { updateProduct(input: $i) { id } }`;
const ARCHIVE = `mutation($id: ID!) { archiveProduct(id: $id) { id status } }`;

/** How soon after a manager’s change every API process answers it: ADR 0010 promises a Redis round trip (the TTL is 30 s); this allows for two reads per look on a loaded 2-core machine. */
export const PURGE_BOUND_MS = 2_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An anonymous read, as the shop sends it (the micro-cache's key is the exact body). */
async function read(url: string, query: string, variables: Record<string, unknown>): Promise<{ hit: boolean; body: any }> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return { hit: res.headers.get('x-cache') === 'HIT', body: await res.json() };
}

/**
 * Anonymous shoppers keep reading a product list and a product page through every API process in
 * `urls` (4 readers each) while a manager changes the product's price `changes` times, through each
 * process in turn, then delists it. After each change the process that took it answers it at once
 * (first read after the mutation's answer), every other within PURGE_BOUND_MS, and 200 ms later no
 * process serves an older answer (one read before the change must not be stored after the purge).
 * Returns the other processes' delays (ms) and the number of reads made meanwhile.
 */
export async function purgeUnderReads(p: { api: ApiHarness; urls: string[]; shop: Shop; slug: string; managerToken: string; changes: number }): Promise<{ latencies: number[]; reads: number }> {
  const { api, urls, slug, managerToken } = p;
  const productId = p.shop.variants[0]!.productId;
  const pagePrice = async (url: string) => {
    const r = await read(url, PRODUCT, { id: productId });
    return r.body.data ? (r.body.data.product.variants[0].price.amount as number) : (r.body.errors[0].extensions.code as string);
  };
  const listPrice = async (url: string) => {
    const node = (await read(url, LIST, { slug })).body.data.products.nodes.find((n: any) => n.id === productId);
    return node ? (node.variants[0].price.amount as number) : 'UNLISTED';
  };
  const both = async (url: string) => [await pagePrice(url), await listPrice(url)];
  /**
   * ms until the page and the list read through `url` answer `want`; throws, with what they
   * answered, when a look sent past the bound still answers otherwise. A look sent within the bound
   * and answered late by a loaded machine (eight readers beside it) is not held against the process.
   */
  async function timeUntil(url: string, want: number | string, wantInList: number | string): Promise<number> {
    const from = Date.now();
    for (;;) {
      const sentAt = Date.now();
      const seen = await both(url);
      if (seen[0] === want && seen[1] === wantInList) return Date.now() - from;
      if (sentAt - from > PURGE_BOUND_MS) throw new Error(`${url} still answered ${JSON.stringify(seen)} to a look sent ${sentAt - from} ms after the change, not ${JSON.stringify([want, wantInList])}`);
      await sleep(10);
    }
  }

  // Every process holds the page and the list.
  for (const url of urls) {
    await both(url);
    const again = [await read(url, PRODUCT, { id: productId }), await read(url, LIST, { slug })];
    if (!again.every((r) => r.hit)) throw new Error(`${url} did not replay the page and the list from its cache`);
  }
  const shown = await pagePrice(urls[0]!);

  let reading = true;
  let reads = 0;
  const readers = urls.flatMap((url) =>
    Array.from({ length: 4 }, async (_, k) => {
      while (reading) {
        await (k % 2 ? read(url, PRODUCT, { id: productId }) : read(url, LIST, { slug }));
        reads++;
      }
    }),
  );
  const variant = await api.db.prisma.productVariant.findUniqueOrThrow({ where: { id: p.shop.variants[0]!.id } });
  const variantInput = { id: variant.id, sku: variant.sku, hsCode: variant.hsCode, originCountry: variant.originCountry, weightGrams: variant.weightGrams };
  const latencies: number[] = [];
  const expectSame = (what: string, got: unknown, want: unknown) => {
    if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`${what}: answered ${JSON.stringify(got)}, not ${JSON.stringify(want)}`);
  };
  try {
    for (let i = 1; i <= p.changes; i++) {
      const took = urls[i % urls.length]!;
      const r = await gqlAt(took, UPDATE, { i: { id: productId, variants: [{ ...variantInput, priceMinor: variant.priceMinor + 100 * i }] } }, managerToken);
      if (r.errors) throw new Error(`updateProduct: ${JSON.stringify(r.errors)}`);
      // The price as the shop shows it (CNY), read by the signed-in manager (never cached).
      const want = ((await gqlAt(took, PRODUCT, { id: productId }, managerToken)).data as any).product.variants[0].price.amount as number;
      if (want === shown) throw new Error('the price shown did not change');
      expectSame(`${took} (took change ${i})`, await both(took), [want, want]);
      for (const url of urls) if (url !== took) latencies.push(await timeUntil(url, want, want));
      await sleep(200);
      for (const url of urls) expectSame(`${url} 200 ms after change ${i}`, await both(url), [want, want]);
    }
    // Delisted through one process: the page is gone and the list lacks it everywhere.
    const took = urls[0]!;
    const archived = await gqlAt(took, ARCHIVE, { id: productId }, managerToken);
    if (archived.errors) throw new Error(`archiveProduct: ${JSON.stringify(archived.errors)}`);
    expectSame(`${took} (took the delisting)`, await both(took), ['NOT_FOUND', 'UNLISTED']);
    for (const url of urls) if (url !== took) latencies.push(await timeUntil(url, 'NOT_FOUND', 'UNLISTED'));
    await sleep(200);
    for (const url of urls) expectSame(`${url} 200 ms after the delisting`, await both(url), ['NOT_FOUND', 'UNLISTED']);
  } finally {
    reading = false;
    await Promise.all(readers);
  }
  return { latencies, reads };
}
