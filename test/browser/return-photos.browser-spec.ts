import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createUser } from '@vitrine/shared/testing';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, residentId, seedFx, seedShop, type Shop } from '../support/checkout-fixtures';
import { signInFast } from './support/browser';
import { useConsole } from './support/console-fixture';
import { dropQueues, startWorker, until, waitForOutput } from '../support/worker-process';

const FIXTURES = path.resolve(__dirname, '../fixtures/return-photos');
const photo = (name: string) => ({ filename: name, contentBase64: readFileSync(path.join(FIXTURES, name)).toString('base64') });
const REQUEST = `mutation($i: RequestReturnInput!) { requestReturn(input: $i) { id photos { id } } }`;

// The API (started by the fixture in this process) and the worker keep the photos in a directory of this spec.
const dir = mkdtempSync(path.join(tmpdir(), 'vitrine-return-photos-browser-'));
process.env['RETURN_PHOTOS_DIR'] = dir;
const prefix = `test-console-return-photos-${randomBytes(4).toString('hex')}`;
process.env['QUEUE_PREFIX'] = prefix;

/**
 * Issue 20, return photos in the console: the shopper uploaded a JPEG, a PNG and a WebP with
 * their return request; the museum's manager sees the three pictures on the return page (in
 * English, then French, the history's details written in that language too), loaded through their
 * signed links; a manager of another museum opening the same return by its URL gets the
 * not-found page, no picture and no link. Screenshots: test/artifacts/return-photos-*.png.
 */
describe('console: return photos', () => {
  const c = useConsole({ stripe: true });
  let shop: Shop;
  let other: Shop;

  beforeAll(async () => {
    await seedFx(c.api.db.prisma, '7.8000');
    shop = await seedShop(c.api.db.prisma, { prices: [2_500], stock: 20 });
    other = await seedShop(c.api.db.prisma, { prices: [3_000], stock: 20 });
  });
  afterAll(async () => {
    await worker?.stop('SIGTERM');
    await dropQueues(prefix);
    delete process.env['RETURN_PHOTOS_DIR'];
    delete process.env['QUEUE_PREFIX'];
    rmSync(dir, { recursive: true, force: true });
  });
  let worker: ReturnType<typeof startWorker> | undefined;

  /** A paid order marked released and delivered as the worker would (status changes), so it may be returned. */
  async function deliveredOrder(shopper: string, key = 'browser-return-photos') {
    const r: any = await c.api.gql(ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity: 1, cartToken: null } }, shopper);
    expect(r.errors).toBeUndefined();
    const placed: any = await c.api.gql(PLACE_ORDER, { i: placeOrderInput(r.data.addCartLine.cart.id, key, { id: residentId(7601), name: '王芳' }) }, shopper);
    expect(placed.errors).toBeUndefined();
    const order = placed.data.placeOrder.orders[0];
    expect(await c.stripe.deliver(c.api.baseUrl, c.stripe.succeed(placed.data.placeOrder.payment.paymentIntentId))).toBe(200);
    const at = Date.now() - 2 * 86_400_000;
    await c.api.db.prisma.orderStatusChange.createMany({
      data: [
        { orderId: order.id, fromStatus: 'PAID', toStatus: 'CUSTOMS_SUBMITTED', reason: 'declared', createdAt: new Date(at) },
        { orderId: order.id, fromStatus: 'CUSTOMS_SUBMITTED', toStatus: 'CLEARED', reason: 'released', createdAt: new Date(at + 60_000) },
        { orderId: order.id, fromStatus: 'CLEARED', toStatus: 'SHIPPED', reason: 'booked', createdAt: new Date(at + 120_000) },
        { orderId: order.id, fromStatus: 'SHIPPED', toStatus: 'DELIVERED', reason: 'delivered', createdAt: new Date(at + 86_400_000) },
      ],
    });
    await c.api.db.prisma.order.update({ where: { id: order.id }, data: { status: 'DELIVERED' } });
    return order;
  }

  it('shows the photos to the museum of the order, in English and French; another museum gets not-found', async () => {
    const manager = await createUser(c.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] });
    const stranger = await createUser(c.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [other.museumId] });
    const shopper = await c.api.login((await createUser(c.api.db.prisma, 'SHOPPER')).email);
    const order = await deliveredOrder(shopper);
    const asked: any = await c.api.gql(
      REQUEST,
      { i: { orderId: order.id, reason: 'DAMAGED', note: '瓶身有裂纹', lines: [{ lineId: order.lines[0].id, quantity: 1 }], photos: ['cracked-vase.jpg', 'cracked-vase.png', 'cracked-vase.webp'].map(photo) } },
      shopper,
    );
    expect(asked.errors).toBeUndefined();
    expect(asked.data.requestReturn.photos).toHaveLength(3);
    const returnId = asked.data.requestReturn.id as string;

    const { page, screenshot } = await c.open();
    await signInFast(page, manager.email, manager.password);
    await page.goto(`${c.server.url}/#/returns/${returnId}/show`);
    await page.getByTestId('return-show').waitFor();
    await page.getByTestId('return-photos').waitFor({ timeout: 30_000 });
    const images = page.getByTestId('return-photos').locator('img');
    await expect(images.count()).resolves.toBe(3);
    // Each picture decoded by the browser (a broken image has no natural width).
    await page.waitForFunction(() => Array.from(document.querySelectorAll('[data-testid="return-photos"] img')).every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth === 320));
    // Through their signed, expiring links on the console's origin (proxied to the API), one per photo.
    const srcs = await images.evaluateAll((els) => els.map((e) => (e as HTMLImageElement).src));
    const photoIds = (await c.api.db.prisma.orderReturnPhoto.findMany({ where: { returnId }, orderBy: { position: 'asc' } })).map((p) => p.id);
    expect(srcs.map((u) => new URL(u).pathname)).toEqual(photoIds.map((id) => `/return-photos/${id}`));
    for (const u of srcs) expect(new URL(u).searchParams.get('signature')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await page.getByText('Photos', { exact: true }).waitFor();
    await page.getByText('Photo links', { exact: true }).waitFor();
    // The history comes written in the console's language (stored as codes and parameters).
    await page.getByTestId('return-history').getByText('Reason: damaged; 1 unit(s)', { exact: true }).waitFor();
    await screenshot('return-photos-en');

    const fr = await c.open('fr');
    await signInFast(fr.page, manager.email, manager.password);
    await fr.page.goto(`${c.server.url}/#/returns/${returnId}/show`);
    await fr.page.getByTestId('return-show').waitFor();
    await fr.page.getByTestId('return-photos').waitFor({ timeout: 30_000 });
    await fr.page.getByText('Liens vers des photos', { exact: true }).waitFor();
    await expect(fr.page.getByTestId('return-photos').locator('img').count()).resolves.toBe(3);
    await fr.page.getByTestId('return-history').getByText('Motif : endommagé ; 1 unité(s)', { exact: true }).waitFor();
    await expect(fr.page.getByTestId('return-history').getByText('Reason: damaged', { exact: false }).count()).resolves.toBe(0);
    await fr.screenshot('return-photos-fr');

    // A manager of another museum: the return is not found, and no picture is sent to them.
    const { page: page2, screenshot: shot2 } = await c.open();
    const answers: string[] = [];
    page2.on('response', (res) => {
      if (res.url().includes('/graphql')) void res.text().then((t) => answers.push(t)).catch(() => undefined);
    });
    await signInFast(page2, stranger.email, stranger.password);
    await page2.goto(`${c.server.url}/#/returns/${returnId}/show`);
    await page2.getByTestId('not-found').waitFor();
    await expect(page2.locator('img').count()).resolves.toBe(0);
    expect(answers.some((t) => t.includes('/return-photos/'))).toBe(false);
    await shot2('return-photos-other-museum');
  });

  it('once the museum refuses the return, the worker deletes the photos and the page says so; the old links answer 404', async () => {
    const manager = await createUser(c.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] });
    const managerToken = await c.api.login(manager.email);
    const shopper = await c.api.login((await createUser(c.api.db.prisma, 'SHOPPER')).email);
    const order = await deliveredOrder(shopper, 'browser-return-photos-refused');
    const asked: any = await c.api.gql(REQUEST, { i: { orderId: order.id, reason: 'CHANGED_MIND', lines: [{ lineId: order.lines[0].id, quantity: 1 }], photos: ['cracked-vase.png'].map(photo) } }, shopper);
    expect(asked.errors).toBeUndefined();
    const returnId = asked.data.requestReturn.id as string;
    const link = ((await c.api.gql(`query($id: ID!) { museumReturn(id: $id) { photos { url } } }`, { id: returnId }, managerToken)) as any).data.museumReturn.photos[0].url as string;
    expect((await fetch(`${c.server.url}${link}`)).status).toBe(200);

    worker = startWorker({ DATABASE_URL: c.api.db.url, QUEUE_PREFIX: prefix, RETURN_PHOTOS_DIR: dir });
    await waitForOutput(worker, /worker ready/);
    const refused: any = await c.api.gql(`mutation($id: ID!) { decideReturn(returnId: $id, accept: false, comment: "Opened and used") { status } }`, { id: returnId }, managerToken);
    expect(refused.data.decideReturn.status).toBe('REFUSED');
    await until('the photos deleted', async () => (await c.api.db.prisma.orderReturnPhoto.count({ where: { returnId } })) === 0, 30_000, worker);
    expect(readdirSync(dir)).not.toContain(returnId);
    expect((await fetch(`${c.server.url}${link}`)).status).toBe(404);

    const { page, screenshot } = await c.open();
    await signInFast(page, manager.email, manager.password);
    await page.goto(`${c.server.url}/#/returns/${returnId}/show`);
    await page.getByTestId('return-photos-deleted').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('return-photos-deleted').textContent()).toBe('Deleted once the return was refused or closed.');
    await expect(page.getByTestId('return-photos').count()).resolves.toBe(0);
    await page.getByTestId('return-history').getByText('Photos deleted', { exact: true }).waitFor();
    await page.getByTestId('return-history').getByText('The shopper’s 1 photo(s) deleted', { exact: true }).waitFor();
    await screenshot('return-photos-deleted');
  });
});
