import { Injectable } from '@nestjs/common';
import type { Prisma } from '@vitrine/shared/data-access';
import { ForbiddenError, NotFoundError, ValidationError, isPlatformAdmin, type Actor } from '@vitrine/shared/kernel';
import { commissionRateProblems, type CommissionRates } from '../domain/commission';
import { SettlementError, SettlementErrorCode } from '../domain/settlement-error';
import { CommissionRepository, type CommissionSettingRow } from '../infrastructure/commission.repository';
import { SettlementSourcesRepository } from '../infrastructure/settlement-sources.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The operator's commission rates per storefront: a default and per-category rates in basis
 * points. A change is a new setting in force for orders placed from then on; each order line
 * keeps the rate of its checkout (`snapshot`, in the checkout's transaction).
 */
@Injectable()
export class CommissionService {
  constructor(
    private readonly settings: CommissionRepository,
    private readonly sources: SettlementSourcesRepository,
  ) {}

  /**
   * `passStripeFees`: the storefront's terms pass Stripe's fees on to its orders' sellers
   * (omitted or null: as the setting in force, else false). Like the rates, in force for orders
   * placed from now on.
   */
  async setRates(actor: Actor, input: { storefrontId: string; passStripeFees?: boolean | null } & CommissionRates): Promise<CommissionSettingRow> {
    if (!isPlatformAdmin(actor)) throw new ForbiddenError('Only the platform operator sets commissions');
    const rates = { defaultRateBps: input.defaultRateBps, categoryRates: input.categoryRates.map((c) => ({ category: c.category.trim(), rateBps: c.rateBps })) };
    const problems = commissionRateProblems(rates);
    if (problems.length) {
      throw new SettlementError(SettlementErrorCode.INVALID_COMMISSION_RATE, `Invalid commission rates: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, { fields: problems });
    }
    if (input.passStripeFees != null && typeof input.passStripeFees !== 'boolean') {
      throw new ValidationError([{ path: 'input.passStripeFees', message: 'must be true or false' }]);
    }
    if (!UUID.test(input.storefrontId) || !(await this.settings.storefrontExists(input.storefrontId))) throw new NotFoundError('Storefront');
    const passStripeFees = input.passStripeFees ?? (await this.settings.current(input.storefrontId))?.passStripeFees ?? false;
    return this.settings.insert({ storefrontId: input.storefrontId, rates, passStripeFees, createdBy: actor.userId });
  }

  /** The rates in force for a storefront (default 0 and no category rates when never set). */
  async ratesOf(actor: Actor, storefrontId: string): Promise<CommissionSettingRow> {
    if (!isPlatformAdmin(actor)) throw new ForbiddenError('Only the platform operator sees commission settings');
    if (!UUID.test(storefrontId) || !(await this.settings.storefrontExists(storefrontId))) throw new NotFoundError('Storefront');
    return (await this.settings.current(storefrontId)) ?? { id: null, storefrontId, effectiveFrom: null, defaultRateBps: 0, categoryRates: [], passStripeFees: false };
  }

  /**
   * Snapshots each new order line's rate (docs/adr/0014) inside checkout's own insert: the
   * INSERT for a data-modifying CTE, over the caller's relation of the lines it writes
   * (order_line_id, order_id, product_id, museum_id). The rules and the table stay here.
   */
  snapshotSql(lines: Prisma.Sql): Prisma.Sql {
    return this.sources.commissionSnapshotSql(lines);
  }
}
