import { randomBytes } from 'node:crypto';
import { PiiVault, piiKeysFromEnv } from './pii-vault';

const keys = () => ({ encryptionKey: randomBytes(32), hashKey: randomBytes(32), keyVersion: 1 });

describe('PiiVault', () => {
  it('round-trips through AES-256-GCM with a fresh IV each time and no plain text in the output', () => {
    const vault = new PiiVault(keys());
    const a = vault.encrypt('11010519491231002X', 'row-1');
    const b = vault.encrypt('11010519491231002X', 'row-1');
    expect(a).not.toBe(b);
    expect(a).not.toContain('11010519491231002X');
    expect(vault.decrypt(a, 'row-1')).toBe('11010519491231002X');
  });

  it('refuses a ciphertext moved to another row, tampered with, or read with another key', () => {
    const k = keys();
    const vault = new PiiVault(k);
    const sealed = vault.encrypt('11010519491231002X', 'row-1');
    expect(() => vault.decrypt(sealed, 'row-2')).toThrow();
    const parts = sealed.split('.');
    const flipped = Buffer.from(parts[3], 'base64url');
    flipped[0] ^= 1;
    expect(() => vault.decrypt([parts[0], parts[1], parts[2], flipped.toString('base64url')].join('.'), 'row-1')).toThrow();
    expect(() => new PiiVault({ ...k, encryptionKey: randomBytes(32) }).decrypt(sealed, 'row-1')).toThrow();
  });

  it('hashes deterministically per key', () => {
    const k = keys();
    expect(new PiiVault(k).hash('x')).toBe(new PiiVault(k).hash('x'));
    expect(new PiiVault(k).hash('x')).not.toBe(new PiiVault(keys()).hash('x'));
    expect(new PiiVault(k).hash('x')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads keys from the environment and refuses to run on development keys in production', () => {
    const enc = randomBytes(32).toString('base64');
    const hash = randomBytes(32).toString('base64');
    expect(piiKeysFromEnv({ PII_ENCRYPTION_KEY: enc, PII_HASH_KEY: hash }).encryptionKey.toString('base64')).toBe(enc);
    expect(() => piiKeysFromEnv({ PII_ENCRYPTION_KEY: randomBytes(16).toString('base64') })).toThrow(/32 bytes/);
    expect(() => piiKeysFromEnv({ NODE_ENV: 'production' })).toThrow(/must be set in production/);
    expect(piiKeysFromEnv({}).encryptionKey).toHaveLength(32);
  });
});
