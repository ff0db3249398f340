import { isHsCodeAllowed, listingProblemsForChina } from './listing-rules';

const allowed = ['6214', '420222', '4911'];

describe('listing for China', () => {
  it('accepts a product with zh-CN text and every HS code on the positive list', () => {
    expect(
      listingProblemsForChina(
        { nameZh: '蒙娜丽莎真丝围巾', descriptionZh: '100% 桑蚕丝', variants: [{ sku: 'A', hsCode: '621410' }, { sku: 'B', hsCode: '42022200' }] },
        allowed,
      ),
    ).toEqual([]);
  });

  it('names every problem with its path', () => {
    const problems = listingProblemsForChina(
      { nameZh: '  ', descriptionZh: '', variants: [{ sku: 'A', hsCode: '621410' }, { sku: 'MAG', hsCode: '850511' }] },
      allowed,
    );
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['MISSING_ZH_NAME', 'name.zhCN'],
      ['MISSING_ZH_DESCRIPTION', 'description.zhCN'],
      ['HS_CODE_NOT_ALLOWED', 'variants.1.hsCode'],
    ]);
    expect(problems[2].message).toContain('MAG');
  });

  it('needs at least one variant', () => {
    expect(listingProblemsForChina({ nameZh: '名', descriptionZh: '述', variants: [] }, allowed).map((p) => p.code)).toEqual(['NO_VARIANTS']);
  });

  it('matches HS codes by prefix, ignoring dots, and refuses codes shorter than a subheading', () => {
    expect(isHsCodeAllowed('6214.10', allowed)).toBe(true);
    expect(isHsCodeAllowed('621', allowed)).toBe(false);
    expect(isHsCodeAllowed('420221', allowed)).toBe(false);
    expect(isHsCodeAllowed('621410', [])).toBe(false);
  });
});
