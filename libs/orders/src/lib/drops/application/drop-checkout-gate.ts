import { Injectable } from '@nestjs/common';
import type { ResidentId } from '@vitrine/customs';
import { IdentityRecordsService } from '@vitrine/customs';
import type { SqlTx } from '@vitrine/shared/data-access';
import type { Actor } from '@vitrine/shared/kernel';
import { DropsError, DropsErrorCode } from '../domain/drops-error';
import { DropsRepository } from '../infrastructure/drops.repository';
import { DropVariants } from './drop-variants';

/** A checkout of a drop's variant by a shopper whose turn is open. */
export interface DropTurn {
  dropId: string;
  variantId: string;
  entryId: string;
  /** The entry's (and so the orderer's) identity hash. */
  identityHash: string;
  quantity: number;
  perIdentityLimit: number;
}

/**
 * placeOrder's gate for drop variants. Before the transaction (reads only, refusals that need no
 * lock): the caller must hold an open turn, with the same resident ID as their entry, for at most
 * the per-identity limit. Inside the transaction (`claim`), the database decides: the turn is
 * used once (conditional update), then, under the drop row's lock, the edition and this
 * identity's units are counted from the orders themselves.
 */
@Injectable()
export class DropCheckoutGate {
  constructor(
    private readonly variants: DropVariants,
    private readonly repo: DropsRepository,
    private readonly identities: IdentityRecordsService,
  ) {}

  async check(actor: Actor | null, items: readonly { variantId: string; quantity: number }[], residentId: ResidentId, now: Date): Promise<DropTurn | null> {
    const hit = await this.variants.dropOf(items.map((i) => i.variantId));
    if (!hit) return null;
    const quantity = items.filter((i) => i.variantId === hit.variantId).reduce((a, i) => a + i.quantity, 0);
    const entry = actor ? await this.repo.entryOf(hit.dropId, actor.userId) : null;
    if (!entry || entry.status !== 'ADMITTED' || !entry.turnEndsAt || entry.turnEndsAt <= now) {
      throw new DropsError(DropsErrorCode.DROP_NOT_ADMITTED, 'This limited edition can only be bought during your turn in its drop', { dropId: hit.dropId, variantId: hit.variantId });
    }
    if (entry.identityHash !== this.identities.identityHash(residentId)) {
      throw new DropsError(DropsErrorCode.DROP_IDENTITY_MISMATCH, 'The orderer must be the person who entered the drop (same ID number)', { field: 'input.orderer.residentId' });
    }
    const drop = (await this.repo.find(hit.dropId))!;
    if (quantity > drop.perIdentityLimit) {
      throw new DropsError(DropsErrorCode.DROP_IDENTITY_LIMIT_EXCEEDED, `At most ${drop.perIdentityLimit} per person in this drop`, { limit: drop.perIdentityLimit, requested: quantity });
    }
    return { dropId: hit.dropId, variantId: hit.variantId, entryId: entry.id, identityHash: entry.identityHash, quantity, perIdentityLimit: drop.perIdentityLimit };
  }

  /**
   * In the checkout's transaction, after its identity row is locked and its orders are written:
   * the turn is used once, with its units, which the deferred trigger adds to the edition at
   * COMMIT (no room: VXDSO, answered DROP_SOLD_OUT by `dropRefusalAtCommit`); this identity's
   * units are counted under its lock.
   */
  async claim(tx: SqlTx, turn: DropTurn, checkoutId: string, _identityId: string, now: Date): Promise<void> {
    if (!(await this.repo.claimTurn(tx, turn.entryId, checkoutId, turn.quantity, now))) {
      throw new DropsError(DropsErrorCode.DROP_NOT_ADMITTED, 'Your turn in this drop is over or already used', { dropId: turn.dropId });
    }
    // This checkout's own lines are written already: compare the total with the limit as it is.
    const mine = await this.repo.identityUnits(tx, turn.dropId, turn.variantId, turn.identityHash);
    if (mine > turn.perIdentityLimit) {
      throw new DropsError(DropsErrorCode.DROP_IDENTITY_LIMIT_EXCEEDED, `At most ${turn.perIdentityLimit} per person in this drop`, { limit: turn.perIdentityLimit, requested: turn.quantity });
    }
  }
}

/**
 * A checkout the database refused at COMMIT for its drop: no room left in the edition (SQLSTATE
 * VXDSO, trigger drop_entries_claim) as DROP_SOLD_OUT, or a drop variant checked out without a
 * turn (VXDNA, trigger order_lines_drop_turn: a process that did not know of the drop yet) as
 * DROP_NOT_ADMITTED; null for anything else.
 */
export function dropRefusalAtCommit(error: unknown): DropsError | null {
  const e = error as { code?: string; cause?: { code?: string; originalCode?: string }; meta?: { code?: string } } | null;
  const codes = [e?.code, e?.cause?.code, e?.cause?.originalCode, e?.meta?.code];
  if (codes.includes('VXDSO')) return new DropsError(DropsErrorCode.DROP_SOLD_OUT, 'The edition is sold out');
  if (codes.includes('VXDNA')) return new DropsError(DropsErrorCode.DROP_NOT_ADMITTED, 'This limited edition can only be bought during your turn in its drop');
  return null;
}
