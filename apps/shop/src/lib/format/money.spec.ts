import fc from 'fast-check';
import { formatMoney, minorToDecimalString, parseCnyInput } from './money';

describe('money display', () => {
  it('writes minor units as an exact decimal', () => {
    expect(minorToDecimalString(12850, 'CNY')).toBe('128.50');
    expect(minorToDecimalString(5, 'CNY')).toBe('0.05');
    expect(minorToDecimalString(0, 'CNY')).toBe('0.00');
    expect(minorToDecimalString(-199, 'CNY')).toBe('-1.99');
    expect(minorToDecimalString(1200, 'JPY')).toBe('1200');
    expect(() => minorToDecimalString(1.5, 'CNY')).toThrow(RangeError);
  });

  it('never loses a fen, however large the amount (no floating point)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (amount) => {
        const [whole, fraction] = minorToDecimalString(amount, 'CNY').split('.');
        expect(BigInt(whole!) * 100n + BigInt(fraction!)).toBe(BigInt(amount));
      }),
    );
  });

  it('formats CNY the way each locale reads it', () => {
    const nbsp = /[\u00a0\u202f]/g;
    expect(formatMoney({ amount: 12850, currency: 'CNY' }, 'zh-CN')).toBe('¥128.50');
    expect(formatMoney({ amount: 1234500, currency: 'CNY' }, 'en')).toBe('CN¥12,345.00');
    expect(formatMoney({ amount: 1234500, currency: 'CNY' }, 'fr').replace(nbsp, ' ')).toBe('12 345,00 CNY');
    expect(formatMoney({ amount: 12800, currency: 'CNY' }, 'zh-CN', { whole: true })).toBe('¥128');
    expect(formatMoney({ amount: 12850, currency: 'CNY' }, 'zh-CN', { whole: true })).toBe('¥128.50');
    // Amounts beyond 2^53 / 100 as floats would round; strings do not.
    expect(formatMoney({ amount: 9007199254740991, currency: 'CNY' }, 'en')).toBe('CN¥90,071,992,547,409.91');
  });

  it('reads a typed yuan price into fen', () => {
    expect(parseCnyInput('128')).toBe(12800);
    expect(parseCnyInput('128.5')).toBe(12850);
    expect(parseCnyInput(' 99,90 ')).toBe(9990);
    expect(parseCnyInput('')).toBeNull();
    expect(parseCnyInput('-3')).toBeNull();
    expect(parseCnyInput('1e3')).toBeNull();
    expect(parseCnyInput('12.345')).toBeNull();
  });
});
