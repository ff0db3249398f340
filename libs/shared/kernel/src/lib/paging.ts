import { ValidationError } from './domain-error';

/**
 * Cursor pages as the services build them (the GraphQL lib gives them their schema types:
 * PageArgs, PageInfo, Paginated). Application code pages through these, not through GraphQL.
 */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 24;

export interface Page<T> {
  nodes: T[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  totalCount: number;
}

/** Page size after validation: refuses anything over MAX_PAGE_SIZE rather than clamping silently. */
export function pageSize(first: number | undefined | null): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new ValidationError([{ path: 'first', message: `must be between 1 and ${MAX_PAGE_SIZE}` }]);
  }
  return size;
}

/** Opaque cursors: base64url of a JSON tuple of the sort key and id. */
export function encodeCursor(values: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined, arity: number): (string | number | null)[] | null {
  if (!cursor) return null;
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === arity) return values;
  } catch {
    // fall through to the validation error
  }
  throw new ValidationError([{ path: 'after', message: 'is not a valid cursor' }]);
}

/**
 * Builds a page from rows fetched with `take + 1` (the extra row only says whether a next
 * page exists) and the cursor tuple of a row.
 */
export function toPage<T>(rows: readonly T[], take: number, totalCount: number, cursorOf: (row: T) => (string | number | null)[]): Page<T> {
  const nodes = rows.slice(0, take);
  const last = nodes[nodes.length - 1];
  return { nodes, totalCount, pageInfo: { hasNextPage: rows.length > take, endCursor: last ? encodeCursor(cursorOf(last)) : null } };
}
