import { DEV_RETURN_SMS_TEMPLATES, RECORDS_ASK_EVERY_MS, afterRecordsMiss, parseReturnSmsTemplates, smsAmount, smsParams, smsVariable, templateFor } from './return-sms';

describe('return texts to guests (SMS)', () => {
  it('gives each texted step its parameters, and none for a step that is not texted', () => {
    expect(smsParams('ACCEPTED', { comment: '请寄回' })).toEqual({ comment: '请寄回' });
    expect(smsParams('REFUSED', { comment: 'Opened and used' })).toEqual({ comment: 'Opened and used' });
    expect(smsParams('WAYBILL', { waybill: 'RT123' })).toEqual({ waybill: 'RT123' });
    expect(smsParams('ARRIVED', { place: 'Ningbo' })).toEqual({});
    expect(smsParams('REFUNDED', { amountMinor: 250_050, currency: 'CNY' })).toEqual({ amount: '2500.50 CNY' });
    expect(smsParams('REFUND_FAILED', { status: 'failed' })).toEqual({});
    expect(smsParams('REQUESTED', {})).toBeNull();
    expect(smsParams('INSPECTED', {})).toBeNull();
    expect(smsParams('CUSTOMS_ACCEPTED', {})).toBeNull();
  });

  it('cuts a comment to the gateway’s 35 characters and writes amounts from minor units', () => {
    expect([...smsVariable('包装已拆封，商品有使用痕迹，不符合退货条件，恕不接受退货。如有疑问请联系客服。')]).toHaveLength(35);
    expect(smsVariable('a'.repeat(40)).endsWith('…')).toBe(true);
    expect(smsVariable('  two\n lines ')).toBe('two lines');
    expect(smsAmount(5, 'CNY')).toBe('0.05 CNY');
    expect(smsAmount(0, 'EUR')).toBe('0.00 EUR');
  });

  it('picks the step’s template in the language, zh-CN when the language has none; RECEIVED uses ARRIVED’s', () => {
    const t = parseReturnSmsTemplates(JSON.stringify({ 'zh-CN': DEV_RETURN_SMS_TEMPLATES['zh-CN'], en: { ACCEPTED: 'SMS_900' } }), true);
    expect(templateFor(t, 'en', 'ACCEPTED')).toBe('SMS_900');
    expect(templateFor(t, 'en', 'REFUNDED')).toBe(DEV_RETURN_SMS_TEMPLATES['zh-CN'].REFUNDED);
    expect(templateFor(t, 'xx', 'RECEIVED')).toBe(DEV_RETURN_SMS_TEMPLATES['zh-CN'].ARRIVED);
  });

  it('refuses a template list it cannot use, and asks for one in production', () => {
    expect(() => parseReturnSmsTemplates(undefined, true)).toThrow(/must be set/);
    expect(parseReturnSmsTemplates(undefined, false)).toBe(DEV_RETURN_SMS_TEMPLATES);
    expect(() => parseReturnSmsTemplates('{', false)).toThrow(/JSON/);
    expect(() => parseReturnSmsTemplates(JSON.stringify({ 'zh-CN': { ACCEPTED: 'SMS_1' } }), false)).toThrow(/zh-CN needs/);
    expect(() => parseReturnSmsTemplates(JSON.stringify({ de: {} }), false)).toThrow(/unknown locale/);
    expect(() => parseReturnSmsTemplates(JSON.stringify({ 'zh-CN': { ACCEPTED: 'hello' } }), false)).toThrow(/template code/);
  });

  it('sends a text whose try was lost only once the send records can no longer trail that try; before, asks them again, on any try of the job', () => {
    const triedAt = new Date('2026-12-06T10:00:00Z');
    const at = (ms: number) => new Date(triedAt.getTime() + ms);
    // 2 min of lag: asked again every 10 s, the last ask at the lag's end, then sent.
    expect(afterRecordsMiss(triedAt, at(7_000), 120_000)).toEqual({ send: false, askAt: at(7_000 + RECORDS_ASK_EVERY_MS) });
    expect(afterRecordsMiss(triedAt, at(115_000), 120_000)).toEqual({ send: false, askAt: at(120_000) });
    expect(afterRecordsMiss(triedAt, at(119_999), 120_000)).toEqual({ send: false, askAt: at(120_000) });
    expect(afterRecordsMiss(triedAt, at(120_000), 120_000)).toEqual({ send: true });
    expect(afterRecordsMiss(triedAt, at(3_600_000), 120_000)).toEqual({ send: true });
    // No lag configured: sent at once.
    expect(afterRecordsMiss(triedAt, at(7_000), 0)).toEqual({ send: true });
  });
});
