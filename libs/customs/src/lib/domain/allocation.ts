// The largest-remainder split lives in the kernel: customs (tax and freight over lines) and
// promotions (discounts over lines) share it.
export { allocateProportionally } from '@vitrine/shared/kernel';
