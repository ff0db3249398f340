import { randomUUID } from 'node:crypto';
import { ValidationError } from '@vitrine/shared/kernel';
import { DROP_MIN_LEAD_MS, checkUpdateDrop } from './drop-input';

const now = new Date('2026-12-06T12:00:00Z');
const at = (ms: number) => new Date(now.getTime() + ms);
const queue = { mode: 'QUEUE' as const, startsAt: at(3_600_000), registrationClosesAt: null, editionSize: 10, perIdentityLimit: 2, payWindowSeconds: 300 };
const draw = { ...queue, mode: 'DRAW' as const, registrationClosesAt: at(7_200_000) };
const dropId = randomUUID();

const paths = (f: () => unknown): string[] => {
  try {
    f();
  } catch (e) {
    if (e instanceof ValidationError) return e.issues.map((i) => i.path);
    throw e;
  }
  return [];
};

describe('checkUpdateDrop', () => {
  it('keeps what is left out and replaces what is given', () => {
    expect(checkUpdateDrop({ dropId, editionSize: 12 }, queue, now)).toEqual({ dropId, ...queue, editionSize: 12, editionChanged: true });
    expect(checkUpdateDrop({ dropId, payWindowMinutes: 0.5, perIdentityLimit: null }, queue, now)).toMatchObject({ payWindowSeconds: 30, perIdentityLimit: 2, editionChanged: false });
    expect(checkUpdateDrop({ dropId, editionSize: 10 }, queue, now).editionChanged).toBe(false);
  });

  it('keeps the lead time of a new drop: a start at least DROP_MIN_LEAD_MS away, the kept one too', () => {
    expect(checkUpdateDrop({ dropId, startsAt: at(DROP_MIN_LEAD_MS) }, queue, now).startsAt).toEqual(at(DROP_MIN_LEAD_MS));
    expect(paths(() => checkUpdateDrop({ dropId, startsAt: at(DROP_MIN_LEAD_MS - 1) }, queue, now))).toEqual(['input.startsAt']);
    // A change to something else 3 s before the start: the start it keeps is too close.
    expect(paths(() => checkUpdateDrop({ dropId, editionSize: 5 }, { ...queue, startsAt: at(3_000) }, now))).toEqual(['input.startsAt']);
  });

  it('checks the result as a whole: limit within the edition, a draw’s registration after its start, none for a queue', () => {
    expect(paths(() => checkUpdateDrop({ dropId, editionSize: 1 }, queue, now))).toEqual(['input.perIdentityLimit']);
    expect(paths(() => checkUpdateDrop({ dropId, startsAt: at(8_000_000) }, draw, now))).toEqual(['input.registrationClosesAt']);
    expect(checkUpdateDrop({ dropId, startsAt: at(8_000_000), registrationClosesAt: at(9_000_000) }, draw, now)).toMatchObject({ registrationClosesAt: at(9_000_000) });
    expect(paths(() => checkUpdateDrop({ dropId, registrationClosesAt: at(9_000_000) }, queue, now))).toEqual(['input.registrationClosesAt']);
    expect(paths(() => checkUpdateDrop({ dropId: 'nope', editionSize: 0 }, queue, now)).sort()).toEqual(['input.dropId', 'input.editionSize']);
  });
});
