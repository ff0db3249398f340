import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { IdentityRecordsService } from '@vitrine/customs';
import { canManageMuseum, managedMuseumScope, type Actor } from '@vitrine/shared/graphql';
import { NotFoundError, ValidationError, validate } from '@vitrine/shared/kernel';
import { z } from 'zod';
import { checkResidentId } from '../../domain/checkout-input';
import { acceptsEntries, sha256Hex } from '../domain/allocation';
import { checkCreateDrop } from '../domain/drop-input';
import { DropsError, DropsErrorCode } from '../domain/drops-error';
import { DropsRepository, type DropRecord, type EntryRecord, type EntryWithSignals } from '../infrastructure/drops.repository';
import { DropVariants } from './drop-variants';

const joinSchema = z.object({ dropId: z.uuid(), residentId: z.string().max(32) });
const voidSchema = z.object({ entryId: z.uuid(), reason: z.string().trim().min(1).max(300) });
const subscribeSchema = z.object({ kind: z.enum(['DROP_OPENS', 'BACK_IN_STOCK']), targetId: z.uuid() });

export interface MyEntry extends EntryRecord {
  /** 1 for the next shopper to be admitted; null when not waiting in a placed queue. */
  placeInQueue: number | null;
}

/** Drops: the manager's configuration and entries list, the shopper's entry, the public verification. */
@Injectable()
export class DropsService {
  constructor(
    private readonly repo: DropsRepository,
    private readonly identities: IdentityRecordsService,
    private readonly variants: DropVariants,
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

  list(actor: Actor, take: number): Promise<DropRecord[]> {
    return this.repo.list(managedMuseumScope(actor), take);
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
    return (await this.myEntry(actor, v.dropId))!;
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
