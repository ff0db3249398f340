import express from 'express';
import { apiConfigFromEnv, parseHttpTimeouts, parseThrottlerStorage, parseTrustProxy } from './api-config';

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

describe('HTTP_KEEP_ALIVE_TIMEOUT_MS and HTTP_HEADERS_TIMEOUT_MS', () => {
  it('keep idle connections 65 s and read headers for 66 s unless told: longer than a load balancer’s 60 s idle timeout', () => {
    expect(apiConfigFromEnv({}).http).toEqual({ keepAliveTimeoutMs: 65_000, headersTimeoutMs: 66_000 });
    expect(apiConfigFromEnv({ NODE_ENV: 'production' }).http).toEqual({ keepAliveTimeoutMs: 65_000, headersTimeoutMs: 66_000 });
  });

  it('take whole milliseconds; the headers’ timeout follows the keep-alive one second later unless set', () => {
    expect(parseHttpTimeouts('90000', '')).toEqual({ keepAliveTimeoutMs: 90_000, headersTimeoutMs: 91_000 });
    expect(parseHttpTimeouts(' 120000 ', '125000')).toEqual({ keepAliveTimeoutMs: 120_000, headersTimeoutMs: 125_000 });
  });

  it('refuse anything but a positive whole number, and headers that do not outlast the keep-alive', () => {
    expect(() => parseHttpTimeouts('65s', undefined)).toThrow(/HTTP_KEEP_ALIVE_TIMEOUT_MS must be a whole number of milliseconds above 0, not "65s"/);
    expect(() => parseHttpTimeouts('0', undefined)).toThrow(/HTTP_KEEP_ALIVE_TIMEOUT_MS must be/);
    expect(() => parseHttpTimeouts(undefined, '-1')).toThrow(/HTTP_HEADERS_TIMEOUT_MS must be/);
    expect(() => parseHttpTimeouts('65000', '65000')).toThrow(/HTTP_HEADERS_TIMEOUT_MS \(65000\) must be longer than HTTP_KEEP_ALIVE_TIMEOUT_MS \(65000\)/);
    expect(() => parseHttpTimeouts('300000', undefined)).toThrow(/may not exceed Node's request timeout \(300000 ms\)/);
  });
});
