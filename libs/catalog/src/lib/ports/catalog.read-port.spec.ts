import { JS_TRIM_CODE_POINTS } from './catalog.read-port';

describe('CatalogReadPort.sellableVariants: blank as listing-rules.ts reads it', () => {
  it('trims in SQL exactly the UTF-16 units String.prototype.trim removes', () => {
    const trimmed: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (String.fromCharCode(c).trim() === '') trimmed.push(c);
    expect([...JS_TRIM_CODE_POINTS]).toEqual(trimmed);
  });
});
