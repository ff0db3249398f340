/**
 * Whether a product may be listed for Chinese shoppers: zh-CN text, at least one variant,
 * and every variant's HS code on the cross-border positive list.
 */
export type ListingProblemCode = 'MISSING_ZH_NAME' | 'MISSING_ZH_DESCRIPTION' | 'NO_VARIANTS' | 'HS_CODE_NOT_ALLOWED';

export interface ListingProblem {
  code: ListingProblemCode;
  /** Path into the product, e.g. `variants.2.hsCode`. */
  path: string;
  message: string;
}

export interface ListingCandidate {
  nameZh: string;
  descriptionZh: string;
  variants: readonly { sku: string; hsCode: string }[];
}

/** An HS code is allowed when a positive-list entry is a prefix of it (a heading or a full line). */
export function isHsCodeAllowed(hsCode: string, allowedPrefixes: readonly string[]): boolean {
  const code = hsCode.replace(/\D/g, '');
  return code.length >= 6 && allowedPrefixes.some((prefix) => code.startsWith(prefix));
}

export function listingProblemsForChina(product: ListingCandidate, allowedPrefixes: readonly string[]): ListingProblem[] {
  const problems: ListingProblem[] = [];
  if (!product.nameZh.trim()) problems.push({ code: 'MISSING_ZH_NAME', path: 'name.zhCN', message: 'a zh-CN name is required to list for China' });
  if (!product.descriptionZh.trim())
    problems.push({ code: 'MISSING_ZH_DESCRIPTION', path: 'description.zhCN', message: 'a zh-CN description is required to list for China' });
  if (product.variants.length === 0) problems.push({ code: 'NO_VARIANTS', path: 'variants', message: 'a product needs at least one variant' });
  product.variants.forEach((variant, i) => {
    if (!isHsCodeAllowed(variant.hsCode, allowedPrefixes)) {
      problems.push({
        code: 'HS_CODE_NOT_ALLOWED',
        path: `variants.${i}.hsCode`,
        message: `HS code ${variant.hsCode} of ${variant.sku} is not on the cross-border positive list`,
      });
    }
  });
  return problems;
}
