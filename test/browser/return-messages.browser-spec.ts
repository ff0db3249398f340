import { createUser } from '@vitrine/shared/testing';
import { queueGuestReturnSms } from '../../libs/orders/src/lib/after-sales/infrastructure/return-sms.outbox';
import { ADD_LINE, PLACE_ORDER, RECIPIENT, placeOrderInput, residentId, seedFx, seedShop, type Shop } from '../support/checkout-fixtures';
import { SmsLoopback } from '../support/sms-loopback';
import { signInFast } from './support/browser';
import { useConsole } from './support/console-fixture';

const SEND = `mutation($i: SendGuestOrderCodeInput!) { sendGuestOrderCode(input: $i) { phoneMasked } }`;
const VERIFY = `mutation($i: VerifyGuestOrderCodeInput!) { verifyGuestOrderCode(input: $i) { token } }`;
const GUEST_REQUEST = `mutation($t: String!, $i: RequestReturnInput!) { requestGuestReturn(token: $t, input: $i) { id } }`;
const REQUEST = `mutation($i: RequestReturnInput!) { requestReturn(input: $i) { id } }`;
const DECIDE = `mutation($id: ID!, $accept: Boolean!, $comment: String!) { decideReturn(returnId: $id, accept: $accept, comment: $comment) { id status } }`;
const GUEST_PHONE = '13912345611';

/**
 * The console's return page shows what the shopper was sent (issue 20): a French guest's texts
 * (SMS to the order's phone, masked; the template in French; sent, waiting or failed with the
 * gateway's error) and an English account holder's notices (in English), each with its step and
 * time; a manager of another museum cannot open the page. No worker runs here: the texts'
 * outcomes are written as the worker records them (the e2e return-messages-locale sends them).
 */
describe('console: what a return sent the shopper', () => {
  let sms: SmsLoopback;
  beforeAll(async () => {
    sms = await SmsLoopback.start();
    Object.assign(process.env, sms.env);
  });
  afterAll(async () => {
    await sms?.close();
    for (const k of Object.keys(sms?.env ?? {})) delete process.env[k];
  });
  const c = useConsole({ stripe: true });
  let shop: Shop;
  let other: Shop;

  beforeAll(async () => {
    await seedFx(c.api.db.prisma, '7.8000');
    shop = await seedShop(c.api.db.prisma, { prices: [2_500], stock: 20 });
    other = await seedShop(c.api.db.prisma, { prices: [3_000], stock: 5 });
  });

  /** A paid order (a guest's when `token` is null), in the shop's `locale`, marked released and delivered as the worker would. */
  async function deliveredOrder(token: string | null, key: string, locale: string, phone: string) {
    const added: any = await c.api.gql(ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity: 2, cartToken: null } }, token);
    expect(added.errors).toBeUndefined();
    const input = placeOrderInput(added.data.addCartLine.cart.id, key, { id: residentId(7801), name: '王芳', cartToken: token ? null : added.data.addCartLine.cartToken, recipient: { ...RECIPIENT, phone }, locale });
    const placed: any = await c.api.gql(PLACE_ORDER, { i: input }, token);
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
    return order as { id: string; number: string; lines: { id: string }[] };
  }

  it('shows a guest’s texts and an account holder’s notices on the return page, in the shopper’s language; another museum cannot open it', async () => {
    const db = c.api.db.prisma;
    const manager = await createUser(db, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] });
    const stranger = await createUser(db, 'MUSEUM_MANAGER', { museumIds: [other.museumId] });

    // A French guest's return, asked with the code texted to the order's phone.
    const guest = await deliveredOrder(null, 'browser-return-messages-guest', 'fr', GUEST_PHONE);
    expect((await c.api.gql(SEND, { i: { orderNumber: guest.number, phone: GUEST_PHONE } })).errors).toBeUndefined();
    const code = sms.to(GUEST_PHONE).at(-1)!.params['code']!;
    const token: string = ((await c.api.gql(VERIFY, { i: { orderNumber: guest.number, phone: GUEST_PHONE, code } })) as any).data.verifyGuestOrderCode.token;
    const asked: any = await c.api.gql(GUEST_REQUEST, { t: token, i: { orderId: guest.id, reason: 'DAMAGED', lines: [{ lineId: guest.lines[0]!.id, quantity: 1 }] } });
    expect(asked.errors).toBeUndefined();
    const guestReturn: string = asked.data.requestGuestReturn.id;

    // An English account holder's return, accepted: notices.
    const shopper = await c.api.login((await createUser(db, 'SHOPPER')).email);
    const own = await deliveredOrder(shopper, 'browser-return-messages-account', 'en', '13712345612');
    const ownAsked: any = await c.api.gql(REQUEST, { i: { orderId: own.id, reason: 'WRONG_ITEM', lines: [{ lineId: own.lines[0]!.id, quantity: 1 }] } }, shopper);
    expect(ownAsked.errors).toBeUndefined();
    const ownReturn: string = ownAsked.data.requestReturn.id;
    const manager0 = await c.api.login(manager.email, manager.password);
    expect(((await c.api.gql(DECIDE, { id: ownReturn, accept: true, comment: 'Our mistake' }, manager0)) as any).errors).toBeUndefined();

    const { page, screenshot } = await c.open();
    await signInFast(page, manager.email, manager.password);

    // The guest's return: nothing sent yet; the manager accepts it in the console, and its text waits for the worker.
    await page.goto(`${c.server.url}/#/returns/${guestReturn}/show`);
    await page.getByTestId('return-messages').getByText('Nothing sent to the shopper yet.').waitFor();
    await page.getByTestId('return-accept').click();
    await page.getByTestId('return-comment').fill('Renvoyez-le dans son emballage');
    await page.getByTestId('return-decide-confirm').click();
    await page.getByTestId('return-status').getByText('Accepted').waitFor();
    await page.getByTestId('return-message').first().waitFor();
    await expect(page.getByTestId('return-message').first().innerText()).resolves.toMatch(/Accepted\s+SMS\s+139\*\*\*\*5611\s+Français\s+Waiting/);

    // As the worker records them: the accepted text sent after two tries, the waybill's refused at every try.
    const accepted = await db.returnSms.findFirstOrThrow({ where: { returnId: guestReturn, step: 'ACCEPTED' } });
    await db.returnSms.update({ where: { id: accepted.id }, data: { status: 'SENT', attempts: 2, template: 'SMS_000000031', messageId: '1765000000^1', requestId: 'REQ1', sentAt: new Date(), lastError: null } });
    await db.$transaction((tx) => queueGuestReturnSms(tx, [{ returnId: guestReturn, orderId: guest.id, step: 'WAYBILL', params: { waybill: 'SF1234567890' } }]));
    await db.returnSms.updateMany({ where: { returnId: guestReturn, step: 'WAYBILL' }, data: { status: 'FAILED', attempts: 15, template: 'SMS_000000033', lastError: 'isv.BUSINESS_LIMIT_CONTROL: 业务限流' } });
    await page.reload();
    const rows = page.getByTestId('return-message');
    await rows.nth(1).waitFor();
    await expect(rows.count()).resolves.toBe(2);
    await expect(rows.nth(0).innerText()).resolves.toMatch(/Accepted\s+SMS\s+139\*\*\*\*5611\s+Français\s+Sent\s+2 tries\s+comment=Renvoyez-le dans son emballage\s+SMS_000000031/);
    await expect(rows.nth(1).innerText()).resolves.toMatch(/Return waybill\s+SMS\s+139\*\*\*\*5611\s+Français\s+Failed\s+15 tries\s+isv\.BUSINESS_LIMIT_CONTROL: 业务限流\s+waybill=SF1234567890\s+SMS_000000033/);
    // The whole number is nowhere on the page.
    await expect(page.getByTestId('return-messages').innerText()).resolves.not.toContain(GUEST_PHONE);
    await screenshot('return-messages-guest');

    // The account holder's return: its notices, in English, as the shopper reads them.
    await page.goto(`${c.server.url}/#/returns/${ownReturn}/show`);
    const notices = page.getByTestId('return-message');
    await notices.filter({ hasText: 'Your return was accepted.' }).waitFor();
    await expect(notices.filter({ hasText: 'Account notice' }).count()).resolves.toBe(await notices.count());
    await expect(notices.filter({ hasText: 'Your return was accepted.' }).innerText()).resolves.toMatch(/Accepted\s+Account notice\s+—\s+English\s+Delivered, unread\s+Your return was accepted\. Send the parcel before /);
    await screenshot('return-messages-account');

    // Another museum's manager: the page is not found.
    const { page: page2 } = await c.open();
    await signInFast(page2, stranger.email, stranger.password);
    await page2.goto(`${c.server.url}/#/returns/${guestReturn}/show`);
    await page2.getByTestId('not-found').waitFor();
    await expect(page2.getByTestId('return-messages').count()).resolves.toBe(0);
  });

  it('the same section in French', async () => {
    const manager = await createUser(c.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] });
    const guestReturn = (await c.api.db.prisma.orderReturn.findFirstOrThrow({ where: { museumId: shop.museumId, shopperUserId: null } })).id;
    const { page, screenshot } = await c.open('fr-FR');
    await signInFast(page, manager.email, manager.password);
    await page.goto(`${c.server.url}/#/returns/${guestReturn}/show`);
    await page.getByTestId('return-messages').getByText('Envoyé au client').waitFor();
    await expect(page.getByTestId('return-message').nth(0).innerText()).resolves.toMatch(/Accepté\s+SMS\s+139\*\*\*\*5611\s+Français\s+Envoyé\s+2 essais/);
    await expect(page.getByTestId('return-message').nth(1).innerText()).resolves.toMatch(/Échec/);
    await screenshot('return-messages-fr');
  });
});
