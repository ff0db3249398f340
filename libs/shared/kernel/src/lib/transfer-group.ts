/**
 * Stripe's `transfer_group` of a checkout (separate charges and transfers): set on the
 * checkout's PaymentIntent by libs/payments and on every transfer of that checkout's money to a
 * seller by libs/settlement's payout run, so Stripe (and its dashboard) ties each transfer to
 * the charge that funded it.
 */
export function checkoutTransferGroup(checkoutId: string): string {
  return `vitrine-checkout-${checkoutId}`;
}
