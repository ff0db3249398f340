import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { IdentityRecordsService } from '@vitrine/customs';
import { NotFoundError, ValidationError, validate, canManageMuseum, managedMuseumScope, type Actor } from '@vitrine/shared/kernel';
import { z } from 'zod';
import { checkResidentId } from '../../domain/checkout-input';
import { acceptsEntries, sha256Hex } from '../domain/allocation';
import { ReservationExpiryService } from '../../application/reservation-expiry.service';
import { checkCreateDrop, checkUpdateDrop, updateDropId } from '../domain/drop-input';
import { DropsError, DropsErrorCode } from '../domain/drops-error';
import { DropsRepository, type DropRecord, type EntryRecord, type EntryWithSignals } from '../infrastructure/drops.repository';
import { DropStreamService } from './drop-stream.service';
import { DropVariants } from './drop-variants';

const joinSchema = z.object({ dropId: z.uuid(), residentId: z.string().max(32) });
const voidSchema = z.object({ entryId: z.uuid(), reason: z.string().trim().min(1).max(300) });
const cancelSchema = z.object({ dropId: z.uuid(), reason: z.string().trim().max(300).nullish() });
const listFilterSchema = z
  .object({
    status: z.enum(['SCHEDULED', 'REGISTRATION', 'ALLOCATING', 'ENDED', 'CANCELLED']).nullish(),
    mode: z.enum(['QUEUE', 'DRAW']).nullish(),
    startsFrom: z.date().nullish(),
    startsBefore: z.date().nullish(),
  })
  .refine((f) => !f.startsFrom || !f.startsBefore || f.startsFrom < f.startsBefore, { path: ['startsBefore'], message: 'must be after startsFrom' });
const subscribeSchema = z.object({ kind: z.enum(['DROP_OPENS', 'BACK_IN_STOCK']), targetId: z.uuid() });

export interface MyEntry extends EntryRecord {
  /** 1 for the next shopper to be admitted; null when not waiting in a placed queue. */
  placeInQueue: number | null;
}

/** Drops: the manager's configuration and entries list, the shopper's entry, the public verification. */
@Injectable()
export class DropsService {
  private readonly logger = new Logger(DropsService.name);

  constructor(
    private readonly repo: DropsRepository,
    private readonly identities: IdentityRecordsService,
    private readonly variants: DropVariants,
    private readonly expiry: ReservationExpiryService,
    private readonly stream: DropStreamService,
  ) {}

  async create(actor: Actor, raw: unknown, now = new Date()): Promise<DropRecord> {
    const input = checkCreateDrop(raw, now);
    const museumId = await this.repo.variantMuseum(input.variantId);
    // Another museum's variant is answered as one that does not exist.
    if (!museumId || !canManageMuseum(actor, museumId)) throw new NotFoundError('Variant');
    const seed = input.mode === 'DRAW' ? randomBytes(32).toString('hex') : null;
    const id = await this.repo.transaction(async (tx) => {
      if (await this.repo.unfinishedDropOf(tx, input.variantId)) {
        throw new DropsError(DropsErrorCode.DROP_VARIANT_BUSY, 'This variant already has a drop that has not ended', { field: 'input.variantId' });
      }
      return this.repo.insert(tx, { ...input, museumId, seed, seedHash: seed ? sha256Hex(seed) : null, createdByUserId: actor.userId });
    });
    this.variants.changed();
    return (await this.repo.find(id))!;
  }

  /**
   * Changes a drop before it starts (a draw: before registration opens): start, registration
   * close, edition (within the variant's units for sale), per-identity limit, pay window. The
   * variant and mode stay. Processes cache only which variants have a drop, not its times, and a
   * new start keeps the lead time of a new drop, so every process and the worker read it in time.
   */
  async update(actor: Actor, raw: unknown, now = new Date()): Promise<DropRecord> {
    const current = await this.managed(actor, updateDropId(raw));
    this.assertNotStarted(current, now);
    const change = checkUpdateDrop(raw, current, now);
    if (change.editionChanged) {
      const available = await this.repo.variantAvailable(current.variantId);
      if (change.editionSize > available) {
        throw new DropsError(DropsErrorCode.DROP_EDITION_OVER_STOCK, `The variant has ${available} units for sale`, { field: 'input.editionSize', available });
      }
    }
    await withDeadlockRetry(() =>
      this.repo.transaction(async (tx) => {
        const locked = await this.repo.lockDrop(tx, current.id);
        if (!locked) throw new NotFoundError('Drop');
        this.assertNotStarted(locked, now);
        if (!(await this.repo.change(tx, current.id, change, now))) throw this.started(locked.status);
      }),
    );
    return (await this.repo.find(current.id))!;
  }

  /**
   * Cancels a drop not ended: waiting entries and open turns are closed, checkouts awaiting
   * payment are cancelled (their held stock released, as when a turn lapses), paid ones stay;
   * entrants and "notify me" subscribers get a DROP_CANCELLED notice. The variant leaves the
   * drop gate at once in this process and within DROP_VARIANTS_TTL_MS in the others (until then
   * they refuse its checkouts: DROP_NOT_ADMITTED, never a sale outside the drop).
   */
  async cancel(actor: Actor, raw: unknown, now = new Date()): Promise<DropRecord> {
    const v = validate(cancelSchema, raw);
    const drop = await this.managed(actor, v.dropId);
    if (drop.status === 'ENDED' || drop.status === 'CANCELLED') throw this.ended(drop.status);
    const { checkoutIds } = await withDeadlockRetry(() =>
      this.repo.transaction(async (tx) => {
        const locked = await this.repo.lockDrop(tx, drop.id);
        if (!locked) throw new NotFoundError('Drop');
        if (locked.status === 'ENDED' || locked.status === 'CANCELLED') throw this.ended(locked.status);
        await this.repo.setStatus(tx, drop.id, 'CANCELLED', now);
        const entrants = await this.repo.cancelEntries(tx, drop.id, now);
        const subscribers = await this.repo.takeAllDropFollowers(tx, drop.id, now);
        const told = [...new Set([...entrants.userIds, ...subscribers])];
        await this.repo.notify(tx, told, { kind: 'DROP_CANCELLED', dropId: drop.id, variantId: drop.variantId, params: v.reason ? { reason: v.reason } : {} });
        return entrants;
      }),
    );
    this.variants.changed();
    // Open pages are told, and their streams end.
    await this.stream.changed(drop.id);
    for (const checkoutId of checkoutIds) {
      const r = await this.expiry.cancelUnpaid(checkoutId, 'drop cancelled', now, () => true);
      // Stripe unreachable or the payment under way: the worker's drops tick takes it up (its turn ended now).
      if (typeof r === 'string') this.logger.warn(`cancelled drop ${drop.id}: checkout ${checkoutId} left to the drops tick (${r})`);
    }
    if (checkoutIds.length) {
      await this.repo.transaction(async (tx) => {
        const settled = await this.repo.checkedOut(tx, drop.id);
        const cancelled = settled.filter((c) => c.statuses.length && c.statuses.every((st) => st === 'CANCELLED')).map((c) => c.id);
        const paid = settled.filter((c) => c.statuses.length && !c.statuses.includes('PENDING_PAYMENT') && !c.statuses.every((st) => st === 'CANCELLED')).map((c) => c.id);
        await this.repo.releaseClaims(tx, cancelled, 'EXPIRED');
        await this.repo.setEntryStatus(tx, cancelled, 'EXPIRED', 'CANCELLED');
        await this.repo.setEntryStatus(tx, paid, 'CHECKED_OUT', 'PAID');
      });
    }
    return (await this.repo.find(drop.id))!;
  }

  private assertNotStarted(d: { status: string; startsAt: Date }, now: Date): void {
    if (d.status === 'ENDED' || d.status === 'CANCELLED') throw this.ended(d.status);
    if (d.status !== 'SCHEDULED' || d.startsAt.getTime() <= now.getTime()) throw this.started(d.status);
  }

  private started(status: string): DropsError {
    return new DropsError(DropsErrorCode.DROP_ALREADY_STARTED, 'This drop has started: it can be cancelled, not changed', { status });
  }

  private ended(status: string): DropsError {
    return new DropsError(DropsErrorCode.DROP_ALREADY_ENDED, status === 'CANCELLED' ? 'This drop was cancelled' : 'This drop has ended', { status });
  }

  /** Public: any shopper (or anyone verifying a draw) may read a drop. */
  async get(id: string): Promise<DropRecord> {
    const d = /^[0-9a-f-]{36}$/i.test(id) ? await this.repo.find(id) : null;
    if (!d || d.status === 'CANCELLED') throw new NotFoundError('Drop');
    return d;
  }

  ofProduct(productId: string): Promise<DropRecord[]> {
    return /^[0-9a-f-]{36}$/i.test(productId) ? this.repo.ofProduct(productId) : Promise.resolve([]);
  }

  async managed(actor: Actor, id: string): Promise<DropRecord> {
    const d = /^[0-9a-f-]{36}$/i.test(id) ? await this.repo.find(id) : null;
    if (!d || !canManageMuseum(actor, d.museumId)) throw new NotFoundError('Drop');
    return d;
  }

  /** The console's list: one managed museum or all the caller manages, filtered, a page after a (startsAt, id) cursor. */
  async list(
    actor: Actor,
    q: { museumId: string | null; filter: unknown; take: number; after: [string, string] | null },
  ): Promise<{ rows: DropRecord[]; total: number }> {
    const museumId = q.museumId === null ? null : validate(z.uuid(), q.museumId, 'museumId');
    const filter = validate(listFilterSchema, q.filter, 'filter');
    if (museumId && !canManageMuseum(actor, museumId)) throw new NotFoundError('Museum');
    return this.repo.list(museumId ? [museumId] : managedMuseumScope(actor), filter, q.take, q.after);
  }

  async entries(actor: Actor, dropId: string, take: number, offset: number, status: string | null): Promise<EntryWithSignals[]> {
    await this.managed(actor, dropId);
    return this.repo.entriesWithSignals(dropId, take, offset, status);
  }

  async voidEntry(actor: Actor, raw: unknown, now = new Date()): Promise<EntryRecord> {
    const v = validate(voidSchema, raw);
    const entry = await this.repo.entry(v.entryId);
    if (!entry) throw new NotFoundError('Drop entry');
    await this.managed(actor, entry.dropId).catch(() => {
      throw new NotFoundError('Drop entry');
    });
    const done = await this.repo.transaction((tx) => this.repo.voidEntry(tx, entry.id, v.reason, now));
    if (done) await this.stream.changed(entry.dropId);
    if (!done) throw new DropsError(DropsErrorCode.DROP_ENTRY_NOT_VOIDABLE, `An entry ${entry.status.toLowerCase().replace('_', ' ')} cannot be voided`, { status: entry.status });
    return (await this.repo.entry(entry.id))!;
  }

  /**
   * Joins the queue or registers for the draw with a resident ID number: one entry per identity
   * (its keyed hash, whichever account) and per account. The number is neither stored nor echoed.
   */
  async join(actor: Actor, raw: unknown, clientIp: string | null, now = new Date()): Promise<MyEntry> {
    const v = validate(joinSchema, raw);
    const residentId = checkResidentId(v.residentId, now, 'input.residentId');
    const identityHash = this.identities.identityHash(residentId);
    await this.repo.transaction(async (tx) => {
      const drop = await this.repo.lockForEntry(tx, v.dropId);
      if (!drop || drop.status === 'CANCELLED') throw new NotFoundError('Drop');
      if (!acceptsEntries(drop.mode, drop.status)) {
        throw new DropsError(DropsErrorCode.DROP_NOT_ACCEPTING_ENTRIES, drop.mode === 'DRAW' ? 'Registration for this draw is not open' : 'This drop has ended', { status: drop.status });
      }
      const clash = await this.repo.clash(tx, v.dropId, actor.userId, identityHash);
      if (clash === 'ACCOUNT') throw new DropsError(DropsErrorCode.DROP_ALREADY_ENTERED, 'This account has already entered this drop');
      if (clash === 'IDENTITY') throw new DropsError(DropsErrorCode.DROP_IDENTITY_ALREADY_ENTERED, 'This ID number has already entered this drop', { field: 'input.residentId' });
      await this.repo.insertEntry(tx, { dropId: v.dropId, userId: actor.userId, identityHash, position: drop.position, clientIp });
    });
    await this.stream.changed(v.dropId);
    return (await this.myEntry(actor, v.dropId))!;
  }

  /** The signed-in shopper's token for the drop's update stream (GET /drops/:id/events?token=). */
  streamToken(actor: Actor, dropId: string): string {
    return this.stream.tokenFor(dropId, actor.userId);
  }

  async myEntry(actor: Actor, dropId: string): Promise<MyEntry | null> {
    if (!/^[0-9a-f-]{36}$/i.test(dropId)) return null;
    const e = await this.repo.entryOf(dropId, actor.userId);
    if (!e) return null;
    const placeInQueue = e.status === 'WAITING' && e.position !== null ? (await this.repo.waitingAhead(dropId, e.position)) + 1 : null;
    return { ...e, placeInQueue };
  }

  /** The registration list the draw ran on (entry ids, pseudonymous) with each rank; empty before the draw. */
  async drawRecord(dropId: string): Promise<{ id: string; position: number | null }[]> {
    const d = await this.get(dropId);
    if (d.mode !== 'DRAW' || !d.drawnAt) return [];
    return this.repo.drawnList(dropId);
  }

  async subscribe(actor: Actor, raw: unknown): Promise<{ id: string; kind: string; targetId: string; createdAt: Date; notifiedAt: Date | null }> {
    const v = validate(subscribeSchema, raw);
    if (v.kind === 'DROP_OPENS') {
      const d = await this.repo.find(v.targetId);
      if (!d || d.status === 'CANCELLED') throw new NotFoundError('Drop');
      if (d.status !== 'SCHEDULED') throw new ValidationError([{ path: 'input.targetId', message: 'this drop has already opened' }]);
    } else if (!(await this.repo.variantExists(v.targetId))) throw new NotFoundError('Variant');
    const s = await this.repo.subscribe(actor.userId, v.kind, v.targetId);
    return { ...s, kind: v.kind, targetId: v.targetId };
  }
}

/** A lock cycle with a checkout committing its claim (entry, then drop row) is broken by PostgreSQL: the manager's change runs again. */
async function withDeadlockRetry<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (error) {
      const text = `${(error as { code?: string })?.code ?? ''} ${(error as Error)?.message ?? ''}`;
      if (i >= attempts || !/40P01|deadlock/i.test(text)) throw error;
    }
  }
}
