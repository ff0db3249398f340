import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface PiiKeys {
  /** The current AES-256-GCM key, 32 bytes: every new ciphertext is sealed with it. */
  encryptionKey: Buffer;
  /** HMAC-SHA256 key for lookups, at least 32 bytes. Never rotated this way (see below). */
  hashKey: Buffer;
  /** The current key's version, written into each ciphertext and its row's key_version. */
  keyVersion: number;
  /** Earlier encryption keys by version: still read, never written with (key rotation). */
  previousKeys?: ReadonlyMap<number, Buffer>;
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

function keyVersionOf(raw: string, name: string): number {
  if (!/^[1-9]\d{0,8}$/.test(raw.trim())) throw new Error(`${name}: a key version is a positive integer, not "${raw.trim().slice(0, 12)}"`);
  return Number(raw.trim());
}

/**
 * PII_ENCRYPTION_OLD_KEYS: `version:base64key,...`, the keys of earlier versions, kept until
 * `npm run pii:reencrypt` has moved every row to the current one. Never logged or echoed.
 */
function previousKeysFromEnv(env: NodeJS.ProcessEnv, currentVersion: number): Map<number, Buffer> {
  const out = new Map<number, Buffer>();
  for (const entry of (env['PII_ENCRYPTION_OLD_KEYS'] ?? '').split(',').map((e) => e.trim()).filter(Boolean)) {
    const colon = entry.indexOf(':');
    if (colon < 1) throw new Error('PII_ENCRYPTION_OLD_KEYS entries are version:base64key');
    const version = keyVersionOf(entry.slice(0, colon), 'PII_ENCRYPTION_OLD_KEYS');
    if (version === currentVersion) throw new Error(`PII_ENCRYPTION_OLD_KEYS names version ${version}, which is PII_KEY_VERSION (the current key)`);
    if (out.has(version)) throw new Error(`PII_ENCRYPTION_OLD_KEYS names version ${version} twice`);
    const key = Buffer.from(entry.slice(colon + 1), 'base64');
    if (key.length !== 32) throw new Error(`PII_ENCRYPTION_OLD_KEYS: the key of version ${version} must be base64 of 32 bytes`);
    out.set(version, key);
  }
  return out;
}

/**
 * PII_ENCRYPTION_KEY (base64, 32 bytes) and PII_KEY_VERSION (default 1): the current key;
 * PII_ENCRYPTION_OLD_KEYS: earlier keys, read only; PII_HASH_KEY (base64, ≥ 32 bytes).
 */
export function piiKeysFromEnv(env: NodeJS.ProcessEnv = process.env): PiiKeys {
  const keyVersion = keyVersionOf(env['PII_KEY_VERSION'] || '1', 'PII_KEY_VERSION');
  const encryptionKey = keyFromEnv(env, 'PII_ENCRYPTION_KEY', 32, 32);
  const previousKeys = previousKeysFromEnv(env, keyVersion);
  for (const [version, key] of previousKeys) {
    if (key.equals(encryptionKey)) throw new Error(`PII_ENCRYPTION_OLD_KEYS: the key of version ${version} is the current key; a rotation needs a new key`);
  }
  return { encryptionKey, hashKey: keyFromEnv(env, 'PII_HASH_KEY', 32), keyVersion, previousKeys };
}

/**
 * Encryption at rest and keyed lookup hashes for sensitive personal information.
 * Ciphertexts are `v<version>.<iv>.<tag>.<ciphertext>` (base64url); the associated data
 * binds a ciphertext to its row, so one cannot be swapped into another. A ciphertext is
 * opened with the key of its own version (the current key or one of `previousKeys`) and new
 * ones are always sealed with the current key.
 *
 * The lookup hash is not rotated with the encryption key: it is the identity's key (the
 * unique id_hash, the yearly quota, checkout idempotency fingerprints, the associated data
 * of every ciphertext), so it must stay stable. Rotating it would mean re-hashing every row
 * from its plain number in one cut-over, with fingerprints of checkouts in flight changing
 * under them; PII_HASH_KEY is therefore a long-lived secret kept apart from the
 * encryption keys.
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

  /** The key version a ciphertext was sealed with (null when it is not one of ours). */
  static versionOf(sealed: string): number | null {
    const m = /^v([1-9]\d{0,8})\./.exec(sealed);
    return m ? Number(m[1]) : null;
  }

  /** Whether this vault holds the key of that version (the current one or a previous one). */
  canOpen(version: number): boolean {
    return version === this.keys.keyVersion || (this.keys.previousKeys?.has(version) ?? false);
  }

  /**
   * Opens a ciphertext with the key of its version. `keyVersion`, the row's key_version, must
   * agree with the version the ciphertext carries (a row and its ciphertext change together).
   */
  decrypt(sealed: string, associatedData: string, keyVersion?: number): string {
    const [, iv, tag, ciphertext] = sealed.split('.');
    const version = PiiVault.versionOf(sealed);
    if (keyVersion !== undefined && version !== keyVersion) throw new Error(`ciphertext of version ${version} on a row of key version ${keyVersion}`);
    const key = version === this.keys.keyVersion ? this.keys.encryptionKey : version !== null ? this.keys.previousKeys?.get(version) : undefined;
    if (version === null || !iv || !tag || ciphertext === undefined) throw new Error('unknown ciphertext format');
    if (!key) throw new Error(`no encryption key of version ${version} (PII_ENCRYPTION_OLD_KEYS)`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  }
}
