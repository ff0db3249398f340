import { Injectable } from '@nestjs/common';
import { ForbiddenError, NotFoundError, ValidationError, canManageMuseum, isPlatformAdmin, managedMuseumScope, type Actor } from '@vitrine/shared/kernel';
import { checkPromotionInput, type PromotionInput } from '../domain/promotion-input';
import { PromotionsError, PromotionsErrorCode } from '../domain/promotions-error';
import { PromotionRepository, type PromotionRow } from '../infrastructure/promotion.repository';
import { PromotionsPricingService } from './promotions-pricing.service';

export interface PromotionView extends PromotionRow {
  /** What the promotion has taken off orders not cancelled, fen. */
  discountGivenMinor: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The console's promotions. A manager creates and edits their museum's (funded by the
 * museum); the operator also runs platform-wide ones (museum null, funded by the platform).
 * Another museum's promotion is NOT_FOUND.
 */
@Injectable()
export class PromotionsAdminService {
  constructor(
    private readonly repo: PromotionRepository,
    private readonly pricing: PromotionsPricingService,
  ) {}

  async list(actor: Actor, q: { museumId?: string | null; platformOnly?: boolean; includeArchived?: boolean; archivedOnly?: boolean }): Promise<PromotionView[]> {
    if (q.museumId && (!UUID.test(q.museumId) || !canManageMuseum(actor, q.museumId))) throw new NotFoundError('Museum');
    if (q.platformOnly && !isPlatformAdmin(actor)) return [];
    const rows = await this.repo.list({ museumIds: managedMuseumScope(actor), museumId: q.museumId, platformOnly: q.platformOnly, archived: q.archivedOnly ? 'ONLY' : q.includeArchived ? 'INCLUDE' : 'EXCLUDE' });
    return this.withUsage(rows);
  }

  async get(actor: Actor, id: string): Promise<PromotionView> {
    return (await this.withUsage([await this.visible(actor, id)]))[0]!;
  }

  async create(actor: Actor, raw: unknown): Promise<PromotionView> {
    const v = checkPromotionInput(raw);
    this.assertMayWrite(actor, v.museumId);
    await this.assertProducts(v);
    const row = await this.uniqueCode(() => this.repo.create(v, v.museumId === null ? 'PLATFORM' : 'MUSEUM', actor.userId));
    this.pricing.forgetCached();
    return { ...row, discountGivenMinor: 0 };
  }

  async update(actor: Actor, id: string, raw: unknown): Promise<PromotionView> {
    const existing = await this.visible(actor, id);
    if (existing.archivedAt) throw this.archived();
    // The kind and the museum are fixed at creation; the rest is replaced.
    const v = checkPromotionInput({ ...(raw as object), museumId: existing.museumId, kind: existing.kind });
    if (v.totalLimit != null && v.totalLimit < existing.usedCount) {
      throw new ValidationError([{ path: 'input.totalLimit', message: `at least ${existing.usedCount} (already used)` }]);
    }
    await this.assertProducts(v);
    // Archived between the check above and the write: refused the same way, nothing written.
    const row = await this.uniqueCode(() => this.repo.update(id, v));
    if (!row) throw this.archived();
    this.pricing.forgetCached();
    return (await this.withUsage([row]))[0]!;
  }

  async archive(actor: Actor, id: string): Promise<PromotionView> {
    await this.visible(actor, id);
    if (!(await this.repo.archive(id, new Date()))) throw this.archived();
    this.pricing.forgetCached();
    return this.get(actor, id);
  }

  private archived(): PromotionsError {
    return new PromotionsError(PromotionsErrorCode.PROMOTION_ARCHIVED, 'This promotion is archived: it can be read, no longer changed');
  }

  private async visible(actor: Actor, id: string): Promise<PromotionRow> {
    const row = UUID.test(id) ? await this.repo.find(id) : null;
    if (!row) throw new NotFoundError('Promotion');
    const ok = row.museumId === null ? isPlatformAdmin(actor) : canManageMuseum(actor, row.museumId);
    if (!ok) throw new NotFoundError('Promotion');
    return row;
  }

  private assertMayWrite(actor: Actor, museumId: string | null): void {
    if (museumId === null) {
      if (!isPlatformAdmin(actor)) throw new ForbiddenError('Only the platform operator runs platform-wide promotions');
      return;
    }
    if (!canManageMuseum(actor, museumId)) throw new NotFoundError('Museum');
  }

  /** Named products must be the museum's (any museum's for a platform-wide promotion). */
  private async assertProducts(v: PromotionInput): Promise<void> {
    const ids = [...new Set(v.productIds ?? [])];
    if (!ids.length) return;
    const found = new Set(await this.repo.productsOfMuseum(v.museumId, ids));
    const issues = (v.productIds ?? []).flatMap((id, i) => (found.has(id) ? [] : [{ path: `input.productIds.${i}`, message: 'is not a product of this storefront' }]));
    if (issues.length) throw new ValidationError(issues);
  }

  private async uniqueCode<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if ((error as { code?: string }).code === 'P2002') throw new PromotionsError(PromotionsErrorCode.COUPON_CODE_TAKEN, 'This coupon code is already used', { field: 'input.code' });
      throw error;
    }
  }

  private async withUsage(rows: readonly PromotionRow[]): Promise<PromotionView[]> {
    const given = await this.repo.discountGiven(rows.map((r) => r.id));
    return rows.map((r) => ({ ...r, discountGivenMinor: given.get(r.id) ?? 0 }));
  }
}
