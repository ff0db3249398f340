import { rpcEncode, rpcSignature } from './sms.gateway';

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
