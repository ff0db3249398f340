import { assertSmsSettings, rpcEncode, rpcSignature, smsConfigFromEnv, smsSendDay } from './sms.gateway';

describe('Alibaba Cloud RPC signature 1.0', () => {
  it('percent-encodes as RFC 3986 wants (space %20, * ! ( ) encoded, ~ kept)', () => {
    expect(rpcEncode('a b*c~d!(e)\'')).toBe('a%20b%2Ac~d%21%28e%29%27');
    expect(rpcEncode('{"code":"1"}')).toBe('%7B%22code%22%3A%221%22%7D');
  });

  it('signs the example of Alibaba Cloud’s documentation', () => {
    // The documented DescribeRegions example: AccessKeySecret "testsecret", GET.
    const params = {
      AccessKeyId: 'testid',
      Action: 'DescribeRegions',
      Format: 'XML',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
      SignatureVersion: '1.0',
      Timestamp: '2016-02-23T12:46:24Z',
      Version: '2014-05-26',
    };
    expect(rpcSignature('GET', params, 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });
});

describe('the SMS gateway settings', () => {
  const all = { SMS_GATEWAY_URL: 'https://dysmsapi.aliyuncs.com', SMS_ACCESS_KEY_ID: 'id', SMS_ACCESS_KEY_SECRET: 'secret', SMS_SIGN_NAME: 'Vitrine', SMS_TEMPLATE_GUEST_CODE: 'SMS_1' };

  it('in production names every missing one in one error (and a process’s own ones)', () => {
    expect(() => smsConfigFromEnv({ NODE_ENV: 'production' })).toThrow(
      'SMS_GATEWAY_URL, SMS_ACCESS_KEY_ID, SMS_ACCESS_KEY_SECRET, SMS_SIGN_NAME, SMS_TEMPLATE_GUEST_CODE must be set in production',
    );
    expect(() => smsConfigFromEnv({ NODE_ENV: 'production', ...all, SMS_SIGN_NAME: '' })).toThrow(/^SMS_SIGN_NAME must be set in production/);
    expect(() => assertSmsSettings({ NODE_ENV: 'production', ...all }, ['SMS_TEMPLATES_RETURN'])).toThrow(/^SMS_TEMPLATES_RETURN must be set in production/);
    expect(smsConfigFromEnv({ NODE_ENV: 'production', ...all })).toMatchObject({ url: 'https://dysmsapi.aliyuncs.com', signName: 'Vitrine' });
  });

  it('takes the development defaults outside production', () => {
    expect(() => assertSmsSettings({ NODE_ENV: 'test' }, ['SMS_TEMPLATES_RETURN'])).not.toThrow();
    expect(smsConfigFromEnv({}).url).toBe('http://127.0.0.1:4050');
  });

  it('dates send records as Dysms does: the day in Beijing', () => {
    expect(smsSendDay(new Date('2026-12-06T15:59:59Z'))).toBe('20261206');
    expect(smsSendDay(new Date('2026-12-06T16:00:00Z'))).toBe('20261207');
  });
});
