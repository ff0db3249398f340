import { DropCheckoutGate } from './application/drop-checkout-gate';
import { DropVariants } from './application/drop-variants';
import { DropsRepository } from './infrastructure/drops.repository';

/** placeOrder's gate for drop variants, provided by OrdersCoreModule (which imports CustomsModule). */
export const DROP_GATE_PROVIDERS = [DropsRepository, DropVariants, DropCheckoutGate];
