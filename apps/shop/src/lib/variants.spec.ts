import { optionNames, optionValues, selectedVariant, variantFor } from './variants';

const v = (id: string, options: Record<string, string>) => ({ id, options });
const tee = [v('s-red', { size: 'S', colour: 'red' }), v('m-red', { size: 'M', colour: 'red' }), v('m-blue', { size: 'M', colour: 'blue' })];

describe('variant picker', () => {
  it('lists option names and values in the catalogue’s order', () => {
    expect(optionNames(tee)).toEqual(['size', 'colour']);
    expect(optionValues(tee, 'size')).toEqual(['S', 'M']);
    expect(optionValues(tee, 'colour')).toEqual(['red', 'blue']);
    expect(optionNames([v('one', {})])).toEqual([]);
  });

  it('keeps the other options when a combination exists, else takes the first with the value', () => {
    expect(variantFor(tee, tee[0]!, 'size', 'M')!.id).toBe('m-red');
    expect(variantFor(tee, tee[1]!, 'colour', 'blue')!.id).toBe('m-blue');
    expect(variantFor(tee, tee[0]!, 'colour', 'blue')!.id).toBe('m-blue');
    expect(variantFor(tee, tee[0]!, 'colour', 'green')).toBeUndefined();
  });

  it('selects the requested variant, else the first in stock', () => {
    const stock = new Set(['m-blue']);
    expect(selectedVariant(tee, 'm-red', (x) => stock.has(x.id))!.id).toBe('m-red');
    expect(selectedVariant(tee, 'nope', (x) => stock.has(x.id))!.id).toBe('m-blue');
    expect(selectedVariant(tee, undefined, () => false)!.id).toBe('s-red');
  });
});
