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

  register(clear: () => void): void {
    this.clears.add(clear);
  }

  clearAll(): void {
    for (const clear of this.clears) clear();
  }
}

@Global()
@Module({ providers: [ShopWindowCaches], exports: [ShopWindowCaches] })
export class ShopWindowCachesModule {}
