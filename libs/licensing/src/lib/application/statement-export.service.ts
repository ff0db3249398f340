import { Injectable } from '@nestjs/common';
import type { Writable } from 'node:stream';
import type PDFKit from 'pdfkit';
import { MINOR_UNITS, type Actor } from '@vitrine/shared/kernel';
import { DirectoryRepository } from '../infrastructure/directory.repository';
import type { LedgerEntryRow } from '../infrastructure/ledger.repository';
import type { StatementRow } from '../infrastructure/statement.repository';
import { RoyaltyStatementsService } from './royalty-statements.service';

/** Minor units as a plain decimal string (12345 EUR → "123.45"); exact, no floats. */
export function formatMinor(amount: number, currency: string): string {
  const scale = MINOR_UNITS[currency] ?? 100;
  const digits = Math.round(Math.log10(scale));
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount).toString().padStart(digits + 1, '0');
  return digits ? `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}` : `${sign}${abs}`;
}

const csvCell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csvRow = (cells: (string | number | null)[]) => cells.map(csvCell).join(',') + '\r\n';

export const SUMMARY_COLUMNS = [
  'statement_id',
  'agreement_id',
  'period_start',
  'period_end',
  'currency',
  'entries',
  'units',
  'net_sales',
  'royalty',
  'cumulative_royalty',
  'advance_recouped',
  'advance_remaining',
  'minimum_guarantee_shortfall',
  'amount_payable',
];
export const ENTRY_COLUMNS = ['entry_id', 'kind', 'occurred_at', 'order_id', 'order_line_id', 'product_id', 'units', 'sale_amount', 'sale_currency', 'fx_rate', 'net_sales', 'royalty', 'currency'];

/**
 * Statements as files both parties download: CSV (a summary table, a blank line, then one
 * row per ledger entry) and PDF. Entries are read and written page by page, so an export's
 * memory does not grow with the statement.
 */
@Injectable()
export class StatementExportService {
  constructor(
    private readonly statements: RoyaltyStatementsService,
    private readonly directory: DirectoryRepository,
  ) {}

  /** Checks access first (NOT_FOUND otherwise), then returns a writer for the file. */
  async prepare(actor: Actor, id: string, format: 'csv' | 'pdf'): Promise<{ filename: string; contentType: string; write: (out: Writable) => Promise<void> }> {
    const s = await this.statements.get(actor, id);
    const filename = `royalty-statement-${s.periodStart.slice(0, 7)}-${s.agreementId.slice(0, 8)}.${format}`;
    if (format === 'csv') return { filename, contentType: 'text/csv; charset=utf-8', write: (out) => this.csv(s, out) };
    return { filename, contentType: 'application/pdf', write: (out) => this.pdf(s, out) };
  }

  private async csv(s: StatementRow, out: Writable): Promise<void> {
    const m = (n: number) => formatMinor(n, s.currency);
    await write(out, csvRow(SUMMARY_COLUMNS));
    await write(
      out,
      csvRow([
        s.id,
        s.agreementId,
        s.periodStart,
        s.periodEnd,
        s.currency,
        s.entryCount,
        s.units,
        m(s.netSalesMinor),
        m(s.royaltyMinor),
        m(s.cumulativeRoyaltyMinor),
        m(s.advanceRecoupedMinor),
        m(s.advanceRemainingMinor),
        m(s.minimumGuaranteeShortfallMinor),
        m(s.amountPayableMinor),
      ]),
    );
    await write(out, '\r\n' + csvRow(ENTRY_COLUMNS));
    for await (const page of this.statements.entriesOf(s.id)) {
      await write(out, page.map((e) => csvRow(entryCells(e))).join(''));
    }
    out.end();
  }

  private async pdf(s: StatementRow, out: Writable): Promise<void> {
    const [museum, brands] = await Promise.all([this.directory.museum(s.museumId), this.directory.brandNames([s.brandId])]);
    // Loaded on first use: pdfkit and its font stack (fontkit, restructure, brotli) would
    // otherwise stay in every API process's heap for a statement it may never export.
    const { default: PDFDocument } = (await import('pdfkit')) as { default: typeof PDFKit };
    const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: `Royalty statement ${s.periodStart.slice(0, 7)}` } });
    const done = new Promise<void>((resolve, reject) => {
      out.on('finish', resolve);
      out.on('error', reject);
      doc.on('error', reject);
    });
    doc.pipe(out);
    const m = (n: number) => `${formatMinor(n, s.currency)} ${s.currency}`;
    doc.fontSize(18).text('Royalty statement');
    doc.moveDown(0.5).fontSize(10);
    doc.text(`Licensor (museum): ${museum?.nameEn || museum?.nameFr || s.museumId}`);
    doc.text(`Licensee (brand): ${brands.get(s.brandId) ?? s.brandId}`);
    doc.text(`Agreement: ${s.agreementId}`);
    doc.text(`Period: ${s.periodStart} to ${s.periodEnd}`);
    doc.text(`Statement: ${s.id}, generated ${s.generatedAt.toISOString()}`);
    doc.moveDown();
    const figures: [string, string][] = [
      ['Ledger entries', String(s.entryCount)],
      ['Units', String(s.units)],
      ['Net sales', m(s.netSalesMinor)],
      ['Royalty this period', m(s.royaltyMinor)],
      ['Cumulative royalty', m(s.cumulativeRoyaltyMinor)],
      ['Advance recouped', m(s.advanceRecoupedMinor)],
      ['Advance remaining', m(s.advanceRemainingMinor)],
      ['Minimum-guarantee shortfall', m(s.minimumGuaranteeShortfallMinor)],
      ['Amount payable', m(s.amountPayableMinor)],
    ];
    for (const [label, value] of figures) doc.text(`${label}: ${value}`);
    doc.moveDown().fontSize(12).text('Sales and refunds');
    doc.fontSize(8);
    for await (const page of this.statements.entriesOf(s.id)) {
      for (const e of page) {
        doc.text(
          `${e.occurredAt.toISOString().slice(0, 10)}  ${e.kind.padEnd(8)}  line ${e.orderLineId.slice(0, 8)}  units ${e.units}  sale ${formatMinor(e.saleMinor, e.saleCurrency)} ${e.saleCurrency}` +
            `  net ${m(e.netSalesMinor)}  royalty ${m(e.royaltyMinor)}`,
        );
      }
    }
    doc.end();
    await done;
  }
}

function entryCells(e: LedgerEntryRow): (string | number | null)[] {
  return [
    e.id.toString(),
    e.kind,
    e.occurredAt.toISOString(),
    e.orderId,
    e.orderLineId,
    e.productId,
    e.units,
    formatMinor(e.saleMinor, e.saleCurrency),
    e.saleCurrency,
    e.fxRate,
    formatMinor(e.netSalesMinor, e.currency),
    formatMinor(e.royaltyMinor, e.currency),
    e.currency,
  ];
}

/** Writes with backpressure. */
function write(out: Writable, chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (out.write(chunk)) resolve();
    else {
      out.once('drain', resolve);
      out.once('error', reject);
    }
  });
}
