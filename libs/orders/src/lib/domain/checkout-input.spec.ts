import { checkCheckoutInput, checkoutFingerprint, checkQuotaQuery } from './checkout-input';

const TODAY = new Date('2026-11-22T00:00:00Z');
const ID = '11010519491231002X';
const valid = () => ({
  cartId: '7d1f6f3e-8a8e-4c55-9d3e-3b0f4e0a9c11',
  idempotencyKey: 'checkout-0001',
  recipient: { name: '王芳', phone: '13800138000', province: '上海市', city: '上海市', district: '黄浦区', street: '南京东路 1 号', postalCode: '200001' },
  orderer: { name: '王芳', residentId: ID },
  payer: { name: '王芳', residentId: ID.toLowerCase() },
  consentToIdUse: true,
  acceptRiskNotice: true,
});

const errorOf = (input: unknown) => {
  try {
    checkCheckoutInput(input, TODAY);
    return null;
  } catch (e) {
    return e as { code: string; details: Record<string, unknown>; message: string };
  }
};

describe('checkCheckoutInput', () => {
  it('accepts a complete request and normalises the ID', () => {
    expect(checkCheckoutInput(valid(), TODAY)).toMatchObject({ ordererName: '王芳', residentId: { value: ID, birthDate: '1949-12-31' } });
  });

  it('asks for each missing consent by field', () => {
    const e = errorOf({ ...valid(), consentToIdUse: false, acceptRiskNotice: false });
    expect(e?.code).toBe('CONSENT_REQUIRED');
    expect((e?.details['fields'] as { path: string }[]).map((f) => f.path)).toEqual(['input.consentToIdUse', 'input.acceptRiskNotice']);
  });

  it('refuses an invalid resident ID without echoing it', () => {
    const bad = '110105194912310021';
    const e = errorOf({ ...valid(), orderer: { name: '王芳', residentId: bad }, payer: { name: '王芳', residentId: bad } });
    expect(e).toMatchObject({ code: 'INVALID_RESIDENT_ID', details: { field: 'input.orderer.residentId', problem: 'CHECK_CHARACTER' } });
    expect(JSON.stringify(e?.details) + e?.message).not.toContain(bad);
  });

  it('refuses a payer who is not the orderer', () => {
    expect(errorOf({ ...valid(), payer: { name: '李雷', residentId: ID } })).toMatchObject({ code: 'PAYER_MISMATCH', details: { fields: ['input.payer.name'] } });
    expect(errorOf({ ...valid(), payer: { name: '王芳', residentId: '110105194912310037' } })).toMatchObject({ code: 'PAYER_MISMATCH', details: { fields: ['input.payer.residentId'] } });
  });

  it('validates the address in China', () => {
    const e = errorOf({ ...valid(), recipient: { ...valid().recipient, phone: '0033612345678', postalCode: '75001' } });
    expect(e?.code).toBe('VALIDATION_FAILED');
    expect((e?.details['fields'] as { path: string }[]).map((f) => f.path).sort()).toEqual(['input.recipient.phone', 'input.recipient.postalCode']);
  });

  it('keeps the shop’s language (zh-CN when none) and refuses another', () => {
    expect(checkCheckoutInput(valid(), TODAY).locale).toBe('zh-CN');
    expect(checkCheckoutInput({ ...valid(), locale: null }, TODAY).locale).toBe('zh-CN');
    for (const locale of ['zh-CN', 'en', 'fr'] as const) expect(checkCheckoutInput({ ...valid(), locale }, TODAY).locale).toBe(locale);
    for (const locale of ['de', 'zh', 'FR', 'en-GB', '']) {
      const e = errorOf({ ...valid(), locale });
      expect(e?.code).toBe('VALIDATION_FAILED');
      expect((e?.details['fields'] as { path: string }[]).map((f) => f.path)).toEqual(['input.locale']);
    }
  });
});

describe('checkoutFingerprint', () => {
  const base = { cartId: 'c', items: [{ variantId: 'a', quantity: 1 }, { variantId: 'b', quantity: 2 }], identityHash: 'h', ordererName: 'n', recipient: valid().recipient };
  it('ignores item order and changes with the cart, quantities, identity and address', () => {
    expect(checkoutFingerprint(base)).toBe(checkoutFingerprint({ ...base, items: [...base.items].reverse() }));
    for (const other of [
      { ...base, cartId: 'd' },
      { ...base, items: [{ variantId: 'a', quantity: 2 }, { variantId: 'b', quantity: 2 }] },
      { ...base, identityHash: 'i' },
      { ...base, recipient: { ...base.recipient, street: '南京东路 2 号' } },
    ]) {
      expect(checkoutFingerprint(other)).not.toBe(checkoutFingerprint(base));
    }
  });

  it('checks the yearly-quota question as checkout checks the orderer', () => {
    const today = new Date('2026-06-01T00:00:00Z');
    expect(checkQuotaQuery({ residentId: ' 11010519491231002x ', name: ' 李  娜 ' }, today)).toMatchObject({ name: '李 娜', residentId: { value: '11010519491231002X' } });
    expect(() => checkQuotaQuery({ residentId: '110105194912310021', name: '李娜' }, today)).toThrow(
      expect.objectContaining({ code: 'INVALID_RESIDENT_ID', details: { field: 'input.residentId', problem: 'CHECK_CHARACTER' } }),
    );
    expect(() => checkQuotaQuery({ residentId: '11010519491231002X', name: '' }, today)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
