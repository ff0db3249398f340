// `npm run pii:reencrypt [-- --batch-size=500]`: moves every resident ID ciphertext to the
// current key (PII_ENCRYPTION_KEY, PII_KEY_VERSION), reading older rows with the keys of
// PII_ENCRYPTION_OLD_KEYS, in batches. Idempotent: run it as often as you like, beside the
// API and the worker. It prints rows per key version and exits 2 while rows remain under a
// version whose key is not configured. Never prints an ID number or a key.
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CustomsModule, PiiKeyRotationService } from '@vitrine/customs';
import { DataAccessModule } from '@vitrine/shared/data-access';

@Module({ imports: [DataAccessModule, CustomsModule] })
class PiiReencryptModule {}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  const arg = argv.find((a) => a.startsWith('--batch-size='));
  const batchSize = arg ? Number(arg.slice('--batch-size='.length)) : 500;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('--batch-size must be a positive integer');
  const app = await NestFactory.createApplicationContext(PiiReencryptModule, { logger: ['error', 'warn'] });
  try {
    const rotation = app.get(PiiKeyRotationService);
    const report = await rotation.reencrypt({ batchSize });
    const versions = [...report.versions].map(([v, n]) => `v${v}: ${n}`).join(', ') || 'no rows';
    console.log(`re-encrypted ${report.resealed} identities to key version ${rotation.currentVersion}; rows per key version: ${versions}`);
    if (report.unreadable.length) {
      console.error(`${report.unreadable.length} identities are sealed under a key version with no key in PII_ENCRYPTION_OLD_KEYS (first ids: ${report.unreadable.slice(0, 5).join(', ')})`);
      return 2;
    }
    const old = [...report.versions.keys()].filter((v) => v !== rotation.currentVersion);
    console.log(old.length ? `still in use: key versions ${old.join(', ')}` : 'every row uses the current key: older keys may be removed from PII_ENCRYPTION_OLD_KEYS');
    return 0;
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error((e as Error).message);
      process.exit(1);
    },
  );
}
