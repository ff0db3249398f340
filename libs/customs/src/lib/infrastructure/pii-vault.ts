import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface PiiKeys {
  /** AES-256-GCM key, 32 bytes. */
  encryptionKey: Buffer;
  /** HMAC-SHA256 key for lookups, at least 32 bytes. */
  hashKey: Buffer;
  /** Written next to each ciphertext so keys can be rotated later. */
  keyVersion: number;
}

// Deterministic development keys, so a developer's data stays readable across restarts.
// Refused in production: there the keys must come from the environment.
const devKey = (label: string) => createHash('sha256').update(`vitrine-development-only:${label}`).digest();

function keyFromEnv(env: NodeJS.ProcessEnv, name: string, minBytes: number, exactBytes?: number): Buffer {
  const raw = env[name];
  if (!raw) {
    if (env['NODE_ENV'] === 'production') throw new Error(`${name} must be set in production`);
    return devKey(name);
  }
  const key = Buffer.from(raw, 'base64');
  if (exactBytes !== undefined ? key.length !== exactBytes : key.length < minBytes) {
    throw new Error(`${name} must be base64 of ${exactBytes ?? `at least ${minBytes}`} bytes`);
  }
  return key;
}

/** PII_ENCRYPTION_KEY (base64, 32 bytes), PII_HASH_KEY (base64, ≥ 32 bytes), PII_KEY_VERSION. */
export function piiKeysFromEnv(env: NodeJS.ProcessEnv = process.env): PiiKeys {
  return {
    encryptionKey: keyFromEnv(env, 'PII_ENCRYPTION_KEY', 32, 32),
    hashKey: keyFromEnv(env, 'PII_HASH_KEY', 32),
    keyVersion: Number(env['PII_KEY_VERSION'] ?? 1),
  };
}

/**
 * Encryption at rest and keyed lookup hashes for sensitive personal information.
 * Ciphertexts are `v<version>.<iv>.<tag>.<ciphertext>` (base64url); the associated data
 * binds a ciphertext to its row, so one cannot be swapped into another.
 */
export class PiiVault {
  constructor(private readonly keys: PiiKeys) {}

  get keyVersion(): number {
    return this.keys.keyVersion;
  }

  /** Deterministic keyed hash (hex): the same value always finds the same row; unusable without the key. */
  hash(value: string): string {
    return createHmac('sha256', this.keys.hashKey).update(value, 'utf8').digest('hex');
  }

  sameHash(a: string, b: string): boolean {
    return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
  }

  encrypt(plain: string, associatedData: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.encryptionKey, iv);
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [`v${this.keys.keyVersion}`, iv.toString('base64url'), tag.toString('base64url'), ciphertext.toString('base64url')].join('.');
  }

  decrypt(sealed: string, associatedData: string): string {
    const [version, iv, tag, ciphertext] = sealed.split('.');
    if (version !== `v${this.keys.keyVersion}` || !iv || !tag || ciphertext === undefined) throw new Error('unknown ciphertext format or key version');
    const decipher = createDecipheriv('aes-256-gcm', this.keys.encryptionKey, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  }
}
