import type { Tx } from '@vitrine/shared/data-access';

export interface AccountDeletionRequest {
  id: string;
  requestedAt: Date;
  completedAt: Date | null;
}

const select = { id: true, requestedAt: true, completedAt: true } as const;

/**
 * The PII deletion requests other contexts file in their own transaction (issue 19: identity
 * closing an account). The requests belong to customs' privacy tables; the retention job here
 * carries them out.
 */
export const PrivacyWritePort = {
  /** The account's deletion request filed already, if any (the first one). */
  accountDeletionOf(tx: Tx, userId: string): Promise<AccountDeletionRequest | null> {
    return tx.piiDeletionRequest.findFirst({ where: { userId, kind: 'ACCOUNT' }, orderBy: { requestedAt: 'asc' }, select });
  },

  /** Files the account's deletion request. */
  fileAccountDeletion(tx: Tx, userId: string): Promise<AccountDeletionRequest> {
    return tx.piiDeletionRequest.create({ data: { userId, kind: 'ACCOUNT' }, select });
  },
} as const;
