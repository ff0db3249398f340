import { buildReceiptFeed, parseReceiptFeed, type CustomsReturn } from './ceb-receipts';

describe('the declaration lists’ receipt feed (CEB622)', () => {
  const released: CustomsReturn = {
    guid: '0b7f3c1e-9a54-5d2e-8f61-3c2a9e7b4d10',
    businessNo: 'VT-261206-ABCDEFGH',
    orderNo: 'VT-261206-ABCDEFGH',
    returnStatus: '800',
    returnTime: '20261206120000123',
    returnInfo: '放行',
    preNo: '22332026I000000001',
    invtNo: '22332026I000000001',
  };

  it('carries customs’ pre-entry and list numbers when it gives them, and reads them back', () => {
    const held: CustomsReturn = { ...released, guid: '1c8e4d2f-0b65-5e3f-9072-4d3b0f8c5e21', returnStatus: '500', returnInfo: '查验', invtNo: undefined };
    const late: CustomsReturn = { ...released, guid: '2d9f5e30-1c76-5f40-a183-5e4c1f9d6f32', preNo: undefined, invtNo: undefined };
    const xml = buildReceiptFeed([released, held, late], '3');
    expect(xml).toContain('<ceb:invtNo>22332026I000000001</ceb:invtNo>');
    const { returns, cursor } = parseReceiptFeed(xml);
    expect(cursor).toBe('3');
    expect(returns[0]).toEqual(released);
    expect(returns[1]).toEqual({ ...held, invtNo: undefined });
    expect('invtNo' in returns[1]!).toBe(false);
    expect('preNo' in returns[2]! || 'invtNo' in returns[2]!).toBe(false);
  });
});
