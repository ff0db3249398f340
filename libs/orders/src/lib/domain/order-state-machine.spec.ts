import fc from 'fast-check';
import { OrdersError } from './orders-error';
import { ORDER_STATUSES, assertTransition, canTransition, nextStatuses, type OrderStatus } from './order-state-machine';

describe('order state machine', () => {
  it('follows the happy path', () => {
    const path: OrderStatus[] = ['PENDING_PAYMENT', 'PAID', 'CUSTOMS_SUBMITTED', 'CLEARED', 'SHIPPED', 'DELIVERED', 'REFUNDED'];
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1], path[i])).toBe(true);
    expect(canTransition('CUSTOMS_SUBMITTED', 'HELD') && canTransition('HELD', 'CLEARED') && canTransition('PENDING_PAYMENT', 'CANCELLED')).toBe(true);
  });

  it('never lets a paid (or later) order go back to pending payment', () => {
    for (const s of ORDER_STATUSES) expect(canTransition(s, 'PENDING_PAYMENT')).toBe(false);
  });

  it('keeps cancelled and refunded final, and refuses skipping steps', () => {
    expect(nextStatuses('CANCELLED')).toEqual([]);
    expect(nextStatuses('REFUNDED')).toEqual([]);
    expect(canTransition('PENDING_PAYMENT', 'SHIPPED')).toBe(false);
    expect(canTransition('PAID', 'CANCELLED')).toBe(false);
    expect(canTransition('CLEARED', 'REFUNDED')).toBe(false);
  });

  it('refuses every transition outside the machine with INVALID_TRANSITION', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ORDER_STATUSES), fc.constantFrom(...ORDER_STATUSES), (from, to) => {
        if (canTransition(from, to)) expect(() => assertTransition(from, to)).not.toThrow();
        else expect(() => assertTransition(from, to)).toThrow(OrdersError);
      }),
    );
  });
});
