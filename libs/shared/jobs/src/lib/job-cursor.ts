import type { SqlTx } from '@vitrine/shared/data-access';

/**
 * Reads a feed cursor and locks it until the transaction ends, so two runs of the same
 * poller (several workers, an overlapping schedule) follow the feed one after the other.
 */
export async function lockCursor(tx: SqlTx, name: string, initial = ''): Promise<string> {
  await tx.$executeRaw`INSERT INTO job_cursors (name, value) VALUES (${name}, ${initial}) ON CONFLICT (name) DO NOTHING`;
  const rows = await tx.$queryRaw<{ value: string }[]>`SELECT value FROM job_cursors WHERE name = ${name} FOR UPDATE`;
  return rows[0].value;
}

/** Moves the cursor, in the transaction that applied what was read up to it. */
export async function saveCursor(tx: SqlTx, name: string, value: string): Promise<void> {
  await tx.$executeRaw`UPDATE job_cursors SET value = ${value}, updated_at = now() WHERE name = ${name}`;
}

/** The cursor as last saved, without locking (for reading a remote feed before the transaction). */
export async function readCursor(tx: SqlTx, name: string, initial = ''): Promise<string> {
  const rows = await tx.$queryRaw<{ value: string }[]>`SELECT value FROM job_cursors WHERE name = ${name}`;
  return rows[0]?.value ?? initial;
}
