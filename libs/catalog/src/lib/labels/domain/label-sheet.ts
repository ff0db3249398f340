import { shelfSource } from '@vitrine/shared/kernel';

/** A4 in PDF points (1/72 in). */
export const A4 = { width: 595.28, height: 841.89 } as const;

/** A sheet of 3 × 7 labels of 70 × 42.3 mm, the common A4 label stock, with no margin. */
export const SHEET = { columns: 3, rows: 7 } as const;

export interface LabelBox {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where the i-th label goes: left to right, top to bottom, a new page every columns × rows. */
export function labelBox(index: number): LabelBox {
  const perPage = SHEET.columns * SHEET.rows;
  const width = A4.width / SHEET.columns;
  const height = A4.height / SHEET.rows;
  const onPage = index % perPage;
  return { page: Math.floor(index / perPage), x: (onPage % SHEET.columns) * width, y: Math.floor(onPage / SHEET.columns) * height, width, height };
}

/** What a shopper scanning the label opens: the product's short link with the shelf's source marker. */
export function labelUrl(shopOrigin: string, shortCode: string, museumSlug: string): string {
  return `${shopOrigin.replace(/\/+$/, '')}/p/${encodeURIComponent(shortCode)}?src=${shelfSource(museumSlug)}`;
}

/** A CNY price in fen as printed on a shelf: ¥128 (whole yuan) or ¥128.50. */
export function shelfPrice(amountMinor: number): string {
  const yuan = Math.floor(amountMinor / 100);
  const fen = amountMinor % 100;
  return `¥${yuan.toLocaleString('en-US')}${fen ? `.${String(fen).padStart(2, '0')}` : ''}`;
}
