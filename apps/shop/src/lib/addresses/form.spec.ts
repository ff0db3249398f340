import { addressInput, addressLine, addressRefusal, maskPhone } from './form';

describe('address form', () => {
  it('maps the API’s VALIDATION_FAILED fields onto the form’s fields', () => {
    const state = addressRefusal({ extensions: { code: 'VALIDATION_FAILED', fields: [{ path: 'input.phone' }, { path: 'input.name' }, { path: 'input.other' }] } });
    expect(state).toEqual({ fields: { phone: 'VALIDATION_FAILED', recipientName: 'VALIDATION_FAILED' }, formError: 'VALIDATION_FAILED' });
  });

  it('keeps a code that names no field for the form, and UNKNOWN for anything else', () => {
    expect(addressRefusal({ extensions: { code: 'ADDRESS_LIMIT_REACHED' } })).toEqual({ fields: {}, formError: 'ADDRESS_LIMIT_REACHED' });
    expect(addressRefusal(undefined)).toEqual({ fields: {}, formError: 'UNKNOWN' });
  });

  it('builds saveAddress’s input: no id for a new one, a blank postcode left out, the default box', () => {
    const values: Record<string, string> = { recipientName: '王芳', phone: '13800138000', province: '北京市', city: '市辖区', district: '朝阳区', street: '建国路 88 号', postalCode: '', isDefault: 'on' };
    expect(addressInput((k) => values[k] ?? '')).toEqual({ name: '王芳', phone: '13800138000', province: '北京市', city: '市辖区', district: '朝阳区', street: '建国路 88 号', postalCode: null, isDefault: true });
    expect(addressInput((k) => ({ ...values, id: 'x', isDefault: '' })[k] ?? '')).toMatchObject({ id: 'x', isDefault: false });
  });

  it('masks the phone and names the address on one line', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(addressLine({ province: '北京市', city: '市辖区', district: '朝阳区', street: '建国路 88 号' })).toBe('北京市 市辖区 朝阳区 建国路 88 号');
  });
});
