import { centsToEuros } from '../../data/money';
import type { ProductRecord } from './products.data';

/** The CSV columns we export and accept on import (one variant per row on import). */
export const CSV_COLUMNS = [
  'id',
  'status',
  'name_fr',
  'name_en',
  'name_zh',
  'description_fr',
  'description_en',
  'description_zh',
  'category',
  'cross_border_category',
  'sku',
  'price_eur',
  'weight_grams',
  'hs_code',
  'origin_country',
  'options',
] as const;

const cell = (value: unknown) => {
  const text = value == null ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** One row per variant, so the file round-trips through the import. */
export function productsToCsv(products: ProductRecord[]): string {
  const rows = products.flatMap((p) =>
    (p.variants.length ? p.variants : [null]).map((v) => [
      p.id,
      p.status,
      p.name.fr,
      p.name.en,
      p.name.zhCN,
      p.description.fr,
      p.description.en,
      p.description.zhCN,
      p.category,
      p.crossBorderCategory,
      v?.sku ?? '',
      v ? v.priceEur : centsToEuros(null),
      v?.weightGrams ?? '',
      v?.hsCode ?? '',
      v?.originCountry ?? '',
      v?.optionsJson ?? '',
    ]),
  );
  return [CSV_COLUMNS.join(','), ...rows.map((r) => r.map(cell).join(','))].join('\r\n');
}
