import type { Tx } from '@vitrine/shared/data-access';

/**
 * What contexts above customs keep about a shopper beyond their orders, to be erased when the
 * account's deletion request is carried out (issue 17: the saved delivery addresses, orders').
 * Customs cannot import those contexts, so it declares the step and the owner binds it
 * (`OrdersSourcesModule` in libs/orders). Runs in the request's transaction; erasing twice
 * erases nothing more.
 */
export abstract class ShopperPersonalData {
  /** Erases what the context keeps about this shopper; answers how many records went. */
  abstract eraseAccount(tx: Tx, userId: string): Promise<number>;
}
