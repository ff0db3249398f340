import { coBrandedName } from './co-branded-product';

describe('co-branded product', () => {
  it('names the item "Museum × Brand — Title" in every locale that has a title', () => {
    expect(coBrandedName({ fr: 'Musée d’Orsay', en: 'Orsay Museum', zh: '奥赛博物馆' }, 'Maison Lumière', { fr: 'Foulard', en: '', zh: '丝巾' })).toEqual({
      fr: 'Musée d’Orsay × Maison Lumière — Foulard',
      en: '',
      zh: '奥赛博物馆 × Maison Lumière — 丝巾',
    });
  });
});
