import { z } from 'zod';
import { ValidationError, validate } from '@vitrine/shared/kernel';
import type { DropMode } from './allocation';

const createDropSchema = z.object({
  variantId: z.uuid(),
  mode: z.enum(['QUEUE', 'DRAW']),
  startsAt: z.coerce.date(),
  registrationClosesAt: z.coerce.date().nullish(),
  editionSize: z.number().int().min(1).max(1_000_000),
  perIdentityLimit: z.number().int().min(1).max(99),
  /** Minutes each admitted shopper has to pay (fractions allowed, from 6 s to 24 h). */
  payWindowMinutes: z.number().min(0.1).max(1_440),
});

export interface CheckedDrop {
  variantId: string;
  mode: DropMode;
  startsAt: Date;
  registrationClosesAt: Date | null;
  editionSize: number;
  perIdentityLimit: number;
  payWindowSeconds: number;
}

const updateDropSchema = z.object({
  dropId: z.uuid(),
  startsAt: z.coerce.date().nullish(),
  registrationClosesAt: z.coerce.date().nullish(),
  editionSize: z.number().int().min(1).max(1_000_000).nullish(),
  perIdentityLimit: z.number().int().min(1).max(99).nullish(),
  payWindowMinutes: z.number().min(0.1).max(1_440).nullish(),
});

/** How far ahead of its creation a drop starts at the earliest (DropVariants' list lifetime, drop-variants.ts). */
export const DROP_MIN_LEAD_MS = 5_000;

/** A manager's drop: starts in the future (a draw's seed hash is public before registration opens), sizes that fit. */
export function checkCreateDrop(input: unknown, now: Date): CheckedDrop {
  const v = validate(createDropSchema, input);
  const problems = dropTermProblems(v, now);
  if (problems.length) throw new ValidationError(problems);
  return {
    variantId: v.variantId,
    mode: v.mode,
    startsAt: v.startsAt,
    registrationClosesAt: v.mode === 'DRAW' ? v.registrationClosesAt! : null,
    editionSize: v.editionSize,
    perIdentityLimit: v.perIdentityLimit,
    payWindowSeconds: Math.round(v.payWindowMinutes * 60),
  };
}

/** The timetable and sizes a drop must keep, created or changed. */
function dropTermProblems(
  v: { mode: DropMode; startsAt: Date; registrationClosesAt?: Date | null; editionSize: number; perIdentityLimit: number },
  now: Date,
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  // Every API process learns of a drop within its list's lifetime (DropVariants): no turn before that.
  if (v.startsAt.getTime() < now.getTime() + DROP_MIN_LEAD_MS) problems.push({ path: 'input.startsAt', message: `must be at least ${DROP_MIN_LEAD_MS / 1000} s in the future` });
  if (v.perIdentityLimit > v.editionSize) problems.push({ path: 'input.perIdentityLimit', message: 'must not exceed the edition size' });
  if (v.mode === 'DRAW') {
    if (!v.registrationClosesAt) problems.push({ path: 'input.registrationClosesAt', message: 'a draw needs the end of its registration window' });
    else if (v.registrationClosesAt.getTime() <= v.startsAt.getTime()) problems.push({ path: 'input.registrationClosesAt', message: 'must be after startsAt' });
  } else if (v.registrationClosesAt) problems.push({ path: 'input.registrationClosesAt', message: 'only a draw has a registration window' });
  return problems;
}

export interface DropChange {
  dropId: string;
  startsAt: Date;
  registrationClosesAt: Date | null;
  editionSize: number;
  perIdentityLimit: number;
  payWindowSeconds: number;
  /** Whether the edition size is another than the drop's (checked against the stock). */
  editionChanged: boolean;
}

/** The id of a drop to change, checked before anything is read. */
export function updateDropId(input: unknown): string {
  return validate(updateDropSchema, input).dropId;
}

/**
 * A manager's change to a drop not started (the caller has checked that): the fields given
 * replace the drop's, and the result keeps every rule of a new drop, the lead time included
 * (a new start is at least DROP_MIN_LEAD_MS away, so no process can miss it).
 */
export function checkUpdateDrop(
  input: unknown,
  current: { mode: DropMode; startsAt: Date; registrationClosesAt: Date | null; editionSize: number; perIdentityLimit: number; payWindowSeconds: number },
  now: Date,
): DropChange {
  const v = validate(updateDropSchema, input);
  const next = {
    mode: current.mode,
    startsAt: v.startsAt ?? current.startsAt,
    registrationClosesAt: v.registrationClosesAt !== undefined && v.registrationClosesAt !== null ? v.registrationClosesAt : current.registrationClosesAt,
    editionSize: v.editionSize ?? current.editionSize,
    perIdentityLimit: v.perIdentityLimit ?? current.perIdentityLimit,
  };
  const problems = dropTermProblems(next, now);
  if (problems.length) throw new ValidationError(problems);
  return {
    dropId: v.dropId,
    ...next,
    registrationClosesAt: next.mode === 'DRAW' ? next.registrationClosesAt : null,
    payWindowSeconds: v.payWindowMinutes != null ? Math.round(v.payWindowMinutes * 60) : current.payWindowSeconds,
    editionChanged: next.editionSize !== current.editionSize,
  };
}
