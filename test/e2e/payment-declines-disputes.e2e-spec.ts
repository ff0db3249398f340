import { createUser } from '@vitrine/shared/testing';
import { codeOf, type ApiHarness } from '../support/api-harness';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, residentId, seedFx, seedShop, type Shop } from '../support/checkout-fixtures';
import type { StripeLoopback } from '../support/stripe-loopback';
import { startCheckoutApi } from '../support/checkout-fixtures';

jest.setTimeout(90_000);

/**
 * Issue 24, items 3 and 4: a declined card leaves the checkout payable until its hold expires
 * or the shopper abandons it; disputes keep their evidence deadline, reach the museums, take
 * evidence through Stripe and follow to won or lost. All over HTTP with signed webhooks.
 */
describe('declined payments and disputes', () => {
  let api: ApiHarness;
  let stripe: StripeLoopback;
  let close: () => Promise<void>;
  let louvre: Shop;
  let orsay: Shop;

  beforeAll(async () => {
    ({ api, stripe, close } = await startCheckoutApi({ CHECKOUT_HOLD_MINUTES: '15' }));
    await seedFx(api.db.prisma, '7.8000');
    louvre = await seedShop(api.db.prisma, { prices: [2_500], stock: 50 });
    orsay = await seedShop(api.db.prisma, { prices: [1_200], stock: 50 });
  });
  afterAll(() => close());

  const p = () => api.db.prisma;
  const deliver = (event: Parameters<StripeLoopback['deliver']>[1]) => stripe.deliver(api.baseUrl, event);
  const reserved = async (variantId: string) => (await p().stockLevel.findFirstOrThrow({ where: { variantId } })).reserved;
  const cancelRequests = (pi: string) => stripe.requests.filter((r) => r.method === 'POST' && r.path === `/v1/payment_intents/${pi}/cancel`).length;
  let keys = 0;

  async function placed(lines: { variantId: string; quantity: number }[]) {
    let token: string | null = null;
    let cartId = '';
    for (const line of lines) {
      const r: any = await api.gql(ADD_LINE, { i: { ...line, cartToken: token } });
      expect(r.errors).toBeUndefined();
      token = r.data.addCartLine.cartToken ?? token;
      cartId = r.data.addCartLine.cart.id;
    }
    const r = await api.gql(PLACE_ORDER, { i: placeOrderInput(cartId, `decl-disp-${++keys}`, { cartToken: token, id: residentId(2000 + keys) }) });
    expect(r.errors).toBeUndefined();
    return { ...r.data.placeOrder, token: token! } as { id: string; total: number; token: string; payment: { paymentIntentId: string }; orders: { id: string; museumId: string; total: number }[] };
  }

  const BY_CART = `query($t: String!) { orderByCart(cartToken: $t) { id orders { id status paymentStatus lastPaymentFailure { attempts code declineCode at } } } }`;

  describe('a declined card', () => {
    it('leaves the order awaiting payment, its stock held and its intent payable; a later success pays it', async () => {
      const variant = louvre.variants[0]!.id;
      const before = await reserved(variant);
      const c = await placed([{ variantId: variant, quantity: 2 }]);
      const pi = c.payment.paymentIntentId;

      expect(await deliver(stripe.fail(pi, 'insufficient_funds'))).toBe(200);
      const order = await p().order.findUniqueOrThrow({ where: { id: c.orders[0]!.id } });
      expect(order.status).toBe('PENDING_PAYMENT');
      expect(await reserved(variant)).toBe(before + 2);
      expect(await p().stockReservation.findMany({ where: { ownerId: order.id }, select: { status: true } })).toEqual([{ status: 'HELD' }]);
      // Stripe was never asked to cancel: the shopper may try another card or Alipay.
      expect(cancelRequests(pi)).toBe(0);
      expect(stripe.paymentIntents.get(pi)!['status']).toBe('requires_payment_method');

      // The shopper's order shows the declined attempt.
      const seen = await api.gql(BY_CART, { t: c.token });
      expect(seen.errors).toBeUndefined();
      expect(seen.data.orderByCart.orders[0]).toMatchObject({
        status: 'PENDING_PAYMENT',
        paymentStatus: 'REQUIRES_PAYMENT',
        lastPaymentFailure: { attempts: 1, code: 'card_declined', declineCode: 'insufficient_funds' },
      });
      expect(await deliver(stripe.fail(pi, 'do_not_honor'))).toBe(200);
      expect((await api.gql(BY_CART, { t: c.token })).data.orderByCart.orders[0].lastPaymentFailure).toMatchObject({ attempts: 2, declineCode: 'do_not_honor' });

      // Another method succeeds: paid as usual, stock committed, nothing refunded.
      expect(await deliver(stripe.succeed(pi))).toBe(200);
      expect((await p().order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('PAID');
      expect(await p().stockReservation.findMany({ where: { ownerId: order.id }, select: { status: true } })).toEqual([{ status: 'COMMITTED' }]);
      expect(stripe.requests.filter((r) => r.path === '/v1/refunds')).toHaveLength(0);
      expect(cancelRequests(pi)).toBe(0);
    });

    it('the hold’s expiry still cancels the intent at Stripe and releases the stock', async () => {
      const { ReservationExpiryService } = await import('@vitrine/orders');
      const expiry = api.app.get(ReservationExpiryService);
      const variant = louvre.variants[0]!.id;
      const before = await reserved(variant);
      const c = await placed([{ variantId: variant, quantity: 3 }]);
      const pi = c.payment.paymentIntentId;
      expect(await deliver(stripe.fail(pi))).toBe(200);
      expect(await reserved(variant)).toBe(before + 3);

      await expiry.expireReservations(new Date(Date.now() + 16 * 60_000));
      expect((await p().order.findUniqueOrThrow({ where: { id: c.orders[0]!.id } })).status).toBe('CANCELLED');
      expect(await reserved(variant)).toBe(before);
      expect(cancelRequests(pi)).toBe(1);
      expect(stripe.paymentIntents.get(pi)!['status']).toBe('canceled');
      expect((await p().payment.findUniqueOrThrow({ where: { checkoutId: c.id } })).status).toBe('CANCELED');
    });

    it('the shopper may abandon their own unpaid checkout; nobody else can', async () => {
      const variant = louvre.variants[0]!.id;
      const before = await reserved(variant);
      const c = await placed([{ variantId: variant, quantity: 1 }]);
      const other = await placed([{ variantId: variant, quantity: 1 }]);
      const pi = c.payment.paymentIntentId;
      expect(await deliver(stripe.fail(pi))).toBe(200);
      const ABANDON = `mutation($id: ID!, $t: String) { abandonCheckout(checkoutId: $id, cartToken: $t) { id orders { id status } } }`;
      const shopper = await createUser(p(), 'SHOPPER');

      // Another guest's token, no token, a signed-in stranger, a malformed id: NOT_FOUND, nothing changes.
      expect(codeOf(await api.gql(ABANDON, { id: c.id, t: other.token }))).toBe('NOT_FOUND');
      expect(codeOf(await api.gql(ABANDON, { id: c.id }))).toBe('NOT_FOUND');
      expect(codeOf(await api.gql(ABANDON, { id: c.id }, await api.login(shopper.email)))).toBe('NOT_FOUND');
      expect(codeOf(await api.gql(ABANDON, { id: 'not-a-checkout', t: c.token }))).toBe('NOT_FOUND');
      expect(cancelRequests(pi)).toBe(0);
      expect(await reserved(variant)).toBe(before + 2);

      const r = await api.gql(ABANDON, { id: c.id, t: c.token });
      expect(r.errors).toBeUndefined();
      expect(r.data.abandonCheckout.orders).toEqual([{ id: c.orders[0]!.id, status: 'CANCELLED' }]);
      expect(stripe.paymentIntents.get(pi)!['status']).toBe('canceled');
      expect(await reserved(variant)).toBe(before + 1);
      expect(codeOf(await api.gql(ABANDON, { id: c.id, t: c.token }))).toBe('INVALID_TRANSITION');

      // Paid at Stripe (webhook not here yet): refused, left to the webhook.
      const paidPi = other.payment.paymentIntentId;
      const paid = stripe.succeed(paidPi);
      expect(codeOf(await api.gql(ABANDON, { id: other.id, t: other.token }))).toBe('PAYMENT_IN_PROGRESS');
      expect((await p().order.findUniqueOrThrow({ where: { id: other.orders[0]!.id } })).status).toBe('PENDING_PAYMENT');
      expect(await deliver(paid)).toBe(200);
      expect((await p().order.findUniqueOrThrow({ where: { id: other.orders[0]!.id } })).status).toBe('PAID');
    });
  });

  describe('disputes', () => {
    const DISPUTES = `query($m: ID, $open: Boolean) { museumDisputes(museumId: $m, open: $open) { id orderId orderNumber museumId amount disputedTotal currency reason status evidenceDueBy evidenceSubmittedAt acceptsEvidence lostAmount } }`;
    const ORDER = `query($id: ID!) { order(id: $id) { id status lostToDisputes disputes { id amount disputedTotal reason status evidenceDueBy acceptsEvidence lostAmount evidenceSubmittedAt } } }`;
    const SUBMIT = `mutation($id: ID!, $e: DisputeEvidenceInput!) { submitDisputeEvidence(disputeId: $id, evidence: $e) { id status evidenceSubmittedAt } }`;
    const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n\u0000\u00ff binary tail');

    async function paidCheckout() {
      const c = await placed([
        { variantId: louvre.variants[0]!.id, quantity: 1 },
        { variantId: orsay.variants[0]!.id, quantity: 2 },
      ]);
      expect(await deliver(stripe.succeed(c.payment.paymentIntentId))).toBe(200);
      return c;
    }

    it('keeps the deadline and reason, shows each museum its order’s part, takes evidence through Stripe, and follows it to lost', async () => {
      const c = await paidCheckout();
      const louvreOrder = c.orders.find((o) => o.museumId === louvre.museumId)!;
      const orsayOrder = c.orders.find((o) => o.museumId === orsay.museumId)!;
      const manager = await api.login((await createUser(p(), 'MUSEUM_MANAGER', { museumIds: [louvre.museumId] })).email);
      const orsayManager = await api.login((await createUser(p(), 'MUSEUM_MANAGER', { museumIds: [orsay.museumId] })).email);
      const stranger = await api.login((await createUser(p(), 'MUSEUM_MANAGER', { museumIds: [(await seedShop(p(), { prices: [1_000], stock: 1 })).museumId] })).email);

      // Disputed: part of the charge, which paid both museums' orders.
      const disputed = 10_001;
      const created = stripe.dispute(c.payment.paymentIntentId, 'product_not_received', { amount: disputed });
      const dueBy = new Date(Number((created.data.object['evidence_details'] as any).due_by) * 1000).toISOString();
      expect(await deliver(created)).toBe(200);
      expect(await deliver(created)).toBe(200); // replay: once

      // Each museum sees the dispute on its own order, with its part of the amount.
      const mine = (await api.gql(DISPUTES, { m: louvre.museumId }, manager)).data.museumDisputes;
      expect(mine).toHaveLength(1);
      const share = mine[0].amount as number;
      expect(Math.abs(share - (disputed * louvreOrder.total) / c.total)).toBeLessThan(1);
      expect(mine[0]).toMatchObject({ orderId: louvreOrder.id, museumId: louvre.museumId, amount: share, disputedTotal: disputed, currency: 'CNY', reason: 'product_not_received', status: 'needs_response', evidenceDueBy: dueBy, acceptsEvidence: true, lostAmount: 0 });
      const theirs = (await api.gql(DISPUTES, {}, orsayManager)).data.museumDisputes;
      expect(theirs.map((d: any) => [d.orderId, d.amount])).toEqual([[orsayOrder.id, disputed - share]]);
      expect((await api.gql(DISPUTES, {}, stranger)).data.museumDisputes).toEqual([]);
      expect(codeOf(await api.gql(DISPUTES, { m: louvre.museumId }, stranger))).toBe('NOT_FOUND');
      const onOrder = (await api.gql(ORDER, { id: louvreOrder.id }, manager)).data.order;
      expect(onOrder.disputes).toEqual([expect.objectContaining({ id: mine[0].id, amount: share, disputedTotal: disputed, status: 'needs_response', evidenceDueBy: dueBy })]);
      const disputeId = mine[0].id as string;

      const dpId = created.data.object['id'] as string;
      const stripeCalls = () => stripe.requests.filter((r) => r.path === '/v1/files' || r.path === `/v1/disputes/${dpId}`).length;
      const row = async () => p().paymentDispute.findUniqueOrThrow({ where: { id: disputeId } });
      const untouched = await row();

      // Another museum's manager: NOT_FOUND, nothing sent to Stripe, nothing written.
      expect(codeOf(await api.gql(SUBMIT, { id: disputeId, e: { uncategorizedText: 'mine' } }, stranger))).toBe('NOT_FOUND');
      expect(codeOf(await api.gql(SUBMIT, { id: '00000000-0000-4000-8000-000000000000', e: { uncategorizedText: 'x' } }, manager))).toBe('NOT_FOUND');
      // Bad input: VALIDATION_FAILED with the field, nothing sent.
      const bad = await api.gql(SUBMIT, { id: disputeId, e: { files: [{ kind: 'RECEIPT', filename: 'r.exe', contentType: 'application/x-msdownload', contentBase64: 'AAAA' }] } }, manager);
      expect(codeOf(bad)).toBe('VALIDATION_FAILED');
      expect((bad.errors![0]!.extensions as any).fields[0].path).toBe('evidence.files.0.contentType');
      expect(codeOf(await api.gql(SUBMIT, { id: disputeId, e: {} }, manager))).toBe('VALIDATION_FAILED');
      expect(stripeCalls()).toBe(0);
      expect(await row()).toEqual(untouched);

      // Evidence: a receipt (PDF) uploaded as dispute_evidence, then the dispute submitted.
      const submitted = await api.gql(
        SUBMIT,
        {
          id: disputeId,
          e: {
            productDescription: 'Silk scarf, La Joconde',
            shippingCarrier: 'SF Express',
            shippingTrackingNumber: 'SF1234567890',
            uncategorizedText: 'Delivered and signed for.',
            files: [{ kind: 'RECEIPT', filename: 'receipt.pdf', contentType: 'application/pdf', contentBase64: PDF.toString('base64') }],
          },
        },
        manager,
      );
      expect(submitted.errors).toBeUndefined();
      expect(submitted.data.submitDisputeEvidence).toMatchObject({ id: disputeId, status: 'under_review' });
      const [file] = [...stripe.files.values()];
      expect(file).toMatchObject({ purpose: 'dispute_evidence', filename: 'receipt.pdf', type: 'pdf' });
      expect(file!.data.equals(PDF)).toBe(true);
      const update = stripe.requests.find((r) => r.method === 'POST' && r.path === `/v1/disputes/${dpId}`)!;
      expect(update.params).toMatchObject({ submit: 'true', evidence: { receipt: file!['id'], product_description: 'Silk scarf, La Joconde', shipping_tracking_number: 'SF1234567890' } });
      expect(stripe.disputes.get(dpId)).toMatchObject({ status: 'under_review', evidence_details: expect.objectContaining({ submission_count: 1 }) });
      expect(await row()).toMatchObject({ status: 'under_review', evidenceSubmittedAt: expect.any(Date) });

      // Submitted once: a second submission is refused before Stripe.
      const calls = stripeCalls();
      expect(codeOf(await api.gql(SUBMIT, { id: disputeId, e: { uncategorizedText: 'more' } }, orsayManager))).toBe('DISPUTE_EVIDENCE_SUBMITTED');
      expect(stripeCalls()).toBe(calls);

      // The bank decides: lost. The order bears its part of the loss; a late update does not reopen it.
      const stale = stripe.disputeUpdated(dpId);
      expect(await deliver(stripe.closeDispute(dpId, 'lost'))).toBe(200);
      expect(await deliver(stale)).toBe(200);
      const lost = (await api.gql(ORDER, { id: louvreOrder.id }, manager)).data.order;
      expect(lost.lostToDisputes).toBe(share);
      expect(lost.disputes[0]).toMatchObject({ status: 'lost', lostAmount: share, acceptsEvidence: false });
      expect((await api.gql(ORDER, { id: orsayOrder.id }, orsayManager)).data.order.lostToDisputes).toBe(disputed - share);
      expect(await row()).toMatchObject({ status: 'lost', lostAmountMinor: disputed, closedAt: expect.any(Date) });
      expect((await api.gql(DISPUTES, { m: louvre.museumId }, manager)).data.museumDisputes).toEqual([]);
      expect((await api.gql(DISPUTES, { m: louvre.museumId, open: false }, manager)).data.museumDisputes.map((d: any) => d.status)).toEqual(['lost']);
      // Closed: evidence refused with its code, nothing sent.
      expect(codeOf(await api.gql(SUBMIT, { id: disputeId, e: { uncategorizedText: 'late' } }, manager))).toBe('DISPUTE_CLOSED');
      expect(stripeCalls()).toBe(calls);
    });

    it('refuses evidence after the due date, and clears a won dispute', async () => {
      const c = await paidCheckout();
      const louvreOrder = c.orders.find((o) => o.museumId === louvre.museumId)!;
      const manager = await api.login((await createUser(p(), 'MUSEUM_MANAGER', { museumIds: [louvre.museumId] })).email);

      const overdue = stripe.dispute(c.payment.paymentIntentId, 'fraudulent', { dueInSeconds: -60 });
      expect(await deliver(overdue)).toBe(200);
      const [d] = (await api.gql(ORDER, { id: louvreOrder.id }, manager)).data.order.disputes;
      expect(d).toMatchObject({ status: 'needs_response', acceptsEvidence: false });
      const before = await p().paymentDispute.findUniqueOrThrow({ where: { id: d.id } });
      const filesBefore = stripe.files.size;
      const late = await api.gql(SUBMIT, { id: d.id, e: { uncategorizedText: 'too late', files: [{ kind: 'UNCATEGORIZED', filename: 'a.png', contentType: 'image/png', contentBase64: Buffer.from('png').toString('base64') }] } }, manager);
      expect(codeOf(late)).toBe('DISPUTE_EVIDENCE_PAST_DUE');
      expect(stripe.files.size).toBe(filesBefore);
      expect(await p().paymentDispute.findUniqueOrThrow({ where: { id: d.id } })).toEqual(before);

      expect(await deliver(stripe.closeDispute(overdue.data.object['id'] as string, 'won'))).toBe(200);
      const won = (await api.gql(ORDER, { id: louvreOrder.id }, manager)).data.order;
      expect(won).toMatchObject({ status: 'PAID', lostToDisputes: 0 });
      expect(won.disputes[0]).toMatchObject({ status: 'won', lostAmount: 0 });
    });
  });
});
