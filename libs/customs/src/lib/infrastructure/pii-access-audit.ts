import type { SqlTx } from '@vitrine/shared/data-access';

/** Why and by whom a resident ID number was decrypted (one pii_access_audit row per identity opened). */
export interface PiiAccess {
  /** Who or what: `worker:declare-customs`, `script:pii-reencrypt`, `user:<uuid>`. */
  actor: string;
  /** Why: `CUSTOMS_DECLARATION`, `KEY_ROTATION`, ... */
  purpose: string;
}

/**
 * Writes the audit rows of decryptions about to happen, in the caller's transaction or
 * statement order: written first, so a number is never opened without its row (the table is
 * append-only, see the pii_retention migration).
 */
export async function recordPiiAccess(sql: SqlTx, access: PiiAccess, entries: readonly { identityId: string; orderIds?: readonly string[] }[]): Promise<void> {
  if (!entries.length) return;
  // order_ids as one text per identity ('{a,b}') so the rows go in one statement.
  const orderIds = entries.map((e) => `{${(e.orderIds ?? []).join(',')}}`);
  await sql.$executeRaw`
    INSERT INTO pii_access_audit (identity_id, actor, purpose, order_ids, accessed_at)
    SELECT i, ${access.actor}, ${access.purpose}, o::uuid[], now()
    FROM unnest(${entries.map((e) => e.identityId)}::uuid[], ${orderIds}::text[]) AS v(i, o)`;
}
