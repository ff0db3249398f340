import { Global, Injectable, Module } from '@nestjs/common';

/**
 * The per-process caches of the anonymous shop window (the API's HTTP micro-cache, public list
 * totals, storefront rows), cleared together when the catalogue changes (ADR 0010). Each cache
 * registers how to clear itself; the API clears them all after a back-office mutation and when
 * another API process says it did.
 */
@Injectable()
export class ShopWindowCaches {
  private readonly clears = new Set<() => void>();
  private clearings = 0;

  register(clear: () => void): void {
    this.clears.add(clear);
  }

  /**
   * Counts the clears. A cache that stores what it read only after a round trip takes it before
   * reading and stores nothing if it changed (`unchangedSince`): an answer read before a change
   * committed, written after the purge, would otherwise be served until its TTL.
   */
  get generation(): number {
    return this.clearings;
  }

  unchangedSince(generation: number): boolean {
    return this.clearings === generation;
  }

  clearAll(): void {
    this.clearings++;
    for (const clear of this.clears) clear();
  }
}

@Global()
@Module({ providers: [ShopWindowCaches], exports: [ShopWindowCaches] })
export class ShopWindowCachesModule {}
