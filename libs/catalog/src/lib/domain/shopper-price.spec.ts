import { WHOLE_YUAN_UP } from '@vitrine/shared/kernel';
import { shopperPrice } from './shopper-price';

describe('shopper price', () => {
  const quote = (rate: string, marginBps = 300) => ({
    fx: { id: 'x', base: 'EUR', quote: 'CNY', rate, source: 'test', effectiveAt: new Date() },
    marginBps,
    rounding: WHOLE_YUAN_UP,
  });

  it('converts EUR minor units to CNY with the margin and rounds up to the whole yuan', () => {
    // 49.00 EUR × 7.80 × 1.03 = 393.666 → 394.00 CNY
    expect(shopperPrice(4_900, quote('7.80'))).toEqual({ amount: 39_400, currency: 'CNY' });
    // exact whole yuan stays: 10.00 × 7.00 × 1.00 = 70.00
    expect(shopperPrice(1_000, quote('7.00', 0))).toEqual({ amount: 7_000, currency: 'CNY' });
    // one cent over a whole yuan goes up
    expect(shopperPrice(1_001, quote('7.00', 0))).toEqual({ amount: 7_100, currency: 'CNY' });
  });
});
