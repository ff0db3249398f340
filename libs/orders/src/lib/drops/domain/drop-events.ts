import { createHmac, timingSafeEqual } from 'node:crypto';
import type { DropMode, DropStatus, EntryStatus } from './allocation';

/**
 * What a drop page receives on GET /drops/:id/events (Server-Sent Events, ADR 0024). `drop` is
 * the drop as everyone sees it; `entry` is the connected shopper's own entry, sent only on a
 * stream opened with that shopper's token. Each frame is the whole of its part (safe to apply
 * twice); `cancelled` comes before a cancelled drop's streams end.
 */
export interface DropStreamState {
  dropId: string;
  mode: DropMode;
  status: DropStatus;
  startsAt: string;
  registrationClosesAt: string | null;
  editionSize: number;
  /** Units of the edition neither sold nor held by a checkout awaiting payment. */
  remaining: number;
  /** Shoppers waiting (in the queue, or registered for the draw). */
  waiting: number;
  soldOut: boolean;
  /** When the last unit was paid for (the drop ended sold out); null before. */
  soldOutAt: string | null;
  seedHash: string | null;
  /** DRAW: the seed, once drawn. */
  seed: string | null;
  drawnAt: string | null;
  /** DRAW: the registrations the draw ran on. */
  drawCount: number;
}

/** The shopper's draw result, as the page words it. */
export type DrawResult = 'PENDING' | 'WON' | 'PROMOTED' | 'WAITLIST' | 'NOT_WON';

export interface DropStreamEntry {
  id: string;
  status: EntryStatus;
  /** 1 for the next to be admitted; null when not waiting in a placed queue. */
  placeInQueue: number | null;
  admittedAt: string | null;
  /** An open turn's end (ADMITTED): pay before it. */
  turnEndsAt: string | null;
  /** DRAW only (null for a queue). */
  drawResult: DrawResult | null;
}

export type DropStreamEvent =
  | { type: 'drop'; drop: DropStreamState; serverTime: string }
  | { type: 'entry'; entry: DropStreamEntry | null; serverTime: string }
  | { type: 'cancelled'; at: string };

/** The drops' topics on the shared event streams, and their one message: the drop changed, read it again. */
export const DROP_STREAM_KIND = 'drop';
export const DROP_CHANGED = 'changed';

export function dropSseFrame(event: DropStreamEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/**
 * A draw entry's result: drawn winners are admitted when the draw runs (admitted_at = drawn_at);
 * one admitted later took the units a winner left unpaid (promoted from the waitlist); a drawn
 * entry still waiting is on the waitlist; NOT_SELECTED when the drop ended without its turn.
 */
export function drawResult(e: { status: EntryStatus; admittedAt: Date | null }, drawnAt: Date | null): DrawResult {
  if (e.status === 'NOT_SELECTED') return 'NOT_WON';
  if (!drawnAt) return 'PENDING';
  if (e.admittedAt) return e.admittedAt.getTime() > drawnAt.getTime() ? 'PROMOTED' : 'WON';
  if (e.status === 'WAITING') return 'WAITLIST';
  return 'NOT_WON';
}

/**
 * A shopper's token for their drop stream: `<userId>.<expires>.<HMAC>`, given by the drop's
 * GraphQL answer to that signed-in shopper only (the browser's EventSource carries no
 * credentials). It opens that drop's stream with that shopper's entry and nothing else.
 */
export function dropStreamToken(secret: string, dropId: string, userId: string, now: Date, ttlSeconds = 6 * 3600): string {
  const expires = Math.floor(now.getTime() / 1000) + ttlSeconds;
  return `${userId}.${expires}.${sign(secret, dropId, userId, expires)}`;
}

/** The shopper a token names, when it was signed by us for this drop and has not expired; null otherwise. */
export function dropStreamUser(secret: string, dropId: string, token: unknown, now: Date): string | null {
  if (typeof token !== 'string') return null;
  const m = /^([0-9a-f-]{36})\.([0-9]{1,12})\.([A-Za-z0-9_-]{43})$/i.exec(token);
  if (!m) return null;
  const [, userId, expires, signature] = m;
  const want = Buffer.from(sign(secret, dropId, userId!, Number(expires)), 'base64url');
  const got = Buffer.from(signature!, 'base64url');
  if (got.length !== want.length || !timingSafeEqual(got, want)) return null;
  return Number(expires) * 1000 > now.getTime() ? userId! : null;
}

function sign(secret: string, dropId: string, userId: string, expires: number): string {
  return createHmac('sha256', secret).update(`drop-stream:${dropId}:${userId}:${expires}`).digest('base64url');
}
