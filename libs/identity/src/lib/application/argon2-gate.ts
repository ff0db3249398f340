import { availableParallelism } from 'node:os';

/**
 * Runs at most `slots` argon2 computations at once, the others waiting their turn. Each takes a
 * core for a good fraction of a second; unbounded, a burst of sign-ins (a flood's allowed
 * attempts, or many addresses at once) would take every core and stall the event loop that
 * serves everyone else. Sign-ins wait instead of browsing.
 */
export class Argon2Gate {
  private readonly waiting: (() => void)[] = [];
  private free: number;

  constructor(slots: number) {
    this.free = Math.max(1, Math.floor(slots));
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    }
  }
}

/** One core is left to the event loop (ARGON2_CONCURRENCY overrides). */
export const argon2Gate = new Argon2Gate(Number(process.env['ARGON2_CONCURRENCY'] ?? 0) || availableParallelism() - 1);
