import { createHash, createHmac } from 'node:crypto';
import { alipayCustomsParams, type PaymentDeclarationRequest } from './payment-declaration';
import { maskedWechatRequest, parseWechatCustomsAnswer, parseWechatXml, verifyWechatSignature, wechatCustomsParams, wechatSign, wechatXml } from './wechat-pay-declaration';

const KEY = '192006250b4c09247ec02edce69f6a2d';
const request: PaymentDeclarationRequest = {
  outRequestNo: 'VT20261206-0001',
  tradeNo: 'pi_123',
  merchantCustomsCode: '3301960ABC',
  merchantCustomsName: 'Musée',
  amountMinor: 21_930,
  customsPlace: 'NINGBO',
  payerName: '张三',
  payerIdNumber: '330821198809085211',
  breakdown: { goodsMinor: 20_100, freightMinor: 1_000, taxMinor: 830 },
};
const merchant = { appid: 'wxd678efh567hg6787', mchId: '1230000109', key: KEY };

describe('WeChat Pay customs declaration', () => {
  it('signs MD5 over the sorted non-empty parameters and &key= (WeChat v2), upper-case hex', () => {
    const params = wechatCustomsParams(request, merchant);
    const content = Object.keys(params).filter((k) => k !== 'sign').sort().map((k) => `${k}=${params[k]}`).join('&');
    expect(params['sign']).toBe(createHash('md5').update(`${content}&key=${KEY}`).digest('hex').toUpperCase());
    expect(wechatSign(params, KEY, 'HMAC-SHA256')).toBe(createHmac('sha256', KEY).update(`${content}&key=${KEY}`).digest('hex').toUpperCase());
    expect(params).toMatchObject({ action_type: 'ADD', fee_type: 'CNY', order_fee: '21930', product_fee: '20100', transport_fee: '1000', duty: '830', cert_type: 'IDCARD', customs: 'NINGBO', mch_customs_no: '3301960ABC' });
    expect(wechatCustomsParams({ ...request, modify: true }, merchant)['action_type']).toBe('MODIFY');
  });

  it('declares an order that shares its payment with others as a split of it: WeChat Pay sub_order_no under the payment’s out_trade_no, Alipay is_split T with sub_out_biz_no', () => {
    const split = { ...request, split: { paymentRef: '0b9c7e2a-5f1d-4c3e-9a8b-7d6e5f4a3b2c', subOrderNo: 'VT20261206-0001' } };
    expect(wechatCustomsParams(split, merchant)).toMatchObject({ out_trade_no: '0b9c7e2a5f1d4c3e9a8b7d6e5f4a3b2c', sub_order_no: 'VT20261206-0001', order_fee: '21930' });
    expect(wechatCustomsParams(request, merchant)).toMatchObject({ out_trade_no: 'VT20261206-0001' });
    expect(wechatCustomsParams(request, merchant)).not.toHaveProperty('sub_order_no');
    expect(alipayCustomsParams(split, '2088000000000000', null)).toMatchObject({ out_request_no: 'VT20261206-0001', trade_no: 'pi_123', is_split: 'T', sub_out_biz_no: 'VT20261206-0001', amount: '219.30' });
    expect(alipayCustomsParams(request, '2088000000000000', null)).toMatchObject({ is_split: 'F' });
    expect(alipayCustomsParams(request, '2088000000000000', null)).not.toHaveProperty('sub_out_biz_no');
  });

  it('verifies through the XML round trip, and refuses a changed value or another key', () => {
    const sent = parseWechatXml(wechatXml(wechatCustomsParams(request, merchant)));
    expect(verifyWechatSignature(sent, KEY)).toBe(true);
    expect(verifyWechatSignature({ ...sent, order_fee: '1' }, KEY)).toBe(false);
    expect(verifyWechatSignature(sent, `${KEY}x`)).toBe(false);
    expect(verifyWechatSignature({ ...sent, sign: '' }, KEY)).toBe(false);
  });

  it('keeps the masked request without the ID number or the signature', () => {
    const masked = maskedWechatRequest(wechatCustomsParams(request, merchant), '3308**********5211');
    expect(masked).toContain('<cert_id>3308**********5211</cert_id>');
    expect(masked).not.toContain(request.payerIdNumber);
    expect(masked).not.toContain('<sign>');
  });

  it('reads the answers: submitted, identity different, refused declaration, refused request, not XML', () => {
    const ok = parseWechatCustomsAnswer(wechatXml({ return_code: 'SUCCESS', result_code: 'SUCCESS', state: 'SUBMITTED', cert_check_result: 'SAME', verify_department: 'UNIONPAY', verify_department_trade_id: '4200123' }));
    expect(ok).toMatchObject({ resultCode: 'SUCCESS', declareNo: 'UNIONPAY:4200123', payerName: null, identityMatch: true, requestError: null });
    expect(parseWechatCustomsAnswer(wechatXml({ return_code: 'SUCCESS', result_code: 'SUCCESS', state: 'PROCESSING', cert_check_result: 'DIFFERENT' }))).toMatchObject({ resultCode: 'SUCCESS', identityMatch: false });
    expect(parseWechatCustomsAnswer(wechatXml({ return_code: 'SUCCESS', result_code: 'SUCCESS', state: 'FAIL' }))).toMatchObject({ resultCode: 'FAIL:FAIL', declareNo: null });
    expect(parseWechatCustomsAnswer(wechatXml({ return_code: 'SUCCESS', result_code: 'FAIL', err_code: 'PARAM_ERROR', err_code_des: 'bad customs' }))).toMatchObject({ resultCode: 'FAIL:PARAM_ERROR', errorInfo: 'bad customs', requestError: null });
    expect(parseWechatCustomsAnswer(wechatXml({ return_code: 'FAIL', return_msg: '签名错误' }))).toMatchObject({ requestError: '签名错误' });
    expect(() => parseWechatCustomsAnswer('<html>502</html>')).toThrow();
  });
});
