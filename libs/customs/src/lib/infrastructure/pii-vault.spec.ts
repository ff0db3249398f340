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

  it('opens a ciphertext with the key of its version after a rotation and seals new ones with the current key', () => {
    const [k1, k2, hash] = [randomBytes(32), randomBytes(32), randomBytes(32)];
    const v1 = new PiiVault({ encryptionKey: k1, hashKey: hash, keyVersion: 1 });
    const old = v1.encrypt('11010519491231002X', 'row-1');
    const rotated = new PiiVault(
      piiKeysFromEnv({ PII_ENCRYPTION_KEY: k2.toString('base64'), PII_KEY_VERSION: '2', PII_ENCRYPTION_OLD_KEYS: ` 1:${k1.toString('base64')} `, PII_HASH_KEY: hash.toString('base64') }),
    );
    expect(rotated.decrypt(old, 'row-1')).toBe('11010519491231002X');
    expect(rotated.decrypt(old, 'row-1', 1)).toBe('11010519491231002X');
    expect(() => rotated.decrypt(old, 'row-1', 2)).toThrow(/key version 2/);
    const fresh = rotated.encrypt('11010519491231002X', 'row-1');
    expect(PiiVault.versionOf(fresh)).toBe(2);
    expect(PiiVault.versionOf(old)).toBe(1);
    expect(() => v1.decrypt(fresh, 'row-1')).toThrow(/version 2/);
    expect([rotated.canOpen(1), rotated.canOpen(2), rotated.canOpen(3)]).toEqual([true, true, false]);
    // The keyed hash does not depend on the encryption keys: lookups survive the rotation.
    expect(rotated.hash('x')).toBe(v1.hash('x'));
  });

  it('refuses a malformed key list, a version twice, the current version or key among the old ones, and a bad version', () => {
    const [a, b] = [randomBytes(32).toString('base64'), randomBytes(32).toString('base64')];
    const env = (over: Record<string, string>) => piiKeysFromEnv({ PII_ENCRYPTION_KEY: a, PII_KEY_VERSION: '3', ...over });
    expect(env({ PII_ENCRYPTION_OLD_KEYS: `1:${b},2:${randomBytes(32).toString('base64')}` }).previousKeys?.size).toBe(2);
    expect(() => env({ PII_ENCRYPTION_OLD_KEYS: b })).toThrow(/version:base64key/);
    expect(() => env({ PII_ENCRYPTION_OLD_KEYS: `x:${b}` })).toThrow(/positive integer/);
    expect(() => env({ PII_ENCRYPTION_OLD_KEYS: `1:${b},1:${b}` })).toThrow(/twice/);
    expect(() => env({ PII_ENCRYPTION_OLD_KEYS: `3:${b}` })).toThrow(/current key/);
    expect(() => env({ PII_ENCRYPTION_OLD_KEYS: `2:${a}` })).toThrow(/is the current key/);
    expect(() => env({ PII_ENCRYPTION_OLD_KEYS: `2:${randomBytes(16).toString('base64')}` })).toThrow(/32 bytes/);
    expect(() => env({ PII_KEY_VERSION: '0' })).toThrow(/positive integer/);
    expect(() => env({ PII_KEY_VERSION: 'two' })).toThrow(/positive integer/);
    // Errors never echo a key.
    try {
      env({ PII_ENCRYPTION_OLD_KEYS: `2:${a}` });
    } catch (e) {
      expect((e as Error).message).not.toContain(a);
    }
  });
});
