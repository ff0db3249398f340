import { createHash, randomInt } from 'node:crypto';

export type DropMode = 'QUEUE' | 'DRAW';
export type DropStatus = 'SCHEDULED' | 'REGISTRATION' | 'ALLOCATING' | 'ENDED' | 'CANCELLED';
export type EntryStatus = 'WAITING' | 'ADMITTED' | 'CHECKED_OUT' | 'PAID' | 'EXPIRED' | 'NOT_SELECTED' | 'VOIDED' | 'CANCELLED';

export const sha256Hex = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

/**
 * The draw: every entry id of the registration list (sorted, so the order the list is published
 * in does not matter) is ranked by SHA-256(seed ":" entryId), smallest first. Anyone holding the
 * revealed seed and the list recomputes the same ranks; nobody could aim at a rank before the
 * seed was revealed, and the seed was fixed (its hash published) before the first registration.
 */
export function drawOrder(seed: string, entryIds: readonly string[]): string[] {
  const sorted = [...new Set(entryIds)].sort();
  const keyed = sorted.map((id) => ({ id, key: sha256Hex(`${seed}:${id}`) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : 1));
  return keyed.map((k) => k.id);
}

/** The queue's order at the start: a Fisher-Yates shuffle with the CSPRNG, not the order of arrival. */
export function shuffle<T>(items: readonly T[], rand: (maxExclusive: number) => number = randomInt): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = rand(i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/**
 * How many more shoppers get a turn now: each open turn is counted at the per-identity limit (an
 * admitted shopper may buy that many), so the turns given never promise more than the edition.
 */
export function turnsToGive(p: { editionSize: number; perIdentityLimit: number; claimedUnits: number; openTurns: number }): number {
  const free = p.editionSize - p.claimedUnits - p.openTurns * p.perIdentityLimit;
  return free <= 0 ? 0 : Math.ceil(free / p.perIdentityLimit);
}

/** The status a drop is due to move to at `now` from its timetable (before allocation ends it). */
export function dueStatus(d: { mode: DropMode; status: DropStatus; startsAt: Date; registrationClosesAt: Date | null }, now: Date): DropStatus {
  if (d.status === 'ENDED' || d.status === 'CANCELLED' || d.status === 'ALLOCATING') return d.status;
  if (now < d.startsAt) return 'SCHEDULED';
  if (d.mode === 'QUEUE') return 'ALLOCATING';
  return d.registrationClosesAt && now >= d.registrationClosesAt ? 'ALLOCATING' : 'REGISTRATION';
}

/** Whether a shopper may join / register now. QUEUE: before and during allocation (late joiners go last). DRAW: during registration only. */
export function acceptsEntries(mode: DropMode, status: DropStatus): boolean {
  if (mode === 'QUEUE') return status === 'SCHEDULED' || status === 'ALLOCATING';
  return status === 'REGISTRATION';
}
