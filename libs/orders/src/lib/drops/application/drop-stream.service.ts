import { createHmac } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { EventStreamHub, SseFrame, type RedisClient, type StreamListener } from '@vitrine/shared/data-access';
import { DROP_CHANGED, DROP_STREAM_KIND, drawResult, dropSseFrame, dropStreamToken, dropStreamUser, type DropStreamEntry, type DropStreamState } from '../domain/drop-events';
import { DropsRepository, type DropStreamReading } from '../infrastructure/drops.repository';

export const DROP_STREAM_SETTINGS = Symbol('DROP_STREAM_SETTINGS');

export interface DropStreamSettings {
  /** How often a drop with connected pages is read for changes (one process of the cluster per period). */
  pollMs: number;
  /** HMAC key of the shoppers' stream tokens (derived from JWT_SECRET: every API process checks any one's). */
  secret: string;
}

/** Identity's own development key, so every process of a development stack signs alike. */
const DEV_JWT_SECRET = 'dev-only-jwt-secret-change-me-0123456789';

/** DROP_STREAM_POLL_MS (50-10,000, default 500); the token key from JWT_SECRET. */
export function dropStreamSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): DropStreamSettings {
  const raw = env['DROP_STREAM_POLL_MS'];
  const pollMs = raw ? Number(raw) : 500;
  if (!Number.isInteger(pollMs) || pollMs < 50 || pollMs > 10_000) throw new Error('DROP_STREAM_POLL_MS must be a whole number of milliseconds (50-10000)');
  const jwt = env['JWT_SECRET'] ?? (env['NODE_ENV'] === 'production' ? '' : DEV_JWT_SECRET);
  if (!jwt) throw new Error('JWT_SECRET must be set in production');
  return { pollMs, secret: createHmac('sha256', jwt).update('vitrine:drop-streams').digest('hex') };
}

/** A connected drop page: the shopper it was opened for (null: anonymous), and the entry last sent to it. */
export type DropListener = StreamListener & { userId?: string | null; sentEntry?: string };

const KIND = DROP_STREAM_KIND;
const CHANGED = DROP_CHANGED;

/**
 * The drop page's update stream on the shared event streams (EventStreamHub, ADR 0024). Changes
 * are announced on the drop's topic by whoever makes them (the worker's drops tick after each
 * drop it advanced, a join, a cancellation) and found by a watch: while any API process has
 * pages of the drop open, one process per DROP_STREAM_POLL_MS reads the drop and its entries'
 * counts and announces a change when the reading moved (a checkout claiming units, a payment).
 * On an announcement each process reads the drop once and its connected shoppers' entries in
 * one statement, then writes every page the drop's frame (serialized once) and each shopper
 * their own entry's frame, only when it changed: one shopper's turn is never sent to another.
 */
@Injectable()
export class DropStreamService implements OnModuleInit {
  private readonly logger = new Logger(DropStreamService.name);
  /** Per drop: a refresh under way, and whether another was asked for meanwhile. */
  private readonly refreshing = new Map<string, { again: boolean }>();
  /** Per drop: the last drop frame's body written by this process. */
  private readonly lastDrop = new Map<string, string>();

  constructor(
    private readonly streams: EventStreamHub,
    private readonly repo: DropsRepository,
    @Inject(DROP_STREAM_SETTINGS) private readonly settings: DropStreamSettings,
  ) {}

  onModuleInit(): void {
    this.streams.deliverWith(KIND, (dropId, message, listeners) => {
      if (message === CHANGED) this.refresh(dropId, listeners as ReadonlySet<DropListener>);
    });
  }

  /** The stream token of a signed-in shopper for this drop. */
  tokenFor(dropId: string, userId: string, now = new Date()): string {
    return dropStreamToken(this.settings.secret, dropId, userId, now);
  }

  /** The shopper a token opens the drop's stream for; null when it is not one of ours, for another drop, or expired. */
  userOf(dropId: string, token: unknown, now = new Date()): string | null {
    return dropStreamUser(this.settings.secret, dropId, token, now);
  }

  /** Tells every process's pages of the drop to read it again (after the change is committed; a Redis failure is logged, the watch catches up). */
  async changed(dropId: string): Promise<void> {
    await this.streams.publish(KIND, dropId, CHANGED);
  }

  /** Starts the drop's frames for `listener`; answers the function that stops them. */
  subscribe(dropId: string, listener: DropListener): Promise<() => void> {
    return this.streams.subscribe(KIND, dropId, listener, { everyMs: this.settings.pollMs, work: (redis) => this.watch(dropId, redis) });
  }

  /** The first frames of a page: the drop, and the shopper's entry (when the stream is theirs). */
  async firstFrames(dropId: string, listener: DropListener): Promise<string | null> {
    const reading = await this.repo.streamReading(dropId);
    if (!reading || reading.status === 'CANCELLED') return null;
    const now = new Date().toISOString();
    let text = dropSseFrame({ type: 'drop', drop: publicState(reading), serverTime: now });
    if (listener.userId) {
      const [e] = await this.repo.streamEntries(dropId, [listener.userId]);
      const entry = e ? entryState(e, reading) : null;
      listener.sentEntry = JSON.stringify(entry);
      text += dropSseFrame({ type: 'entry', entry, serverTime: now });
    }
    return text;
  }

  /** One process of the cluster per period: the drop's reading against the last one (kept in Redis); a change is announced. */
  private async watch(dropId: string, redis: RedisClient): Promise<void> {
    const reading = await this.repo.streamReading(dropId);
    if (!reading) return;
    const signature = JSON.stringify(reading);
    const key = this.streams.key(KIND, dropId, 'reading');
    const last = await redis.getset(key, signature);
    await redis.expire(key, 24 * 3600);
    if (last !== null && last !== signature) await this.changed(dropId);
  }

  private refresh(dropId: string, listeners: ReadonlySet<DropListener>): void {
    const running = this.refreshing.get(dropId);
    if (running) {
      running.again = true;
      return;
    }
    const state = { again: false };
    this.refreshing.set(dropId, state);
    const run = async (): Promise<void> => {
      do {
        state.again = false;
        await this.writeFrames(dropId, listeners);
      } while (state.again && listeners.size);
    };
    run()
      .catch((e: Error) => this.logger.warn(`drop stream of ${dropId}: ${e.message}`))
      .finally(() => this.refreshing.delete(dropId));
  }

  private async writeFrames(dropId: string, listeners: ReadonlySet<DropListener>): Promise<void> {
    if (!listeners.size) {
      this.lastDrop.delete(dropId);
      return;
    }
    const reading = await this.repo.streamReading(dropId);
    if (!reading) return;
    const now = new Date().toISOString();
    if (reading.status === 'CANCELLED') {
      const frame = new SseFrame(dropSseFrame({ type: 'cancelled', at: reading.endedAt?.toISOString() ?? now }));
      for (const l of [...listeners]) {
        l(frame);
        l.end?.();
      }
      this.lastDrop.delete(dropId);
      return;
    }
    const drop = publicState(reading);
    const body = JSON.stringify(drop);
    if (this.lastDrop.get(dropId) !== body) {
      this.lastDrop.set(dropId, body);
      const frame = new SseFrame(dropSseFrame({ type: 'drop', drop, serverTime: now }));
      for (const l of listeners) l(frame);
    }
    const byUser = new Map<string, DropListener[]>();
    for (const l of listeners) if (l.userId) byUser.set(l.userId, [...(byUser.get(l.userId) ?? []), l]);
    if (!byUser.size) return;
    const entries = new Map((await this.repo.streamEntries(dropId, [...byUser.keys()])).map((e) => [e.userId, e]));
    for (const [userId, own] of byUser) {
      const e = entries.get(userId);
      const entry = e ? entryState(e, reading) : null;
      const sent = JSON.stringify(entry);
      for (const l of own) {
        if (l.sentEntry === sent) continue;
        l.sentEntry = sent;
        l(new SseFrame(dropSseFrame({ type: 'entry', entry, serverTime: now })));
      }
    }
  }
}

function publicState(r: DropStreamReading): DropStreamState {
  const remaining = Math.max(0, r.editionSize - r.claimedUnits);
  const soldOutAt = r.status === 'ENDED' && r.paidUnits >= r.editionSize && r.endedAt ? r.endedAt.toISOString() : null;
  return {
    dropId: r.id,
    mode: r.mode,
    status: r.status,
    startsAt: r.startsAt.toISOString(),
    registrationClosesAt: r.registrationClosesAt?.toISOString() ?? null,
    editionSize: r.editionSize,
    remaining,
    waiting: r.counts.WAITING ?? 0,
    soldOut: remaining === 0 || soldOutAt !== null,
    soldOutAt,
    seedHash: r.seedHash,
    seed: r.seed,
    drawnAt: r.drawnAt?.toISOString() ?? null,
    drawCount: r.drawCount,
  };
}

function entryState(e: { id: string; status: DropStreamEntry['status']; placeInQueue: number | null; admittedAt: Date | null; turnEndsAt: Date | null }, r: DropStreamReading): DropStreamEntry {
  return {
    id: e.id,
    status: e.status,
    placeInQueue: e.status === 'WAITING' ? e.placeInQueue : null,
    admittedAt: e.admittedAt?.toISOString() ?? null,
    turnEndsAt: e.status === 'ADMITTED' ? (e.turnEndsAt?.toISOString() ?? null) : null,
    drawResult: r.mode === 'DRAW' ? drawResult(e, r.drawnAt) : null,
  };
}

