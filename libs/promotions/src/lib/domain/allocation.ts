import { allocateProportionally } from '@vitrine/shared/kernel';

/**
 * A discount (fen) over lines in proportion to their goods, by the kernel's largest remainder:
 * Σ shares = the discount exactly, and while the discount is at most the goods no line gets more
 * than it is worth.
 */
export const allocateLargestRemainder: (total: number, weights: readonly number[]) => number[] = allocateProportionally;
