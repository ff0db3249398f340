import { createUser } from '@vitrine/shared/testing';
import { zhCN } from '../../apps/shop/src/i18n/dictionaries/zh-CN';
import { fill } from '../../apps/shop/src/i18n/dictionary';
import { residentId, type Shop } from '../support/checkout-fixtures';
import type { SpawnedProcess } from '../support/spawn-api';
import { until } from '../support/worker-process';
import { useShop } from './support/shop-fixture';
import { pageCheck, placePaidOrder, signIn } from './support/shop-steps';

/**
 * Issue 20, returns as a shopper sees them in the shop: two shoppers' orders taken to DELIVERED
 * by the real worker through the customs and carrier loopbacks; on their order page the first
 * sees the return deadline, asks to return one unit of a line with a reason (a request with
 * no reason is refused at its field first, nothing written), sees it requested; the museum's
 * manager accepts it through the API (decideReturn), the worker books the return waybill and
 * the page shows it accepted with that waybill. The other shopper's order is not reachable.
 * Every page: axe-core (no serious or critical violation), 44 px taps, no sideways scroll;
 * screenshots in test/artifacts/shop-returns-*.png.
 */
const t = zhCN.returns;
const DECIDE = `mutation($id: ID!, $accept: Boolean!, $comment: String!) { decideReturn(returnId: $id, accept: $accept, comment: $comment) { id status } }`;

const check = pageCheck('shop-returns');

describe('shop: returns on the order page', () => {
  // Orders declared, released, shipped and delivered by the real worker through the customs and carrier sandboxes.
  const f = useShop({ stripe: true, pipeline: true, fx: '7.8000', shops: [{ prices: [2_500, 4_000], stock: 20 }] });
  let shop: Shop;
  let worker: SpawnedProcess;
  let manager: string;
  const shopper = { email: '', token: '', orderId: '', lineIds: [] as string[] };
  let strangerOrderId = '';

  async function deliveredOrder(token: string, key: string, n: number): Promise<{ id: string; lines: { id: string }[] }> {
    const lines = [
      { variantId: shop.variants[0]!.id, quantity: 2 },
      { variantId: shop.variants[1]!.id, quantity: 1 },
    ];
    return (await placePaidOrder(f, { token, lines, key: `${key}-${f.queuePrefix}`, residentId: residentId(n), name: '王芳' })).order;
  }

  beforeAll(async () => {
    shop = f.shops[0]!;
    manager = await f.api.login((await createUser(f.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
    worker = await f.startWorker();
    const user = await createUser(f.api.db.prisma, 'SHOPPER');
    shopper.email = user.email;
    shopper.token = await f.api.login(user.email);
    const stranger = await f.api.login((await createUser(f.api.db.prisma, 'SHOPPER')).email);
    const mine = await deliveredOrder(shopper.token, 'ret-mine', 7311);
    const theirs = await deliveredOrder(stranger, 'ret-theirs', 7312);
    shopper.orderId = mine.id;
    shopper.lineIds = mine.lines.map((l) => l.id);
    strangerOrderId = theirs.id;
    // Declared, released, shipped and delivered by the real worker through the loopbacks.
    await until('both orders delivered', async () => (await f.api.db.prisma.order.count({ where: { id: { in: [mine.id, theirs.id] }, status: 'DELIVERED' } })) === 2, 120_000, worker);
  }, 300_000);

  it('shows the deadline, asks for a return of one unit, shows it requested, then accepted with the return waybill', async () => {
    const s = await f.open(null);
    const p = s.page;
    await signIn(s, shopper.email);

    await p.goto(`${f.shop.url}/zh-CN/orders/${shopper.orderId}`);
    // The deadline: 30 days after customs released the order, as the API answers it.
    const view = await f.api.gql(`query($id: ID!) { order(id: $id) { returnDeadline } }`, { id: shopper.orderId }, shopper.token);
    const deadline = new Date(view.data.order.returnDeadline);
    const cleared = await f.api.db.prisma.orderStatusChange.findFirstOrThrow({ where: { orderId: shopper.orderId, toStatus: 'CLEARED' } });
    expect(deadline.getTime()).toBe(cleared.createdAt.getTime() + 30 * 86_400_000);
    const day = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeZone: 'Asia/Shanghai' }).format(deadline);
    expect(await p.getByTestId('return-deadline').textContent()).toBe(fill(t.deadline, { date: day }));
    // A link near the top leads down to the form.
    expect(await p.getByTestId('return-jump').textContent()).toBe(fill(t.jump, { date: day }));
    expect(await p.getByTestId('return-jump').getAttribute('href')).toBe('#returns');
    await p.getByTestId('return-form').waitFor();
    await check(s, 'order-form');

    // Steppers stop at what was bought: 2 of line 0.
    const [line0, line1] = shopper.lineIds as [string, string];
    const more0 = p.getByTestId(`return-line-${line0}`).getByRole('button', { name: new RegExp(`^${t.more}`) });
    await more0.click();
    await more0.click();
    expect(await more0.isDisabled()).toBe(true);
    expect(await p.getByTestId(`return-qty-${line0}`).textContent()).toBe('2');
    await p.getByTestId(`return-line-${line0}`).getByRole('button', { name: new RegExp(`^${t.less}`) }).click();
    expect(await p.getByTestId(`return-qty-${line0}`).textContent()).toBe('1');
    expect(await p.getByTestId(`return-qty-${line1}`).textContent()).toBe('0');

    // No reason: refused at the field, nothing written.
    await p.getByTestId('request-return').click();
    await p.getByText(t.local.REASON_REQUIRED).waitFor();
    expect(await f.api.db.prisma.orderReturn.count()).toBe(0);
    await check(s, 'order-refused');

    // A photo link the API refuses (not http(s)): VALIDATION_FAILED at the photos field, in Chinese.
    await p.getByLabel(t.reason).selectOption('DAMAGED');
    await p.getByLabel(t.photos).fill('ftp://example.test/x.jpg');
    await p.getByTestId('request-return').click();
    await p.getByTestId('return-photos-error').waitFor();
    expect(await p.getByTestId('return-photos-error').textContent()).toBe(zhCN.errors.VALIDATION_FAILED);
    // What was chosen and typed stays after a refusal.
    expect(await p.getByLabel(t.reason).inputValue()).toBe('DAMAGED');
    expect(await p.getByLabel(t.photos).inputValue()).toBe('ftp://example.test/x.jpg');
    expect(await p.getByTestId(`return-qty-${line0}`).textContent()).toBe('1');
    expect(await f.api.db.prisma.orderReturn.count()).toBe(0);

    await p.getByLabel(t.photos).fill('https://img.example.test/damaged.jpg');
    await p.getByLabel(t.note).fill('盒子压坏了');
    await p.getByTestId('request-return').click();
    await p.getByTestId('return-requested').waitFor();
    const item = p.getByTestId('return-item');
    expect(await item.count()).toBe(1);
    expect(await item.getAttribute('data-status')).toBe('REQUESTED');
    expect(await item.getByTestId('return-status').textContent()).toBe(t.status.REQUESTED);
    const row = await f.api.db.prisma.orderReturn.findFirstOrThrow({ where: { orderId: shopper.orderId }, include: { lines: true } });
    expect(row).toMatchObject({ status: 'REQUESTED', reason: 'DAMAGED', note: '盒子压坏了', photoUrls: ['https://img.example.test/damaged.jpg'] });
    expect(row.lines.map((l) => ({ lineId: l.orderLineId, quantity: l.quantity }))).toEqual([{ lineId: line0, quantity: 1 }]);
    // One unit of line 0 is still returnable.
    expect(await p.getByTestId(`return-line-${line0}`).textContent()).toContain(fill(t.lineMax, { name: '', max: 1 }).replace(/^：/, ''));
    await check(s, 'order-requested');

    // The museum accepts it through the API; the worker books the return waybill with the carrier.
    const accepted = await f.api.gql(DECIDE, { id: row.id, accept: true, comment: '抱歉，请寄回' }, manager);
    expect(accepted.errors).toBeUndefined();
    await until('the return waybill booked', async () => (await f.api.db.prisma.orderReturn.findUniqueOrThrow({ where: { id: row.id } })).returnLogisticsNo !== null, 60_000, worker);
    const waybill = (await f.api.db.prisma.orderReturn.findUniqueOrThrow({ where: { id: row.id } })).returnLogisticsNo!;
    await p.goto(`${f.shop.url}/zh-CN/orders/${shopper.orderId}`);
    expect(await p.getByTestId('return-item').getAttribute('data-status')).toBe('ACCEPTED');
    expect(await p.getByTestId('return-status').textContent()).toBe(t.status.ACCEPTED);
    expect(await p.getByTestId('return-waybill').textContent()).toBe(fill(t.waybill, { number: waybill }));
    expect(await p.getByTestId('return-comment').textContent()).toBe(fill(t.sellerComment, { comment: '抱歉，请寄回' }));
    await check(s, 'order-accepted');

    // Another shopper's order: not reachable (the sign-in prompt, nothing of it shown), and no return form.
    await p.goto(`${f.shop.url}/zh-CN/orders/${strangerOrderId}`);
    await p.getByText(zhCN.buy.orders.signInToSee).waitFor();
    expect(await p.getByTestId('returns').count()).toBe(0);
    expect(await p.getByTestId('timeline').count()).toBe(0);
    await check(s, 'stranger-order');
  });

  it('shows the texts in English and French', async () => {
    for (const [locale, dict] of [
      ['en', (await import('../../apps/shop/src/i18n/dictionaries/en')).en],
      ['fr', (await import('../../apps/shop/src/i18n/dictionaries/fr')).fr],
    ] as const) {
      const s = await f.open(null, { locale });
      const p = s.page;
      await signIn(s, shopper.email, locale);
      await p.goto(`${f.shop.url}/${locale}/orders/${shopper.orderId}`);
      await p.getByRole('heading', { name: dict.returns.title, exact: true }).waitFor();
      expect(await p.getByTestId('return-status').textContent()).toBe(dict.returns.status.ACCEPTED);
      await check(s, `order-${locale}`);
    }
  });

  it('shows a refused return with the seller’s comment, and “return window closed” once the window has passed', async () => {
    // The last unit of line 1, asked for through the API, refused by the museum with a comment.
    const [, line1] = shopper.lineIds as [string, string];
    const asked = await f.api.gql(`mutation($i: RequestReturnInput!) { requestReturn(input: $i) { id } }`, { i: { orderId: shopper.orderId, reason: 'CHANGED_MIND', lines: [{ lineId: line1, quantity: 1 }] } }, shopper.token);
    expect(asked.errors).toBeUndefined();
    const refused = await f.api.gql(DECIDE, { id: asked.data.requestReturn.id, accept: false, comment: '商品已拆封使用' }, manager);
    expect(refused.errors).toBeUndefined();
    const s = await f.open(null);
    const p = s.page;
    await signIn(s, shopper.email);
    await p.goto(`${f.shop.url}/zh-CN/orders/${shopper.orderId}`);
    const refusedItem = p.locator('[data-testid="return-item"][data-status="REFUSED"]');
    await refusedItem.waitFor();
    expect(await refusedItem.getByTestId('return-status').textContent()).toBe(t.status.REFUSED);
    expect(await refusedItem.getByTestId('return-comment').textContent()).toBe(fill(t.sellerComment, { comment: '商品已拆封使用' }));
    // Refused units can be asked for again: line 1 is back in the form.
    expect(await p.getByTestId(`return-line-${line1}`).count()).toBe(1);
    await check(s, 'order-refused-return');

    // 31 days after customs released it. A request sent from the page opened before: the API's
    // RETURN_WINDOW_CLOSED at the lines, in Chinese, nothing written.
    const cleared = await f.api.db.prisma.orderStatusChange.findFirstOrThrow({ where: { orderId: shopper.orderId, toStatus: 'CLEARED' } });
    await f.api.db.prisma.orderStatusChange.update({ where: { id: cleared.id }, data: { createdAt: new Date(Date.now() - 31 * 86_400_000) } });
    await p.getByTestId(`return-line-${line1}`).getByRole('button', { name: new RegExp(`^${t.more}`) }).click();
    await p.getByLabel(t.reason).selectOption('CHANGED_MIND');
    await p.getByTestId('request-return').click();
    await p.getByTestId('return-lines-error').waitFor();
    expect(await p.getByTestId('return-lines-error').textContent()).toBe(zhCN.errors.RETURN_WINDOW_CLOSED);
    expect(await p.getByLabel(t.reason).inputValue()).toBe('CHANGED_MIND');
    expect(await f.api.db.prisma.orderReturn.count({ where: { orderId: shopper.orderId } })).toBe(2);
    await check(s, 'order-late-request');
    // Reloaded: the window is closed and the form gone.
    await p.goto(`${f.shop.url}/zh-CN/orders/${shopper.orderId}`);
    expect(await p.getByTestId('return-deadline').textContent()).toBe(t.windowClosed);
    expect(await p.getByTestId('return-form').count()).toBe(0);
    expect(await p.getByTestId('return-jump').count()).toBe(0);
    expect(await p.getByTestId('return-item').count()).toBe(2);
    await check(s, 'order-window-closed');
  });
});
