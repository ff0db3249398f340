import express from 'express';
import { apiConfigFromEnv, parseThrottlerStorage, parseTrustProxy } from './api-config';

describe('TRUST_PROXY', () => {
  it('trusts no proxy unless told', () => {
    expect(apiConfigFromEnv({}).trustProxy).toBe(false);
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy(' false ')).toBe(false);
  });

  it('takes a hop count, true, or a list of addresses, CIDRs and names', () => {
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('loopback, 10.0.0.0/8,192.168.1.7')).toEqual(['loopback', '10.0.0.0/8', '192.168.1.7']);
  });

  it('is accepted by Express, and a malformed address is refused at start-up', () => {
    const app = express();
    expect(() => app.set('trust proxy', parseTrustProxy('loopback,10.0.0.0/8'))).not.toThrow();
    expect(() => app.set('trust proxy', parseTrustProxy('10.0.0.300'))).toThrow(/invalid IP address/);
  });
});

describe('THROTTLER_STORAGE', () => {
  it('counts in Redis in production and per process elsewhere unless told, and refuses anything else', () => {
    expect(apiConfigFromEnv({ NODE_ENV: 'production' }).throttlerStorage).toBe('redis');
    expect(apiConfigFromEnv({}).throttlerStorage).toBe('memory');
    expect(parseThrottlerStorage('memory', true)).toBe('memory');
    expect(parseThrottlerStorage(' redis ', false)).toBe('redis');
    expect(() => parseThrottlerStorage('memcached', true)).toThrow(/THROTTLER_STORAGE must be "redis" or "memory"/);
  });
});
