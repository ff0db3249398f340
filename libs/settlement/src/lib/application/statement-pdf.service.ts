import { Injectable } from '@nestjs/common';
import { existsSync } from 'node:fs';
import type { Writable } from 'node:stream';
import type PDFKit from 'pdfkit';
import type { Actor } from '@vitrine/shared/kernel';
import { formatMinorUnits, type CurrencyStatement } from '../domain/statement';
import { SettlementSourcesRepository } from '../infrastructure/settlement-sources.repository';
import { SettlementQueriesService, type SellerStatement } from './settlement-queries.service';

/**
 * Fonts with Chinese glyphs, tried in order (LABEL_FONT_PATH / LABEL_FONT_NAME first, the
 * setting the shelf labels read): a storefront's Chinese name or a brand's name in Chinese is
 * drawn with it, embedded (subset) in the PDF, so it renders wherever the file is opened.
 */
const CJK_FONTS: [string, string | undefined][] = [
  ['/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', 'WenQuanYiMicroHei'],
  ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular'],
  ['/usr/share/fonts/truetype/arphic/uming.ttc', 'AR PL UMing CN'],
];

/** Text Helvetica (WinAnsi) cannot draw. */
const NON_LATIN = /[^\u0000-\u00ff]/;

const ACCOUNT_LABEL: Record<string, string> = { SELLER_PENDING: 'Pending', SELLER_PAYABLE: 'Payable' };

export interface StatementFile {
  filename: string;
  contentType: string;
  statement: SellerStatement;
  write: (out: Writable) => Promise<void>;
}

/**
 * A seller's monthly settlement statement as PDF, laid out like the royalty statements (pdfkit,
 * A4, a header of who and when, then figures): per currency the opening balances, one row per
 * movement (the CSV's rows: account, kind of entry, component, orders, amount) and the closing
 * balances. The figures are the statement's (SettlementQueriesService.sellerStatement), so the
 * PDF, the CSV and the ledger agree to the cent. Access as sellerStatement (NOT_FOUND).
 */
@Injectable()
export class StatementPdfService {
  constructor(
    private readonly queries: SettlementQueriesService,
    private readonly sources: SettlementSourcesRepository,
  ) {}

  /** Checks access and the month first (NOT_FOUND / VALIDATION_FAILED), then returns a writer. */
  async prepare(actor: Actor, q: { museumId?: string | null; brandId?: string | null; month: string }): Promise<StatementFile> {
    const statement = await this.queries.sellerStatement(actor, q);
    const filename = `settlement-${statement.sellerType.toLowerCase()}-${statement.sellerId}-${statement.month}.pdf`;
    return { filename, contentType: 'application/pdf', statement, write: (out) => this.pdf(statement, out) };
  }

  private async pdf(s: SellerStatement, out: Writable): Promise<void> {
    const names = await this.sources.sellerNames(s);
    // Loaded on first use, like the royalty statements' PDF: pdfkit's font stack stays out of the heap until then.
    const { default: PDFDocument } = (await import('pdfkit')) as { default: typeof PDFKit };
    const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: `Settlement statement ${s.month}`, Creator: 'Vitrine' } });
    const done = new Promise<void>((resolve, reject) => {
      out.on('finish', resolve);
      out.on('error', reject);
      doc.on('error', reject);
    });
    doc.pipe(out);
    const cjk = cjkFont();
    if (cjk) doc.registerFont('cjk', cjk[0], cjk[1]);
    /** A name in the font that can draw it (left out when no CJK font is installed: Helvetica would print other glyphs). */
    const name = (label: string, value: string | null | undefined) => {
      if (!value) return;
      if (!NON_LATIN.test(value)) doc.font('Helvetica').text(`${label}: ${value}`);
      else if (cjk) {
        doc.font('Helvetica').text(`${label}: `, { continued: true });
        doc.font('cjk').text(value);
        doc.font('Helvetica');
      }
    };

    doc.font('Helvetica').fontSize(18).text('Settlement statement');
    doc.moveDown(0.5).fontSize(10);
    doc.text(`Seller: ${s.sellerType === 'MUSEUM' ? 'Museum' : 'Brand'} ${s.sellerId}`);
    name(s.sellerType === 'MUSEUM' ? 'Legal name' : 'Brand', names?.name);
    name('Storefront', names?.nameZh);
    name('Storefront (English)', names?.nameEn);
    doc.text(`Month: ${s.month} (UTC, entries by when they were written)`);
    doc.text(`Generated ${new Date().toISOString()}`);
    doc.text('Amounts owed to the seller are positive; amounts taken back are negative.');
    if (!s.currencies.length) doc.moveDown().text('No ledger entries up to the end of this month.');
    for (const c of s.currencies) this.currency(doc, c);
    doc.end();
    await done;
  }

  private currency(doc: PDFKit.PDFDocument, c: CurrencyStatement): void {
    const m = (n: number) => `${formatMinorUnits(n, c.currency)} ${c.currency}`;
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    // Account, entry, component, orders, amount.
    const cols = [
      { x: 0, w: 70 },
      { x: 70, w: 140 },
      { x: 210, w: 100 },
      { x: 310, w: 60, align: 'right' as const },
      { x: 370, w: width - 370, align: 'right' as const },
    ];
    const row = (cells: string[], bold = false) => {
      if (doc.y > doc.page.height - doc.page.margins.bottom - 16) doc.addPage();
      const y = doc.y;
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica');
      cells.forEach((text, i) => doc.text(text, left + cols[i]!.x, y, { width: cols[i]!.w, align: cols[i]!.align ?? 'left', lineBreak: false }));
      doc.x = left;
      doc.y = y + 14;
    };
    doc.moveDown().font('Helvetica-Bold').fontSize(12).text(`Currency ${c.currency}`, left);
    doc.moveDown(0.3).fontSize(9);
    row(['Account', 'Entry', 'Component', 'Orders', `Amount (${c.currency})`], true);
    row(['Pending', 'OPENING', '', '', m(c.openingPendingMinor)]);
    row(['Payable', 'OPENING', '', '', m(c.openingPayableMinor)]);
    for (const mv of c.movements) row([ACCOUNT_LABEL[mv.account] ?? mv.account, mv.entryKind, mv.component, String(mv.orders), m(mv.amountMinor)]);
    row(['Pending', 'CLOSING', '', '', m(c.closingPendingMinor)], true);
    row(['Payable', 'CLOSING', '', '', m(c.closingPayableMinor)], true);
    row(['Total', 'CLOSING', '', '', m(c.closingPendingMinor + c.closingPayableMinor)], true);
    if (!c.deductions.length) return;
    doc.moveDown(0.5).font('Helvetica').text('Deducted from the goods above before they reached the balance (not added again):', left);
    doc.moveDown(0.3);
    for (const d of c.deductions) row(['Deducted', d.entryKind, d.component === 'COMMISSION' ? 'COMMISSION' : 'ROYALTY (museum)', String(d.orders), m(d.amountMinor)]);
  }
}

function cjkFont(): [string, string | undefined] | null {
  const configured = process.env['LABEL_FONT_PATH'];
  const candidates: [string, string | undefined][] = configured ? [[configured, process.env['LABEL_FONT_NAME'] || undefined], ...CJK_FONTS] : CJK_FONTS;
  return candidates.find(([p]) => existsSync(p)) ?? null;
}
