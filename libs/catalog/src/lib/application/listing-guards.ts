import { Injectable } from '@nestjs/common';
import type { Actor } from '@vitrine/shared/kernel';

/**
 * A rule another context adds to publishing (licensing: a co-branded item lists only
 * within its agreement). The catalogue cannot import those contexts, so they register
 * here when their module starts. A guard refuses by throwing its own DomainError.
 */
export interface ListingGuard {
  beforePublish(productId: string, actor: Actor): Promise<void>;
}

@Injectable()
export class ListingGuards {
  private readonly guards: ListingGuard[] = [];

  register(guard: ListingGuard): void {
    this.guards.push(guard);
  }

  async beforePublish(productId: string, actor: Actor): Promise<void> {
    for (const guard of this.guards) await guard.beforePublish(productId, actor);
  }
}
