import { decodeCursor, toPage, type Page } from '@vitrine/shared/graphql';
import { ValidationError } from '@vitrine/shared/kernel';
import { isUuid } from '../domain/ids';

/** A page of mapped rows fetched with take + 1. */
export function pageOf<R, T>(rows: readonly R[], take: number, total: number, cursorOf: (row: R) => (string | number | null)[], map: (row: R) => T): Page<T> {
  const page = toPage(rows, take, total, cursorOf);
  return { ...page, nodes: page.nodes.map(map) };
}

const bad = () => new ValidationError([{ path: 'after', message: 'is not a valid cursor' }]);

/** A cursor of [sort key, uuid]; `key` checks the sort key's shape. */
export function keyCursor(after: string | null | undefined, key: (v: unknown) => boolean): [string, string] | null {
  const v = decodeCursor(after, 2);
  if (!v) return null;
  if (!key(v[0]) || !isUuid(v[1])) throw bad();
  return [v[0] as string, v[1] as string];
}

export const isTime = (v: unknown) => typeof v === 'string' && !Number.isNaN(Date.parse(v));
export const isDay = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
export const isText = (v: unknown) => typeof v === 'string';

/** A cursor of one bigint id (ledger entries). */
export function idCursor(after: string | null | undefined): bigint | null {
  const v = decodeCursor(after, 1);
  if (!v) return null;
  if (typeof v[0] !== 'string' || !/^\d{1,19}$/.test(v[0])) throw bad();
  return BigInt(v[0]);
}
