import { ValidationError, isUuid } from '@vitrine/shared/kernel';
import { decodeCursor } from './pagination';

/** The cursor of a newest-first list ordered by (a timestamp, id): `[iso time, uuid]`, or null for the first page. */
export function timeCursor(after: string | null | undefined): [string, string] | null {
  const values = decodeCursor(after, 2);
  if (!values) return null;
  const [at, id] = values;
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || !isUuid(id)) throw new ValidationError([{ path: 'after', message: 'is not a valid cursor' }]);
  return [at, id];
}
