import { Injectable } from '@nestjs/common';
import { PrismaService } from '@vitrine/shared/data-access';
import { ConflictError, ForbiddenError, ValidationError, isPlatformAdmin, type Actor } from '@vitrine/shared/kernel';
import { SettlementError } from '../domain/settlement-error';
import { remittanceInputProblems, remittanceRefusal, taxRemittanceEntry, type TaxRemittance } from '../domain/tax-remittance';
import { LedgerRepository } from '../infrastructure/ledger.repository';

export interface TaxRemittanceResult extends TaxRemittance {
  /** What is still owed to customs in the remittance's currency after it. */
  owedAfterMinor: number;
}

/**
 * The operator records that the platform paid customs the cross-border tax it collected as
 * withholding agent (issue 21: the tax "shows as a liability until remitted"; ADR 0031). One
 * `tax-remittance:<reference>` entry per customs payment, written under a lock with the check
 * against what is owed: a currency no tax was collected in (CURRENCY_MISMATCH) or more than is owed
 * (REMITTANCE_EXCEEDS_OWED) writes nothing. The same reference again with the same amount and
 * currency answers what was recorded (a retried request); with others, CONFLICT.
 */
@Injectable()
export class TaxRemittanceService {
  constructor(
    private readonly ledger: LedgerRepository,
    private readonly prisma: PrismaService,
  ) {}

  async record(actor: Actor, r: TaxRemittance): Promise<TaxRemittanceResult> {
    if (!isPlatformAdmin(actor)) throw new ForbiddenError('Only the platform operator records tax remittances');
    const problems = remittanceInputProblems(r);
    if (problems.length) throw new ValidationError(problems);
    const entry = taxRemittanceEntry(r, new Date());
    return this.prisma.$transaction(async (tx) => {
      const owed = await this.ledger.taxOwedLocked(tx);
      const recorded = await this.ledger.entryWithAccounts(entry.eventKey);
      if (recorded) {
        const same = recorded.lines.some((l) => l.account.kind === 'TAX_PAYABLE' && l.amountMinor === r.amountMinor && l.currency === r.currency);
        if (!same) throw new ConflictError(`Remittance ${r.reference} was recorded with another amount or currency`, { field: 'reference' });
        return { ...r, owedAfterMinor: owed.get(r.currency) ?? 0 };
      }
      const refusal = remittanceRefusal(r, owed);
      if (refusal) {
        throw new SettlementError(
          refusal.code,
          refusal.code === 'CURRENCY_MISMATCH' ? `No tax was collected in ${r.currency}` : `Only ${refusal.owedMinor} ${r.currency} (minor units) is owed to customs`,
          { currency: r.currency, owed: refusal.owedMinor },
        );
      }
      await this.ledger.insertEntry(tx, entry);
      return { ...r, owedAfterMinor: (owed.get(r.currency) ?? 0) - r.amountMinor };
    });
  }
}
