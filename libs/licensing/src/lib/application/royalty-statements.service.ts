import { Injectable, Logger } from '@nestjs/common';
import { NotFoundError, ValidationError, type Actor } from '@vitrine/shared/kernel';
import { isUuid } from '../domain/ids';
import { addMonths, isPeriod, monthOf, periodBounds, type IsoDate } from '../domain/periods';
import { computeStatement } from '../domain/statement';
import { AgreementRepository } from '../infrastructure/agreement.repository';
import { LedgerRepository, type LedgerEntryRow } from '../infrastructure/ledger.repository';
import { StatementRepository, type StatementRow } from '../infrastructure/statement.repository';
import { canSeeAgreementOf, scopeOf } from './access';
import { Clock } from './clock';
import { RoyaltyAccrualService } from './royalty-accrual.service';

/** Agreements whose statements are written in one transaction. */
const STATEMENT_CHUNK = 1_000;

export interface StatementRunResult {
  period: IsoDate;
  accrued: number;
  reversed: number;
  created: number;
  skipped: number;
  /** Time spent booking the ledger and writing the statements. */
  ledgerMs: number;
  statementsMs: number;
}

/**
 * Monthly royalty statements. A run for a month first books any missing ledger entries up
 * to the month's end (streamed), then writes one statement per agreement due, each in its
 * own transaction. Safe to run twice, concurrently or late: statements are unique per
 * (agreement, month) and claim their entries with one UPDATE.
 */
@Injectable()
export class RoyaltyStatementsService {
  private readonly logger = new Logger(RoyaltyStatementsService.name);

  constructor(
    private readonly statements: StatementRepository,
    private readonly ledger: LedgerRepository,
    private readonly agreements: AgreementRepository,
    private readonly accrual: RoyaltyAccrualService,
    private readonly clock: Clock,
  ) {}

  async runMonth(period: IsoDate): Promise<StatementRunResult> {
    if (!isPeriod(period)) throw new ValidationError([{ path: 'period', message: 'must be the first day of a month, YYYY-MM-01' }]);
    if (addMonths(period, 1) > monthOf(this.clock.now())) throw new ValidationError([{ path: 'period', message: 'has not ended yet' }]);
    const { end } = periodBounds(period);
    const started = Date.now();
    const { accrued, reversed } = await this.accrual.reconcile(end);
    const ledgerMs = Date.now() - started;
    let created = 0;
    let skipped = 0;
    const due = await this.statements.agreementsDue(period);
    for (let i = 0; i < due.length; i += STATEMENT_CHUNK) {
      const r = await this.statements.createMany(period, due.slice(i, i + STATEMENT_CHUNK), (agreement, prior, totals) =>
        computeStatement({ periodStart: period, terms: agreement, priorCumulativeRoyaltyMinor: prior, totals }),
      );
      created += r.created;
      skipped += r.skipped;
    }
    const statementsMs = Date.now() - started - ledgerMs;
    this.logger.log(`royalty statements ${period}: ${created} written, ${skipped} already done; ${accrued} accrued, ${reversed} reversed (${ledgerMs} + ${statementsMs} ms)`);
    return { period, accrued, reversed, created, skipped, ledgerMs, statementsMs };
  }

  async get(actor: Actor, id: string): Promise<StatementRow> {
    const s = isUuid(id) ? await this.statements.findById(id) : null;
    if (!s || !canSeeAgreementOf(actor, s)) throw new NotFoundError('Statement');
    return s;
  }

  async list(actor: Actor, q: { agreementId?: string | null; take: number; after: [string, string] | null }) {
    const scope = scopeOf(actor);
    if (!scope || (q.agreementId && !isUuid(q.agreementId))) return { rows: [] as StatementRow[], total: 0 };
    return this.statements.list({ ...q, scope });
  }

  /** An agreement's sales as booked in the ledger (the brand's and museum's view of sales). */
  async ledgerOf(actor: Actor, q: { agreementId: string; statementId?: string | null; take: number; afterId: bigint | null }) {
    const a = isUuid(q.agreementId) ? await this.agreements.findById(q.agreementId) : null;
    if (!a || !canSeeAgreementOf(actor, a)) throw new NotFoundError('Agreement');
    if (q.statementId && !isUuid(q.statementId)) return { rows: [] as LedgerEntryRow[], total: 0 };
    return this.ledger.list(q);
  }

  /** A statement's entries in pages, for exports. */
  async *entriesOf(statementId: string, pageSize = 1_000): AsyncGenerator<LedgerEntryRow[]> {
    let after: bigint | null = null;
    for (;;) {
      const rows = await this.ledger.ofStatement(statementId, after, pageSize);
      if (!rows.length) return;
      yield rows;
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1]!.id;
    }
  }
}
