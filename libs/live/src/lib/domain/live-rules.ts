import { z } from 'zod';

/** Limits of a session; generous for a livestream, tight enough to keep the live page small. */
export const LIVE_LIMITS = {
  titleMax: 120,
  streamUrlMax: 500,
  bagMax: 50,
  announcementMax: 140,
  /** A session lasts at most this long. */
  maxSessionMs: 12 * 3600_000,
  /** A flash price lasts between these (the console offers whole minutes). */
  flashMinSeconds: 10,
  flashMaxSeconds: 4 * 3600,
  /** Announcements a viewer's page shows (the newest). */
  announcementsShown: 20,
} as const;

// Its shape (https, or an allowed embed player) is checked by the service against the
// configured players (domain/stream-player): STREAM_URL_NOT_ALLOWED.
const streamUrl = z.string().trim().min(1, 'is required').max(LIVE_LIMITS.streamUrlMax);

const productIds = z
  .array(z.string().uuid())
  .max(LIVE_LIMITS.bagMax, `a bag holds at most ${LIVE_LIMITS.bagMax} products`)
  .refine((ids) => new Set(ids).size === ids.length, 'lists a product twice');

const title = z.string().trim().min(1, 'is required').max(LIVE_LIMITS.titleMax);

/** A session's times: ends after it starts, lasts at most 12 hours. */
export function sessionTimeProblems(v: { startsAt: Date; endsAt: Date }): { path: string; message: string }[] {
  if (v.endsAt.getTime() <= v.startsAt.getTime()) return [{ path: 'endsAt', message: 'must be after startsAt' }];
  if (v.endsAt.getTime() - v.startsAt.getTime() > LIVE_LIMITS.maxSessionMs) return [{ path: 'endsAt', message: 'a session lasts at most 12 hours' }];
  return [];
}

export const scheduleSchema = z
  .object({
    museumId: z.string().uuid(),
    title,
    streamUrl,
    startsAt: z.date(),
    endsAt: z.date(),
    productIds,
  })
  .superRefine((v, ctx) => {
    for (const p of sessionTimeProblems(v)) ctx.addIssue({ code: 'custom', path: [p.path], message: p.message });
  });
export type ScheduleInput = z.output<typeof scheduleSchema>;

/** A scheduled session's change: the fields given replace the session's (its bag changes with setLiveSessionBag). */
export const updateSessionSchema = z.object({
  sessionId: z.string().uuid(),
  title: title.nullish(),
  streamUrl: streamUrl.nullish(),
  startsAt: z.date().nullish(),
  endsAt: z.date().nullish(),
});

export const sessionIdSchema = z.object({ sessionId: z.string().uuid() });

export const bagSchema = z.object({ sessionId: z.string().uuid(), productIds });

export const pinSchema = z.object({ sessionId: z.string().uuid(), productId: z.string().uuid().nullable() });

export const flashSchema = z.object({
  sessionId: z.string().uuid(),
  productId: z.string().uuid(),
  priceMinor: z.number().int().min(1),
  durationSeconds: z.number().int().min(LIVE_LIMITS.flashMinSeconds).max(LIVE_LIMITS.flashMaxSeconds),
});

export const announcementSchema = z.object({
  sessionId: z.string().uuid(),
  body: z.string().trim().min(1, 'is required').max(LIVE_LIMITS.announcementMax),
});

export const liveCartLineSchema = z.object({
  sessionId: z.string().uuid(),
  variantId: z.string().uuid(),
  quantity: z.number().int().min(1),
  cartToken: z.string().max(100).nullish(),
});

export type SessionPhase = 'SCHEDULED' | 'LIVE' | 'ENDED' | 'CANCELLED';

export function sessionPhase(s: { startsAt: Date; endsAt: Date; cancelledAt?: Date | null }, now: Date): SessionPhase {
  if (s.cancelledAt) return 'CANCELLED';
  if (now.getTime() >= s.endsAt.getTime()) return 'ENDED';
  return now.getTime() >= s.startsAt.getTime() ? 'LIVE' : 'SCHEDULED';
}

export const sessionListFilterSchema = z
  .object({
    phase: z.enum(['SCHEDULED', 'LIVE', 'ENDED', 'CANCELLED']).nullish(),
    startsFrom: z.date().nullish(),
    startsBefore: z.date().nullish(),
  })
  .refine((f) => !f.startsFrom || !f.startsBefore || f.startsFrom < f.startsBefore, { path: ['startsBefore'], message: 'must be after startsFrom' });

/**
 * The sessions in a phase at `now`, as bounds on their columns (sessionPhase's rules turned
 * round, so a list filtered by phase answers what each row's phase then reads).
 */
export function phaseBounds(
  phase: SessionPhase,
  now: Date,
): { cancelled: boolean; startsAtLte?: Date; startsAtGt?: Date; endsAtGt?: Date; endsAtLte?: Date } {
  switch (phase) {
    case 'CANCELLED':
      return { cancelled: true };
    case 'ENDED':
      return { cancelled: false, endsAtLte: now };
    case 'LIVE':
      return { cancelled: false, startsAtLte: now, endsAtGt: now };
    case 'SCHEDULED':
      return { cancelled: false, startsAtGt: now, endsAtGt: now };
  }
}

export interface FlashWindow {
  productId: string;
  priceMinor: number;
  startsAt: Date;
  endsAt: Date;
}

/** The flash price in force for a product at `now` (the latest started one), or null. */
export function activeFlash<F extends FlashWindow>(flashes: readonly F[], productId: string, now: Date): F | null {
  let best: F | null = null;
  for (const f of flashes) {
    if (f.productId !== productId || f.startsAt.getTime() > now.getTime() || f.endsAt.getTime() <= now.getTime()) continue;
    if (!best || f.startsAt.getTime() > best.startsAt.getTime()) best = f;
  }
  return best;
}

/** A flash price must be below every variant's current price (the cheapest one). */
export function flashPriceAllowed(priceMinor: number, variantPricesMinor: readonly number[]): boolean {
  return variantPricesMinor.length > 0 && priceMinor < Math.min(...variantPricesMinor);
}

/** Products whose available units changed between two readings (a product missing before counts as changed). */
export function stockChanges(before: Readonly<Record<string, number>> | null, after: Readonly<Record<string, number>>): { productId: string; available: number }[] {
  return Object.entries(after)
    .filter(([id, n]) => before?.[id] !== n)
    .map(([productId, available]) => ({ productId, available }));
}
