import { toPaymentEvent } from './payment-event';

const event = (type: string, object: Record<string, unknown>) => ({ id: 'evt_1', type, data: { object } });

describe('toPaymentEvent', () => {
  it('reads a succeeded payment intent and our checkout id', () => {
    expect(toPaymentEvent(event('payment_intent.succeeded', { id: 'pi_1', amount: 500, amount_received: 500, currency: 'cny', metadata: { vitrine_checkout_id: 'c1' } }))).toEqual({
      eventId: 'evt_1',
      type: 'payment_intent.succeeded',
      checkoutId: 'c1',
      event: { kind: 'PAYMENT_SUCCEEDED', paymentIntentId: 'pi_1', amountMinor: 500, currency: 'CNY', paymentMethodType: null },
    });
  });

  it('reads how the intent was paid: the expanded latest charge, else its only allowed type, else nothing', () => {
    const succeeded = (o: Record<string, unknown>) => toPaymentEvent(event('payment_intent.succeeded', { id: 'pi_1', amount: 500, currency: 'cny', ...o })).event;
    const all = ['card', 'alipay', 'wechat_pay'];
    expect(succeeded({ payment_method_types: all, latest_charge: { id: 'ch_1', payment_method_details: { type: 'wechat_pay', wechat_pay: {} } } })).toMatchObject({ paymentMethodType: 'wechat_pay' });
    expect(succeeded({ payment_method_types: ['alipay'], latest_charge: 'ch_1' })).toMatchObject({ paymentMethodType: 'alipay' });
    // Several types allowed and the charge named by id: the event does not say (Stripe is asked).
    expect(succeeded({ payment_method_types: all, latest_charge: 'ch_1' })).toMatchObject({ paymentMethodType: null });
    expect(succeeded({ payment_method_types: all, latest_charge: { id: 'ch_1', payment_method_details: null } })).toMatchObject({ paymentMethodType: null });
  });

  it('reads failures, cancellations, refunds and disputes', () => {
    expect(toPaymentEvent(event('payment_intent.payment_failed', { id: 'pi_1', last_payment_error: { code: 'card_declined', decline_code: 'insufficient_funds' } })).event).toEqual({
      kind: 'PAYMENT_FAILED',
      paymentIntentId: 'pi_1',
      reason: 'insufficient_funds',
      failureCode: 'card_declined',
      declineCode: 'insufficient_funds',
    });
    expect(toPaymentEvent(event('payment_intent.canceled', { id: 'pi_1', cancellation_reason: 'abandoned' })).event).toMatchObject({ kind: 'PAYMENT_CANCELED', reason: 'abandoned' });
    expect(
      toPaymentEvent(
        event('charge.refunded', {
          id: 'ch_1',
          payment_intent: 'pi_1',
          amount: 1000,
          amount_refunded: 400,
          currency: 'cny',
          refunds: { data: [{ id: 're_1', amount: 400, status: 'succeeded', metadata: { vitrine_order_id: 'o1' } }] },
        }),
      ).event,
    ).toEqual({
      kind: 'CHARGE_REFUNDED',
      paymentIntentId: 'pi_1',
      chargeId: 'ch_1',
      amountRefundedMinor: 400,
      amountMinor: 1000,
      currency: 'CNY',
      refunds: [{ id: 're_1', amountMinor: 400, status: 'succeeded', orderId: 'o1' }],
    });
    const dispute = { id: 'dp_1', charge: 'ch_1', payment_intent: { id: 'pi_1' }, amount: 1000, currency: 'cny', reason: 'fraudulent', status: 'needs_response', evidence_details: { due_by: 1_800_000_000 } };
    expect(toPaymentEvent(event('charge.dispute.created', dispute)).event).toEqual({
      kind: 'DISPUTE',
      paymentIntentId: 'pi_1',
      disputeId: 'dp_1',
      amountMinor: 1000,
      currency: 'CNY',
      reason: 'fraudulent',
      status: 'needs_response',
      evidenceDueBy: new Date(1_800_000_000_000),
    });
    expect(toPaymentEvent(event('charge.dispute.closed', { ...dispute, status: 'lost' })).event).toMatchObject({ kind: 'DISPUTE', status: 'lost' });
    expect(toPaymentEvent(event('charge.dispute.updated', { ...dispute, evidence_details: {} })).event).toMatchObject({ kind: 'DISPUTE', evidenceDueBy: null });
  });

  it('ignores other events and events without a payment intent', () => {
    expect(toPaymentEvent(event('customer.created', { id: 'cus_1' })).event).toEqual({ kind: 'IGNORED', type: 'customer.created' });
    expect(toPaymentEvent(event('charge.refunded', { id: 'ch_1', payment_intent: null })).event.kind).toBe('IGNORED');
  });

  it('reads a refund Stripe reports failed or cancelled, and ignores its other updates', () => {
    const refund = { id: 're_1', object: 'refund', amount: 400, currency: 'cny', payment_intent: 'pi_1', status: 'failed', metadata: { vitrine_order_id: 'o1' } };
    for (const type of ['refund.updated', 'charge.refund.updated', 'refund.failed']) {
      expect(toPaymentEvent(event(type, refund)).event).toEqual({ kind: 'REFUND_FAILED', paymentIntentId: 'pi_1', refundId: 're_1', status: 'failed', amountMinor: 400, currency: 'CNY', orderId: 'o1' });
    }
    expect(toPaymentEvent(event('refund.updated', { ...refund, status: 'canceled', metadata: {} })).event).toMatchObject({ kind: 'REFUND_FAILED', status: 'canceled', orderId: null });
    expect(toPaymentEvent(event('refund.updated', { ...refund, status: 'succeeded' })).event).toEqual({ kind: 'IGNORED', type: 'refund.updated' });
  });
});
