import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { buildMessage, buildWithdrawalMessage, customsTime, maskedEntryXml, yuan, type Declaration, type OrderDeclaration } from './ceb-messages';
import { buildAcknowledgement, buildReceiptFeed, parseAcknowledgement, parseReceiptFeed, statusOfReturn } from './ceb-receipts';
import { buildXml, canonicalOfBuilt, canonicalize, parseXml, signXml, stableGuid, verifyXml } from './ceb-xml';

const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const otherKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const key = { privateKey: keys.privateKey, keyName: 'CERT-0001' };
const transfer = { copCode: '1105910159', copName: '维特林跨境电商平台', dxpId: 'DXPENT0000012345' };
const ebp = { code: '1105910159', name: '维特林跨境电商平台' };
const at = new Date('2026-11-22T02:03:04.005Z');

const order = (over: Partial<OrderDeclaration> = {}): Declaration => ({
  document: 'ORDER',
  entry: {
    guid: stableGuid('order-1:ORDER'),
    orderNo: 'VT-2026-000123',
    ebp,
    ebc: ebp,
    goodsValueMinor: 35_800,
    freightMinor: 2_500,
    discountMinor: 0,
    taxTotalMinor: 3_258,
    acturalPaidMinor: 41_558,
    buyerRegNo: 'user-42',
    buyerName: '张三',
    buyerTelephone: '13800138000',
    buyerIdNumber: '11010519491231002X',
    pay: { code: '31222699S7', name: '支付宝' },
    payTransactionId: 'pi_3Nf0',
    consignee: '张三',
    consigneeTelephone: '13800138000',
    consigneeAddress: '北京市 北京市 朝阳区 建国路 1 号 & 2 号',
    lines: [
      { itemNo: 'LOUVRE-MUG-1', itemName: '蒙娜丽莎马克杯', gmodel: '350ml|陶瓷', qty: 2, priceMinor: 12_900, totalMinor: 25_800, originCountry: 'FR' },
      { itemNo: 'LOUVRE-TOTE', itemName: '帆布袋', gmodel: '棉', qty: 1, priceMinor: 10_000, totalMinor: 10_000, originCountry: 'IT' },
    ],
    appTime: at,
    ...over,
  },
});

describe('CEB message formats', () => {
  it('writes fen as yuan with two decimals and customs time in China time', () => {
    expect(yuan(41_558)).toBe('415.58');
    expect(yuan(5)).toBe('0.05');
    expect(yuan(0)).toBe('0.00');
    expect(yuan(-250)).toBe('-2.50');
    expect(() => yuan(1.5)).toThrow();
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (n) => Math.round(Number(yuan(n)) * 100) === n));
    expect(customsTime(at)).toBe('20261122100304');
  });

  it('builds a CEB311 order message with the standard fields, one OrderList per line', () => {
    const xml = buildMessage('ORDER', stableGuid('envelope'), [order()], transfer);
    const doc = parseXml<Record<string, any>>(xml, ['ceb:Order', 'ceb:OrderList'])['ceb:CEB311Message'];
    expect(doc['@_xmlns:ceb']).toBe('http://www.chinaport.gov.cn/ceb');
    const head = doc['ceb:Order'][0]['ceb:OrderHead'];
    expect(head).toMatchObject({
      'ceb:appType': '1',
      'ceb:appStatus': '2',
      'ceb:orderType': 'I',
      'ceb:orderNo': 'VT-2026-000123',
      'ceb:ebpCode': '1105910159',
      'ceb:ebcCode': '1105910159',
      'ceb:goodsValue': '358.00',
      'ceb:freight': '25.00',
      'ceb:discount': '0.00',
      'ceb:taxTotal': '32.58',
      'ceb:acturalPaid': '415.58',
      'ceb:currency': '142',
      'ceb:buyerRegNo': 'user-42',
      'ceb:buyerName': '张三',
      'ceb:buyerIdType': '1',
      'ceb:buyerIdNumber': '11010519491231002X',
      'ceb:payTransactionId': 'pi_3Nf0',
      'ceb:consignee': '张三',
      'ceb:consigneeAddress': '北京市 北京市 朝阳区 建国路 1 号 & 2 号',
    });
    expect(head['ceb:guid']).toBe(stableGuid('order-1:ORDER').toUpperCase());
    expect(doc['ceb:Order'][0]['ceb:OrderList']).toEqual([
      expect.objectContaining({ 'ceb:gnum': '1', 'ceb:itemNo': 'LOUVRE-MUG-1', 'ceb:itemName': '蒙娜丽莎马克杯', 'ceb:gmodel': '350ml|陶瓷', 'ceb:qty': '2', 'ceb:unit': '011', 'ceb:price': '129.00', 'ceb:totalPrice': '258.00', 'ceb:currency': '142', 'ceb:country': '305' }),
      expect.objectContaining({ 'ceb:gnum': '2', 'ceb:country': '307' }),
    ]);
    expect(doc['ceb:BaseTransfer']).toMatchObject({ 'ceb:copCode': '1105910159', 'ceb:dxpMode': 'DXP', 'ceb:dxpId': 'DXPENT0000012345' });
    expect(() => buildMessage('ORDER', 'g', [order({ lines: [{ ...(order().entry as OrderDeclaration).lines[0], originCountry: 'XX' }] })], transfer)).toThrow(/country/);
    expect(() => buildMessage('PAYMENT', 'g', [order()], transfer)).toThrow(/PAYMENT document/);
  });

  it('keeps the audit copy free of the plain ID number', () => {
    expect(() => maskedEntryXml(order())).toThrow(/masked/);
    const masked = maskedEntryXml(order({ buyerIdNumber: '110***********002X' }));
    expect(masked).toContain('<ceb:buyerIdNumber>110***********002X</ceb:buyerIdNumber>');
    expect(masked).not.toContain('11010519491231002X');
  });

  it('signs with RSA-SHA256 over the canonical XML and detects any change, another key, or no signature', () => {
    const xml = buildMessage('ORDER', stableGuid('envelope'), [order()], transfer);
    const signed = signXml(xml, key);
    expect(signed).toContain('<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256">');
    expect(verifyXml(signed, keys.publicKey)).toEqual({ ok: true, keyName: 'CERT-0001' });
    // Pretty-printed in transit: the canonical form is the same.
    expect(verifyXml(signed.replace(/></g, '>\n  <'), keys.publicKey)).toEqual({ ok: true, keyName: 'CERT-0001' });
    expect(verifyXml(signed.replace('415.58', '315.58'), keys.publicKey)).toEqual({ ok: false, reason: expect.stringMatching(/digest mismatch/) });
    expect(verifyXml(signed, otherKeys.publicKey)).toEqual({ ok: false, reason: 'bad signature' });
    expect(verifyXml(xml, keys.publicKey)).toEqual({ ok: false, reason: expect.stringMatching(/no ds:Signature/) });
    expect(canonicalize(signed)).toBe(canonicalize(canonicalize(signed)));
  });

  it('builds documents already in canonical form, so signing skips a parse (any text, any script)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string(), fc.string({ unit: 'binary' }), (a, b, c) => {
        const xml = buildXml({ 'ceb:M': { '@_guid': a, '@_xmlns:ceb': 'u', 'ceb:E': [{ 'ceb:x': b, 'ceb:y': '' }, { 'ceb:x': c, 'ceb:y': ` ${a} ` }] } });
        return canonicalize(xml) === canonicalOfBuilt(xml);
      }),
      { numRuns: 3_000 },
    );
    const xml = buildMessage('ORDER', stableGuid('envelope'), [order({ consignee: '  张三 & <李四>  ' })], transfer);
    expect(canonicalize(xml)).toBe(canonicalOfBuilt(xml));
    expect(verifyXml(signXml(xml, key, { built: true }), keys.publicKey)).toEqual({ ok: true, keyName: 'CERT-0001' });
  });

  it('reads acknowledgements and the clearance receipt feed it can also write', () => {
    const ack = buildAcknowledgement('PAYMENT', 'env-1', [
      { guid: 'AB-1', businessNo: 'pi_1', orderNo: 'VT-1', returnStatus: '120', returnTime: '20261122100304005', returnInfo: '入库成功' },
      { guid: 'AB-2', businessNo: 'pi_2', orderNo: 'VT-2', returnStatus: '100', returnTime: '20261122100304005', returnInfo: '支付人与订购人不一致' },
    ]);
    expect(parseAcknowledgement('PAYMENT', ack)).toEqual([
      { guid: 'ab-1', businessNo: 'pi_1', orderNo: 'VT-1', returnStatus: '120', returnTime: '20261122100304005', returnInfo: '入库成功' },
      { guid: 'ab-2', businessNo: 'pi_2', orderNo: 'VT-2', returnStatus: '100', returnTime: '20261122100304005', returnInfo: '支付人与订购人不一致' },
    ]);
    expect(() => parseAcknowledgement('ORDER', ack)).toThrow(/CEB312Message/);
    const feed = buildReceiptFeed([{ guid: 'R-1', businessNo: 'VT-1', orderNo: 'VT-1', returnStatus: '800', returnTime: '1', returnInfo: '放行' }], '42');
    expect(parseReceiptFeed(feed)).toEqual({ cursor: '42', returns: [{ guid: 'r-1', businessNo: 'VT-1', orderNo: 'VT-1', returnStatus: '800', returnTime: '1', returnInfo: '放行' }] });
    expect(parseReceiptFeed(buildReceiptFeed([], '42')).returns).toEqual([]);
    expect([statusOfReturn('120'), statusOfReturn('100'), statusOfReturn('800'), statusOfReturn('500'), statusOfReturn('3')]).toEqual(['ACCEPTED', 'REJECTED', 'CLEARED', 'HELD', null]);
    expect(() => statusOfReturn('777')).toThrow(/unknown/);
  });

  it('derives one stable guid per order and document', () => {
    expect(stableGuid('o1:ORDER')).toBe(stableGuid('o1:ORDER'));
    expect(stableGuid('o1:ORDER')).not.toBe(stableGuid('o1:PAYMENT'));
    expect(stableGuid('o1:ORDER')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('withdrawal of an order declaration (CEB311, appType 3)', () => {
  const withdrawal = { guid: stableGuid('order-1:ORDER:WITHDRAW'), orderNo: 'VT-2026-000123', ebp, ebc: ebp, reason: 'order refunded before release', appTime: at };

  it('names the order in a signed CEB311 head, with neither lines nor the buyer identity', () => {
    const xml = signXml(buildWithdrawalMessage('5f0c7a4e-0000-4000-8000-000000000001', [withdrawal], transfer), key, { built: true });
    expect(verifyXml(xml, keys.publicKey)).toEqual({ ok: true, keyName: 'CERT-0001' });
    const head = parseXml<any>(xml, ['ceb:Order'])['ceb:CEB311Message']['ceb:Order'][0]['ceb:OrderHead'];
    expect(head).toMatchObject({ 'ceb:guid': withdrawal.guid.toUpperCase(), 'ceb:appType': '3', 'ceb:appStatus': '2', 'ceb:orderNo': 'VT-2026-000123', 'ceb:ebpCode': ebp.code, 'ceb:note': 'order refunded before release', 'ceb:appTime': customsTime(at) });
    expect(xml).not.toContain('buyerIdNumber');
    expect(xml).not.toContain('OrderList');
    expect(() => buildWithdrawalMessage('x', [], transfer)).toThrow(RangeError);
  });
});

describe('return declaration (CEB625, 退货申请单)', () => {
  const ret: Declaration = {
    document: 'RETURN',
    entry: {
      guid: stableGuid('order-1:RETURN:return-1'),
      copNo: 'A1B2C3D4E5F60718293A4B5C6D7E8F90',
      orderNo: 'VT20260101000001',
      ebp,
      ebc: { code: '3120260001', name: '卢浮宫博物馆商店' },
      logistics: { code: '3122480063', name: '中通国际' },
      logisticsNo: 'RT000000000123',
      customsCode: '2244',
      invtNo: 'VT20260101000001',
      preNo: stableGuid('order-1:INVENTORY').toUpperCase(),
      reason: 'DAMAGED: cracked glaze',
      lines: [{ gnum: 2, gcode: '691200', itemName: '蒙娜丽莎瓷盘', qty: 1 }],
      appTime: new Date('2026-03-01T02:00:00Z'),
    },
  };

  it('names the released list, the return waybill and the units by their list line, without any buyer identity', () => {
    const xml = buildMessage('RETURN', stableGuid('envelope'), [ret], transfer);
    const doc = parseXml<Record<string, any>>(xml, ['ceb:InvtRefund', 'ceb:InvtRefundList'])['ceb:CEB625Message'];
    const head = doc['ceb:InvtRefund'][0]['ceb:InvtRefundHead'];
    expect(head).toMatchObject({ 'ceb:orderNo': 'VT20260101000001', 'ceb:ebcCode': '3120260001', 'ceb:logisticsNo': 'RT000000000123', 'ceb:logisticsCode': '3122480063', 'ceb:invtNo': 'VT20260101000001', 'ceb:reason': 'DAMAGED: cracked glaze', 'ceb:appType': '1' });
    expect(head['ceb:preNo']).toBe(stableGuid('order-1:INVENTORY').toUpperCase());
    expect(doc['ceb:InvtRefund'][0]['ceb:InvtRefundList']).toEqual([{ 'ceb:gnum': '2', 'ceb:gcode': '6912000000', 'ceb:gname': '蒙娜丽莎瓷盘', 'ceb:qty': '1', 'ceb:unit': '011', 'ceb:note': '' }]);
    expect(xml).not.toMatch(/buyerIdNumber/);
    expect(maskedEntryXml(ret)).toContain('RT000000000123');
  });

  it('reads customs’ CEB626 answer to it', () => {
    const ack = buildAcknowledgement('RETURN', 'env', [{ guid: ret.entry.guid, businessNo: 'A1B2', orderNo: 'VT20260101000001', returnStatus: '120', returnTime: '20260301100000000', returnInfo: '退货申请审核通过' }]);
    expect(ack).toContain('ceb:CEB626Message');
    expect(parseAcknowledgement('RETURN', ack)).toEqual([{ guid: ret.entry.guid, businessNo: 'A1B2', orderNo: 'VT20260101000001', returnStatus: '120', returnTime: '20260301100000000', returnInfo: '退货申请审核通过' }]);
    expect(statusOfReturn('120')).toBe('ACCEPTED');
  });
});
