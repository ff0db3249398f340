import { validate } from '@vitrine/shared/kernel';
import { applyPatch, changedKeys, contentPatchSchema, submissionProblems, type ProposalContent } from './proposal-content';
import { diffContents } from './revision-diff';

export const completeContent = (): ProposalContent => ({
  title: { fr: 'Foulard Nymphéas', en: 'Water Lilies scarf', zh: '睡莲丝巾' },
  concept: { fr: 'Un foulard', en: 'A silk scarf', zh: '丝巾' },
  imageUrls: ['https://img.example/1.jpg'],
  artworkIds: ['6f1c1f43-3f3a-4d3e-9a43-2d0c1c1e0a11'],
  category: 'scarf',
  crossBorderCategory: 'APPAREL',
  targetRetailPrice: { amount: 8900, currency: 'EUR' },
  forecastUnits: 2000,
  territory: ['CN', 'FR'],
  channels: ['VITRINE_MARKETPLACE'],
  termStart: '2026-01-01',
  termEnd: '2027-12-31',
  sellOffDays: 90,
  royaltyRateBps: 1000,
  minimumGuarantee: { amount: 500000, currency: 'EUR' },
  advance: { amount: 100000, currency: 'EUR' },
  specification: { hsCode: '6214100000', weightGrams: 120, originCountry: 'IT' },
});

describe('proposal content', () => {
  it('accepts a complete content for submission', () => {
    expect(submissionProblems(completeContent())).toEqual([]);
  });

  it('names every missing field and broken rule', () => {
    const c = { ...completeContent(), termEnd: '2025-12-31', advance: { amount: 1, currency: 'CNY' }, imageUrls: [] };
    delete (c as Partial<ProposalContent>).royaltyRateBps;
    expect(submissionProblems(c).map((i) => i.path).sort()).toEqual(['advance.currency', 'imageUrls', 'royaltyRateBps', 'termEnd']);
  });

  it('validates a patch field by field, with paths', () => {
    expect(() => validate(contentPatchSchema, { royaltyRateBps: 10_001, territory: ['china'], termStart: '2026-02-30' }, 'input.content')).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        details: {
          fields: expect.arrayContaining([
            expect.objectContaining({ path: 'input.content.royaltyRateBps' }),
            expect.objectContaining({ path: 'input.content.territory.0' }),
            expect.objectContaining({ path: 'input.content.termStart' }),
          ]),
        },
      }),
    );
    expect(() => validate(contentPatchSchema, { targetRetailPrice: { amount: 100, currency: 'CNY' } })).toThrow();
    expect(() => validate(contentPatchSchema, { imageUrls: ['http://insecure.example/a.jpg'] })).toThrow();
  });

  it('applies a patch: absent keeps, null clears', () => {
    const c = completeContent();
    const next = applyPatch(c, validate(contentPatchSchema, { forecastUnits: 10, advance: null }));
    expect(next.forecastUnits).toBe(10);
    expect(next.advance).toBeUndefined();
    expect(next.title).toEqual(c.title);
    expect(changedKeys(c, next)).toEqual(['advance', 'forecastUnits']);
  });

  it('diffs two revisions field by field', () => {
    const a = completeContent();
    const b = { ...a, title: { ...a.title!, zh: '新标题' }, royaltyRateBps: 1200, imageUrls: [...a.imageUrls!, 'https://img.example/2.jpg'] };
    delete (b as Partial<ProposalContent>).specification;
    expect(diffContents(a, b)).toEqual([
      { path: 'imageUrls', kind: 'CHANGED', before: a.imageUrls, after: b.imageUrls },
      { path: 'royaltyRateBps', kind: 'CHANGED', before: 1000, after: 1200 },
      { path: 'specification', kind: 'REMOVED', before: a.specification, after: null },
      { path: 'title.zh', kind: 'CHANGED', before: '睡莲丝巾', after: '新标题' },
    ]);
    expect(diffContents(a, a)).toEqual([]);
    expect(diffContents({}, { forecastUnits: 5 })).toEqual([{ path: 'forecastUnits', kind: 'ADDED', before: null, after: 5 }]);
  });
});
