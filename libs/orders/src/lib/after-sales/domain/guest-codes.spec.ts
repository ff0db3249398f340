import { GuestCodeErrorCode, accessToken, checkCode, checkSend, codeHash, maskPhone, mobileDigits, newCode, normalizeCode, orderOfToken, type GuestCodeConfig, type StoredCode } from './guest-codes';

const config: GuestCodeConfig = { secret: 'k'.repeat(64), ttlSeconds: 600, maxAttempts: 5, resendSeconds: 60, maxPerHour: 5, accessTtlSeconds: 1800 };
const now = new Date('2026-12-06T10:00:00Z');
const ago = (s: number) => new Date(now.getTime() - s * 1000);
const codeOf = (e: () => unknown) => {
  try {
    e();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return 'none';
};

function stored(code: string, over: Partial<StoredCode> = {}): StoredCode {
  const id = '6f1c6a55-3c1e-4c4e-9f43-0e7e0f0c8a11';
  return { id, codeHash: codeHash(config.secret, id, code), expiresAt: new Date(now.getTime() + 60_000), attempts: 0, usedAt: null, createdAt: ago(30), ...over };
}

describe('guest codes', () => {
  it('makes six-digit codes and reads them back as typed', () => {
    for (let i = 0; i < 50; i++) expect(newCode()).toMatch(/^[0-9]{6}$/);
    expect(normalizeCode(' 012 345 ')).toBe('012345');
    expect(normalizeCode('12345')).toBeNull();
    expect(normalizeCode('12a456')).toBeNull();
  });

  it('reads a Chinese mobile number however it is typed, and masks it', () => {
    expect(mobileDigits('+86 138-0013-8000')).toBe('13800138000');
    expect(mobileDigits('0086 13800138000')).toBe('13800138000');
    expect(mobileDigits('(138) 0013 8000')).toBe('13800138000');
    expect(mobileDigits('12800138000')).toBeNull();
    expect(mobileDigits('1380013800')).toBeNull();
    expect(maskPhone('13800138000')).toBe('138****8000');
  });

  it('binds the hash to its row: the same code of two rows hashes apart', () => {
    expect(codeHash(config.secret, 'a', '123456')).not.toBe(codeHash(config.secret, 'b', '123456'));
    expect(codeHash(config.secret, 'a', '123456')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('sends once a minute and five times an hour per order', () => {
    expect(() => checkSend([], config, now)).not.toThrow();
    expect(codeOf(() => checkSend([{ createdAt: ago(59) }], config, now))).toBe(GuestCodeErrorCode.GUEST_CODE_RECENTLY_SENT);
    expect(() => checkSend([{ createdAt: ago(60) }], config, now)).not.toThrow();
    const four = [61, 700, 1400, 2100].map((s) => ({ createdAt: ago(s) }));
    expect(() => checkSend(four, config, now)).not.toThrow();
    expect(codeOf(() => checkSend([...four, { createdAt: ago(2800) }], config, now))).toBe(GuestCodeErrorCode.GUEST_CODE_LIMIT_REACHED);
    // One older than the hour does not count.
    expect(() => checkSend([...four, { createdAt: ago(3600) }], config, now)).not.toThrow();
  });

  it('checks a typed code: match, wrong, expired, used, out of tries, none sent', () => {
    expect(checkCode(stored('123456'), '123456', config, now)).toBe('MATCH');
    expect(checkCode(stored('123456'), '123457', config, now)).toBe('WRONG');
    expect(checkCode(stored('123456'), null, config, now)).toBe('WRONG');
    expect(checkCode(stored('123456', { attempts: 4 }), '123456', config, now)).toBe('MATCH');
    expect(codeOf(() => checkCode(stored('123456', { attempts: 5 }), '123456', config, now))).toBe(GuestCodeErrorCode.GUEST_CODE_ATTEMPTS_EXCEEDED);
    expect(codeOf(() => checkCode(stored('123456', { expiresAt: now }), '123456', config, now))).toBe(GuestCodeErrorCode.GUEST_CODE_EXPIRED);
    expect(codeOf(() => checkCode(stored('123456', { usedAt: ago(1) }), '123456', config, now))).toBe(GuestCodeErrorCode.GUEST_CODE_EXPIRED);
    expect(codeOf(() => checkCode(null, '123456', config, now))).toBe(GuestCodeErrorCode.GUEST_CODE_EXPIRED);
    // A code hashed with another key never matches.
    expect(checkCode(stored('123456'), '123456', { ...config, secret: 'x'.repeat(64) }, now)).toBe('WRONG');
  });

  it('opens the order its access token names, until it expires, and refuses any change', () => {
    const orderId = '0b1f3a8e-6e0a-4f5e-8d3c-2a7c1d9e4b21';
    const expires = Math.floor(now.getTime() / 1000) + 1800;
    const token = accessToken(config.secret, orderId, expires);
    expect(orderOfToken(config.secret, token, now)).toBe(orderId);
    expect(codeOf(() => orderOfToken(config.secret, token, new Date(expires * 1000)))).toBe(GuestCodeErrorCode.GUEST_ACCESS_INVALID);
    expect(codeOf(() => orderOfToken('y'.repeat(64), token, now))).toBe(GuestCodeErrorCode.GUEST_ACCESS_INVALID);
    const [, , sig] = token.split('.');
    expect(codeOf(() => orderOfToken(config.secret, `${orderId}.${expires + 60}.${sig}`, now))).toBe(GuestCodeErrorCode.GUEST_ACCESS_INVALID);
    expect(codeOf(() => orderOfToken(config.secret, `1b1f3a8e-6e0a-4f5e-8d3c-2a7c1d9e4b21.${expires}.${sig}`, now))).toBe(GuestCodeErrorCode.GUEST_ACCESS_INVALID);
    expect(codeOf(() => orderOfToken(config.secret, 'nonsense', now))).toBe(GuestCodeErrorCode.GUEST_ACCESS_INVALID);
  });
});
