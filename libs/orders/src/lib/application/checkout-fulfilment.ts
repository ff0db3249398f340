/**
 * The port through which checkout learns who fulfils a product: a brand partner fulfils
 * the co-branded products of its licence agreements from its own stock (licensing), any
 * other product is fulfilled by the storefront's museum.
 */
export abstract class CheckoutFulfilment {
  /** productId → the brand that fulfils it, for the brand-fulfilled ones among these. */
  abstract brandFulfilled(productIds: readonly string[]): Promise<Map<string, string>>;
}
