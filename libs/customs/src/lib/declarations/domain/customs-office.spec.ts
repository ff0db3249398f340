import { declarationsConfigFromEnv } from '../application/declarations-config';
import { customsOfficeFromEnv } from './customs-office';

describe('the customs office, one setting', () => {
  it('gives every party its code of the same office', () => {
    expect(customsOfficeFromEnv({})).toEqual({ key: 'NINGBO', districtCode: '3100', portCode: '3100', alipayCustomsPlace: 'ZONGSHU', wechatCustoms: 'NINGBO' });
    expect(customsOfficeFromEnv({ CUSTOMS_OFFICE: 'hangzhou' })).toEqual({ key: 'HANGZHOU', districtCode: '2900', portCode: '2900', alipayCustomsPlace: 'ZONGSHU', wechatCustoms: 'HANGZHOU_ZS' });
    expect(customsOfficeFromEnv({ CUSTOMS_OFFICE: 'ZHENGZHOU', CUSTOMS_PORT_CODE: '4612' })).toMatchObject({ districtCode: '4600', portCode: '4612', wechatCustoms: 'ZHENGZHOU_BS' });
    expect(customsOfficeFromEnv({ CUSTOMS_OFFICE: 'XIAN', CUSTOMS_OFFICE_CODES: '{"districtCode":"9000","alipayCustomsPlace":"ZONGSHU","wechatCustoms":"XIAN"}' })).toEqual({ key: 'XIAN', districtCode: '9000', portCode: '9000', alipayCustomsPlace: 'ZONGSHU', wechatCustoms: 'XIAN' });
  });

  it('refuses an office it cannot name to every party, at start-up', () => {
    expect(() => customsOfficeFromEnv({ CUSTOMS_OFFICE: 'ATLANTIS' })).toThrow(/CUSTOMS_OFFICE ATLANTIS is not known/);
    expect(() => customsOfficeFromEnv({ CUSTOMS_OFFICE: 'XIAN', CUSTOMS_OFFICE_CODES: '{"districtCode":"9000"}' })).toThrow(/CUSTOMS_OFFICE_CODES needs/);
    expect(() => customsOfficeFromEnv({ CUSTOMS_PORT_CODE: '31' })).toThrow(/4 digits/);
  });

  it('is the only source of the office in the declarations settings', () => {
    const c = declarationsConfigFromEnv({ NODE_ENV: 'test', CUSTOMS_SIGNING_KEY: undefined, CUSTOMS_OFFICE: 'SHANGHAI' });
    expect(c.office).toMatchObject({ districtCode: '2200', wechatCustoms: 'SHANGHAI_ZS', alipayCustomsPlace: 'ZONGSHU' });
    // No second copy of an office code anywhere else in the settings.
    const rest = JSON.stringify({ ...c, office: undefined, signingKey: undefined });
    for (const code of ['2200', 'SHANGHAI_ZS', 'ZONGSHU', 'NINGBO', '2233']) expect(rest).not.toContain(code);
  });
});
