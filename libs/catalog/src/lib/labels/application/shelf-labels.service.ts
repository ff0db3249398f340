import { Inject, Injectable } from '@nestjs/common';
import type { Writable } from 'node:stream';
import { existsSync } from 'node:fs';
import type PDFKit from 'pdfkit';
import { z } from 'zod';
import { NotFoundError, ValidationError, validate, canManageMuseum, type Actor } from '@vitrine/shared/kernel';
import { shortCodeOf } from '../../domain/short-code';
import { shopperPrice } from '../../domain/shopper-price';
import { FxRatesService } from '../../application/fx-rates.service';
import { CATALOG_SETTINGS, type CatalogSettings } from '../../application/catalog-settings';
import { ProductRepository } from '../../infrastructure/product.repository';
import { labelBox, labelUrl, shelfPrice } from '../domain/label-sheet';

/** At most this many labels per download (six A4 sheets). */
export const MAX_LABELS = 126;

const requestSchema = z.object({
  productIds: z
    .array(z.string().uuid())
    .min(1)
    .max(MAX_LABELS)
    .refine((ids) => new Set(ids).size === ids.length, 'names a product twice'),
});

/** Fonts with Chinese glyphs, tried in order (LABEL_FONT_PATH first). */
const CJK_FONTS: [string, string | undefined][] = [
  ['/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', 'WenQuanYiMicroHei'],
  ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular'],
  ['/usr/share/fonts/truetype/arphic/uming.ttc', 'AR PL UMing CN'],
];

export interface ShelfLabel {
  productId: string;
  nameZh: string;
  nameEn: string;
  price: string;
  url: string;
}

export interface LabelSheet {
  labels: ShelfLabel[];
  filename: string;
  write(out: Writable): Promise<void>;
}

/**
 * A4 sheets of shelf labels for the museum's own shop: each product's name in Chinese and
 * English, its CNY price from today's rate, and a QR code of its short link carrying the shelf's
 * source marker (/p/<code>?src=shelf-<museum>), so the order it leads to is attributed to the
 * shelf. Only the product's museum (its managers, operators) may print them; any other product
 * is NOT_FOUND, as in GraphQL.
 */
@Injectable()
export class ShelfLabelsService {
  constructor(
    private readonly products: ProductRepository,
    private readonly fx: FxRatesService,
    @Inject(CATALOG_SETTINGS) private readonly settings: CatalogSettings,
  ) {}

  async prepare(actor: Actor, productIds: readonly string[]): Promise<LabelSheet> {
    const v = validate(requestSchema, { productIds }, 'input');
    const rows = await this.products.forShelfLabels(v.productIds);
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of v.productIds) {
      const row = byId.get(id);
      if (!row || !canManageMuseum(actor, row.museumId)) throw new NotFoundError('Product');
    }
    const problems = v.productIds.flatMap((id, i) => (byId.get(id)!.status === 'PUBLISHED' && byId.get(id)!.storefrontOpen ? [] : [{ path: `input.productIds.${i}`, message: 'is not on sale in an open storefront: its QR code would lead nowhere' }]));
    if (problems.length) throw new ValidationError(problems);
    const quote = await this.fx.shopperQuote();
    const labels = v.productIds.map((id) => {
      const r = byId.get(id)!;
      return {
        productId: id,
        nameZh: r.nameZh,
        nameEn: r.nameEn || r.nameFr,
        price: shelfPrice(shopperPrice(r.minPriceEurCents, quote).amount),
        url: labelUrl(this.settings.shopOrigin, shortCodeOf(id), r.museumSlug),
      };
    });
    return { labels, filename: `shelf-labels-${new Date().toISOString().slice(0, 10)}.pdf`, write: (out) => this.pdf(labels, out) };
  }

  private async pdf(labels: ShelfLabel[], out: Writable): Promise<void> {
    // Loaded on first use, like the statements' PDF: pdfkit's font stack stays out of the heap until then.
    const [{ default: PDFDocument }, QRCode] = await Promise.all([import('pdfkit') as Promise<{ default: typeof PDFKit }>, import('qrcode')]);
    const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: true, info: { Title: 'Shelf labels', Creator: 'Vitrine' } });
    const done = new Promise<void>((resolve, reject) => {
      out.on('finish', resolve);
      out.on('error', reject);
      doc.on('error', reject);
    });
    doc.pipe(out);
    const font = this.cjkFont();
    if (font) doc.registerFont('cjk', font[0], font[1]);
    let page = 0;
    for (const [i, label] of labels.entries()) {
      const box = labelBox(i);
      if (box.page > page) {
        doc.addPage({ size: 'A4', margin: 0 });
        page = box.page;
      }
      const pad = 8;
      const qrSize = box.height - 2 * pad - 10;
      const qr = await QRCode.toBuffer(label.url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 256 });
      const qrX = box.x + box.width - pad - qrSize;
      doc.image(qr, qrX, box.y + pad, { width: qrSize, height: qrSize });
      // The QR code's target, also as a link (and readable text) for whoever holds the PDF.
      doc.link(qrX, box.y + pad, qrSize, qrSize, label.url);
      const textWidth = box.width - 3 * pad - qrSize;
      doc.font(font ? 'cjk' : 'Helvetica').fontSize(11).fillColor('#000').text(label.nameZh, box.x + pad, box.y + pad, { width: textWidth, height: 30, ellipsis: true });
      doc.font('Helvetica').fontSize(7.5).fillColor('#333').text(label.nameEn, box.x + pad, box.y + pad + 30, { width: textWidth, height: 20, ellipsis: true });
      doc.font('Helvetica-Bold').fontSize(14).fillColor('#000').text(label.price, box.x + pad, box.y + box.height - pad - 30, { width: textWidth });
      doc.font('Helvetica').fontSize(5).fillColor('#555').text(label.url.replace(/^https?:\/\//, ''), box.x + pad, box.y + box.height - pad - 8, { width: box.width - 2 * pad, lineBreak: false });
    }
    doc.end();
    await done;
  }

  private cjkFont(): [string, string | undefined] | null {
    const configured = process.env['LABEL_FONT_PATH'];
    const candidates: [string, string | undefined][] = configured ? [[configured, process.env['LABEL_FONT_NAME'] || undefined], ...CJK_FONTS] : CJK_FONTS;
    return candidates.find(([p]) => existsSync(p)) ?? null;
  }
}
