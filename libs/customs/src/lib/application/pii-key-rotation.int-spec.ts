import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { PrismaService } from '@vitrine/shared/data-access';
import { createTestDatabase, type TestDatabase } from '@vitrine/shared/testing';
import { parseResidentId, residentIdCheckCharacter, type ResidentId } from '../domain/resident-id';
import { CustomsIdentityRepository } from '../infrastructure/customs-identity.repository';
import { PiiVault, piiKeysFromEnv } from '../infrastructure/pii-vault';
import { IdentityRecordsService } from './identity-records.service';
import { PiiKeyRotationService } from './pii-key-rotation.service';

const ROOT = path.resolve(__dirname, '../../../../..');
const ACCESS = { actor: 'test:pii-key-rotation', purpose: 'TEST' };

/** A distinct valid resident ID number for each n. */
function idNumber(n: number): ResidentId {
  const first17 = `110101${19900101 + n}${String(n % 1000).padStart(3, '0')}`.slice(0, 17);
  const parsed = parseResidentId(first17 + residentIdCheckCharacter(first17), new Date());
  if (!parsed.ok) throw new Error(`bad test id ${n}: ${parsed.problem}`);
  return parsed.id;
}

describe('PII key rotation: old rows stay readable, new rows use the new key, re-encryption retires the old key', () => {
  let db: TestDatabase;
  let prisma: PrismaService;
  let repo: CustomsIdentityRepository;
  const keyV1 = randomBytes(32).toString('base64');
  const keyV2 = randomBytes(32).toString('base64');
  const hashKey = randomBytes(32).toString('base64');
  const envV1 = { PII_ENCRYPTION_KEY: keyV1, PII_KEY_VERSION: '1', PII_HASH_KEY: hashKey };
  const envV2 = { PII_ENCRYPTION_KEY: keyV2, PII_KEY_VERSION: '2', PII_ENCRYPTION_OLD_KEYS: `1:${keyV1}`, PII_HASH_KEY: hashKey };
  const envV2Only = { PII_ENCRYPTION_KEY: keyV2, PII_KEY_VERSION: '2', PII_HASH_KEY: hashKey };

  const records = (env: NodeJS.ProcessEnv) => new IdentityRecordsService(new PiiVault(piiKeysFromEnv(env)), repo);
  const rotation = (env: NodeJS.ProcessEnv) => new PiiKeyRotationService(new PiiVault(piiKeysFromEnv(env)), repo);
  const record = (svc: IdentityRecordsService, id: ResidentId) => prisma.$transaction((tx) => svc.record(tx, id));
  const rows = () => prisma.customsIdentity.findMany({ orderBy: { id: 'asc' }, select: { id: true, idHash: true, idCiphertext: true, keyVersion: true } });

  beforeAll(async () => {
    db = await createTestDatabase();
    prisma = new PrismaService({ url: db.url, poolSize: 4 });
    repo = new CustomsIdentityRepository(prisma);
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await db.drop();
  });

  it('writes under v1, reads old and new rows after rotating to v2, re-encrypts in batches once, and reads everything without the old key', async () => {
    const v1 = records(envV1);
    const old = [];
    for (let n = 0; n < 5; n++) old.push({ id: idNumber(n), rec: await record(v1, idNumber(n)) });
    expect((await rows()).every((r) => r.keyVersion === 1 && r.idCiphertext!.startsWith('v1.'))).toBe(true);

    // Rotate: the new key is current, the old one is kept for reading.
    const v2 = records(envV2);
    const fresh = await record(v2, idNumber(100));
    const freshRow = await prisma.customsIdentity.findUniqueOrThrow({ where: { id: fresh.identityId } });
    expect(freshRow.keyVersion).toBe(2);
    expect(freshRow.idCiphertext!.startsWith('v2.')).toBe(true);
    for (const o of old) expect(await v2.reveal(o.rec.identityId, ACCESS)).toBe(o.id.value);
    expect(await v2.reveal(fresh.identityId, ACCESS)).toBe(idNumber(100).value);
    // The keyed hash did not move: the same number finds the same row (quota, idempotency), and
    // recording it again neither duplicates it nor reseals it.
    expect(await v2.find(old[0]!.id)).toEqual(old[0]!.rec);
    expect(await record(v2, old[0]!.id)).toEqual(old[0]!.rec);
    expect(await prisma.customsIdentity.count()).toBe(6);
    // A process still on v1 alone cannot read the v2 row (why the old key goes only after the re-encryption).
    await expect(v1.reveal(fresh.identityId, ACCESS)).rejects.toThrow(/version 2/);

    // Re-encrypt in batches of 2: the five v1 rows move, the v2 row is not touched.
    const before = await rows();
    const report = await rotation(envV2).reencrypt({ batchSize: 2 });
    expect(report).toEqual({ resealed: 5, unreadable: [], versions: new Map([[2, 6]]) });
    const after = await rows();
    for (const [i, r] of after.entries()) {
      expect(r).toMatchObject({ id: before[i]!.id, idHash: before[i]!.idHash, keyVersion: 2 });
      expect(r.idCiphertext!.startsWith('v2.')).toBe(true);
      if (before[i]!.keyVersion === 2) expect(r.idCiphertext).toBe(before[i]!.idCiphertext);
      else expect(r.idCiphertext).not.toBe(before[i]!.idCiphertext);
    }
    // Idempotent: a second run changes nothing.
    expect(await rotation(envV2).reencrypt({ batchSize: 2 })).toEqual({ resealed: 0, unreadable: [], versions: new Map([[2, 6]]) });
    expect(await rows()).toEqual(after);

    // The old key is removable: a process with the v2 key alone reads every row.
    const v2Only = records(envV2Only);
    for (const o of old) expect(await v2Only.reveal(o.rec.identityId, ACCESS)).toBe(o.id.value);
    expect(await v2Only.reveal(fresh.identityId, ACCESS)).toBe(idNumber(100).value);
  });

  it('leaves rows of a version whose key is missing untouched and reports them, without looping', async () => {
    const v3Key = randomBytes(32).toString('base64');
    const v3 = records({ PII_ENCRYPTION_KEY: v3Key, PII_KEY_VERSION: '3', PII_HASH_KEY: hashKey });
    const orphan = await record(v3, idNumber(200));
    const sealed = await prisma.customsIdentity.findUniqueOrThrow({ where: { id: orphan.identityId } });
    // Back on v2 without the v3 key (e.g. a rollback of the configuration): reported, not rewritten.
    const report = await rotation(envV2Only).reencrypt({ batchSize: 1 });
    expect(report.resealed).toBe(0);
    expect(report.unreadable).toEqual([orphan.identityId]);
    expect(report.versions).toEqual(new Map([[2, 6], [3, 1]]));
    expect(await prisma.customsIdentity.findUniqueOrThrow({ where: { id: orphan.identityId } })).toEqual(sealed);
    // A row whose key_version disagrees with its ciphertext is refused, not decrypted with a guess.
    await prisma.customsIdentity.update({ where: { id: orphan.identityId }, data: { keyVersion: 2 } });
    await expect(v3.reveal(orphan.identityId, ACCESS)).rejects.toThrow(/key version 2/);
    await prisma.customsIdentity.delete({ where: { id: orphan.identityId } });
  });

  it('npm run pii:reencrypt does the same from the environment, as often as it is run', async () => {
    const v1 = records(envV1);
    const rec = await record(v1, idNumber(300));
    // A v1 identity whose ciphertext the retention job destroyed: nothing to re-seal, no key needed.
    const purged = await record(v1, idNumber(301));
    await prisma.customsIdentity.update({ where: { id: purged.identityId }, data: { idCiphertext: null, purgedAt: new Date() } });
    const run = () =>
      promisify(execFile)(process.execPath, ['-r', '@swc-node/register', 'scripts/pii-reencrypt.ts', '--batch-size=3'], {
        cwd: ROOT,
        env: { ...process.env, ...envV2, DATABASE_URL: db.url, NODE_ENV: 'test' },
      });
    const first = await run();
    expect(first.stdout).toContain('re-encrypted 1 identities to key version 2; rows per key version: v2: 7');
    expect(first.stdout).toContain('older keys may be removed');
    const second = await run();
    expect(second.stdout).toContain('re-encrypted 0 identities');
    expect(`${first.stdout}${first.stderr}${second.stdout}${second.stderr}`).not.toContain(idNumber(300).value);
    expect(await records(envV2Only).reveal(rec.identityId, ACCESS)).toBe(idNumber(300).value);
    expect(await prisma.customsIdentity.findUniqueOrThrow({ where: { id: purged.identityId } })).toMatchObject({ idCiphertext: null, keyVersion: 1 });
    await expect(records(envV2Only).reveal(purged.identityId, ACCESS)).rejects.toThrow(/not found/i);
    // Every decryption left its audit row: the script's re-seal of the v1 row, and the reveal after it.
    const audit = await prisma.piiAccessAudit.findMany({ where: { identityId: rec.identityId }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.actor, a.purpose])).toEqual([['script:pii-reencrypt', 'KEY_ROTATION'], [ACCESS.actor, ACCESS.purpose]]);
    expect(await prisma.piiAccessAudit.count({ where: { identityId: purged.identityId } })).toBe(0);
  });
});
