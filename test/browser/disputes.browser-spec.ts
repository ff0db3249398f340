import { createUser } from '@vitrine/shared/testing';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, seedFx, seedShop, type Shop } from '../support/checkout-fixtures';
import { signInFast } from './support/browser';
import { useConsole } from './support/console-fixture';

/**
 * A shopper's bank opens a dispute on a paid checkout of two museums: the manager is told on
 * the dashboard, reads on the order's page the dispute with this order's part of the amount and
 * its evidence deadline, and submits evidence (text and a PDF receipt) from there; Stripe (the
 * loopback) gets the file as dispute evidence and the submitted dispute. Lost, the order shows
 * what the bank took back.
 */
describe('console: disputes', () => {
  const c = useConsole({ stripe: true });
  let louvre: Shop;
  let orsay: Shop;

  beforeAll(async () => {
    await seedFx(c.api.db.prisma, '7.8000');
    louvre = await seedShop(c.api.db.prisma, { prices: [3_000], stock: 20 });
    orsay = await seedShop(c.api.db.prisma, { prices: [1_500], stock: 20 });
  });

  it('tells the museum, shows the deadline on the order, and submits evidence to Stripe', async () => {
    const user = await createUser(c.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [louvre.museumId] });
    let token: string | null = null;
    for (const variantId of [louvre.variants[0]!.id, orsay.variants[0]!.id]) {
      const added: any = await c.api.gql(ADD_LINE, { i: { variantId, quantity: 1, cartToken: token } });
      token = added.data.addCartLine.cartToken ?? token;
    }
    const cart: any = await c.api.gql(`query($t: String) { cart(cartToken: $t) { id } }`, { t: token });
    const placed: any = await c.api.gql(PLACE_ORDER, { i: placeOrderInput(cart.data.cart.id, 'browser-dispute', { cartToken: token }) });
    expect(placed.errors).toBeUndefined();
    const checkout = placed.data.placeOrder;
    const order = checkout.orders.find((o: any) => o.museumId === louvre.museumId);
    expect(await c.stripe.deliver(c.api.baseUrl, c.stripe.succeed(checkout.payment.paymentIntentId))).toBe(200);
    const opened = c.stripe.dispute(checkout.payment.paymentIntentId, 'product_not_received', { dueInSeconds: 6 * 24 * 3600 + 3600 });
    expect(await c.stripe.deliver(c.api.baseUrl, opened)).toBe(200);
    const fmt = (minor: number) => new Intl.NumberFormat('en', { style: 'currency', currency: 'CNY' }).format(minor / 100);

    const { page, screenshot } = await c.open();
    await signInFast(page, user.email, user.password);
    const notice = page.getByTestId('disputes-notice');
    await notice.getByText('1 dispute needs a response').waitFor();
    await notice.getByText(/respond by/).waitFor();
    await screenshot('disputes-dashboard-notice');

    await notice.getByRole('link', { name: order.number }).click();
    const row = page.getByTestId('dispute-row');
    await row.getByTestId('dispute-status').getByText('Needs response').waitFor();
    // This order's part of the dispute, out of the checkout's whole charge; the reason; the deadline.
    await row.getByText(fmt(order.total), { exact: true }).waitFor();
    await row.getByText(fmt(checkout.total), { exact: true }).waitFor();
    await row.getByText(/Product not received/).waitFor();
    await row.getByTestId('dispute-deadline').getByText(/Evidence due by .* \(6 days left\)/).waitFor();
    await screenshot('disputes-order-page');

    await row.getByTestId('dispute-evidence-open').click();
    await page.getByText(`Evidence for the dispute on order ${order.number}`).waitFor();
    await page.getByTestId('evidence-productDescription').fill('Mona Lisa silk scarf, 90 × 90 cm');
    await page.getByTestId('evidence-shippingCarrier').fill('SF Express');
    await page.getByTestId('evidence-shippingTrackingNumber').fill('SF1234567890');
    await page.getByTestId('evidence-uncategorizedText').fill('Delivered on 3 December, signed for by the shopper.');
    const pdf = Buffer.from('%PDF-1.4\n% receipt\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    await page.getByTestId('evidence-file').setInputFiles({ name: 'receipt.pdf', mimeType: 'application/pdf', buffer: pdf });
    await screenshot('disputes-evidence-dialog');
    await page.getByTestId('dispute-evidence-send').click();
    await page.getByText('Evidence sent to Stripe; the dispute is under review.').waitFor();
    await row.getByTestId('dispute-status').getByText('Under review').waitFor();
    await row.getByTestId('dispute-evidence-sent').waitFor();
    await row.getByTestId('dispute-evidence-open').waitFor({ state: 'detached' });
    await screenshot('disputes-evidence-sent');

    const dpId = opened.data.object['id'] as string;
    const [file] = [...c.stripe.files.values()];
    expect(file).toMatchObject({ purpose: 'dispute_evidence', filename: 'receipt.pdf' });
    expect(file!.data.equals(pdf)).toBe(true);
    const update = c.stripe.requests.filter((r) => r.method === 'POST' && r.path === `/v1/disputes/${dpId}`);
    expect(update).toHaveLength(1);
    expect(update[0]!.params).toMatchObject({ submit: 'true', evidence: { receipt: file!['id'], shipping_carrier: 'SF Express', shipping_tracking_number: 'SF1234567890' } });

    // The bank decides against the museum: the order shows what was taken back.
    expect(await c.stripe.deliver(c.api.baseUrl, c.stripe.closeDispute(dpId, 'lost'))).toBe(200);
    await page.reload();
    await row.getByTestId('dispute-status').getByText('Lost').waitFor();
    await row.getByTestId('dispute-lost').getByText(fmt(order.total)).waitFor();
    await screenshot('disputes-lost');
  });
});
