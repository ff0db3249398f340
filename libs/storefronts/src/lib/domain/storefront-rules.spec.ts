import { storefrontProblems } from './storefront-rules';

describe('storefront rules', () => {
  const name = (zh: string, en = '') => ({ fr: '', en, zh });

  it('opens only with a zh-CN name', () => {
    expect(storefrontProblems({ status: 'OPEN', name: name('卢浮宫') })).toEqual([]);
    expect(storefrontProblems({ status: 'OPEN', name: name('', 'Louvre') })).toEqual([{ path: 'input.name.zhCN', message: expect.any(String) }]);
    expect(storefrontProblems({ status: 'DRAFT', name: name('', 'Louvre') })).toEqual([]);
  });

  it('always needs a name in some locale', () => {
    expect(storefrontProblems({ status: 'CLOSED', name: name('') }).map((i) => i.path)).toEqual(['input.name']);
  });
});
