import { buildStatement, formatMinorUnits, monthBounds, statementCsv } from './statement';

describe('seller statements', () => {
  it('bounds a UTC month and refuses anything else', () => {
    expect(monthBounds('2026-12')).toEqual({ start: new Date('2026-12-01T00:00:00Z'), end: new Date('2027-01-01T00:00:00Z') });
    for (const bad of ['2026-13', '2026-1', '26-12', '2026-12-01', '']) expect(monthBounds(bad)).toBeNull();
  });

  it('closes at opening + movements per account, credits shown as owed', () => {
    const [c] = buildStatement([
      { account: 'SELLER_PENDING', entryKind: 'ORDER_PAID', component: 'GOODS', currency: 'CNY', beforeMinor: -10_000, duringMinor: -5_000, orders: 2 },
      { account: 'SELLER_PENDING', entryKind: 'ORDER_PAYABLE', component: 'GOODS', currency: 'CNY', beforeMinor: 0, duringMinor: 8_000, orders: 1 },
      { account: 'SELLER_PAYABLE', entryKind: 'ORDER_PAYABLE', component: 'GOODS', currency: 'CNY', beforeMinor: 0, duringMinor: -8_000, orders: 1 },
      { account: 'SELLER_PAYABLE', entryKind: 'REFUND', component: 'GOODS', currency: 'CNY', beforeMinor: 0, duringMinor: 9_000, orders: 1 },
    ]);
    expect(c).toMatchObject({ openingPendingMinor: 10_000, openingPayableMinor: 0, closingPendingMinor: 7_000, closingPayableMinor: -1_000 });
    expect(c!.movements).toHaveLength(4);
  });

  it('writes CSV rows with opening, movements and closing', () => {
    const csv = statementCsv({ sellerType: 'BRAND', sellerId: 'b1', month: '2026-12' }, [
      {
        currency: 'CNY',
        openingPendingMinor: 0,
        openingPayableMinor: 0,
        movements: [{ account: 'SELLER_PENDING', entryKind: 'ORDER_PAID', component: 'GOODS', amountMinor: 1_234, orders: 1 }],
        closingPendingMinor: 1_234,
        closingPayableMinor: 0,
        deductions: [
          { entryKind: 'ORDER_PAID', component: 'COMMISSION', amountMinor: 225, orders: 1 },
          { entryKind: 'ORDER_PAID', component: 'ROYALTY', amountMinor: 150, orders: 1 },
        ],
      },
    ]);
    expect(csv.split('\r\n')).toEqual([
      'seller_type,seller_id,month,currency,row,account,entry_kind,component,orders,amount_minor',
      'BRAND,b1,2026-12,CNY,OPENING,SELLER_PENDING,,,,0',
      'BRAND,b1,2026-12,CNY,OPENING,SELLER_PAYABLE,,,,0',
      'BRAND,b1,2026-12,CNY,MOVEMENT,SELLER_PENDING,ORDER_PAID,GOODS,1,1234',
      'BRAND,b1,2026-12,CNY,CLOSING,SELLER_PENDING,,,,1234',
      'BRAND,b1,2026-12,CNY,CLOSING,SELLER_PAYABLE,,,,0',
      'BRAND,b1,2026-12,CNY,DEDUCTED,PLATFORM_COMMISSION,ORDER_PAID,COMMISSION,1,225',
      'BRAND,b1,2026-12,CNY,DEDUCTED,MUSEUM_ROYALTY,ORDER_PAID,ROYALTY,1,150',
      '',
    ]);
  });

  it('lists what was deducted from the goods beside the movements, without changing the closing', () => {
    const [c, e] = buildStatement(
      [{ account: 'SELLER_PENDING', entryKind: 'ORDER_PAID', component: 'GOODS', currency: 'CNY', beforeMinor: 0, duringMinor: -7_500, orders: 1 }],
      [
        { entryKind: 'ORDER_PAID', component: 'COMMISSION', currency: 'CNY', amountMinor: 1_500, orders: 1 },
        { entryKind: 'REFUND', component: 'COMMISSION', currency: 'CNY', amountMinor: 0, orders: 1 },
        { entryKind: 'ORDER_PAID', component: 'ROYALTY', currency: 'EUR', amountMinor: 90, orders: 1 },
      ],
    );
    expect(c).toMatchObject({ currency: 'CNY', closingPendingMinor: 7_500, deductions: [{ entryKind: 'ORDER_PAID', component: 'COMMISSION', amountMinor: 1_500, orders: 1 }] });
    expect(e).toMatchObject({ currency: 'EUR', openingPendingMinor: 0, closingPendingMinor: 0, movements: [], deductions: [{ component: 'ROYALTY', amountMinor: 90 }] });
  });

  it('formats minor units exactly, sign and leading zeros included', () => {
    expect(formatMinorUnits(12_345, 'CNY')).toBe('123.45');
    expect(formatMinorUnits(-5, 'EUR')).toBe('-0.05');
    expect(formatMinorUnits(0, 'CNY')).toBe('0.00');
    expect(formatMinorUnits(1_234, 'JPY')).toBe('1234');
    expect(formatMinorUnits(900_719_925_474_099, 'CNY')).toBe('9007199254740.99');
  });
});
