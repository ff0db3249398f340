import { Injectable } from '@nestjs/common';
import { DROP_MIN_LEAD_MS } from '../domain/drop-input';
import { DropsRepository } from '../infrastructure/drops.repository';

/**
 * How long an API process trusts its list of variants under a drop. A drop starts at least this
 * long after it is created (DROP_MIN_LEAD_MS, checkCreateDrop), so every process knows it before
 * its first turn; a cart or checkout meanwhile reads nothing (cart-statements e2e).
 */
export const DROP_VARIANTS_TTL_MS = DROP_MIN_LEAD_MS;

/**
 * The variants that have a drop not ended, per process, read again at most every
 * DROP_VARIANTS_TTL_MS, so a checkout without a drop variant costs no statement. A drop starts at
 * least that long after its creation, so a new drop is known to every process before its first
 * turn; this process's own changes clear the list at once.
 */
@Injectable()
export class DropVariants {
  private cached: { at: number; byVariant: Map<string, string> } | null = null;
  private loading: Promise<Map<string, string>> | null = null;
  /** Bumped by `changed()`: every instance in this process (OrdersCoreModule's and the drops module's) reads again. */
  private static generation = 0;
  private readAt = -1;

  constructor(private readonly repo: DropsRepository) {}

  changed(): void {
    DropVariants.generation++;
  }

  async dropOf(variantIds: readonly string[]): Promise<{ dropId: string; variantId: string } | null> {
    const map = await this.map();
    for (const v of variantIds) {
      const dropId = map.get(v);
      if (dropId) return { dropId, variantId: v };
    }
    return null;
  }

  private async map(): Promise<Map<string, string>> {
    if (this.cached && this.readAt === DropVariants.generation && Date.now() - this.cached.at < DROP_VARIANTS_TTL_MS) return this.cached.byVariant;
    const generation = DropVariants.generation;
    // Dated when the read began: a drop committed while it ran is missing from it.
    const startedAt = Date.now();
    this.loading ??= this.repo
      .unfinishedDrops()
      .then((rows) => {
        this.readAt = generation;
        const byVariant = new Map(rows.map((r) => [r.variantId, r.dropId]));
        this.cached = { at: startedAt, byVariant };
        return byVariant;
      })
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }
}
