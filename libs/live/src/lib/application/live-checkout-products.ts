import { Injectable, Logger } from '@nestjs/common';
import type { SqlTx } from '@vitrine/shared/data-access';
import { LiveRepository } from '../infrastructure/live.repository';
import { LiveEventsHub } from './live-events.hub';

/** How long a process trusts its list when no change was announced (a lost Redis message heals within it). */
const FRESH_MS = 5_000;
/** A line added from a live page is attributed to its session when checked out up to this long after the session ends. */
export const ATTRIBUTION_DAYS = 30;

export interface CheckoutProducts {
  /** Products with a flash price not over yet. */
  flash: ReadonlySet<string>;
  /** Products in the bag of a session not ended more than ATTRIBUTION_DAYS ago. */
  bag: ReadonlySet<string>;
}

/**
 * Which products checkout has to ask live sessions about, kept per API process, so that a cart
 * or a checkout without such a product costs live no statement (cart-statements e2e). Changes
 * are announced to every process through Redis (LiveEventsHub) and forgotten at once; without
 * an announcement the list is read again after FRESH_MS. A stale list only ever makes checkout
 * ask when it needn't, or — for a change another process made and whose announcement was lost
 * — not ask for at most FRESH_MS.
 */
@Injectable()
export class LiveCheckoutProducts {
  private readonly logger = new Logger(LiveCheckoutProducts.name);
  private known: (CheckoutProducts & { at: number }) | null = null;
  private loading: Promise<CheckoutProducts> | null = null;
  private watching = false;
  private generation = 0;

  constructor(
    private readonly repo: LiveRepository,
    private readonly hub: LiveEventsHub,
  ) {}

  /**
   * `within`: the caller's transaction (placeOrder's), through whose connection the list is read
   * when it must be: a read on the pool from inside a checkout transaction could wait forever
   * for a connection when every one of the pool is such a transaction waiting for this list.
   */
  async get(now = Date.now(), within?: SqlTx): Promise<CheckoutProducts> {
    this.watch();
    if (this.known && now - this.known.at < FRESH_MS) return this.known;
    // Inside a transaction, never wait for a read on the pool (another caller's): read through it.
    if (within) return this.read(now, within);
    if (this.loading) return this.loading;
    this.loading = this.read(now).finally(() => (this.loading = null));
    return this.loading;
  }

  private read(now: number, within?: SqlTx): Promise<CheckoutProducts> {
    const generation = this.generation;
    return this.repo.checkoutProducts(new Date(now), new Date(now - ATTRIBUTION_DAYS * 86_400_000), within).then((r) => {
      const read = { flash: new Set(r.flash), bag: new Set(r.bag), at: now };
      // A change announced while reading: use what was read now, read again next time.
      if (generation === this.generation) this.known = read;
      return read;
    });
  }

  /** After this process changed a session, its bag or a flash price: every process forgets its list. */
  changed(): Promise<void> {
    return this.hub.announceCheckoutChange();
  }

  private forget = (): void => {
    this.generation++;
    this.known = null;
  };

  private watch(): void {
    if (this.watching) return;
    this.watching = true;
    this.hub.watchCheckoutChanges(this.forget).catch((error: Error) => {
      this.watching = false;
      this.logger.warn(`live checkout changes not watched: ${error.message}`);
    });
  }
}
