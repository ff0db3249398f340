import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createBrand, createMuseum, createUser } from '@vitrine/shared/testing';
import { photoLinkConfigFromEnv } from '../../libs/orders/src/lib/after-sales/application/return-photo-links.service';
import { photoLinkSignature } from '../../libs/orders/src/lib/after-sales/domain/photo-links';
import type { ApiHarness } from '../support/api-harness';
import { CarrierLoopback } from '../support/carrier-loopback';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, residentId, seedFx, seedShop, startCheckoutApi, type Shop } from '../support/checkout-fixtures';
import { CustomsLoopback } from '../support/customs-loopback';
import { signingKeys } from '../support/pipeline-fixtures';
import type { StripeLoopback } from '../support/stripe-loopback';
import { dropQueues, startWorker, until, waitForOutput } from '../support/worker-process';

const FIXTURES = path.resolve(__dirname, '../fixtures/return-photos');
const file = (name: string) => readFileSync(path.join(FIXTURES, name));
const b64 = (data: Buffer) => data.toString('base64');

const REQUEST = `mutation($i: RequestReturnInput!) { requestReturn(input: $i) { id status photos { id position contentType byteSize } } }`;
const SELLER_VIEW = `query($id: ID!) { museumReturn(id: $id) { id status photos { id position contentType byteSize url urlExpiresAt } history(locale: "en") { kind detail } } }`;
const SHOPPER_VIEW = `query($id: ID!) { order(id: $id) { returns { id photos { position contentType url } } } }`;
const DECIDE = `mutation($id: ID!, $accept: Boolean!) { decideReturn(returnId: $id, accept: $accept, comment: "Opened and used") { id status } }`;

/**
 * A shopper attaches photos to a return request: JPEG, PNG and WebP recognised by their bytes
 * (a GIF or a text file named .jpg is refused), at most RETURN_PHOTO_MAX_COUNT of at most
 * RETURN_PHOTO_MAX_BYTES each, each refusal a stable code with nothing written (no return, no
 * photo row, no file). Accepted photos are kept under RETURN_PHOTOS_DIR and shown to the museum
 * of the order (museumReturn) and the shopper through signed, expiring links, never to another
 * museum's manager, another brand or another shopper; a link changed in any part, or expired,
 * answers 403. Once the return is refused (or closed) the real worker deletes its photos (files,
 * folder, rows) and their links answer 404; returns refused before that job existed are caught
 * up by the sweep. The order reaches DELIVERED through the real worker and loopbacks.
 */
describe('return photos', () => {
  let api: ApiHarness;
  let stripe: StripeLoopback;
  let close: () => Promise<void>;
  let customs: CustomsLoopback;
  let carrier: CarrierLoopback;
  let worker: ReturnType<typeof startWorker>;
  let shop: Shop;
  const keys = signingKeys();
  const prefix = `test-return-photos-${randomBytes(4).toString('hex')}`;
  const dir = mkdtempSync(path.join(tmpdir(), 'vitrine-return-photos-'));
  const MAX_BYTES = 12_000;

  beforeAll(async () => {
    ({ api, stripe, close } = await startCheckoutApi({ QUEUE_PREFIX: prefix, RETURN_PHOTOS_DIR: dir, RETURN_PHOTO_MAX_COUNT: '3', RETURN_PHOTO_MAX_BYTES: String(MAX_BYTES) }));
    await seedFx(api.db.prisma, '7.8000');
    shop = await seedShop(api.db.prisma, { prices: [2_500, 4_000], stock: 20 });
    customs = await CustomsLoopback.start({ publicKey: keys.publicKey });
    carrier = await CarrierLoopback.start();
    worker = startWorker({ DATABASE_URL: api.db.url, QUEUE_PREFIX: prefix, RETURN_PHOTOS_DIR: dir, RETURNS_SWEEP_MS: '500', ...customs.env, ...carrier.env, ...keys.env });
    await waitForOutput(worker, /worker ready/);
  }, 180_000);
  afterAll(async () => {
    await worker?.stop('SIGTERM');
    await customs?.close();
    await carrier?.close();
    await close?.();
    await dropQueues(prefix);
    for (const k of ['QUEUE_PREFIX', 'RETURN_PHOTOS_DIR', 'RETURN_PHOTO_MAX_COUNT', 'RETURN_PHOTO_MAX_BYTES']) delete process.env[k];
    rmSync(dir, { recursive: true, force: true });
  });

  const filesOnDisk = (): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(path.join(dir, f)).isFile());
  const nothingWritten = async () => {
    expect(await api.db.prisma.orderReturn.count()).toBe(0);
    expect(await api.db.prisma.orderReturnPhoto.count()).toBe(0);
    expect(filesOnDisk()).toEqual([]);
  };

  /** A delivered order of `quantity` units of the shop's first item, through the worker and loopbacks. */
  async function deliveredOrder(shopper: string, quantity: number, key: string, id: number) {
    const added: any = await api.gql(ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity, cartToken: null } }, shopper);
    expect(added.errors).toBeUndefined();
    const placed: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(added.data.addCartLine.cart.id, `${key}-${prefix}`, { id: residentId(id), name: '周婷' }) }, shopper);
    expect(placed.errors).toBeUndefined();
    const order = placed.data.placeOrder.orders[0];
    expect(await stripe.deliver(api.baseUrl, stripe.succeed(placed.data.placeOrder.payment.paymentIntentId))).toBe(200);
    await until('the order delivered', async () => (await api.db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status === 'DELIVERED', 90_000, worker);
    return order;
  }

  /** GET a photo link on the API, without credentials. */
  const open = async (url: string) => {
    const res = await fetch(`${api.baseUrl}${url}`);
    return { status: res.status, type: res.headers.get('content-type'), cache: res.headers.get('cache-control'), body: Buffer.from(await res.arrayBuffer()) };
  };

  it('checks count, size and type by the bytes, stores what passes, and shows it to the museum of the order only', async () => {
    const shopper = await api.login((await createUser(api.db.prisma, 'SHOPPER')).email);
    const stranger = await api.login((await createUser(api.db.prisma, 'SHOPPER')).email);
    const manager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
    const otherMuseum = await createMuseum(api.db.prisma);
    const otherManager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [otherMuseum.id] })).email);
    const brand = await api.login((await createUser(api.db.prisma, 'BRAND_PARTNER', { brandId: (await createBrand(api.db.prisma)).id })).email);

    const order = await deliveredOrder(shopper, 2, 'photos', 7401);
    const line = order.lines[0];

    const jpeg = file('cracked-vase.jpg');
    const png = file('cracked-vase.png');
    const webp = file('cracked-vase.webp');
    const ask = (photos: { filename?: string; contentBase64: string }[], quantity = 1) =>
      api.gql(REQUEST, { i: { orderId: order.id, reason: 'DAMAGED', lines: [{ lineId: line.id, quantity }], photos } }, shopper) as Promise<any>;
    const refusal = (r: any) => ({ code: r.errors?.[0]?.extensions?.code, field: r.errors?.[0]?.extensions?.field });

    // Refused, each with its code and the photo it names; nothing written.
    expect(refusal(await ask([jpeg, png, webp, jpeg].map((d) => ({ contentBase64: b64(d) }))))).toEqual({ code: 'TOO_MANY_RETURN_PHOTOS', field: 'input.photos' });
    // A GIF, and a text file, both named .jpg: the bytes decide.
    expect(refusal(await ask([{ filename: 'vase.jpg', contentBase64: b64(jpeg) }, { filename: 'vase.jpg', contentBase64: b64(file('cracked-vase.gif').subarray(0, MAX_BYTES)) }]))).toEqual({
      code: 'RETURN_PHOTO_TYPE_NOT_ALLOWED',
      field: 'input.photos.1',
    });
    expect(refusal(await ask([{ filename: 'notes.jpg', contentBase64: b64(file('notes.jpg')) }]))).toEqual({ code: 'RETURN_PHOTO_TYPE_NOT_ALLOWED', field: 'input.photos.0' });
    expect(refusal(await ask([{ contentBase64: 'not base64 at all!' }]))).toEqual({ code: 'RETURN_PHOTO_TYPE_NOT_ALLOWED', field: 'input.photos.0' });
    // A JPEG above the limit (its own header, then padding).
    const big = Buffer.concat([jpeg, Buffer.alloc(MAX_BYTES - jpeg.length + 1)]);
    expect(refusal(await ask([{ contentBase64: b64(png) }, { contentBase64: b64(big) }]))).toEqual({ code: 'RETURN_PHOTO_TOO_LARGE', field: 'input.photos.1' });
    // Valid photos, but more units than bought: refused after the photos passed, and none stays on disk.
    expect((await ask([{ contentBase64: b64(jpeg) }], 3)).errors[0].extensions.code).toBe('VALIDATION_FAILED');
    await nothingWritten();

    // JPEG, PNG and WebP: kept in their order, typed by their bytes (a PNG sent as "photo.jpg" is a PNG).
    const ok = await ask([{ filename: 'a.jpg', contentBase64: b64(jpeg) }, { filename: 'photo.jpg', contentBase64: b64(png) }, { contentBase64: b64(webp) }]);
    expect(ok.errors).toBeUndefined();
    const ret = ok.data.requestReturn;
    expect(ret.photos.map((p: any) => [p.position, p.contentType, p.byteSize])).toEqual([
      [0, 'image/jpeg', jpeg.length],
      [1, 'image/png', png.length],
      [2, 'image/webp', webp.length],
    ]);
    const rows = await api.db.prisma.orderReturnPhoto.findMany({ where: { returnId: ret.id }, orderBy: { position: 'asc' } });
    expect(rows.map((r) => r.sha256)).toEqual([jpeg, png, webp].map((d) => createHash('sha256').update(d).digest('hex')));
    // On disk under RETURN_PHOTOS_DIR, one folder per return, byte for byte.
    expect(filesOnDisk().sort()).toEqual(rows.map((r) => r.storageKey).sort());
    expect(rows.every((r) => r.storageKey.startsWith(`${ret.id}/`))).toBe(true);
    rows.forEach((r, i) => expect(readFileSync(path.join(dir, r.storageKey)).equals([jpeg, png, webp][i]!)).toBe(true));

    // The museum of the order sees them through signed links, working about RETURN_PHOTO_URL_TTL_SECONDS (300 s, to the minute), of the same bytes.
    const seen: any = await api.gql(SELLER_VIEW, { id: ret.id }, manager);
    expect(seen.errors).toBeUndefined();
    const photos = seen.data.museumReturn.photos;
    for (const p of photos) {
      expect(p.url).toMatch(new RegExp(`^/return-photos/${p.id}\\?expires=[0-9]+&signature=[A-Za-z0-9_-]{43}$`));
      const ttl = Date.parse(p.urlExpiresAt) - Date.now();
      expect(ttl).toBeGreaterThan(295_000);
      expect(ttl).toBeLessThanOrEqual(360_000);
    }
    const opened = await Promise.all(photos.map((p: any) => open(p.url)));
    expect(opened.map((o) => [o.status, o.type])).toEqual([
      [200, 'image/jpeg'],
      [200, 'image/png'],
      [200, 'image/webp'],
    ]);
    opened.forEach((o, i) => expect(o.body.equals([jpeg, png, webp][i]!)).toBe(true));
    expect(opened[0]!.cache).toMatch(/^private, max-age=[0-9]+$/);
    // The shopper sees their own on the order, through links too.
    const own: any = await api.gql(SHOPPER_VIEW, { id: order.id }, shopper);
    expect(own.data.order.returns[0].photos.map((p: any) => p.contentType)).toEqual(['image/jpeg', 'image/png', 'image/webp']);
    expect((await open(own.data.order.returns[0].photos[1].url)).body.equals(png)).toBe(true);
    // Nobody else: another museum's manager, a brand that did not fulfil it, another shopper.
    for (const token of [otherManager, brand]) {
      const r: any = await api.gql(SELLER_VIEW, { id: ret.id }, token);
      expect(r.data).toBeNull();
      expect(r.errors[0].extensions.code).toBe('NOT_FOUND');
    }
    const foreign: any = await api.gql(SHOPPER_VIEW, { id: order.id }, stranger);
    expect(foreign.errors[0].extensions.code).toBe('NOT_FOUND');
    // And not through the list of another museum.
    const list: any = await api.gql(`query($m: ID) { museumReturns(museumId: $m, first: 20) { nodes { id photos { url } } } }`, { m: shop.museumId }, otherManager);
    expect(list.errors[0].extensions.code).toBe('NOT_FOUND');
    // Their own list (all the museums they manage) has none of it either.
    const mine: any = await api.gql(`query { museumReturns(first: 20) { nodes { id photos { url } } } }`, {}, otherManager);
    expect(mine.errors).toBeUndefined();
    expect(mine.data.museumReturns.nodes).toEqual([]);
  }, 240_000);

  it('answers 403 to a link changed or expired; deletes the photos of a refused return through the worker, after which its links answer 404', async () => {
    const shopper = await api.login((await createUser(api.db.prisma, 'SHOPPER')).email);
    const manager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
    const other = await seedShop(api.db.prisma, { prices: [3_000], stock: 5 });
    const otherManager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [other.museumId] })).email);
    const jpeg = file('cracked-vase.jpg');
    const png = file('cracked-vase.png');
    const order = await deliveredOrder(shopper, 3, 'refused', 7402);
    const line = order.lines[0];
    const ask = async (photos: Buffer[]) => {
      const r: any = await api.gql(REQUEST, { i: { orderId: order.id, reason: 'DAMAGED', lines: [{ lineId: line.id, quantity: 1 }], photos: photos.map((d) => ({ contentBase64: b64(d) })) } }, shopper);
      expect(r.errors).toBeUndefined();
      return r.data.requestReturn.id as string;
    };
    const refusedId = await ask([jpeg, png]);
    const keptId = await ask([png]);
    const view = async (id: string) => ((await api.gql(SELLER_VIEW, { id }, manager)) as any).data.museumReturn;
    const [a, b] = (await view(refusedId)).photos;
    const kept = (await view(keptId)).photos[0];
    expect((await open(a.url)).status).toBe(200);

    // Changed in any part: another photo's id under this signature, another time, another signature, none at all.
    const u = new URL(a.url, api.baseUrl);
    const sig = u.searchParams.get('signature')!;
    const exp = u.searchParams.get('expires')!;
    const flipped = `${sig.slice(0, 10)}${sig[10] === 'A' ? 'B' : 'A'}${sig.slice(11)}`;
    const tampered = [
      `/return-photos/${b.id}?expires=${exp}&signature=${sig}`,
      `/return-photos/${a.id}?expires=${Number(exp) + 3600}&signature=${sig}`,
      `/return-photos/${a.id}?expires=${exp}&signature=${flipped}`,
      `/return-photos/${a.id}?expires=${exp}`,
      `/return-photos/${a.id}`,
    ];
    for (const t of tampered) {
      const r = await open(t);
      expect([t, r.status, JSON.parse(r.body.toString()).code]).toEqual([t, 403, 'FORBIDDEN']);
    }
    // Signed with the API's own key but past its time: expired, 403 too.
    const key = photoLinkConfigFromEnv().secret;
    const past = Math.floor(Date.now() / 1000) - 1;
    expect((await open(`/return-photos/${a.id}?expires=${past}&signature=${photoLinkSignature(key, a.id, past)}`)).status).toBe(403);
    // Not a photo id at all: 404.
    expect((await open(`/return-photos/not-a-photo?expires=${exp}&signature=${sig}`)).status).toBe(404);

    // Another museum's manager: no link through GraphQL, and their own return's link does not open this one's photo.
    const denied: any = await api.gql(SELLER_VIEW, { id: refusedId }, otherManager);
    expect(denied.data).toBeNull();
    expect(denied.errors[0].extensions.code).toBe('NOT_FOUND');
    const theirShopper = await api.login((await createUser(api.db.prisma, 'SHOPPER')).email);
    const added: any = await api.gql(ADD_LINE, { i: { variantId: other.variants[0]!.id, quantity: 1, cartToken: null } }, theirShopper);
    const placed: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(added.data.addCartLine.cart.id, `theirs-${prefix}`, { id: residentId(7403), name: '李娜' }) }, theirShopper);
    expect(placed.errors).toBeUndefined();
    const theirOrder = placed.data.placeOrder.orders[0];
    expect(await stripe.deliver(api.baseUrl, stripe.succeed(placed.data.placeOrder.payment.paymentIntentId))).toBe(200);
    await until('their order delivered', async () => (await api.db.prisma.order.findUniqueOrThrow({ where: { id: theirOrder.id } })).status === 'DELIVERED', 90_000, worker);
    const theirs: any = await api.gql(REQUEST, { i: { orderId: theirOrder.id, reason: 'WRONG_ITEM', lines: [{ lineId: theirOrder.lines[0].id, quantity: 1 }], photos: [{ contentBase64: b64(jpeg) }] } }, theirShopper);
    expect(theirs.errors).toBeUndefined();
    const theirLink = new URL(((await api.gql(SELLER_VIEW, { id: theirs.data.requestReturn.id }, otherManager)) as any).data.museumReturn.photos[0].url, api.baseUrl);
    expect((await open(`${theirLink.pathname}${theirLink.search}`)).status).toBe(200);
    expect((await open(`/return-photos/${a.id}${theirLink.search}`)).status).toBe(403);

    // Refused: the worker deletes its photos (files, the return's folder, rows) and says so in the history; the other return keeps its own.
    const refusedRows = await api.db.prisma.orderReturnPhoto.findMany({ where: { returnId: refusedId } });
    expect(refusedRows).toHaveLength(2);
    const refused: any = await api.gql(DECIDE, { id: refusedId, accept: false }, manager);
    expect(refused.errors).toBeUndefined();
    expect(refused.data.decideReturn.status).toBe('REFUSED');
    await until('the refused return’s photos deleted', async () => (await api.db.prisma.orderReturnPhoto.count({ where: { returnId: refusedId } })) === 0, 30_000, worker);
    expect(filesOnDisk().filter((f) => f.startsWith(refusedId))).toEqual([]);
    expect(readdirSync(dir)).not.toContain(refusedId);
    const after = await view(refusedId);
    expect(after.status).toBe('REFUSED');
    expect(after.photos).toEqual([]);
    await until('the deletion in the history', async () => (await view(refusedId)).history.some((e: any) => e.kind === 'PHOTOS_DELETED'), 10_000, worker);
    expect((await view(refusedId)).history.filter((e: any) => e.kind === 'PHOTOS_DELETED')).toEqual([{ kind: 'PHOTOS_DELETED', detail: 'The shopper’s 2 photo(s) deleted' }]);
    // Links given before, still within their time and rightly signed: the photos are gone (404).
    for (const p of [a, b]) {
      const r = await open(p.url);
      expect([r.status, JSON.parse(r.body.toString()).code]).toEqual([404, 'NOT_FOUND']);
    }
    // The return still open keeps its photo, file and link.
    expect((await open(kept.url)).body.equals(png)).toBe(true);
    expect(await api.db.prisma.orderReturnPhoto.count({ where: { returnId: keptId } })).toBe(1);

    // A return refused before the deletion job existed (its photos still kept, no job queued): the worker's sweep catches it up.
    await api.db.prisma.orderReturn.update({ where: { id: keptId }, data: { status: 'REFUSED', decidedAt: new Date(), decisionComment: 'legacy' } });
    await until('the legacy refused return’s photo deleted by the sweep', async () => (await api.db.prisma.orderReturnPhoto.count({ where: { returnId: keptId } })) === 0, 30_000, worker);
    expect(filesOnDisk().filter((f) => f.startsWith(keptId))).toEqual([]);
    expect((await open(kept.url)).status).toBe(404);
    // Other museums' photos are untouched.
    expect((await open(`${theirLink.pathname}${theirLink.search}`)).status).toBe(200);
  }, 240_000);

  it('keeps the photos of an accepted return until it is closed (refunded), then the worker deletes them', async () => {
    const shopper = await api.login((await createUser(api.db.prisma, 'SHOPPER')).email);
    const manager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
    const order = await deliveredOrder(shopper, 1, 'closed', 7404);
    const line = order.lines[0];
    const asked: any = await api.gql(REQUEST, { i: { orderId: order.id, reason: 'DAMAGED', lines: [{ lineId: line.id, quantity: 1 }], photos: [{ contentBase64: b64(file('cracked-vase.webp')) }] } }, shopper);
    expect(asked.errors).toBeUndefined();
    const id = asked.data.requestReturn.id as string;
    expect(((await api.gql(DECIDE, { id, accept: true }, manager)) as any).data.decideReturn.status).toBe('ACCEPTED');
    // Accepted, its waybill booked by the worker: the photo stays (the museum inspects against it).
    await until('the return waybill booked', async () => (await api.db.prisma.orderReturn.findUniqueOrThrow({ where: { id } })).returnLogisticsNo !== null, 30_000, worker);
    const link = ((await api.gql(SELLER_VIEW, { id }, manager)) as any).data.museumReturn.photos[0].url;
    expect((await open(link)).status).toBe(200);
    expect(((await api.gql(`mutation($id: ID!) { markReturnReceived(returnId: $id) { id } }`, { id }, manager)) as any).errors).toBeUndefined();
    const inspected: any = await api.gql(`mutation($i: InspectReturnInput!) { inspectReturn(input: $i) { id status } }`, { i: { returnId: id, lines: [{ lineId: line.id, acceptedQuantity: 1, sellable: false }] } }, manager);
    expect(inspected.errors).toBeUndefined();
    expect(inspected.data.inspectReturn.status).toBe('REFUNDED');
    await until('the closed return’s photo deleted', async () => (await api.db.prisma.orderReturnPhoto.count({ where: { returnId: id } })) === 0, 30_000, worker);
    expect(filesOnDisk().filter((f) => f.startsWith(id))).toEqual([]);
    expect((await open(link)).status).toBe(404);
    const history = ((await api.gql(SELLER_VIEW, { id }, manager)) as any).data.museumReturn.history.map((e: any) => e.kind);
    // After the refund, once (customs' answer to the return declaration may come before or after: the worker's own pace).
    expect(history.filter((k: string) => !k.startsWith('CUSTOMS_')).slice(-2)).toEqual(['REFUNDED', 'PHOTOS_DELETED']);
    expect(history.filter((k: string) => k === 'PHOTOS_DELETED')).toHaveLength(1);
  }, 240_000);
});
