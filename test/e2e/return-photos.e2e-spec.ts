import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createBrand, createMuseum, createUser } from '@vitrine/shared/testing';
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
const SELLER_VIEW = `query($id: ID!) { museumReturn(id: $id) { id photos { position contentType byteSize dataUrl } } }`;
const SHOPPER_VIEW = `query($id: ID!) { order(id: $id) { returns { id photos { position contentType dataUrl } } } }`;

/**
 * A shopper attaches photos to a return request: JPEG, PNG and WebP recognised by their bytes
 * (a GIF or a text file named .jpg is refused), at most RETURN_PHOTO_MAX_COUNT of at most
 * RETURN_PHOTO_MAX_BYTES each, each refusal a stable code with nothing written (no return, no
 * photo row, no file). Accepted photos are kept under RETURN_PHOTOS_DIR and shown to the museum
 * of the order (museumReturn) and the shopper, never to another museum's manager, another
 * brand or another shopper. The order reaches DELIVERED through the real worker and loopbacks.
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
    worker = startWorker({ DATABASE_URL: api.db.url, QUEUE_PREFIX: prefix, ...customs.env, ...carrier.env, ...keys.env });
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

  it('checks count, size and type by the bytes, stores what passes, and shows it to the museum of the order only', async () => {
    const shopper = await api.login((await createUser(api.db.prisma, 'SHOPPER')).email);
    const stranger = await api.login((await createUser(api.db.prisma, 'SHOPPER')).email);
    const manager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
    const otherMuseum = await createMuseum(api.db.prisma);
    const otherManager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [otherMuseum.id] })).email);
    const brand = await api.login((await createUser(api.db.prisma, 'BRAND_PARTNER', { brandId: (await createBrand(api.db.prisma)).id })).email);

    const added: any = await api.gql(ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity: 2, cartToken: null } }, shopper);
    expect(added.errors).toBeUndefined();
    const placed: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(added.data.addCartLine.cart.id, `photos-${prefix}`, { id: residentId(7401), name: '周婷' }) }, shopper);
    expect(placed.errors).toBeUndefined();
    const order = placed.data.placeOrder.orders[0];
    expect(await stripe.deliver(api.baseUrl, stripe.succeed(placed.data.placeOrder.payment.paymentIntentId))).toBe(200);
    await until('the order delivered', async () => (await api.db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status === 'DELIVERED', 90_000, worker);
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

    // The museum of the order sees them, as data URLs of the same bytes.
    const seen: any = await api.gql(SELLER_VIEW, { id: ret.id }, manager);
    expect(seen.errors).toBeUndefined();
    expect(seen.data.museumReturn.photos.map((p: any) => p.dataUrl)).toEqual([
      `data:image/jpeg;base64,${b64(jpeg)}`,
      `data:image/png;base64,${b64(png)}`,
      `data:image/webp;base64,${b64(webp)}`,
    ]);
    // The shopper sees their own on the order.
    const own: any = await api.gql(SHOPPER_VIEW, { id: order.id }, shopper);
    expect(own.data.order.returns[0].photos.map((p: any) => p.contentType)).toEqual(['image/jpeg', 'image/png', 'image/webp']);
    // Nobody else: another museum's manager, a brand that did not fulfil it, another shopper.
    for (const token of [otherManager, brand]) {
      const r: any = await api.gql(SELLER_VIEW, { id: ret.id }, token);
      expect(r.data).toBeNull();
      expect(r.errors[0].extensions.code).toBe('NOT_FOUND');
    }
    const foreign: any = await api.gql(SHOPPER_VIEW, { id: order.id }, stranger);
    expect(foreign.errors[0].extensions.code).toBe('NOT_FOUND');
    // And not through the list of another museum.
    const list: any = await api.gql(`query($m: ID) { museumReturns(museumId: $m, first: 20) { nodes { id photos { dataUrl } } } }`, { m: shop.museumId }, otherManager);
    expect(list.errors[0].extensions.code).toBe('NOT_FOUND');
  }, 240_000);
});
