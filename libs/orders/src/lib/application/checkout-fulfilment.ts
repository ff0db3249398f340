/**
 * The port through which checkout learns who fulfils a product: a brand partner fulfils
 * the co-branded products of its licence agreements from its own stock (licensing), any
 * other product is fulfilled by the storefront's museum.
 */
export abstract class CheckoutFulfilment {
  /** productId → the brand that fulfils it, for the brand-fulfilled ones among these. */
  abstract brandFulfilled(productIds: readonly string[]): Promise<Map<string, string>>;

  /**
   * The same for a cart's view (addCartLine, setCartLineQuantity, cart), which may be as stale as
   * the shop window (PUBLIC_CACHE_SECONDS, cleared by back-office writes); placeOrder always
   * asks `brandFulfilled`. Live unless an implementation keeps answers.
   */
  brandFulfilledForView(productIds: readonly string[]): Promise<Map<string, string>> {
    return this.brandFulfilled(productIds);
  }
}
